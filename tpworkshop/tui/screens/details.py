"""Step 4, Details: expand each touchpoint (owner, processes, outcome, data...).

Left, a navigator of the touchpoints in map order with markers for what is still
missing (owner, process, outcome, data) and a filter to walk through only those; right,
the selected touchpoint's form. Every field commits on its own: a one-line field on
Enter or when left, a multi-line field when left (or after a pause in typing), a list at
once on add/edit/remove/move. Only the changed field is written, so participants who
edit other fields of the same touchpoint keep their changes, and a redraw never touches
the field that has the focus.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantBlur, DescendantFocus
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import Position, Session, Touchpoint, clean
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_details import TEXT
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.storage import Change
from tpworkshop.tui.display import content, show_content, visible, visible_line
from tpworkshop.tui.edits import EditFailed
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.widgets.field_picker import FieldPicker
from tpworkshop.tui.widgets.list_editor import ItemList, ListEditor
from tpworkshop.tui.widgets.text_input import TextField, TextInput
from tpworkshop.tui.widgets.touchpoint_picker import (
    TRACKED,
    Places,
    TouchpointPicker,
    is_missing,
)

FILTERS = ("all", "owner", "desired_outcome", "processes", "data_generated")

W = TypeVar("W", bound=Widget)

FIELDS: tuple[tuple[str, str], ...] = (
    ("need", "text"),
    ("interactions", "list"),
    ("owner", "line"),
    ("processes", "list"),
    ("people", "list"),
    ("customer_contacts", "list"),
    ("desired_outcome", "text"),
    ("data_generated", "list"),
    ("optimal_experience", "text"),
)
FIELD_KINDS = dict(FIELDS)
AUTOSAVE_SECONDS = 2.0
RESERVED_ROWS_MAX = 3
"""A list field keeps room for as many items as the session's longest list has, up to
this many: paging leaves the fields in place, and a short form stays short."""
MARK_NONE = "····"


@dataclass(frozen=True, eq=False)
class FilteredView:
    """The touchpoints a filter shows, in map order, and the place of each (by ref)."""

    touchpoints: list[Touchpoint]
    place: dict[str, int]


class SessionIndex:
    """What the Details step looks up in one session, computed once per session object.

    The app replaces ``app.session`` on every reload and never changes it in place, so
    the map order, the lookup by ref, the markers and the filtered lists hold until the
    next reload: a key press then costs a few dictionary look-ups, not sorting and
    scanning thousands of touchpoints (5-15 ms each at 10,000).
    """

    def __init__(self, session: Session, letters: tuple[str, ...]) -> None:
        self.session = session
        self.letters = letters
        self.ordered = session.in_map_order()
        self.by_ref = {tp.ref: tp for tp in self.ordered}
        self.rank = {tp.ref: i for i, tp in enumerate(self.ordered)}
        self.places = Places.of(session)
        self._matching: dict[str, list[Touchpoint]] = {"all": self.ordered}
        self._views: dict[tuple[str, str | None], FilteredView] = {}
        self._codes: dict[str, str] = {}
        self._owners: list[str] | None = None
        self._rows: dict[str, int] | None = None

    def matching(self, name: str) -> list[Touchpoint]:
        """The touchpoints filter ``name`` keeps (those missing that detail)."""
        found = self._matching.get(name)
        if found is None:
            found = self._matching[name] = [tp for tp in self.ordered if is_missing(tp, name)]
        return found

    def view(self, name: str, selected: str | None) -> FilteredView:
        """Filter ``name``'s list, with ``selected`` kept in it even if it no longer matches."""
        tp = self.by_ref.get(selected) if selected is not None else None
        extra = tp if tp is not None and name != "all" and not is_missing(tp, name) else None
        key = (name, extra.ref if extra is not None else None)
        view = self._views.get(key)
        if view is None:
            touchpoints = self.matching(name)
            if extra is not None:
                rank = self.rank
                at = bisect_left(touchpoints, rank[extra.ref], key=lambda t: rank[t.ref])
                touchpoints = [*touchpoints[:at], extra, *touchpoints[at:]]
            view = FilteredView(touchpoints, {t.ref: i for i, t in enumerate(touchpoints)})
            if len(self._views) > 8:
                self._views.clear()
            self._views[key] = view
        return view

    def code(self, tp: Touchpoint) -> str:
        """``"O·R·"``: the letter of each tracked detail still missing, ``"✓"`` if none."""
        code = self._codes.get(tp.ref)
        if code is None:
            code = "".join(
                letter if is_missing(tp, field) else "·"
                for field, letter in zip(TRACKED, self.letters, strict=True)
            )
            code = self._codes[tp.ref] = "✓" if code == MARK_NONE else code
        return code

    def reserved_rows(self, field: str) -> int:
        """Rows the list ``field`` keeps free in the form (see RESERVED_ROWS_MAX)."""
        if self._rows is None:
            lists = [name for name, kind in FIELDS if kind == "list"]
            self._rows = {  # one pass per field, in C: 4 ms at 10,000 (a loop took 15)
                name: min(
                    max(map(len, map(attrgetter(name), self.ordered)), default=0), RESERVED_ROWS_MAX
                )
                for name in lists
            }
        return self._rows.get(field, 0)

    def owners(self) -> list[str]:
        """Owners in use, the most used first: the owner field's suggestions."""
        if self._owners is None:
            counts: dict[str, int] = {}
            for tp in self.ordered:
                if tp.owner:
                    counts[tp.owner] = counts.get(tp.owner, 0) + 1
            self._owners = sorted(counts, key=lambda o: (-counts[o], o.casefold()))
        return self._owners


class DetailsForm(VerticalScroll, can_focus=False):
    """The form column; scrolls to the focused field, is no Tab stop of its own."""


class DetailsTitle(Static):
    """The header docked above the form (see ``DetailsScreen._refresh_title``)."""

    def on_resize(self) -> None:
        screen = self.screen
        if isinstance(screen, DetailsScreen):
            tp = screen.current()
            if tp is not None:
                screen._refresh_title(tp)


class FieldInput(TextInput):
    """A one-line field (the owner) that shows a stored value as it is.

    Textual's Input looks for a suggestion on every value change and announces it;
    ``load`` shows a stored value with neither.
    """

    def load(self, value: str) -> None:
        """Show a stored value: no suggestion for it, no ``Changed`` message."""
        suggester, self.suggester = self.suggester, None
        try:
            with self.prevent(Input.Changed):
                self.value = value
        finally:
            self.suggester = suggester
        self.cursor_position = len(value)


class DetailsScreen(StepScreen):
    STEP = "details"
    BINDING_CATALOGS = (TEXT, UI)
    CSS_PATH = ["base.tcss", "details.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,ctrl+down", "next_tp", "key.next_tp", priority=True),
        Binding("pageup,ctrl+up", "prev_tp", "key.prev_tp", priority=True, show=False),
        Binding("n", "next_tp", "key.next_tp", show=False),
        Binding("p", "prev_tp", "key.prev_tp", show=False),
        Binding("f", "cycle_filter", "key.filter"),
        # Go to any field: Ctrl+L from anywhere (a text field too), g from the lists.
        Binding("ctrl+l", "pick_field", "key.pick_field", priority=True),
        Binding("g", "pick_field", "key.pick_field", show=False),
        Binding("escape", "leave_field", "key.leave_field", show=False),
        Binding("x,delete", "remove_item", "key.remove_item"),
        Binding("shift+up", "move_item(-1)", "key.item_up", show=False),
        Binding("shift+down", "move_item(1)", "key.item_down", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = "all"
        self.selected: str | None = None
        self.loaded: dict[str, Any] = {}
        self._autosave: dict[str, Timer] = {}
        self._owners: list[str] = []
        self._last_form_focus: str | None = None
        self._index: SessionIndex | None = None
        # What is shown, to touch a widget only when it changes (see _fill_form).
        self._filter_key: tuple[Any, ...] | None = None
        self._title_key: tuple[Any, ...] | None = None
        self._field_shown: str | None = None
        self._label_missing: dict[str, bool] = {}
        self._errors: dict[str, str] = {}
        self._found: dict[str, Widget] = {}

    # --- layout ----------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="details-main"):
            with Vertical(id="details-nav"):
                yield Static(id="details-filter")
                yield TouchpointPicker(
                    on_pick=self._picked,
                    id="details-picker",
                    name=INPUT_TEXT("name.navigator", lang),
                )
                yield Static(TEXT("legend", lang), id="details-legend")
            with Vertical(id="details-side"):
                # Docked above the scrolling form: which touchpoint, and which of its fields
                # the cursor is in, stay on screen however far the form scrolls.
                yield DetailsTitle(id="details-title")
                with DetailsForm(id="details-form"):
                    yield Static(TEXT("empty", lang), id="details-empty")
                    # The fields sit in the scrolling column itself: a container of their
                    # own would be repainted whole (~45 lines) whenever a list's length
                    # changes.
                    for field, kind in FIELDS:
                        yield from self._compose_field(field, kind)

    def _compose_field(self, field: str, kind: str) -> ComposeResult:
        lang = self.lang
        label = FIELD_LABELS(field, lang)
        hint = TEXT(f"hint.{field}", lang)
        if kind == "list":
            yield ListEditor(
                label=label,
                items_name=INPUT_TEXT("name.items", lang, field=label),
                placeholder=hint,
                editing=TEXT("editing", lang),
                commit=partial(self.commit_field, field),
                id=f"field-{field}",
            )
            return
        with Vertical(classes="form-field", id=f"box-{field}"):
            yield Label(label, classes="field-label", id=f"label-{field}")
            if kind == "line":
                yield FieldInput(
                    placeholder=hint,
                    compact=True,
                    id=f"field-{field}",
                    name=label,
                    classes="form-input",
                )
            else:
                yield TextField(
                    placeholder=hint,
                    name=label,
                    compact=True,
                    soft_wrap=True,
                    highlight_cursor_line=False,
                    id=f"field-{field}",
                    classes="form-text",
                )
            yield Static("", classes="field-error", id=f"error-{field}")

    def on_mount(self) -> None:
        # Textual then runs StepScreen.on_mount too (handlers run for each class).
        for field, kind in FIELDS:
            if kind != "list":
                self._set_error(field, None)
        if self.focused is None:
            self.picker.focus()

    # --- state -----------------------------------------------------------------------

    @property
    def picker(self) -> TouchpointPicker:
        return self._one("#details-picker", TouchpointPicker)

    def _one(self, selector: str, expect_type: type[W]) -> W:
        """``query_one`` done once: the form's widgets stay for the screen's life, and a
        key press looks up dozens of them."""
        widget = self._found.get(selector)
        if widget is None:
            widget = self._found[selector] = self.query_one(selector, expect_type)
        assert isinstance(widget, expect_type)
        return widget

    def index(self) -> SessionIndex:
        """The lookups for the current session object (rebuilt after each reload)."""
        session = self.session
        if self._index is None or self._index.session is not session:
            letters = tuple(TEXT(f"mark.{field}", self.lang) for field in TRACKED)
            self._index = SessionIndex(session, letters)
        return self._index

    def current(self) -> Touchpoint | None:
        if self.selected is None or self.workshop.session is None:
            return None
        return self.index().by_ref.get(self.selected)

    def matches(self, tp: Touchpoint) -> bool:
        return self.filter == "all" or is_missing(tp, self.filter)

    def view(self) -> FilteredView:
        """The filtered list; the selected touchpoint stays in it until one moves on."""
        return self.index().view(self.filter, self.selected)

    def listed(self) -> list[Touchpoint]:
        """The touchpoints the navigator lists (the filter's, in map order)."""
        return self.view().touchpoints

    def mark_style(self, code: str) -> Text:
        if code == "✓":
            return Text(" ✓  ", style="green")
        text = Text()
        for char in code:
            text.append(char, style="dim" if char == "·" else "bold yellow")
        return text

    # --- redraw ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted or self.workshop.session is None:
            return
        index = self.index()
        if self.selected is None or self.selected not in index.by_ref:
            if self.selected is not None and not self.workshop.undoing:
                self.notify(TEXT("saved_elsewhere", self.lang), severity="warning")
            self.selected = self._fallback_selection(index)
            changed = True
        else:
            changed = False
        self._refresh_navigator()
        self._refresh_owner_suggestions()
        tp = self.current()
        self.query_one("#details-empty").display = tp is None
        self.query_one(DetailsForm).set_class(tp is None, "-empty")
        if tp is None:
            self._title_key = None
            self.query_one("#details-title", Static).update(content(""))
            return
        self._fill_form(tp, force=changed)
        if changed:
            self._note(tp)

    def land(self, position: Position) -> None:
        """The touchpoint the position names (the last one edited or viewed, or a jump's),
        with the focus on the navigator: the keys that follow are commands, not text."""
        wanted = position.touchpoint
        if wanted and wanted != self.selected and wanted in self.index().by_ref:
            self.select(wanted)
        self.picker.focus()

    def _fallback_selection(self, index: SessionIndex) -> str | None:
        if not index.ordered:
            return None
        remembered = self.session.position.touchpoint
        if self.selected is None and remembered and remembered in index.by_ref:
            return remembered
        pool = index.matching(self.filter) or index.ordered
        return pool[0].ref

    def _refresh_navigator(self) -> None:
        index = self.index()
        self.picker.show(
            self.session,
            self.listed(),
            self.selected,
            marker=index.code,
            mark_style=self.mark_style,
        )
        total = len(index.ordered)
        n = len(index.matching(self.filter))
        key = (self.filter, n, total)
        if key == self._filter_key:
            return
        self._filter_key = key
        lang = self.lang
        if self.filter == "all":
            count = TEXT("count.all", lang, total=total)
        else:
            count = TEXT(f"count.{self.filter}", lang, n=n, total=total)
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append(TEXT("filter.line", lang, name=TEXT(f"filter.{self.filter}", lang)))
        header.append("\n")
        header.append(count, style="bold")
        show_content(self._one("#details-filter", Static), header)

    def _refresh_owner_suggestions(self) -> None:
        owners = self.index().owners()
        if owners != self._owners:
            self._owners = owners
            self.query_one("#field-owner", Input).suggester = SuggestFromList(
                owners, case_sensitive=False
            )

    def _fill_form(self, tp: Touchpoint, *, force: bool) -> None:
        """Show ``tp``; without ``force`` leave the focused field and unsaved text alone.

        Only what differs from what is shown is touched: each changed text or list can
        ask for a layout, the costly part of a repaint.
        """
        self._refresh_title(tp)
        focused = self.focused
        index = self.index()
        for field, kind in FIELDS:
            stored = getattr(tp, field)
            missing = field in TRACKED and is_missing(tp, field)
            if kind == "list":
                editor = self._one(f"#field-{field}", ListEditor)
                editor.reserve(index.reserved_rows(field))
                if force:
                    editor.reset(stored)
                else:
                    editor.set_items(stored)
                if self._label_missing.get(field) != missing:
                    self._label_missing[field] = missing
                    editor.set_label(self._label(field, missing))
                continue
            if self._label_missing.get(field) != missing:
                self._label_missing[field] = missing
                label = self._one(f"#label-{field}", Label)
                show_content(label, self._label(field, missing))
            widget = self._one(f"#field-{field}", Widget)
            if force:
                self._load(field, widget, stored)
                self._set_error(field, None)
                continue
            if widget is focused or stored == self.loaded.get(field):
                continue
            if self._widget_value(widget) == self.loaded.get(field):
                self._load(field, widget, stored)

    def _refresh_title(self, tp: Touchpoint) -> None:
        """The header above the form: ``tp-3 · Fast login — Owner`` (the field the cursor
        is in, if it is in the form), then where the touchpoint is and its channel. The
        field's name is never cut: a long touchpoint name is, with an ellipsis."""
        index = self.index()
        view = self.view()
        n = view.place.get(tp.ref, -1) + 1
        place = index.places.label(tp)
        field = self._field_shown
        header = self._one("#details-title", DetailsTitle)
        width = header.content_size.width
        key = (tp.ref, tp.name, place, n, len(view.touchpoints), tp.channel, field, width)
        if key == self._title_key:
            return
        self._title_key = key
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(visible_line(tp.ref), style="dim")
        title.append(" · ")
        title.append(visible_line(tp.name), style="bold")
        if field is not None:
            label = Text(" — ")
            label.append(FIELD_LABELS(field, self.lang), style="bold reverse")
            # The name gives way (with an ellipsis), never the field's label.
            room = header.content_size.width or title.cell_len + label.cell_len
            if title.cell_len + label.cell_len > room:
                title.truncate(max(room - label.cell_len, 1), overflow="ellipsis")
            title.append_text(label)
        title.append("\n")
        where = TEXT("place", self.lang, place=place, n=n, total=len(view.touchpoints))
        title.append(visible_line(where), style="dim")
        if tp.channel:
            channel = TEXT("channel", self.lang, channel=tp.channel)
            title.append(" · " + visible_line(channel), style="dim")
        show_content(header, title)

    def _label(self, field: str, missing: bool) -> Text:
        label = Text(FIELD_LABELS(field, self.lang), style="bold")
        if missing:
            label.append(f"  {TEXT(f'mark.{field}', self.lang)} ", style="bold yellow")
            label.append(TEXT("missing", self.lang), style="yellow")
        return label

    @staticmethod
    def _widget_value(widget: Widget) -> str:
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Input):
            return widget.value
        return ""

    def _load(self, field: str, widget: Widget, value: str) -> None:
        value = visible(value)  # as typed; a control character of an old file as a symbol
        self.loaded[field] = value
        timer = self._autosave.pop(field, None)
        if timer is not None:
            timer.stop()
        if isinstance(widget, TextArea):
            if widget.text != value:
                widget.load_text(value)
        elif isinstance(widget, FieldInput) and widget.value != value:
            widget.load(value)

    def _set_error(self, field: str, sentence: str | None) -> None:
        if FIELD_KINDS[field] == "list":
            self._one(f"#field-{field}", ListEditor).set_error(sentence)
            return
        if field in self._errors and self._errors[field] == (sentence or ""):
            return
        self._errors[field] = sentence or ""
        error = self._one(f"#error-{field}", Static)
        error.update(content(sentence or ""))
        error.display = bool(sentence)

    # --- committing ------------------------------------------------------------------

    def commit_field(self, field: str, value: Any) -> str | None:
        """Validate and write one field; ``None`` when saved, else the sentence shown."""
        tp = self.current()
        if tp is None or tp.db_id is None:
            return TEXT("saved_elsewhere", self.lang)
        try:
            cleaned = clean("touchpoint", field, value)
        except ValidationError as error:
            sentence = error.message(self.lang)
            self._set_error(field, sentence)
            return sentence
        if cleaned != getattr(tp, field):
            result = self.workshop.edit(
                self.workshop.store.update_touchpoint, tp.db_id, **{field: cleaned}
            )
            if isinstance(result, EditFailed):
                sentence = self.workshop.live.last_error or ""
                self._set_error(field, sentence)
                return sentence
        self._set_error(field, None)
        if FIELD_KINDS[field] != "list":
            self.loaded[field] = cleaned
            widget = self._one(f"#field-{field}", Widget)
            if isinstance(widget, Input) and widget.value != cleaned:
                widget.value = cleaned
        return None

    def commit_widget(self, widget: Widget | None) -> bool:
        """Save what the given form widget holds, if it changed. False if refused."""
        if widget is None:
            return True
        if isinstance(widget, Input) and widget.has_class("list-input"):
            editor = widget.parent
            return editor.submit_input() if isinstance(editor, ListEditor) else True
        field = (widget.id or "").removeprefix("field-")
        if field not in FIELD_KINDS or FIELD_KINDS[field] == "list" or field not in self.loaded:
            return True
        value = self._widget_value(widget)
        if value == self.loaded.get(field):
            # Untouched: show what someone else may have saved while it had the focus.
            tp = self.current()
            if tp is not None and getattr(tp, field) != value and widget is not self.focused:
                self._load(field, widget, getattr(tp, field))
            return True
        return self.commit_field(field, value) is None

    def commit_focused(self) -> bool:
        return self.commit_widget(self.focused)

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        widget = event.widget
        if isinstance(widget, TextArea | Input) and not widget.has_class("list-input"):
            self.commit_widget(widget)
        if self.focused is None or self._field_of(self.focused) is None:
            self._show_field(None)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        widget = event.widget
        box: Widget | None = None
        if widget.id and widget.id.startswith("field-"):
            self._last_form_focus = widget.id
            box = widget.parent if isinstance(widget.parent, Widget) else None
        elif isinstance(widget, ItemList | Input) and isinstance(widget.parent, ListEditor):
            self._last_form_focus = widget.parent.id
            box = widget.parent
        self._show_field(self._field_of(widget))
        if box is not None:
            # The whole field (its label, its items, its input) into view, then the
            # cursor's widget itself if the field is taller than the form.
            form = self._one("#details-form", DetailsForm)
            form.scroll_to_widget(box, animate=False, immediate=True)
            form.scroll_to_widget(widget, animate=False, immediate=True)

    def _field_of(self, widget: Widget | None) -> str | None:
        """The form field ``widget`` belongs to (None: the navigator, or no widget)."""
        while widget is not None and widget is not self:
            name = (widget.id or "").removeprefix("field-")
            if name in FIELD_KINDS and widget.id == f"field-{name}":
                return name
            widget = widget.parent if isinstance(widget.parent, Widget) else None
        return None

    def _show_field(self, field: str | None) -> None:
        if field == self._field_shown:
            return
        self._field_shown = field
        tp = self.current()
        if tp is not None:
            self._refresh_title(tp)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "field-owner":
            event.stop()
            self.commit_field("owner", event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-owner" and event.value != self.loaded.get("owner"):
            self._live_check("owner", event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        field = (area.id or "").removeprefix("field-")
        if FIELD_KINDS.get(field) != "text" or area.text == self.loaded.get(field):
            return
        if self._live_check(field, area.text):
            old = self._autosave.pop(field, None)
            if old is not None:
                old.stop()
            self._autosave[field] = self.set_timer(
                AUTOSAVE_SECONDS, lambda: self._autosave_now(field, area)
            )

    def _autosave_now(self, field: str, area: TextArea) -> None:
        self._autosave.pop(field, None)
        if area.text != self.loaded.get(field):
            self.commit_widget(area)

    def _live_check(self, field: str, value: str) -> bool:
        """Show the problem as soon as it is typed (too long...); True if fine."""
        try:
            clean("touchpoint", field, value)
        except ValidationError as error:
            self._set_error(field, error.message(self.lang))
            return False
        self._set_error(field, None)
        return True

    def on_screen_suspend(self) -> None:
        self.commit_focused()

    def commit_pending(self) -> None:
        if self.commit_focused():
            self._commit_unfocused()

    def after_undo(self, change: Change) -> None:
        """Show the touchpoint the undo changed, every field as stored (the focused one too)."""
        ref = change.ref if change.entity == "touchpoint" else None
        if ref is not None and ref != self.selected and ref in self.index().by_ref:
            self.select(ref)
        tp = self.current()
        if tp is not None:
            self._fill_form(tp, force=True)

    # --- navigation ------------------------------------------------------------------

    def select(self, ref: str | None) -> bool:
        """Show another touchpoint; the focused field is saved first (False if refused)."""
        if ref is None or ref == self.selected:
            return True
        if self.selected is not None:
            if not self.commit_focused():
                self.picker.highlight_ref(self.selected)
                return False
            self._commit_unfocused()
        tp = self.index().by_ref.get(ref)
        if tp is None:
            return False
        self.selected = ref
        self._refresh_navigator()
        self._fill_form(tp, force=True)
        focused = self.focused
        if focused is not None and focused is not self.picker:
            focused.scroll_visible(animate=False)
        else:
            self._one("#details-form", DetailsForm).scroll_home(animate=False)
        self._note(tp)
        return True

    def _commit_unfocused(self) -> None:
        """Typing left in a field that lost focus without its blur being handled yet."""
        for field, kind in FIELDS:
            if kind == "list":
                continue
            widget = self._one(f"#field-{field}", Widget)
            if widget is not self.focused and self._widget_value(widget) != self.loaded.get(field):
                self.commit_widget(widget)

    def _note(self, tp: Touchpoint) -> None:
        self.note_position(segment=tp.segment, stage=tp.stage, touchpoint=tp.ref)

    def _picked(self, ref: str | None) -> None:
        """The highlight moved in the navigator: show that touchpoint in the same frame."""
        if ref is not None:
            self.select(ref)

    def on_touchpoint_picker_chosen(self, event: TouchpointPicker.Chosen) -> None:
        if event.ref is not None and self.select(event.ref):
            self.focus_field(self._filter_field())

    def _filter_field(self) -> str:
        return "need" if self.filter == "all" else self.filter

    def focus_field(self, field: str) -> None:
        """The cursor in ``field`` (a list's: in its input), the field at the form's top."""
        if self.current() is None:
            return
        box: Widget
        if FIELD_KINDS[field] == "list":
            box = self._one(f"#field-{field}", ListEditor)
            box.input.focus()
        else:
            box = self._one(f"#box-{field}", Vertical)
            self._one(f"#field-{field}", Widget).focus()
        self._one("#details-form", DetailsForm).scroll_to_widget(
            box, animate=False, top=True, immediate=True
        )

    def step(self, offset: int) -> None:
        view = self.view()
        visible = view.touchpoints
        if not visible:
            return
        place = view.place.get(self.selected or "")
        if place is None:  # not in the list: start from its first (or last) one
            place = -1 if offset > 0 else len(visible)
        index = place + offset
        if 0 <= index < len(visible):
            self.select(visible[index].ref)
        else:
            self.app.bell()

    def action_next_tp(self) -> None:
        self.step(1)

    def action_prev_tp(self) -> None:
        self.step(-1)

    def action_cycle_filter(self) -> None:
        self.set_filter(FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)])

    def set_filter(self, name: str) -> None:
        self.filter = name
        tp = self.current()
        matching = self.index().matching(name)
        if tp is not None and not self.matches(tp) and matching:
            self.select(matching[0].ref)
        self._refresh_navigator()
        current = self.current()
        if tp is not None and current is not None:
            self._refresh_title(current)
        if self.filter != "all" and not matching:
            self.notify(TEXT("none_left", self.lang))

    def action_switch_pane(self) -> None:
        if self.picker.has_focus:
            target = self._last_form_focus
            if target and self.query(f"#{target}"):
                widget = self.query_one(f"#{target}")
                if isinstance(widget, ListEditor):
                    widget.input.focus()
                else:
                    widget.focus()
            else:
                self.focus_field(self._filter_field())
        else:
            self.picker.focus()

    def action_pick_field(self) -> None:
        """Ctrl+L (or g): the form's fields, numbered; Enter or the number goes there."""
        tp = self.current()
        if tp is None:
            return
        lang = self.lang
        fields = [
            (field, FIELD_LABELS(field, lang), field in TRACKED and is_missing(tp, field))
            for field, _ in FIELDS
        ]
        picker = FieldPicker(
            TEXT("pick_field.title", lang),
            fields,
            current=self._field_of(self.focused) or self._filter_field(),
            missing=TEXT("missing", lang),
        )

        def picked(field: str | None) -> None:
            if field is not None:
                self.focus_field(field)

        self.app.push_screen(picker, picked)

    def _focused_editor(self) -> ListEditor | None:
        focused = self.focused
        if isinstance(focused, ItemList) and isinstance(focused.parent, ListEditor):
            return focused.parent
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("remove_item", "move_item"):
            return self._focused_editor() is not None
        if action == "leave_field":
            return self._field_of(self.focused) is not None
        return True

    def action_leave_field(self) -> None:
        """Esc or Ctrl+G in the form: back to the navigator (the field saves as it is left)."""
        self.picker.focus()

    def action_remove_item(self) -> None:
        editor = self._focused_editor()
        if editor is not None:
            editor.remove_highlighted()

    def action_move_item(self, offset: int) -> None:
        editor = self._focused_editor()
        if editor is not None:
            editor.move_highlighted(offset)

    # --- palette ---------------------------------------------------------------------

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang
        yield SystemCommand(
            TEXT("cmd.next", lang), TEXT("cmd.next.help", lang), self.action_next_tp
        )
        yield SystemCommand(
            TEXT("cmd.prev", lang), TEXT("cmd.prev.help", lang), self.action_prev_tp
        )
        for name in FILTERS:
            yield SystemCommand(
                TEXT("cmd.filter", lang, name=TEXT(f"filter.{name}", lang)),
                TEXT("cmd.filter.help", lang),
                lambda name=name: self.set_filter(name),
            )
        yield SystemCommand(
            TEXT("cmd.pane", lang), TEXT("cmd.pane.help", lang), self.action_switch_pane
        )
        yield SystemCommand(
            TEXT("cmd.pick_field", lang),
            TEXT("cmd.pick_field.help", lang),
            self.action_pick_field,
        )
        for field, _ in FIELDS:
            yield SystemCommand(
                TEXT("cmd.field", lang, field=FIELD_LABELS(field, lang).lower()),
                TEXT("cmd.field.help", lang),
                lambda field=field: self.focus_field(field),
            )
        editor = self._focused_editor()
        if editor is not None:
            yield SystemCommand(
                TEXT("cmd.edit_item", lang),
                TEXT("cmd.edit_item.help", lang),
                lambda: editor.start_edit(editor.item_list.highlighted or 0),
            )
            yield SystemCommand(
                TEXT("cmd.remove_item", lang),
                TEXT("cmd.remove_item.help", lang),
                self.action_remove_item,
            )
            yield SystemCommand(
                TEXT("cmd.item_up", lang),
                TEXT("cmd.item.help", lang),
                lambda: self.action_move_item(-1),
            )
            yield SystemCommand(
                TEXT("cmd.item_down", lang),
                TEXT("cmd.item.help", lang),
                lambda: self.action_move_item(1),
            )
