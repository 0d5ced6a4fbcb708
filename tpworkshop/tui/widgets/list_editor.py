"""Edit a list of one-line texts as a list: add, edit, remove and reorder items.

The items show above an input. Type and press Enter to add the next item. In the
items: Enter loads the highlighted item into the input to edit it (Enter saves,
Ctrl+G or Escape cancels; the label says so, from ``editing``, a text with ``{n}``),
and the screen's keys remove or move it (see ``remove_highlighted`` and
``move_highlighted``).

The editor never stores anything itself: every change calls ``commit(new_items)``,
which returns ``None`` when it was saved or one sentence saying why not; the
sentence shows under the input and the input keeps its text. ``set_items`` shows the
stored list again (another participant's change arrives that way) without touching
what is being typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tpworkshop.tui.widgets.entry_input import EntryInput

Commit = Callable[[list[str]], str | None]


class ItemList(OptionList):
    """The items of a ListEditor (Enter edits the highlighted item)."""


class ListEditor(Vertical):
    DEFAULT_CLASSES = "list-editor"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g,escape", "cancel_edit", show=False),
    ]

    def __init__(
        self,
        *,
        label: str,
        placeholder: str,
        editing: str,
        commit: Commit,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.placeholder = placeholder
        self.editing_text = editing
        self.commit = commit
        self.items: list[str] = []
        self.editing: int | None = None
        self._editing_original = ""

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield ItemList(compact=True, classes="list-items")
        yield EntryInput(placeholder=self.placeholder, compact=True, classes="list-input")
        yield Static("", classes="field-error")

    def on_mount(self) -> None:
        self._render_items()
        self.set_error(None)

    @property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    @property
    def input(self) -> EntryInput:
        return self.query_one(".list-input", EntryInput)

    # --- showing ---------------------------------------------------------------------

    def set_label(self, label: Text | str) -> None:
        self._label_shown = Text(label) if isinstance(label, str) else label
        self._show_label()

    def _show_label(self) -> None:
        label = getattr(self, "_label_shown", None) or Text(self.label, style="bold")
        if self.editing is not None:
            note = self.editing_text.format(n=self.editing + 1)
            label = label + Text(f" — {note}", style="italic")
        self.query_one(".field-label", Label).update(label)

    def set_items(self, items: Sequence[str]) -> None:
        """Show the stored items; keeps the highlight and whatever is being typed."""
        items = list(items)
        if items == self.items:
            return
        self.items = items
        if self.is_mounted:
            self._render_items()

    def reset(self, items: Sequence[str]) -> None:
        """Show another touchpoint's items: forget typing, editing and errors."""
        self.editing = None
        self._show_label()
        self.input.value = ""
        self.set_error(None)
        self.items = list(items)
        self._render_items()
        self.item_list.highlighted = 0 if self.items else None

    def _render_items(self) -> None:
        view = self.item_list
        keep = view.highlighted
        view.set_options(Option(Text(f"• {item}")) for item in self.items)
        view.display = bool(self.items)
        if self.items:
            view.highlighted = min(keep or 0, len(self.items) - 1)

    def set_error(self, sentence: str | None) -> None:
        error = self.query_one(".field-error", Static)
        error.update(sentence or "")
        error.display = bool(sentence)

    # --- changing --------------------------------------------------------------------

    def _apply(self, items: list[str]) -> bool:
        sentence = self.commit(items)
        self.set_error(sentence)
        return sentence is None

    def submit_input(self, typed: str | None = None) -> bool:
        """Add the typed item (or save the one being edited). False if refused.

        ``typed`` is what was in the entry when Enter was pressed (the entry has
        already cleared itself); a refused item is put back to be fixed.
        """
        text = self.input.value if typed is None else typed
        accepted = self._submit(text)
        if not accepted and typed is not None:
            self.input.restore(typed)
        return accepted

    def _submit(self, text: str) -> bool:
        if self.editing is not None:
            items = list(self.items)
            if not text.strip():
                self.action_cancel_edit()
                return True
            if self._editing_original in items:
                items[items.index(self._editing_original)] = text
            else:
                items.append(text)
        elif not text.strip():
            self.set_error(None)
            return True
        else:
            items = [*self.items, text]
        if not self._apply(items):
            return False
        self.input.value = ""
        if self.editing is not None:
            index = self.items.index(text.strip()) if text.strip() in self.items else None
            self.editing = None
            self._show_label()
            if index is not None:
                self.item_list.highlighted = index
                self.item_list.focus()
        return True

    def start_edit(self, index: int) -> None:
        if not 0 <= index < len(self.items):
            return
        self.editing = index
        self._editing_original = self.items[index]
        self._show_label()
        self.input.value = self.items[index]
        self.input.focus()
        self.input.cursor_position = len(self.input.value)

    def action_cancel_edit(self) -> None:
        if self.editing is None:
            return
        index = self.editing
        self.editing = None
        self._show_label()
        self.input.value = ""
        self.set_error(None)
        if self.items:
            self.item_list.highlighted = min(index, len(self.items) - 1)
            self.item_list.focus()

    def remove_highlighted(self) -> bool:
        index = self.item_list.highlighted
        if index is None or not 0 <= index < len(self.items):
            return False
        items = [item for i, item in enumerate(self.items) if i != index]
        return self._apply(items)

    def move_highlighted(self, offset: int) -> bool:
        index = self.item_list.highlighted
        if index is None or not 0 <= index < len(self.items):
            return False
        target = max(0, min(len(self.items) - 1, index + offset))
        if target == index:
            return False
        items = list(self.items)
        items.insert(target, items.pop(index))
        if not self._apply(items):
            return False
        self.item_list.highlighted = target
        return True

    # --- events ----------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit_input(event.value)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving the input keeps what was typed: it becomes an item."""
        event.stop()
        if event.input.value.strip():
            self.submit_input()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.start_edit(event.option_index)
