"""Step 2, Segments: who the customers are, and whether they live the same touchpoints.

A table of segments (name, description, touchpoints) with add/edit/reorder/remove
keys, and a fast-entry line below it: type a name, Enter, type the next.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, ClassVar, cast

from rich.cells import cell_len
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from tpworkshop.domain.model import Position, Segment, clean
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.i18n.catalogs.tui_segments import TEXT
from tpworkshop.tui.display import content, visible_line
from tpworkshop.tui.edits import EDIT_FAILED
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.screens.dialogs import ConfirmDialog, FormDialog, FormField
from tpworkshop.tui.widgets.entry_input import EntryInput
from tpworkshop.tui.widgets.setup_table import MOVE_GROUP, KeyedTable, clip

TABLE_ACTIONS = {"add_segment", "edit_segment", "move_segment", "remove_segment"}


class SegmentsScreen(StepScreen):
    STEP = "segments"
    BINDING_CATALOGS = (TEXT, UI)
    AUTO_FOCUS = "#segments"
    CSS_PATH: ClassVar[Any] = ["base.tcss", "segments.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_segment", "key.add"),
        Binding("e", "edit_segment", "key.edit", show=False),
        Binding("less_than_sign,shift+up", "move_segment(-1)", "key.up", group=MOVE_GROUP),
        Binding("greater_than_sign,shift+down", "move_segment(1)", "key.down", group=MOVE_GROUP),
        Binding("x,delete", "remove_segment", "key.remove"),
        Binding("n", "type_new", "key.new", show=False),
        Binding("escape,up", "focus_list", "key.list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._first_fill = True

    def compose_body(self) -> ComposeResult:
        yield Static(TEXT("prompt", self.lang), id="segments-prompt")
        yield KeyedTable(id="segments", name=INPUT_TEXT("name.segments", self.lang))
        yield Static(TEXT("empty", self.lang), id="segments-empty")
        yield Static(id="segments-error")
        yield EntryInput(
            placeholder=TEXT("fast.placeholder", self.lang),
            id="segment-new",
            name=INPUT_TEXT("name.new_segment", self.lang),
            leave_to=self._leave_to,
        )

    def on_mount(self) -> None:
        table = self.query_one("#segments", KeyedTable)
        for key in ("col.n", "col.name", "col.description", "col.tps"):
            table.add_column(TEXT(key, self.lang), key=key)

    def land(self, position: Position) -> None:
        table = self.query_one("#segments", KeyedTable)
        table.select_key(position.segment)
        table.focus()

    def action_switch_pane(self) -> None:
        """F6: from the typing line back to the list, from the list to the typing line."""
        if isinstance(self.focused, Input):
            self.action_focus_list()
        else:
            self.action_type_new()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Segment keys act only when the list, not the typing line, has focus."""
        typing = isinstance(self.focused, Input)
        if action in TABLE_ACTIONS:
            return not typing
        if action == "focus_list":
            return typing
        return True

    # --- redraw ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted or self.workshop.session is None:
            return
        session = self.session
        counts = Counter(tp.segment for tp in session.touchpoints)
        table = self.query_one("#segments", KeyedTable)
        name_width, description_width = self._column_widths(table.size.width)
        rows = [
            (
                segment.key,
                (
                    str(n),
                    clip(segment.name, name_width),
                    clip(segment.description, description_width),
                    str(counts[segment.key]),
                ),
            )
            for n, segment in enumerate(session.segments, start=1)
        ]
        select = None
        if self._first_fill:
            self._first_fill = False
            select = session.position.segment
        table.show_rows(rows, select=select)
        self.query_one("#segments-empty", Static).display = not session.segments

    def _column_widths(self, width: int) -> tuple[int, int]:
        """Name and description widths that fit the table (80 columns before layout)."""
        count = len(TEXT("col.tps", self.lang))
        usable = (width or 80) - 3 - (count + 2) - 4 - 2  # '#', count, cell padding, scrollbar
        # Names first: a name takes what it needs, up to what leaves the descriptions the
        # room they need (at least their header), never less than 12 nor more than 40.
        segments = self.session.segments if self.workshop.session is not None else []
        longest = max((cell_len(visible_line(s.name)) for s in segments), default=12)
        described = max((cell_len(visible_line(s.description)) for s in segments), default=0)
        header = len(TEXT("col.description", self.lang))
        description = max(header, min(described, usable // 2))
        name = max(12, min(40, longest, usable - description))
        return name, max(header, usable - name)

    def on_keyed_table_resized(self, event: KeyedTable.Resized) -> None:
        self.refresh_view()

    def selected_segment(self) -> Segment | None:
        key = self.query_one("#segments", KeyedTable).selected_key
        return self.session.segment(key) if key else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Read the table now rather than the event: a redraw may have moved the cursor.
        key = self.query_one("#segments", KeyedTable).selected_key
        if key is not None and self.workshop.session is not None:
            self.note_position(segment=key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit_segment()

    # --- fast entry ------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "segment-new":
            return
        entry = cast(EntryInput, event.input)
        typed = event.value
        if not typed.strip():
            return
        try:
            clean("segment", "name", typed)
        except ValidationError as error:
            entry.restore(typed)
            self.call_after_refresh(self._show_error, error.message(self.lang))
            return
        app = self.workshop
        key = app.edit(app.store.add_segment, app.session_id, typed)
        if key is EDIT_FAILED:
            entry.restore(typed)
            self.call_after_refresh(self._show_error, app.live.last_error or "")
            return
        self._show_error(None)
        self.query_one("#segments", KeyedTable).select_key(str(key))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "segment-new" and not event.value.strip():
            self._show_error(None)

    def _show_error(self, sentence: str | None) -> None:
        line = self.query_one("#segments-error", Static)
        line.update(content(TEXT("not_saved", self.lang, error=sentence) if sentence else ""))
        line.display = bool(sentence)
        self.query_one("#segment-new", Input).set_class(bool(sentence), "-bad")

    def action_type_new(self) -> None:
        self.query_one("#segment-new", Input).focus()

    def _leave_to(self, key: str) -> Widget | None:
        """Up and Escape leave the typing line for the list (the focus_list keys)."""
        return self.query_one("#segments", KeyedTable) if key in ("up", "escape") else None

    def action_focus_list(self) -> None:
        self.set_focus(self.query_one("#segments", KeyedTable))

    # --- dialogs ---------------------------------------------------------------------

    def _validate(self, values: dict[str, str]) -> str | None:
        try:
            clean("segment", "name", values["name"])
            clean("segment", "description", values["description"])
        except ValidationError as error:
            return error.message(self.lang)
        return None

    def _form(self, title: str, segment: Segment | None) -> FormDialog:
        return FormDialog(
            title,
            [
                FormField("name", TEXT("field.name", self.lang), segment.name if segment else ""),
                FormField(
                    "description",
                    TEXT("field.description", self.lang),
                    segment.description if segment else "",
                ),
            ],
            self._validate,
        )

    def action_add_segment(self) -> None:
        def added(values: dict[str, str] | None) -> None:
            if values is None:
                return
            app = self.workshop
            key = app.edit(
                app.store.add_segment, app.session_id, values["name"], values["description"]
            )
            if isinstance(key, str):
                self.query_one("#segments", KeyedTable).select_key(key)

        self.app.push_screen(self._form(TEXT("add.title", self.lang), None), added)

    def action_edit_segment(self) -> None:
        segment = self.selected_segment()
        if segment is None:
            return

        def edited(values: dict[str, str] | None) -> None:
            if values is None:
                return
            changes = {
                name: value
                for name, value in values.items()
                if clean("segment", name, value) != getattr(segment, name)
            }
            if changes:
                self.workshop.edit(self.workshop.store.update_segment, segment.db_id, **changes)

        self.app.push_screen(
            self._form(TEXT("edit.title", self.lang, name=segment.name), segment), edited
        )

    def action_move_segment(self, offset: int) -> None:
        segment = self.selected_segment()
        if segment is None:
            return
        index = self.session.segments.index(segment)
        if 0 <= index + offset < len(self.session.segments):
            self.workshop.edit(self.workshop.store.move_segment, segment.db_id, offset)

    def action_remove_segment(self) -> None:
        segment = self.selected_segment()
        if segment is None:
            return
        n = sum(1 for tp in self.session.touchpoints if tp.segment == segment.key)
        if n == 0:
            self._remove(segment)
            return
        variant = "remove.one" if n == 1 else "remove.many"
        self.app.push_screen(
            ConfirmDialog(TEXT(variant, self.lang, name=segment.name, n=n)),
            lambda yes: self._remove(segment) if yes else None,
        )

    def _remove(self, segment: Segment) -> None:
        if self.workshop.edit(self.workshop.store.remove_segment, segment.db_id) is None:
            self.notify(TEXT("removed", self.lang, name=segment.name), timeout=4)

    # --- palette ---------------------------------------------------------------------

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang
        for name, callback in (
            ("add", self.action_add_segment),
            ("edit", self.action_edit_segment),
            ("up", lambda: self.action_move_segment(-1)),
            ("down", lambda: self.action_move_segment(1)),
            ("remove", self.action_remove_segment),
            ("new", self.action_type_new),
            ("list", self.action_focus_list),
        ):
            yield SystemCommand(TEXT(f"cmd.{name}", lang), TEXT(f"cmd.{name}.help", lang), callback)
