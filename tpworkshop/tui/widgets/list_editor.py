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
from functools import cached_property
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tpworkshop.tui.display import content, content_line, show_content, visible_line
from tpworkshop.tui.widgets.entry_input import EntryInput

Commit = Callable[[list[str]], str | None]


class ItemList(OptionList):
    """The items of a ListEditor (Enter edits the highlighted item)."""

    def on_blur(self) -> None:
        # Reserved rows are disabled blank options (see ListEditor._render_items).
        self.can_focus = any(not option.disabled for option in self.options)


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
        items_name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.items_name = items_name
        self.placeholder = placeholder
        self.editing_text = editing
        self.commit = commit
        self.items: list[str] = []
        self.editing: int | None = None
        self._editing_original = ""
        self._label_shown: Text | None = None
        self._label_drawn: Text | None = None
        self._error_shown: str | None = None
        self._items_drawn: tuple[list[str], int] | None = None
        self._reserved = 0
        self._rows_drawn: int | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield ItemList(compact=True, classes="list-items", name=self.items_name)
        yield EntryInput(
            placeholder=self.placeholder, compact=True, classes="list-input", name=self.label
        )
        yield Static("", classes="field-error")

    def on_mount(self) -> None:
        self._render_items()
        self.set_error(None)

    # The parts are looked up once: a touchpoint change touches every one of them.

    @cached_property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    @cached_property
    def input(self) -> EntryInput:
        return self.query_one(".list-input", EntryInput)

    @cached_property
    def _label_widget(self) -> Label:
        return self.query_one(".field-label", Label)

    @cached_property
    def _error_widget(self) -> Static:
        return self.query_one(".field-error", Static)

    # --- showing ---------------------------------------------------------------------

    def set_label(self, label: Text | str) -> None:
        self._label_shown = Text(label) if isinstance(label, str) else label
        self._show_label()

    def _show_label(self) -> None:
        label = self._label_shown or Text(self.label, style="bold")
        if self.editing is not None:
            note = self.editing_text.format(n=self.editing + 1)
            label = label + Text(f" — {note}", style="italic")
        if label != self._label_drawn:
            self._label_drawn = label
            show_content(self._label_widget, label)

    def set_items(self, items: Sequence[str]) -> None:
        """Show the stored items; keeps the highlight and whatever is being typed."""
        items = list(items)
        if items == self.items:
            return
        self.items = items
        if self.is_mounted:
            self._render_items()

    def reset(self, items: Sequence[str]) -> None:
        """Show another touchpoint's items: forget typing, editing and errors.

        What already shows as wanted is left alone (each change can cost a layout).
        """
        if self.editing is not None:
            self.editing = None
            self._show_label()
        if self.input.value:
            self.input.value = ""
        self.set_error(None)
        self.items = list(items)
        self._render_items()
        self.item_list.highlighted = 0 if self.items else None

    def reserve(self, rows: int) -> None:
        """Keep room for ``rows`` items however many the shown list has.

        Paging through touchpoints then leaves every field where it was: a list that
        changed height would move all the fields below it and lay out the screen
        again (20-40 ms of a key press). A longer list still grows.
        """
        self._reserved = rows
        if self.is_mounted:
            self._render_items()

    def _render_items(self) -> None:
        view = self.item_list
        rows = self._size_items()
        if (self.items, rows) == self._items_drawn:
            return
        self._items_drawn = (list(self.items), rows)
        # Reserved rows hold no item: no Tab stop on an empty list (its letters would be
        # commands where the room expects to type). A list that has just lost its last
        # item keeps the focus it has until it is left (see ItemList.on_blur).
        view.can_focus = bool(self.items) or view.has_focus
        keep = view.highlighted
        # The reserved rows are blank disabled options (never highlighted, never chosen):
        # the list's virtual height is then its height whatever the touchpoint, and
        # showing another touchpoint's items asks Textual for no layout pass (OptionList
        # asks for one whenever its number of lines changes).
        options = [Option(content_line(f"• {item}")) for item in self.items]
        options.extend(Option("", disabled=True) for _ in range(rows - len(self.items)))
        view.set_options(options)
        if self.items:
            view.highlighted = min(keep or 0, len(self.items) - 1)

    def _size_items(self) -> int:
        """Height of the item list: the items or the reserved rows, whichever is more."""
        rows = max(self._reserved, len(self.items))
        if rows != self._rows_drawn:
            self._rows_drawn = rows
            view = self.item_list
            view.styles.height = rows
            view.display = rows > 0
        return rows

    def set_error(self, sentence: str | None) -> None:
        if self._error_shown == (sentence or ""):
            return
        self._error_shown = sentence or ""
        error = self._error_widget
        error.update(content(sentence or ""))
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
        self.input.value = visible_line(self.items[index])
        self.input.focus()
        self.input.cursor_position = len(self.input.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc cancels an item's edit; otherwise it is the screen's (leave the field)."""
        if action == "cancel_edit":
            return self.editing is not None
        return True

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
