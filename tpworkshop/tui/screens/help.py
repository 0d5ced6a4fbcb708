"""Every key of the app, for the screen underneath and everywhere."""

from __future__ import annotations

import sys
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.tui.bindings import (
    TranslatedBindings,
    declared_bindings,
    interface_language,
    shown_bindings,
)


def _key_label(screen: Screen[Any], binding: Binding) -> str:
    return spelled(screen.app.get_key_display(binding))


def spelled(display: str) -> str:
    """A key as the help writes it, in words: the footer's «^q» is «Ctrl+Q» here, «Cmd+c»
    is «Cmd+C» (the help has room; glossary: Ctrl, with ^ only in the footer)."""
    parts = [
        f"Ctrl+{part[1:]}" if part.startswith("^") and len(part) > 1 else part
        for part in display.split("+")
    ]
    text = "+".join(parts)
    head, _, last = text.rpartition("+")
    if head and len(last) == 1 and last.isalpha():
        text = f"{head}+{last.upper()}"
    return text


def on_this_platform(binding: Binding) -> bool:
    """Textual binds Cmd (super) keys for macOS; elsewhere no keyboard has them."""
    return sys.platform == "darwin" or not binding.key.startswith("super+")


def _keys_table() -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    return table


def bindings_table(screen: Screen[object]) -> Table:
    """The keys ``screen`` itself binds, each key and description once."""
    table = _keys_table()
    seen: set[tuple[str, str]] = set()
    for binding in shown_bindings(screen, declared_bindings(screen)):
        if not on_this_platform(binding):
            continue
        if binding.description and (binding.key, binding.description) not in seen:
            seen.add((binding.key, binding.description))
            table.add_row(_key_label(screen, binding), binding.description)
    return table


def app_bindings(node: DOMNode) -> list[Binding]:
    """The app's own keys, with the command palette's key Textual adds to them."""
    app = node.app
    bindings = declared_bindings(app)
    palette = app.COMMAND_PALETTE_BINDING
    if app.ENABLE_COMMAND_PALETTE and not any(b.key == palette for b in bindings):
        bindings.append(
            Binding(palette, "command_palette", "palette", key_display=app.COMMAND_PALETTE_DISPLAY)
        )
    return bindings


class HelpScreen(TranslatedBindings[None], ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "key.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-content")

    def on_mount(self) -> None:
        app = self.app
        lang = interface_language(self)
        below = app.screen_stack[-2] if len(app.screen_stack) > 1 else None
        content = Table.grid(padding=(0, 0))
        content.add_row(Text(UI("help.title", lang), style="bold reverse"))
        content.add_row(Text(UI("help.intro", lang), style="italic"))
        if below is not None:
            content.add_row(Text("\n" + UI("help.screen", lang), style="bold underline"))
            content.add_row(bindings_table(below))
        content.add_row(Text("\n" + UI("help.global", lang), style="bold underline"))
        glob = _keys_table()
        for binding in shown_bindings(app, app_bindings(app)):
            if binding.action == "command_palette":
                continue  # its own line below, «Comandos»
            if binding.description and on_this_platform(binding):  # ctrl+c has none
                glob.add_row(_key_label(self, binding), binding.description)
        glob.add_row(UI("help.palette_key", lang), UI("key.palette", lang))
        glob.add_row("1-6", UI("key.step", lang, n="1-6"))
        glob.add_row(UI("help.tab_keys", lang), UI("help.tab", lang))
        content.add_row(glob)
        content.add_row(Text("\n" + UI("help.close", lang), style="dim"))
        self.query_one("#help-content", Static).update(content)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
