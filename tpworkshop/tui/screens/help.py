"""Every key of the app, for the screen underneath and everywhere."""

from __future__ import annotations

from typing import ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tpworkshop.i18n.catalogs.tui import UI


def _key_label(screen: Screen[object], binding: Binding) -> str:
    return screen.app.get_key_display(binding)


def bindings_table(screen: Screen[object], lang: str) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    seen: set[tuple[str, str]] = set()
    for key, bindings in screen._bindings.key_to_bindings.items():
        for binding in bindings:
            if binding.description and (key, binding.description) not in seen:
                seen.add((key, binding.description))
                description = binding.description
                if description in UI:
                    description = UI(description, lang)
                table.add_row(_key_label(screen, binding), description)
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "key.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-content")

    def on_mount(self) -> None:
        from tpworkshop.tui.app import WorkshopApp, translate_bindings

        app = cast(WorkshopApp, self.app)
        lang = app.lang
        translate_bindings(self, UI, lang)
        below = app.screen_stack[-2] if len(app.screen_stack) > 1 else None
        content = Table.grid(padding=(0, 0))
        content.add_row(Text(UI("help.title", lang), style="bold reverse"))
        content.add_row(Text(UI("help.intro", lang), style="italic"))
        if below is not None:
            content.add_row(Text("\n" + UI("help.screen", lang), style="bold underline"))
            content.add_row(bindings_table(below, lang))
        content.add_row(Text("\n" + UI("help.global", lang), style="bold underline"))
        glob = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
        glob.add_column(style="bold cyan", no_wrap=True)
        glob.add_column()
        for bindings in app._bindings.key_to_bindings.values():
            for binding in bindings:
                glob.add_row(_key_label(self, binding), binding.description)
        glob.add_row("Ctrl+P", UI("key.palette", lang))
        glob.add_row("1-6", UI("key.step", lang, n="1-6"))
        glob.add_row("Tab / Shift+Tab", "↹")
        content.add_row(glob)
        content.add_row(Text("\n" + UI("help.close", lang), style="dim"))
        self.query_one("#help-content", Static).update(content)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
