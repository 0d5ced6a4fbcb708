"""Go to a field: the form's fields in a list, numbered; Enter or the number goes there.

Details opens it with Ctrl+L (from anywhere, a text field too) or g (from a list). The
field the cursor is in is highlighted; Escape or Ctrl+G closes it without moving, as
every dialog of the app does, and no letter closes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.display import content


class FieldPicker(TranslatedBindings[str | None], ModalScreen[str | None]):
    """``fields``: (name, label, missing) in the form's order; dismissed with the name."""

    CSS_PATH = "field_picker.tcss"
    BINDING_CATALOGS = (INPUT_TEXT, UI)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "key.cancel"),
        *(Binding(str(n), f"pick({n - 1})", "key.go_field", show=False) for n in range(1, 10)),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[tuple[str, str, bool]],
        *,
        current: str | None = None,
        missing: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.current = current
        self.missing = missing

    def compose(self) -> ComposeResult:
        with Vertical(id="field-picker-box"):
            yield Label(content(self.title_text), id="field-picker-title")
            yield OptionList(*self._options(), id="field-picker-options")

    def _options(self) -> list[Option]:
        options = []
        for n, (name, label, missing) in enumerate(self.fields, start=1):
            text = Text.assemble((f"{n} ", "bold"), label)
            if missing:
                text.append(f"  {self.missing}", style="yellow")
            options.append(Option(text, id=name))
        return options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [name for name, _, _ in self.fields]
        options.highlighted = names.index(self.current) if self.current in names else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.fields):
            self.dismiss(self.fields[index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
