"""Small dialogs of the Assess step: a one-key rating prompt and a touchpoint chooser."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tpworkshop.domain.model import Session
from tpworkshop.i18n.catalogs.tui_assess_dialogs import TEXT
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.display import content
from tpworkshop.tui.widgets.touchpoint_picker import TouchpointPicker

DIALOG_CSS: list[str | PurePath] = ["../screens/dialogs.tcss", "../screens/assess.tcss"]


def _lang(screen: ModalScreen[Any]) -> str:
    return cast(str, getattr(screen.app, "lang", "en"))


class RatingPrompt(TranslatedBindings[int | None], ModalScreen[int | None]):
    BINDING_CATALOGS = (TEXT,)
    """Rate with one key: 1..5, or 0 to clear (returned as 0); None when cancelled."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"rate({n})", "key.rate", show=False) for n in range(1, 6)),
        Binding("0,backspace,delete", "rate(0)", "key.clear", show=False),
        Binding("escape", "cancel", "key.cancel", show=False),
    ]

    def __init__(self, name: str, current: int | None) -> None:
        super().__init__()
        self.touchpoint_name = name
        self.current = current

    def compose(self) -> ComposeResult:
        lang = _lang(self)
        with Vertical(classes="dialog rating-dialog"):
            yield Label(
                content(TEXT("rate.title", lang, name=self.touchpoint_name)),
                classes="dialog-title",
            )
            yield Static(TEXT("rate.scale", lang), classes="rating-scale")
            yield Static(TEXT("rate.help", lang), classes="dialog-message")

    def action_rate(self, value: int) -> None:
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TouchpointChoice(TranslatedBindings[str | None], ModalScreen[str | None]):
    BINDING_CATALOGS = (TEXT,)
    """Pick a touchpoint from the map; returns its ref, "" for none, None if cancelled."""

    CSS_PATH = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", show=False),
    ]

    def __init__(self, title: str, session: Session, selected: str | None, none_label: str) -> None:
        super().__init__()
        self.title_text = title
        self.session = session
        self.selected = selected
        self.none_label = none_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog"):
            yield Label(content(self.title_text), classes="dialog-title")
            yield TouchpointPicker(id="choice-picker")
            yield Static(TEXT("choose.help", _lang(self)), classes="choice-help")

    def on_mount(self) -> None:
        picker = self.query_one(TouchpointPicker)
        picker.show(
            self.session,
            self.session.in_map_order(),
            self.selected,
            none_label=self.none_label,
        )
        picker.focus()

    def on_touchpoint_picker_chosen(self, event: TouchpointPicker.Chosen) -> None:
        self.dismiss(event.ref or "")

    def action_cancel(self) -> None:
        self.dismiss(None)
