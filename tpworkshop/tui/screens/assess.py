"""Step 5, Assess: rate, flag pain points, take the room's dot votes, agree actions.

Top, the touchpoints in map order (or most votes first) with their rating, pain flag
and votes; keys act on the highlighted row. Below, the actions agreed so far. Digits
1-6 keep switching steps, so ratings go through ``e`` and a one-key prompt, or ``[`` and
``]`` to lower and raise. Redraws keep both cursors on the same touchpoint and action.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable, Static

from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import EVIDENCE, Action, Position, Touchpoint, clean
from tpworkshop.domain.stage_labels import stage_labels
from tpworkshop.domain.text import fold, visible_line
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n import format_date
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_assess import TEXT
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.tui.display import plain_line, show_content
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.screens.dialogs import ConfirmDialog, FormDialog, FormField, model_check
from tpworkshop.tui.widgets.assess_dialogs import RatingPrompt, TouchpointChoice
from tpworkshop.tui.widgets.importance_prompt import ImportancePrompt
from tpworkshop.tui.widgets.touchpoint_picker import Places

Row = tuple[str, tuple[object, ...]]
"""A table row: its key and the plain values of its cells."""

CUT: dict[str, Any] = {"overflow": "ellipsis", "no_wrap": True}
"""A name longer than its column ends in "…" (never «Formulario de cita en la we»)."""
TP_COLUMNS = ("segment", "stage", "name", "eff", "pain", "votes", "imp", "mot")
ACTION_COLUMNS = ("status", "title", "owner", "due", "touchpoint")
DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def stars(value: int | None) -> Text:
    if value is None:
        return Text("·····", style="dim")
    return Text("★" * value, style="bold yellow") + Text("☆" * (5 - value), style="dim")


def nudged(current: int | None, offset: int) -> int | None:
    """One step up or down the 1..5 scale; raising an unrated touchpoint gives 1."""
    if current is None:
        return 1 if offset > 0 else None
    return max(1, min(5, current + offset))


def next_evidence(current: str | None) -> str | None:
    """The evidence after ``current``: not stated → assumed → … → measured → not stated."""
    order: list[str | None] = [None, *EVIDENCE]
    return order[(order.index(current) + 1) % len(order)] if current in order else EVIDENCE[0]


def parse_due(text: str, lang: str) -> date | None:
    """YYYY-MM-DD in any language; DD/MM/YYYY too in Spanish. Raises ValueError."""
    text = text.strip()
    if not text:
        return None
    match = DMY.match(text)
    if match and lang == "es":
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text)


class AssessTable(DataTable[Text | str]):
    """A DataTable that tells its screen when its width changes."""

    def on_resize(self, event: Resize) -> None:
        relayout = getattr(self.screen, "relayout", None)
        if relayout is not None:
            relayout()


class AssessScreen(StepScreen):
    STEP = "assess"
    BINDING_CATALOGS = (TEXT, UI)
    CSS_PATH = ["base.tcss", "assess.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "rate", "key.rate"),
        Binding("right_square_bracket,greater_than_sign", "nudge(1)", "key.raise", show=False),
        Binding("left_square_bracket,less_than_sign", "nudge(-1)", "key.lower", show=False),
        Binding("0,backspace", "clear_rating", "key.clear", show=False),
        Binding("p", "toggle_pain", "key.pain"),
        Binding("n", "pain_note", "key.note", show=False),
        Binding("plus,equals_sign", "vote(1)", "key.vote", show=False),
        Binding("minus", "vote(-1)", "key.unvote", show=False),
        Binding("i", "importance", "key.importance", show=False),  # named on the facts line
        Binding("m", "toggle_moment", "key.moment", show=False),  # named on the facts line
        Binding("v", "next_evidence", "key.evidence", show=False),  # named on the facts line
        Binding("a", "add_action", "key.add_action"),
        Binding("s", "toggle_sort", "key.sort", show=False),
        Binding("space,d", "toggle_done", "key.done"),
        Binding("enter", "edit_action", "key.edit_action", show=False),
        Binding("x,delete", "delete_action", "key.delete_action"),
        Binding("t", "tie_action", "key.tie", show=False),
    ]
    TP_ACTIONS: ClassVar[set[str]] = {
        "rate",
        "nudge",
        "clear_rating",
        "toggle_pain",
        "pain_note",
        "vote",
        "importance",
        "toggle_moment",
        "next_evidence",
    }
    ACTION_ACTIONS: ClassVar[set[str]] = {
        "toggle_done",
        "edit_action",
        "delete_action",
        "tie_action",
    }

    def __init__(self) -> None:
        super().__init__()
        self.by_votes = False
        self.selected: str | None = None
        self.selected_action: int | None = None
        self._tp_rows: list[Row] = []
        self._action_rows: list[Row] = []
        self._widths: tuple[int, ...] = ()

    # --- layout ----------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        yield Static(id="assess-summary")
        yield AssessTable(
            id="assess-touchpoints",
            cursor_type="row",
            zebra_stripes=True,
            name=INPUT_TEXT("name.navigator", self.lang),
        )
        yield Static(id="assess-empty")
        yield Static(id="assess-note")
        yield Static(id="assess-facts")
        yield Static(id="assess-actions-title")
        yield AssessTable(
            id="assess-actions", cursor_type="row", name=INPUT_TEXT("name.actions", self.lang)
        )

    def on_mount(self) -> None:
        # Textual then runs StepScreen.on_mount too (handlers run for each class).
        self.tp_table.focus()

    @property
    def tp_table(self) -> AssessTable:
        return self.query_one("#assess-touchpoints", AssessTable)

    @property
    def action_table(self) -> AssessTable:
        return self.query_one("#assess-actions", AssessTable)

    def relayout(self) -> None:
        """Fit the columns to the width (the name and title columns take the rest)."""
        width = self.tp_table.size.width or self.size.width
        if width and self._column_widths(width) != self._widths:
            self._tp_rows = []
            self._action_rows = []
            self.refresh_view()

    def _column_widths(self, width: int) -> tuple[int, ...]:
        session = self.session
        segment = max((len(s.name) for s in session.segments), default=7)
        stage = max((len(s.name) for s in session.stages), default=5)
        segment, stage = min(max(segment, 7), 14), min(max(stage, 5), 14)
        room = width - 2 - 2 * len(TP_COLUMNS)
        name = max(10, room - segment - stage - 5 - 1 - 5 - 4 - 1)
        room_actions = width - 2 - 2 * len(ACTION_COLUMNS)
        title = max(10, room_actions - 3 - 12 - 10 - 18)
        return (segment, stage, name, 5, 1, 5, 4, 1, 3, title, 12, 10, 18)

    def _ensure_columns(self) -> None:
        width = self.tp_table.size.width or self.size.width or 80
        widths = self._column_widths(width)
        if widths == self._widths and self.tp_table.columns:
            return
        self._widths = widths
        lang = self.lang
        table = self.tp_table
        table.clear(columns=True)
        shown = len(TP_COLUMNS)
        for key, w in zip(TP_COLUMNS, widths[:shown], strict=True):
            label = "⚠" if key == "pain" else TEXT(f"col.{key}", lang)
            table.add_column(label, key=key, width=w)
        actions = self.action_table
        actions.clear(columns=True)
        for key, w in zip(ACTION_COLUMNS, widths[shown:], strict=True):
            actions.add_column(TEXT(f"col.{key}", lang), key=key, width=w)
        self._tp_rows = []
        self._action_rows = []

    # --- redraw ----------------------------------------------------------------------

    def ordered(self) -> list[Touchpoint]:
        tps = self.session.in_map_order()
        if self.by_votes:
            tps = sorted(tps, key=lambda t: -t.votes)
        return tps

    def current(self) -> Touchpoint | None:
        if self.selected is None or self.workshop.session is None:
            return None
        return self.session.touchpoint(self.selected)

    def current_action(self) -> Action | None:
        if self.selected_action is None or self.workshop.session is None:
            return None
        return next((a for a in self.session.actions if a.db_id == self.selected_action), None)

    def refresh_view(self) -> None:
        if not self.is_mounted or self.workshop.session is None:
            return
        self._ensure_columns()
        tps = self.ordered()
        if self.selected is None or self.session.touchpoint(self.selected) is None:
            remembered = self.session.position.touchpoint
            if self.selected is None and remembered and self.session.touchpoint(remembered):
                self.selected = remembered
            else:
                self.selected = tps[0].ref if tps else None
        self._fill_touchpoints(tps)
        self._fill_actions()
        self._refresh_texts(tps)

    def land(self, position: Position) -> None:
        """The touchpoint the position names, highlighted, with the focus on the list."""
        wanted = position.touchpoint
        if wanted and self.session.touchpoint(wanted) and wanted != self.selected:
            self.selected = wanted
            self.refresh_view()
        self.tp_table.focus()

    def _tp_rows_of(self, tps: list[Touchpoint]) -> list[Row]:
        """Plain values per row (cheap to compare); cells are built only when they change."""
        places = Places.of(self.session)
        # Stages that do not fit their column show what tells them apart (a framework's
        # short label: «Fundam.», «Principal»), not «Contacto fund…», «Contacto prin…».
        stages = self.session.stages
        stage_width = self._widths[1] if self._widths else 14
        short = dict(
            zip(
                [stage.key for stage in stages],
                stage_labels([visible_line(stage.name) for stage in stages], stage_width),
                strict=True,
            )
        )
        rows: list[Row] = []
        previous: tuple[str, str] | None = None
        for tp in tps:
            same_segment = not self.by_votes and previous is not None and previous[0] == tp.segment
            same_cell = same_segment and previous is not None and previous[1] == tp.stage
            segment = "" if same_segment else places.segments.get(tp.segment, tp.segment)
            stage = "" if same_cell else short.get(tp.stage, tp.stage)
            previous = (tp.segment, tp.stage)
            importance = (tp.importance, self.session.importance_of(tp))
            values = (
                segment,
                stage,
                tp.name,
                tp.effectiveness,
                tp.pain_point,
                tp.votes,
                importance,
                tp.moment_of_truth,
            )
            rows.append((tp.ref, values))
        return rows

    @staticmethod
    def _tp_cell(column: str, value: object, key: str) -> Text:
        if column == "segment":
            return plain_line(str(value), style="bold", **CUT)
        if column == "eff":
            return stars(value)  # type: ignore[arg-type]
        if column == "pain":
            return Text("⚠", style="bold red") if value else Text("")
        if column == "votes":
            return Text(str(value) if value else "·")
        if column == "imp":
            own, importance = cast("tuple[int | None, int]", value)
            # its own importance in bold; its stage's weight, dim
            return Text(str(importance), style="bold" if own is not None else "dim")
        if column == "mot":
            return Text("◆", style="bold magenta") if value else Text("")
        return plain_line(str(value), **CUT)

    def _fill_touchpoints(self, tps: list[Touchpoint]) -> None:
        rows = self._tp_rows_of(tps)
        self._sync(self.tp_table, rows, self._tp_rows, TP_COLUMNS, self._tp_cell, self.selected)
        self._tp_rows = rows

    def _action_rows_of(self) -> list[Row]:
        rows: list[Row] = []
        for action in self.session.actions:
            tp = self.session.touchpoint(action.touchpoint) if action.touchpoint else None
            due = format_date(action.due, self.lang) if action.due else ""
            values = (
                action.status == "done",
                action.title,
                action.owner,
                due,
                tp.name if tp else None,
            )
            rows.append((str(action.db_id), values))
        return rows

    def _action_cell(self, column: str, value: object, done: bool) -> Text:
        style = "dim strike" if done else ""
        if column == "status":
            return Text("[x]", style="green") if value else Text("[ ]")
        if column == "touchpoint":
            if value is None:
                return Text(TEXT("no_touchpoint", self.lang), style="dim")
            return plain_line(str(value), style="dim" if done else "", **CUT)
        return plain_line(str(value), style=style, **CUT)

    def _fill_actions(self) -> None:
        rows = self._action_rows_of()
        keys = [key for key, _ in rows]
        if self.selected_action is None or str(self.selected_action) not in keys:
            self.selected_action = int(keys[0]) if keys else None
        selected = str(self.selected_action) if self.selected_action is not None else None
        done = {key: bool(values[0]) for key, values in rows}
        shown_done = {key: bool(values[0]) for key, values in self._action_rows}
        # A row whose status flipped is redrawn whole: every cell's style follows it.
        shown = [
            (key, values if shown_done.get(key) == done.get(key) else (None,) * len(values))
            for key, values in self._action_rows
        ]

        def cell(column: str, value: object, key: str) -> Text:
            return self._action_cell(column, value, done.get(key, False))

        self._sync(self.action_table, rows, shown, ACTION_COLUMNS, cell, selected)
        self._action_rows = rows

    @staticmethod
    def _sync(
        table: DataTable[Text | str],
        rows: list[Row],
        shown: list[Row],
        columns: tuple[str, ...],
        cell: Callable[[str, object, str], Text],
        selected: str | None,
    ) -> None:
        """Update only the cells that changed; rebuild when rows came, went or moved."""
        if [key for key, _ in rows] == [key for key, _ in shown]:
            for (key, values), (_, old) in zip(rows, shown, strict=True):
                if values == old:
                    continue
                for column, value, before in zip(columns, values, old, strict=True):
                    if value != before:
                        table.update_cell(key, column, cell(column, value, key))
        else:
            scroll_y = table.scroll_y
            table.clear()
            for key, values in rows:
                table.add_row(
                    *(cell(c, v, key) for c, v in zip(columns, values, strict=True)), key=key
                )
            table.scroll_y = scroll_y
        if selected is not None and rows:
            index = table.get_row_index(selected)
            if table.cursor_row != index:
                table.move_cursor(row=index)

    def _refresh_texts(self, tps: list[Touchpoint]) -> None:
        lang = self.lang
        total = len(tps)
        summary = TEXT(
            "summary",
            lang,
            order=TEXT("order.votes" if self.by_votes else "order.map", lang),
            rated=sum(1 for t in tps if t.effectiveness is not None),
            total=total,
            pains=sum(1 for t in tps if t.pain_point),
            votes=sum(t.votes for t in tps),
        )
        show_content(
            self.query_one("#assess-summary", Static),
            Text(summary, no_wrap=True, overflow="ellipsis"),
        )
        empty = self.query_one("#assess-empty", Static)
        if not tps:  # written only when shown: each update lays out the whole screen
            empty.update(TEXT("empty", lang))
        empty.display = not tps
        self.tp_table.display = bool(tps)
        tp = self.current()
        if tp is None:
            note = ""
        elif tp.pain_point and tp.pain_note.strip():
            note = TEXT("note.pain", lang, name=tp.name, note=" ".join(tp.pain_note.split()))
        elif tp.pain_point:
            note = TEXT("note.pain_empty", lang, name=tp.name)
        else:
            note = TEXT("note.none", lang, name=tp.name)
        show_content(
            self.query_one("#assess-note", Static),
            plain_line(note, no_wrap=True, overflow="ellipsis", style="bold" if tp else ""),
        )
        show_content(
            self.query_one("#assess-facts", Static),
            Text(self._facts(tp), no_wrap=True, overflow="ellipsis", style="dim"),
        )
        actions = self.session.actions
        done = sum(1 for a in actions if a.status == "done")
        title = (
            TEXT("actions.title", lang, open=len(actions) - done, done=done)
            if actions
            else TEXT("actions.empty", lang)
        )
        show_content(
            self.query_one("#assess-actions-title", Static),
            Text(title, no_wrap=True, overflow="ellipsis"),
        )

    def _facts(self, tp: Touchpoint | None) -> str:
        """Importance, moment of truth and evidence of the highlighted touchpoint."""
        if tp is None:
            return ""
        lang = self.lang
        importance = self.session.importance_of(tp)
        key = "facts.importance" if tp.importance is not None else "facts.importance_stage"
        return TEXT(
            "facts",
            lang,
            importance=TEXT(key, lang, n=importance),
            moment=TEXT("facts.moment" if tp.moment_of_truth else "facts.no_moment", lang),
            evidence=TEXT(
                "facts.evidence", lang, evidence=TEXT(f"evidence.{tp.evidence or 'none'}", lang)
            ),
        )

    # --- selection -------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if table is self.tp_table:
            if key and key != self.selected:
                self.selected = key
                tp = self.current()
                if tp is not None:
                    self.note_position(segment=tp.segment, stage=tp.stage, touchpoint=tp.ref)
                    self._refresh_texts(self.ordered())
        elif table is self.action_table and key:
            self.selected_action = int(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self.tp_table:
            self.action_rate()
        elif event.data_table is self.action_table:
            self.action_edit_action()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.TP_ACTIONS:
            return self.focused is self.tp_table and self.current() is not None
        if action in self.ACTION_ACTIONS:
            return self.focused is self.action_table and self.current_action() is not None
        return True

    # --- touchpoint actions ----------------------------------------------------------

    def _update(self, tp: Touchpoint, **fields: object) -> None:
        if tp.db_id is not None:
            self.workshop.edit(self.workshop.store.update_touchpoint, tp.db_id, **fields)

    def action_rate(self) -> None:
        tp = self.current()
        if tp is None:
            return

        def rated(value: int | None) -> None:
            if value is None:
                return
            new = value or None
            if new != tp.effectiveness:
                self._update(tp, effectiveness=new)

        self.app.push_screen(RatingPrompt(tp.name, tp.effectiveness), rated)

    def action_nudge(self, offset: int) -> None:
        tp = self.current()
        if tp is None:
            return
        current = tp.effectiveness
        new = nudged(current, offset)
        if new is None or new == current:
            self.app.bell()
            return
        self._update(tp, effectiveness=new)

    def action_clear_rating(self) -> None:
        tp = self.current()
        if tp is not None and tp.effectiveness is not None:
            self._update(tp, effectiveness=None)

    def action_importance(self) -> None:
        """i: how much the touchpoint matters, 1..5 (0: back to its stage's weight)."""
        tp = self.current()
        if tp is None:
            return
        stage = self.session.stage(tp.stage)
        weight = stage.weight if stage is not None else self.session.importance_of(tp)

        def chosen(value: int | None) -> None:
            if value is None:
                return
            new = value or None
            if new != tp.importance:
                self._update(tp, importance=new)

        self.app.push_screen(ImportancePrompt(tp.name, tp.importance, weight), chosen)

    def action_toggle_moment(self) -> None:
        """m: mark or unmark the touchpoint as a moment of truth."""
        tp = self.current()
        if tp is not None:
            self._update(tp, moment_of_truth=not tp.moment_of_truth)

    def action_next_evidence(self) -> None:
        """v: the next evidence, round: assumed, reported, observed, measured, not stated."""
        tp = self.current()
        if tp is None:
            return
        evidence = next_evidence(tp.evidence)
        self._update(tp, evidence=evidence)
        said = TEXT(f"evidence.{evidence or 'none'}", self.lang)
        self.notify(TEXT("evidence.set", self.lang, name=tp.name, evidence=said), timeout=3)

    def action_toggle_pain(self) -> None:
        tp = self.current()
        if tp is None:
            return
        if tp.pain_point:
            self._update(tp, pain_point=False)
        else:
            self._ask_note(tp, flag=True)

    def action_pain_note(self) -> None:
        tp = self.current()
        if tp is not None:
            self._ask_note(tp, flag=False)

    def _ask_note(self, tp: Touchpoint, *, flag: bool) -> None:
        lang = self.lang
        shown = " ".join(tp.pain_note.split()) if "\n" in tp.pain_note else tp.pain_note

        validate = model_check(lang, note=("touchpoint", "pain_note"))

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            fields: dict[str, object] = {}
            if flag or (values["note"].strip() and not tp.pain_point):
                fields["pain_point"] = True  # a note names a pain: flag it too
            if values["note"] != shown:
                fields["pain_note"] = values["note"].strip()
            if fields:
                self._update(tp, **fields)

        self.app.push_screen(
            FormDialog(
                TEXT("pain.title", lang, name=tp.name),
                [FormField("note", TEXT("pain.note", lang), shown)],
                validate,
            ),
            done,
        )

    def action_vote(self, delta: int) -> None:
        tp = self.current()
        if tp is None or tp.db_id is None:
            return
        app = self.workshop
        if app.role != "facilitator":
            self._place_or_withdraw_dot(tp, delta)
            return
        if delta < 0 and tp.votes <= 0:
            self.app.bell()
            self.notify(TEXT("no_votes", self.lang, name=tp.name), timeout=3)
            return
        app.edit(app.store.add_votes, tp.db_id, delta)

    def _place_or_withdraw_dot(self, tp: Touchpoint, delta: int) -> None:
        """A participant votes with their own dots (the facilitator sets how many)."""
        app = self.workshop
        sid, voter = app.session_id, app.display_name
        if sid is None:
            return
        if delta > 0:
            if app.edit(app.store.place_dot, sid, tp.db_id, voter):
                left = self.session.dots_per_participant - sum(
                    app.store.dots_of(sid, voter).values()
                )
                self.notify(TEXT("dots_left", self.lang, n=left), timeout=3)
        elif not app.edit(app.store.withdraw_dot, sid, tp.db_id, voter):
            self.app.bell()
            self.notify(TEXT("no_own_dot", self.lang, name=tp.name), timeout=3)

    def action_toggle_sort(self) -> None:
        self.by_votes = not self.by_votes
        self.refresh_view()

    # --- actions (the agreed ones) ---------------------------------------------------

    def _action_form(self, action: Action | None) -> tuple[list[FormField], str | None, str]:
        """The dialog's fields, the ref behind the prefilled touchpoint text, and that text."""
        lang = self.lang
        places = Places.of(self.session)
        if action is None:
            tp = self.current()
        else:
            tp = self.session.touchpoint(action.touchpoint) if action.touchpoint else None
        tp_text = places.long_label(tp) if tp else ""
        fields = [
            FormField("title", FIELD_LABELS("title", lang), action.title if action else ""),
            FormField("owner", TEXT("action.owner", lang), action.owner if action else ""),
            FormField(
                "due",
                TEXT("action.due", lang),
                format_date(action.due, lang) if action and action.due else "",
                TEXT("action.due.placeholder", lang),
            ),
            FormField("touchpoint", TEXT("action.touchpoint", lang), tp_text),
        ]
        return fields, tp.ref if tp else None, tp_text

    def resolve_touchpoint(
        self, text: str, default_ref: str | None, default_text: str
    ) -> str | None:
        """The ref the typed text names; raises ValueError with the sentence to show."""
        lang = self.lang
        wanted = fold(text.strip())
        if not wanted:
            return None
        if text.strip() == default_text.strip():
            return default_ref
        places = Places.of(self.session)
        tps = self.session.in_map_order()
        for tp in tps:
            if wanted in (fold(tp.ref), fold(places.long_label(tp))):
                return tp.ref
        named = [tp for tp in tps if fold(tp.name) == wanted]
        if len(named) == 1:
            return named[0].ref
        if not named:
            raise ValueError(TEXT("no_such_touchpoint", lang, text=text.strip()))
        choices = ", ".join(f"“{places.long_label(tp)}”" for tp in named[:3])
        raise ValueError(TEXT("ambiguous_touchpoint", lang, text=text.strip(), choices=choices))

    def _check_action_values(
        self, values: dict[str, str], default_ref: str | None, default_text: str
    ) -> dict[str, object]:
        """Cleaned title/owner/due/touchpoint; raises ValueError with the sentence to show."""
        lang = self.lang
        try:
            title = clean("action", "title", values["title"])
            owner = clean("action", "owner", values["owner"])
        except ValidationError as error:
            raise ValueError(error.message(lang)) from error
        try:
            due = parse_due(values["due"], lang)
        except ValueError as error:
            raise ValueError(TEXT("bad_due", lang)) from error
        ref = self.resolve_touchpoint(values["touchpoint"], default_ref, default_text)
        return {"title": title, "owner": owner, "due": due, "touchpoint": ref}

    def _open_action_form(self, action: Action | None) -> None:
        fields, default_ref, default_text = self._action_form(action)

        def validate(values: dict[str, str]) -> str | None:
            try:
                self._check_action_values(values, default_ref, default_text)
            except ValueError as error:
                return str(error)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            cleaned = self._check_action_values(values, default_ref, default_text)
            if action is None:
                self._add_action(cleaned)
            else:
                self._change_action(action, cleaned)

        title = TEXT("action.new" if action is None else "action.edit", self.lang)
        self.app.push_screen(FormDialog(title, fields, validate), done)

    def _add_action(self, cleaned: dict[str, object]) -> None:
        new_id = self.workshop.edit(
            self.workshop.store.add_action,
            self.workshop.session_id,
            cleaned["title"],
            touchpoint=cleaned["touchpoint"],
            owner=cleaned["owner"],
            due=cleaned["due"],
        )
        if isinstance(new_id, int):
            self.selected_action = new_id
            self.refresh_view()

    def _change_action(self, action: Action, cleaned: dict[str, object]) -> None:
        changed = {name: value for name, value in cleaned.items() if getattr(action, name) != value}
        if changed and action.db_id is not None:
            self.workshop.edit(self.workshop.store.update_action, action.db_id, **changed)

    def action_add_action(self) -> None:
        self._open_action_form(None)

    def action_edit_action(self) -> None:
        action = self.current_action()
        if action is not None:
            self._open_action_form(action)

    def action_toggle_done(self) -> None:
        action = self.current_action()
        if action is None or action.db_id is None:
            return
        status = "open" if action.status == "done" else "done"
        self.workshop.edit(self.workshop.store.update_action, action.db_id, status=status)

    def action_delete_action(self) -> None:
        action = self.current_action()
        if action is None or action.db_id is None:
            return
        action_id = action.db_id

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.workshop.edit(self.workshop.store.delete_action, action_id)

        self.app.push_screen(
            ConfirmDialog(TEXT("delete.confirm", self.lang, title=action.title)), confirmed
        )

    def action_tie_action(self) -> None:
        action = self.current_action()
        if action is None or action.db_id is None:
            return
        action_id = action.db_id

        def chosen(ref: str | None) -> None:
            if ref is None:
                return
            new = ref or None
            if new != action.touchpoint:
                self.workshop.edit(self.workshop.store.update_action, action_id, touchpoint=new)

        self.app.push_screen(
            TouchpointChoice(
                TEXT("tie.title", self.lang, title=action.title),
                self.session,
                action.touchpoint or self.selected,
                TEXT("tie.none", self.lang),
            ),
            chosen,
        )

    # --- palette ---------------------------------------------------------------------

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang

        def command(key: str, help_key: str | None, callback: object) -> SystemCommand:
            help_text = TEXT(help_key, lang) if help_key else ""
            return SystemCommand(TEXT(key, lang), help_text, callback)  # type: ignore[arg-type]

        def on_touchpoints(callback: object) -> object:
            def run() -> None:
                self.tp_table.focus()
                callback()  # type: ignore[operator]

            return run

        def on_actions(callback: object) -> object:
            def run() -> None:
                self.action_table.focus()
                callback()  # type: ignore[operator]

            return run

        if self.current() is not None:
            yield command("cmd.rate", "cmd.rate.help", on_touchpoints(self.action_rate))
            yield command("cmd.raise", None, on_touchpoints(lambda: self.action_nudge(1)))
            yield command("cmd.lower", None, on_touchpoints(lambda: self.action_nudge(-1)))
            yield command("cmd.clear", None, on_touchpoints(self.action_clear_rating))
            yield command("cmd.pain", None, on_touchpoints(self.action_toggle_pain))
            yield command("cmd.note", None, on_touchpoints(self.action_pain_note))
            yield command("cmd.importance", None, on_touchpoints(self.action_importance))
            yield command("cmd.moment", None, on_touchpoints(self.action_toggle_moment))
            yield command("cmd.evidence", None, on_touchpoints(self.action_next_evidence))
            yield command("cmd.vote", None, on_touchpoints(lambda: self.action_vote(1)))
            yield command("cmd.unvote", None, on_touchpoints(lambda: self.action_vote(-1)))
        yield command("cmd.sort", None, self.action_toggle_sort)
        yield command("cmd.add_action", None, self.action_add_action)
        if self.current_action() is not None:
            yield command("cmd.toggle", None, on_actions(self.action_toggle_done))
            yield command("cmd.edit_action", None, on_actions(self.action_edit_action))
            yield command("cmd.delete_action", None, on_actions(self.action_delete_action))
            yield command("cmd.tie", None, on_actions(self.action_tie_action))
            yield command("cmd.focus_actions", None, self.action_table.focus)
        yield command("cmd.focus_touchpoints", None, self.tp_table.focus)
