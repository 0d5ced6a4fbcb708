"""Step 3: the map, segments x stages, and fast brainstorming of touchpoints per cell.

The map (a :class:`MapGrid`) is the working surface: arrows choose a cell, Enter
jumps to the name field (type, Enter, type, Enter: the field keeps focus), and the
list under it shows the cell's touchpoints with keys for channel, kind, initiative,
rename, copy, move, reorder and delete with undo.

Redraws (after each edit and whenever another participant commits) keep the map on
the same cell, the list on the same touchpoint and never touch the half-typed name.
With thousands of touchpoints the screen indexes them per cell in one pass per
reload; moving the cursor only redraws one small cell list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from operator import attrgetter
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, SelectionList, Static

from tpworkshop.domain.model import INITIATIVES, KINDS, Position, Session, Touchpoint, clean
from tpworkshop.domain.text import fold
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.i18n.catalogs.tui_touchpoints import TEXT
from tpworkshop.storage import Change
from tpworkshop.tui.cell_index import index_cells, reindex_cells
from tpworkshop.tui.display import content, visible_line
from tpworkshop.tui.edits import EditFailed
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.screens.dialogs import ChoiceDialog, FormDialog, FormField, model_check
from tpworkshop.tui.widgets.entry_input import EntryInput
from tpworkshop.tui.widgets.map_grid import Cell, MapGrid
from tpworkshop.tui.widgets.touchpoint_channel import ChannelDialog
from tpworkshop.tui.widgets.touchpoint_list import ListColumn, TouchpointList

# Actions that work on the touchpoint under the list cursor (keys only when it has focus).
LIST_ACTIONS = frozenset(
    {
        "channel",
        "kind",
        "initiative",
        "rename",
        "copy",
        "move_stage",
        "move_segment",
        "reorder",
        "delete",
    }
)
POSITION_DELAY = 0.3  # seconds of stillness before the cursor position is written
LIST_FIXED = {"ref": 5, "channel": 14, "kind": 9, "initiative": 10}
MIN_NAME_WIDTH = 12

LIST_KEYS = ("ref", "name", "channel", "kind", "initiative")


class PickDialog(ChoiceDialog):
    """ChoiceDialog with the highlight already on an option, so Down/Up then Enter pick
    what the facilitator sees (the shared dialog starts with no highlight)."""

    def on_mount(self) -> None:
        choices = self.query_one(SelectionList)
        if choices.option_count:
            ticked = (i for i, (value, _) in enumerate(self.options) if value in self.selected)
            choices.highlighted = next(ticked, 0)


REF = attrgetter("ref")


def ref_width(touchpoints: Iterable[Touchpoint]) -> int:
    """The width of the Id column for these touchpoints' refs."""
    return max(LIST_FIXED["ref"], max(map(len, map(REF, touchpoints)), default=0))


class TouchpointsScreen(StepScreen):
    STEP = "touchpoints"
    BINDING_CATALOGS = (TEXT, UI)
    CSS_PATH: ClassVar[list[str]] = ["base.tcss", "touchpoints.tcss"]  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer has room for about six keys at 80 columns: the ones a facilitator
        # uses every minute are shown, the rest are in F1 help and the palette.
        Binding("m", "focus_map", "key.map", show=False),
        Binding("up,escape", "leave_input", "key.map"),
        Binding("escape", "focus_map", "key.map", show=False),  # from the cell list too
        Binding("down", "input_down", "key.to_list", show=False),
        Binding("enter", "add", "key.choose", show=False),
        Binding("a", "add", "key.add", show=False),
        Binding("l", "focus_list", "key.list", show=False),
        Binding("c", "channel", "key.channel"),
        Binding("k", "kind", "key.kind"),
        Binding("i", "initiative", "key.initiative"),
        Binding("y", "copy", "key.copy", show=False),  # F1 and the palette name it
        Binding("v", "move_stage", "key.move", show=False),
        Binding("x,delete", "delete", "key.delete"),
        Binding("r", "rename", "key.rename", show=False),
        Binding("V", "move_segment", "key.move_segment", show=False),
        Binding("less_than_sign,shift+up", "reorder(-1)", "key.up", show=False),
        Binding("greater_than_sign,shift+down", "reorder(1)", "key.down", show=False),
        Binding("u", "app.undo", "key.undo", show=False),  # Ctrl+Z too, everywhere (F1)
    ]

    def __init__(self) -> None:
        super().__init__()
        self._cells: dict[Cell, list[Touchpoint]] = {}
        self._indexed: Session | None = None
        self._shown_cell: Cell | None = None
        self._list_ref: str | None = None
        self._pending_ref: str | None = None
        self._position_timer: Timer | None = None
        self._where: tuple[Cell | None, str | None] = (None, None)
        self._ref_width = LIST_FIXED["ref"]
        self._error: str | None = None
        self._refused: str | None = None
        self._hint_text: str | None = None

    # --- layout ----------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        yield MapGrid(id="tp-map", on_move=self._cell_moved, name=INPUT_TEXT("name.map", lang))
        yield Static(id="tp-cell-title")
        yield EntryInput(
            id="tp-name",
            name=INPUT_TEXT("name.new_touchpoint", lang),
            on_submit=self._add_touchpoint,
            leave_to=self._leave_to,
        )
        yield Static(id="tp-hint")
        yield TouchpointList(id="tp-list", name=INPUT_TEXT("name.cell_list", lang))

    @property
    def grid(self) -> MapGrid:
        return self.query_one("#tp-map", MapGrid)

    @property
    def name_input(self) -> EntryInput:
        return self.query_one("#tp-name", EntryInput)

    @property
    def cell_list(self) -> TouchpointList:
        return self.query_one("#tp-list", TouchpointList)

    def on_mount(self) -> None:
        # StepScreen.on_mount runs after this one and calls refresh_view(), then land().
        self.grid.focus()

    def land(self, position: Position) -> None:
        """The map's cursor on the position's cell (the touchpoint's, if it names one), the
        list's on the touchpoint; the focus on the map."""
        segment, stage = position.segment, position.stage
        tp = self.session.touchpoint(position.touchpoint) if position.touchpoint else None
        if tp is not None:
            segment, stage = tp.segment, tp.stage
        if segment and stage:
            self._pending_ref = tp.ref if tp is not None else None
            if not self.grid.select_cell(segment, stage) or self.grid.current == self._shown_cell:
                self._show_cell()
        self._pending_ref = None
        self.grid.focus()

    def before_leaving(self) -> None:
        self._save_position_now()

    # --- redraw ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted or self.workshop.session is None:
            return
        session = self.session
        self._index()
        counts = {cell: len(tps) for cell, tps in self._cells.items()}
        self.grid.show(session, counts)
        self._show_cell()

    def _index(self) -> None:
        """Touchpoints per cell (the session is replaced on every reload)."""
        session = self.session
        previous = self._indexed
        if previous is session:
            return
        added = None
        if previous is not None:
            self._cells, added = reindex_cells(self._cells, previous, session)
        else:
            self._cells = index_cells(session)
        if added is None:  # indexed from scratch
            self._ref_width = ref_width(session.touchpoints)
        else:  # new refs only widen the column (after a removal it may stay a cell wider)
            self._ref_width = max(self._ref_width, ref_width(added))
        self._indexed = session

    def _show_cell(self) -> None:
        """Title, placeholder, hint and the list of the cell under the map cursor."""
        cell = self.grid.current
        tps = self._cells.get(cell, []) if cell else []
        self._show_title(cell, len(tps))
        self._show_hint(cell, tps)
        self._fill_list(cell, tps)
        self._remember_position()

    def _names(self, cell: Cell) -> tuple[str, str]:
        segment = self.session.segment(cell[0])
        stage = self.session.stage(cell[1])
        return (segment.name if segment else cell[0], stage.name if stage else cell[1])

    def _show_title(self, cell: Cell | None, count: int) -> None:
        lang = self.lang
        title = Text(no_wrap=True, overflow="ellipsis")
        if cell is not None:
            segment, stage = self._names(cell)
            title.append(
                visible_line(TEXT("cell.title", lang, segment=segment, stage=stage)), style="bold"
            )
            key = "cell.count.0" if count == 0 else "cell.count.1" if count == 1 else "cell.count.n"
            title.append(f"  {TEXT(key, lang, n=count)}")
            # What the field says depends on whether it has the cursor: keys typed on the
            # map are commands, so the field must not look as if it took them.
            typing = self.name_input.has_focus
            key = "placeholder" if typing else "placeholder.idle"
            placeholder = visible_line(TEXT(key, lang, segment=segment, stage=stage))
        else:
            placeholder = TEXT("placeholder.none", lang)
        total = len(self.session.touchpoints)
        separator = "  ·  " if cell is not None else ""
        title.append(f"{separator}{TEXT('cell.total', lang, n=total)}", style="dim")
        # One line high whatever it says: a repaint, not a layout of the screen.
        self.query_one("#tp-cell-title", Static).update(title, layout=False)
        placeholder = self._fit_placeholder(placeholder)
        if self.name_input.placeholder != placeholder:
            self.name_input.placeholder = placeholder

    def _fit_placeholder(self, text: str) -> str:
        """One line of the name field, cut with an ellipsis: Input wraps a longer
        placeholder and shows its first line, so a long stage name lost its end unmarked
        ("Familias jóvenes · Contacto" for "… · Contacto fundamental")."""
        width = self.name_input.content_size.width or self.app.size.width - 6
        line = Text(text, no_wrap=True)
        line.truncate(max(1, width), overflow="ellipsis")
        return line.plain

    def on_resize(self, event: events.Resize) -> None:
        # After the layout that gives the field its new width.
        self.call_after_refresh(self._refit_placeholder)

    def _refit_placeholder(self) -> None:
        if self.is_mounted and self.workshop.session is not None:
            cell = self.grid.current
            self._show_title(cell, len(self._cells.get(cell, [])) if cell else 0)

    def _show_hint(
        self, cell: Cell | None, tps: list[Touchpoint], error: str | None = None
    ) -> None:
        hint = self.query_one("#tp-hint", Static)
        # An inline error stays (even across a live refresh) until the name changes.
        if error is not None:
            self._error = error
        error = self._error
        hint.set_class(error is not None, "error")
        if error is not None:
            text = error
        elif not self.session.segments:
            text = TEXT("hint.no_segments", self.lang)
        elif not self.session.stages:
            text = TEXT("hint.no_stages", self.lang)
        elif cell is not None and not tps:
            text = TEXT("hint.empty_cell", self.lang)
        else:
            text = ""
        if text != self._hint_text:
            # Most cells have no hint: moving between them must not lay out the screen.
            self._hint_text = text
            hint.update(content(text))
            hint.display = bool(text)

    # --- the cell list ---------------------------------------------------------------

    def _columns(self) -> list[ListColumn]:
        """The list's columns; the name takes the room the others leave."""
        widths = {**LIST_FIXED, "ref": self._ref_width, "name": MIN_NAME_WIDTH}
        return [
            ListColumn(
                key,
                TEXT(f"col.{key}", self.lang),
                widths[key],
                dim=key == "ref",
                flex=key == "name",
            )
            for key in LIST_KEYS
        ]

    def _row(self, tp: Touchpoint) -> tuple[str, ...]:
        lang = self.lang
        return (
            tp.ref,
            tp.name,
            tp.channel,
            TEXT(f"kind.{tp.kind}", lang) if tp.kind else "",
            TEXT(f"initiative.{tp.initiative}", lang) if tp.initiative else "",
        )

    def _fill_list(self, cell: Cell | None, tps: list[Touchpoint]) -> None:
        """Cheap whatever the cell's size: the list formats only the lines on screen."""
        table = self.cell_list
        columns = self._columns()
        if columns != table.columns:
            table.set_columns(columns)
        same_cell = cell == self._shown_cell
        target = self._pending_ref or (self._list_ref if same_cell else None)
        self._pending_ref = None
        if not same_cell:
            table.cursor = 0
        table.set_rows([(tp.ref, self._row(tp)) for tp in tps], target)
        self._shown_cell = cell
        self._list_ref = table.current_key

    def _current_ref(self) -> str | None:
        return self.cell_list.current_key

    def _select_ref(self, ref: str) -> None:
        if self.cell_list.select_key(ref):
            self._list_ref = ref
            self._remember_position()

    def selected_touchpoint(self) -> Touchpoint | None:
        """The touchpoint under the list cursor, from the current session."""
        ref = self._current_ref()
        cell = self._shown_cell
        if ref is None or cell is None:
            return None
        return next((tp for tp in self._cells.get(cell, []) if tp.ref == ref), None)

    # --- events ----------------------------------------------------------------------

    def _cell_moved(self, segment_key: str, stage_key: str) -> None:
        """Called by the map as its cursor moves (before it repaints)."""
        if (
            self.is_mounted
            and self._cells is not None
            and (segment_key, stage_key) != self._shown_cell
        ):
            self._show_cell()

    def on_map_grid_cell_selected(self, event: MapGrid.CellSelected) -> None:
        self.action_add()

    def on_touchpoint_list_highlighted(self, event: TouchpointList.Highlighted) -> None:
        if event.key != self._list_ref:
            self._list_ref = event.key
            self._remember_position()

    def on_touchpoint_list_selected(self, event: TouchpointList.Selected) -> None:
        self.action_rename()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self.name_input and event.value != self.name_input.value:
            return  # stale: the field was cleared on Enter, then a refused name put back
        if event.input is self.name_input and event.value == self._refused:
            return  # the refused name (typed, or put back): its error stays shown
        if event.input is self.name_input and self._error is not None:
            self._error = self._refused = None
            cell = self.grid.current
            self._show_hint(cell, self._cells.get(cell, []) if cell else [])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The footer follows by itself: Textual refreshes the bindings on every focus change.
        if event.widget is self.name_input:
            self._show_placeholder()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget is self.name_input:
            self._show_placeholder()

    def _show_placeholder(self) -> None:
        cell = self.grid.current
        self._show_title(cell, len(self._cells.get(cell, [])) if cell else 0)

    # --- brainstorm ------------------------------------------------------------------

    def _add_touchpoint(self, value: str) -> None:
        cell = self.grid.current
        tps = self._cells.get(cell, []) if cell else []
        if cell is None:
            self._show_hint(cell, tps, TEXT("need_cell", self.lang))
            return
        try:
            clean("touchpoint", "name", value)
        except ValidationError as error:
            self._give_back(value)
            self._show_hint(cell, tps, error.message(self.lang))
            return
        app = self.workshop
        added = app.edit(app.store.add_touchpoint, app.session_id, cell[0], cell[1], value)
        if added:
            self._select_ref(added.ref)
        else:
            self._give_back(value)

    def _give_back(self, value: str) -> None:
        """The entry input cleared itself on Enter; put a refused name back to fix."""
        if value and not self.name_input.value:
            self._refused = value
            self.name_input.restore(value)

    # --- position --------------------------------------------------------------------

    def _remember_position(self) -> None:
        """Write where the facilitator is once the cursor rests (one write, not one per key)."""
        where = (self.grid.current, self._current_ref())
        if where == self._where:
            return
        self._where = where
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._save_position_now)

    def _save_position_now(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
            self._position_timer = None
        cell, ref = self._where
        if cell is None or self.workshop.session is None:
            return
        self.note_position(segment=cell[0], stage=cell[1], touchpoint=ref)

    # --- bindings --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action in LIST_ACTIONS:
            return focused is self.cell_list
        if action == "focus_map":
            return focused is not self.grid
        if action in ("leave_input", "input_down"):
            return focused is self.name_input
        return True

    def action_focus_map(self) -> None:
        self.grid.focus()

    def action_focus_list(self) -> None:
        self.cell_list.focus()

    def action_add(self) -> None:
        self.name_input.focus()

    def action_switch_pane(self) -> None:
        """F6: from the name field back to the map; from the map or the list, to it."""
        if self.name_input.has_focus:
            self.grid.focus()
        else:
            self.action_add()

    def _leave_to(self, key: str) -> Widget | None:
        """Where a key leaves the name field for (the keys of the two actions below)."""
        return {"up": self.grid, "escape": self.grid, "down": self.cell_list}.get(key)

    def action_leave_input(self) -> None:
        self.set_focus(self._leave_to("up"))

    def action_input_down(self) -> None:
        self.set_focus(self._leave_to("down"))

    # --- touchpoint actions ----------------------------------------------------------

    def _with_touchpoint(self, then: Callable[[Touchpoint], None]) -> None:
        tp = self.selected_touchpoint()
        if tp is None or tp.db_id is None:
            self.notify(TEXT("need_touchpoint", self.lang), severity="warning")
            return
        then(tp)

    def _update(self, tp: Touchpoint, **fields: Any) -> bool:
        app = self.workshop
        self._pending_ref = tp.ref
        result = app.edit(app.store.update_touchpoint, tp.db_id, **fields)
        self._pending_ref = None
        return not isinstance(result, EditFailed)

    def action_channel(self) -> None:
        def ask(tp: Touchpoint) -> None:
            def chosen(channel: str | None) -> None:
                if channel is not None and channel != tp.channel:
                    self._update(tp, channel=channel)

            self.app.push_screen(ChannelDialog(tp, self.session.touchpoints), chosen)

        self._with_touchpoint(ask)

    def action_kind(self, value: str | None = "cycle") -> None:
        self._set_choice("kind", KINDS, value)

    def action_initiative(self, value: str | None = "cycle") -> None:
        self._set_choice("initiative", INITIATIVES, value)

    def _set_choice(self, field: str, choices: tuple[str, ...], value: str | None) -> None:
        """Set kind or initiative: a given value, or "cycle" to the next one (then none)."""

        def apply(tp: Touchpoint) -> None:
            if value == "cycle":
                current = getattr(tp, field)
                index = choices.index(current) + 1 if current in choices else 0
                chosen = choices[index] if index < len(choices) else None
            else:
                chosen = value or None
            self._update(tp, **{field: chosen})

        self._with_touchpoint(apply)

    def action_rename(self) -> None:
        lang = self.lang

        validate = model_check(lang, name=("touchpoint", "name"))

        def ask(tp: Touchpoint) -> None:
            def renamed(values: dict[str, str] | None) -> None:
                if values is not None and values["name"].strip() != tp.name:
                    self._update(tp, name=values["name"])

            field = FormField("name", TEXT("col.name", lang), tp.name)
            self.app.push_screen(FormDialog(TEXT("rename.title", lang), [field], validate), renamed)

        self._with_touchpoint(ask)

    def action_copy(self) -> None:
        lang = self.lang

        def ask(tp: Touchpoint) -> None:
            others = [s for s in self.session.segments if s.key != tp.segment]
            if not others:
                self.notify(TEXT("copy.no_other", lang), severity="warning")
                return
            options = []
            for segment in others:
                present = any(
                    fold(o.name) == fold(tp.name)
                    for o in self._cells.get((segment.key, tp.stage), [])
                )
                label = (
                    TEXT("copy.already", lang, segment=segment.name) if present else segment.name
                )
                options.append((segment.key, label))
            selected = [others[0].key] if len(others) == 1 else []
            title = TEXT("copy.title", lang, name=tp.name)
            self.app.push_screen(
                PickDialog(title, options, selected=selected, multiple=True),
                lambda picked: self._copy(tp, picked),
            )

        self._with_touchpoint(ask)

    def _copy(self, tp: Touchpoint, picked: list[str] | None) -> None:
        if picked is None:
            return
        if not picked:
            self.notify(TEXT("copy.nothing", self.lang), severity="warning")
            return
        app = self.workshop
        self._pending_ref = tp.ref
        if app.edit(app.store.copy_touchpoint, tp.db_id, picked):
            names = [seg.name for seg in self.session.segments if seg.key in picked]
            self.notify(TEXT("copied", self.lang, name=tp.name, targets=", ".join(names)))
        self._pending_ref = None

    def action_move_stage(self) -> None:
        self._move_dialog("stage")

    def action_move_segment(self) -> None:
        self._move_dialog("segment")

    def _move_dialog(self, what: str) -> None:
        lang = self.lang
        title_key = "move.title" if what == "stage" else "move_segment.title"
        none_key = "move.no_other" if what == "stage" else "move_segment.no_other"

        def ask(tp: Touchpoint) -> None:
            current = tp.stage if what == "stage" else tp.segment
            items = self.session.stages if what == "stage" else self.session.segments
            options = [(item.key, item.name) for item in items if item.key != current]
            if not options:
                self.notify(TEXT(none_key, lang), severity="warning")
                return
            self.app.push_screen(
                PickDialog(TEXT(title_key, lang, name=tp.name), options, multiple=False),
                lambda picked: self._move(tp, what, picked, dict(options)),
            )

        self._with_touchpoint(ask)

    def _move(
        self, tp: Touchpoint, what: str, picked: list[str] | None, names: dict[str, str]
    ) -> None:
        if not picked:
            return
        app = self.workshop
        target = picked[0]
        result = app.edit(app.store.move_touchpoint, tp.db_id, **{what: target})
        if not isinstance(result, EditFailed):
            self.notify(TEXT("moved", self.lang, name=tp.name, target=names.get(target, target)))

    def action_reorder(self, offset: int) -> None:
        def reorder(tp: Touchpoint) -> None:
            app = self.workshop
            self._pending_ref = tp.ref
            app.edit(app.store.reorder_touchpoint, tp.db_id, offset)
            self._pending_ref = None

        self._with_touchpoint(reorder)

    def action_delete(self) -> None:
        def delete(tp: Touchpoint) -> None:
            app = self.workshop
            result = app.edit(app.store.delete_touchpoint, tp.db_id)
            if result:
                self.notify(TEXT("deleted", self.lang, name=tp.name), timeout=8)

        self._with_touchpoint(delete)

    def after_undo(self, change: Change) -> None:
        """The touchpoint an undo brought back (or changed) under the cursors, where it is."""
        tp = self.session.touchpoint(change.ref) if change.entity == "touchpoint" else None
        if tp is None:
            return
        self._pending_ref = tp.ref
        if not self.grid.select_cell(tp.segment, tp.stage) or self.grid.current == self._shown_cell:
            self._show_cell()
        self._pending_ref = None
        self._select_ref(tp.ref)

    # --- palette ---------------------------------------------------------------------

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang

        def cmd(
            key: str, help_key: str, callback: Callable[[], Any], **params: str
        ) -> SystemCommand:
            return SystemCommand(TEXT(key, lang, **params), TEXT(help_key, lang), callback)

        yield cmd("cmd.map", "cmd.map.help", self.action_focus_map)
        yield cmd("cmd.add", "cmd.add.help", self.action_add)
        yield cmd("cmd.list", "cmd.list.help", self.action_focus_list)
        yield cmd("cmd.channel", "cmd.channel.help", self.action_channel)
        for kind in (*KINDS, None):
            label = TEXT(f"kind.{kind}.long" if kind else "kind.none", lang)
            yield cmd(
                "cmd.kind", "cmd.kind.help", partial(self.action_kind, kind or ""), kind=label
            )
        for initiative in (*INITIATIVES, None):
            label = TEXT(f"initiative.{initiative or 'none'}", lang)
            yield cmd(
                "cmd.initiative",
                "cmd.initiative.help",
                partial(self.action_initiative, initiative or ""),
                initiative=label,
            )
        yield cmd("cmd.rename", "cmd.rename.help", self.action_rename)
        yield cmd("cmd.copy", "cmd.copy.help", self.action_copy)
        yield cmd("cmd.move", "cmd.move.help", self.action_move_stage)
        yield cmd("cmd.move_segment", "cmd.move.help", self.action_move_segment)
        yield cmd("cmd.up", "cmd.order.help", lambda: self.action_reorder(-1))
        yield cmd("cmd.down", "cmd.order.help", lambda: self.action_reorder(1))
        yield cmd("cmd.delete", "cmd.delete.help", self.action_delete)
