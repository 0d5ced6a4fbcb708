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

from collections.abc import Iterable
from typing import Any, ClassVar

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
from tpworkshop.domain.model import Touchpoint, clean
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n import Catalog
from tpworkshop.tui.app import EditFailed, translate_bindings
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.widgets.list_editor import ItemList, ListEditor
from tpworkshop.tui.widgets.touchpoint_picker import (
    TRACKED,
    Places,
    TouchpointPicker,
    is_missing,
)

TEXT = Catalog(
    "tui.details",
    {
        # bindings
        "key.next_tp": {"en": "Next touchpoint", "es": "Siguiente punto"},
        "key.prev_tp": {"en": "Previous touchpoint", "es": "Punto anterior"},
        "key.filter": {"en": "Filter", "es": "Filtro"},
        "key.pane": {"en": "List/form", "es": "Lista/ficha"},
        "key.remove_item": {"en": "Remove item", "es": "Quitar elemento"},
        "key.item_up": {"en": "Move item up", "es": "Subir elemento"},
        "key.item_down": {"en": "Move item down", "es": "Bajar elemento"},
        # navigator
        "filter.all": {"en": "All touchpoints", "es": "Todos los puntos"},
        "filter.owner": {"en": "Missing owner", "es": "Sin responsable"},
        "filter.desired_outcome": {"en": "Missing outcome", "es": "Sin resultado deseado"},
        "filter.processes": {"en": "Missing process", "es": "Sin proceso"},
        "filter.data_generated": {"en": "Missing data", "es": "Sin datos generados"},
        "count.all": {"en": "{total} touchpoints", "es": "{total} puntos de contacto"},
        "count.owner": {
            "en": "{n} of {total} miss an owner",
            "es": "{n} de {total} sin responsable",
        },
        "count.desired_outcome": {
            "en": "{n} of {total} miss an outcome",
            "es": "{n} de {total} sin resultado",
        },
        "count.processes": {
            "en": "{n} of {total} miss a process",
            "es": "{n} de {total} sin proceso",
        },
        "count.data_generated": {
            "en": "{n} of {total} miss data",
            "es": "{n} de {total} sin datos",
        },
        "filter.line": {"en": "f: {name}", "es": "f: {name}"},
        "mark.owner": {"en": "O", "es": "R"},
        "mark.processes": {"en": "P", "es": "P"},
        "mark.desired_outcome": {"en": "R", "es": "O"},
        "mark.data_generated": {"en": "D", "es": "D"},
        "legend": {
            "en": "Missing: O owner P process\nR result D data",
            "es": "Falta: R responsable\nP proceso O objetivo\nD datos",
        },
        "none_left": {
            "en": "Nothing left to fill for this filter. Press f for the next one.",
            "es": "No queda nada por completar con este filtro. Pulse f para el siguiente.",
        },
        # form
        "empty": {
            "en": "No touchpoints yet. Press 3 to brainstorm them in the Touchpoints step.",
            "es": "Aún no hay puntos de contacto. Pulse 3 para proponerlos en el paso Puntos.",
        },
        "place": {"en": "{place} · {n} of {total}", "es": "{place} · {n} de {total}"},
        "channel": {"en": "channel: {channel}", "es": "canal: {channel}"},
        "missing": {"en": "missing", "es": "falta"},
        "editing": {
            "en": "editing item {n}: Enter saves, Ctrl+G cancels",
            "es": "editando el elemento {n}: Intro guarda, Ctrl+G cancela",
        },
        "hint.need": {
            "en": "What does the customer want at this point?",
            "es": "¿Qué quiere el cliente en este punto?",
        },
        "hint.interactions": {
            "en": "Add an interaction (e.g. direct mail), Enter",
            "es": "Añada una interacción (p. ej. buzoneo), Intro",
        },
        "hint.owner": {
            "en": "Person or department responsible, Enter",
            "es": "Persona o departamento responsable, Intro",
        },
        "hint.processes": {
            "en": "Add a process that supports it, Enter",
            "es": "Añada un proceso que lo sostiene, Intro",
        },
        "hint.people": {
            "en": "Add who supports those processes, Enter",
            "es": "Añada quién sostiene esos procesos, Intro",
        },
        "hint.customer_contacts": {
            "en": "Add who the customer deals with, Enter",
            "es": "Añada con quién trata el cliente, Intro",
        },
        "hint.desired_outcome": {
            "en": "What should each interaction achieve?",
            "es": "¿Qué debe lograr cada interacción?",
        },
        "hint.data_generated": {
            "en": "Add data this touchpoint generates, Enter",
            "es": "Añada un dato que genera este punto, Intro",
        },
        "hint.optimal_experience": {
            "en": "What should every customer experience here?",
            "es": "¿Qué debería vivir cada cliente aquí?",
        },
        "saved_elsewhere": {
            "en": "This touchpoint was deleted by someone else.",
            "es": "Otra persona ha borrado este punto de contacto.",
        },
        # palette
        "cmd.next": {"en": "Details: next touchpoint", "es": "Detalles: siguiente punto"},
        "cmd.next.help": {
            "en": "The next touchpoint in the filtered list (PageDown)",
            "es": "El siguiente punto de la lista filtrada (AvPág)",
        },
        "cmd.prev": {"en": "Details: previous touchpoint", "es": "Detalles: punto anterior"},
        "cmd.prev.help": {
            "en": "The previous touchpoint in the filtered list (PageUp)",
            "es": "El punto anterior de la lista filtrada (RePág)",
        },
        "cmd.filter": {"en": "Details: filter “{name}”", "es": "Detalles: filtro «{name}»"},
        "cmd.filter.help": {
            "en": "Walk through what is still empty (f cycles the filters)",
            "es": "Recorrer lo que aún está vacío (f cambia de filtro)",
        },
        "cmd.pane": {
            "en": "Details: switch between list and form",
            "es": "Detalles: cambiar entre lista y ficha",
        },
        "cmd.pane.help": {"en": "F6", "es": "F6"},
        "cmd.field": {"en": "Details: edit {field}", "es": "Detalles: editar {field}"},
        "cmd.field.help": {
            "en": "Jump to this field of the selected touchpoint",
            "es": "Ir a este campo del punto seleccionado",
        },
        "cmd.edit_item": {
            "en": "Details: edit the highlighted list item",
            "es": "Detalles: editar el elemento marcado de la lista",
        },
        "cmd.edit_item.help": {"en": "Intro in a list", "es": "Intro en una lista"},
        "cmd.remove_item": {
            "en": "Details: remove the highlighted list item",
            "es": "Detalles: quitar el elemento marcado de la lista",
        },
        "cmd.remove_item.help": {
            "en": "x or Delete in a list",
            "es": "x o Supr en una lista",
        },
        "cmd.item_up": {
            "en": "Details: move the highlighted list item up",
            "es": "Detalles: subir el elemento marcado de la lista",
        },
        "cmd.item_down": {
            "en": "Details: move the highlighted list item down",
            "es": "Detalles: bajar el elemento marcado de la lista",
        },
        "cmd.item.help": {
            "en": "Shift+Up / Shift+Down in a list",
            "es": "Mayús+↑ / Mayús+↓ en una lista",
        },
    },
)

FILTERS = ("all", "owner", "desired_outcome", "processes", "data_generated")

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


class DetailsForm(VerticalScroll, can_focus=False):
    """The form column; scrolls to the focused field, is no Tab stop of its own."""


class DetailsScreen(StepScreen):
    STEP = "details"
    CSS_PATH = ["base.tcss", "details.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,ctrl+down", "next_tp", "key.next_tp", priority=True),
        Binding("pageup,ctrl+up", "prev_tp", "key.prev_tp", priority=True, show=False),
        Binding("n", "next_tp", "key.next_tp", show=False),
        Binding("p", "prev_tp", "key.prev_tp", show=False),
        Binding("f", "cycle_filter", "key.filter"),
        Binding("f6", "switch_pane", "key.pane", show=False),
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
        self._letters: list[str] = []

    # --- layout ----------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="details-main"):
            with Vertical(id="details-nav"):
                yield Static(id="details-filter")
                yield TouchpointPicker(id="details-picker")
                yield Static(TEXT("legend", lang), id="details-legend")
            with DetailsForm(id="details-form"):
                yield Static(id="details-title")
                yield Static(TEXT("empty", lang), id="details-empty")
                with Vertical(id="details-fields"):
                    for field, kind in FIELDS:
                        yield from self._compose_field(field, kind)

    def _compose_field(self, field: str, kind: str) -> ComposeResult:
        lang = self.lang
        label = FIELD_LABELS(field, lang)
        hint = TEXT(f"hint.{field}", lang)
        if kind == "list":
            yield ListEditor(
                label=label,
                placeholder=hint,
                editing=TEXT("editing", lang),
                commit=lambda items, field=field: self.commit_field(field, items),
                id=f"field-{field}",
            )
            return
        with Vertical(classes="form-field", id=f"box-{field}"):
            yield Label(label, classes="field-label", id=f"label-{field}")
            if kind == "line":
                yield Input(
                    placeholder=hint, compact=True, id=f"field-{field}", classes="form-input"
                )
            else:
                yield TextArea(
                    placeholder=hint,
                    compact=True,
                    soft_wrap=True,
                    highlight_cursor_line=False,
                    id=f"field-{field}",
                    classes="form-text",
                )
            yield Static("", classes="field-error", id=f"error-{field}")

    def translate_own_bindings(self) -> None:
        translate_bindings(self, TEXT, self.lang)

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
        return self.query_one("#details-picker", TouchpointPicker)

    def current(self) -> Touchpoint | None:
        if self.selected is None or self.workshop.session is None:
            return None
        return self.session.touchpoint(self.selected)

    def matches(self, tp: Touchpoint) -> bool:
        return self.filter == "all" or is_missing(tp, self.filter)

    def visible(self) -> list[Touchpoint]:
        """The filtered list; the selected touchpoint stays in it until one moves on."""
        return [
            tp for tp in self.session.in_map_order() if self.matches(tp) or tp.ref == self.selected
        ]

    def marker(self, tp: Touchpoint) -> str:
        """``"O·R·"``: the letter of each tracked detail still missing, ``"✓"`` if none."""
        owner, process, outcome, data = self._letters
        code = (
            ("·" if tp.owner.strip() else owner)
            + ("·" if tp.processes else process)
            + ("·" if tp.desired_outcome.strip() else outcome)
            + ("·" if tp.data_generated else data)
        )
        return "✓" if code == "····" else code

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
        session = self.session
        ordered = session.in_map_order()
        if self.selected is None or session.touchpoint(self.selected) is None:
            if self.selected is not None:
                self.notify(TEXT("saved_elsewhere", self.lang), severity="warning")
            self.selected = self._fallback_selection(ordered)
            changed = True
        else:
            changed = False
        self._refresh_navigator()
        self._refresh_owner_suggestions()
        tp = self.current()
        self.query_one("#details-empty").display = tp is None
        self.query_one("#details-fields").display = tp is not None
        if tp is None:
            self.query_one("#details-title", Static).update("")
            return
        self._fill_form(tp, force=changed)
        if changed:
            self._note(tp)

    def on_screen_resume(self) -> None:
        """Coming from another step: show the touchpoint the facilitator was on there."""
        if self.is_mounted and self.workshop.session is not None:
            wanted = self.session.position.touchpoint
            if wanted and wanted != self.selected and self.session.touchpoint(wanted):
                self.select(wanted)

    def _fallback_selection(self, ordered: list[Touchpoint]) -> str | None:
        if not ordered:
            return None
        remembered = self.session.position.touchpoint
        if self.selected is None and remembered and self.session.touchpoint(remembered):
            return remembered
        pool = [tp for tp in ordered if self.matches(tp)] or ordered
        return pool[0].ref

    def _refresh_navigator(self) -> None:
        visible = self.visible()
        self._letters = [TEXT(f"mark.{field}", self.lang) for field in TRACKED]
        self.picker.show(
            self.session, visible, self.selected, marker=self.marker, mark_style=self.mark_style
        )
        total = len(self.session.touchpoints)
        lang = self.lang
        if self.filter == "all":
            count = TEXT("count.all", lang, total=total)
        else:
            n = sum(1 for tp in self.session.touchpoints if is_missing(tp, self.filter))
            count = TEXT(f"count.{self.filter}", lang, n=n, total=total)
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append(TEXT("filter.line", lang, name=TEXT(f"filter.{self.filter}", lang)))
        header.append("\n")
        header.append(count, style="bold")
        self.query_one("#details-filter", Static).update(header)

    def _refresh_owner_suggestions(self) -> None:
        counts: dict[str, int] = {}
        for tp in self.session.touchpoints:
            if tp.owner:
                counts[tp.owner] = counts.get(tp.owner, 0) + 1
        owners = sorted(counts, key=lambda o: (-counts[o], o.casefold()))
        if owners != self._owners:
            self._owners = owners
            self.query_one("#field-owner", Input).suggester = SuggestFromList(
                owners, case_sensitive=False
            )

    def _fill_form(self, tp: Touchpoint, *, force: bool) -> None:
        """Show ``tp``; without ``force`` leave the focused field and unsaved text alone."""
        self._refresh_title(tp)
        focused = self.focused
        for field, kind in FIELDS:
            stored = getattr(tp, field)
            if kind == "list":
                editor = self.query_one(f"#field-{field}", ListEditor)
                if force:
                    editor.reset(stored)
                else:
                    editor.set_items(stored)
                editor.set_label(self._label(tp, field))
                continue
            self.query_one(f"#label-{field}", Label).update(self._label(tp, field))
            widget = self.query_one(f"#field-{field}")
            if force:
                self._load(field, widget, stored)
                self._set_error(field, None)
                continue
            if widget is focused or stored == self.loaded.get(field):
                continue
            if self._widget_value(widget) == self.loaded.get(field):
                self._load(field, widget, stored)

    def _refresh_title(self, tp: Touchpoint) -> None:
        visible = [t.ref for t in self.visible()]
        n = visible.index(tp.ref) + 1 if tp.ref in visible else 0
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(tp.name, style="bold")
        title.append("\n")
        place = TEXT(
            "place", self.lang, place=Places.of(self.session).label(tp), n=n, total=len(visible)
        )
        title.append(place, style="dim")
        if tp.channel:
            title.append(" · " + TEXT("channel", self.lang, channel=tp.channel), style="dim")
        self.query_one("#details-title", Static).update(title)

    def _label(self, tp: Touchpoint, field: str) -> Text:
        label = Text(FIELD_LABELS(field, self.lang), style="bold")
        if field in TRACKED and is_missing(tp, field):
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
        self.loaded[field] = value
        timer = self._autosave.pop(field, None)
        if timer is not None:
            timer.stop()
        if isinstance(widget, TextArea):
            if widget.text != value:
                widget.load_text(value)
        elif isinstance(widget, Input) and widget.value != value:
            widget.value = value
            widget.cursor_position = len(value)

    def _set_error(self, field: str, sentence: str | None) -> None:
        if FIELD_KINDS[field] == "list":
            self.query_one(f"#field-{field}", ListEditor).set_error(sentence)
            return
        error = self.query_one(f"#error-{field}", Static)
        error.update(sentence or "")
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
            widget = self.query_one(f"#field-{field}")
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

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        widget = event.widget
        if widget.id and widget.id.startswith("field-"):
            self._last_form_focus = widget.id
        elif isinstance(widget, ItemList | Input) and isinstance(widget.parent, ListEditor):
            self._last_form_focus = widget.parent.id

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
        tp = self.session.touchpoint(ref)
        if tp is None:
            return False
        self.selected = ref
        self._refresh_navigator()
        self._fill_form(tp, force=True)
        focused = self.focused
        if focused is not None and focused is not self.picker:
            focused.scroll_visible(animate=False)
        else:
            self.query_one("#details-form", VerticalScroll).scroll_home(animate=False)
        self._note(tp)
        return True

    def _commit_unfocused(self) -> None:
        """Typing left in a field that lost focus without its blur being handled yet."""
        for field, kind in FIELDS:
            if kind == "list":
                continue
            widget = self.query_one(f"#field-{field}")
            if widget is not self.focused and self._widget_value(widget) != self.loaded.get(field):
                self.commit_widget(widget)

    def _note(self, tp: Touchpoint) -> None:
        self.note_position(segment=tp.segment, stage=tp.stage, touchpoint=tp.ref)

    def on_touchpoint_picker_picked(self, event: TouchpointPicker.Picked) -> None:
        if event.ref is not None:
            self.select(event.ref)

    def on_touchpoint_picker_chosen(self, event: TouchpointPicker.Chosen) -> None:
        if event.ref is not None and self.select(event.ref):
            self.focus_field(self._filter_field())

    def _filter_field(self) -> str:
        return "need" if self.filter == "all" else self.filter

    def focus_field(self, field: str) -> None:
        if self.current() is None:
            return
        if FIELD_KINDS[field] == "list":
            self.query_one(f"#field-{field}", ListEditor).input.focus()
        else:
            self.query_one(f"#field-{field}").focus()

    def step(self, offset: int) -> None:
        visible = [tp.ref for tp in self.visible()]
        if not visible:
            return
        if self.selected in visible:
            index = visible.index(self.selected) + offset
        else:
            index = 0 if offset > 0 else len(visible) - 1
        if 0 <= index < len(visible):
            self.select(visible[index])
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
        if tp is not None and not self.matches(tp):
            first = next((t for t in self.session.in_map_order() if self.matches(t)), None)
            if first is not None:
                self.select(first.ref)
        self._refresh_navigator()
        if tp is not None and self.current() is not None:
            self._refresh_title(self.current())  # type: ignore[arg-type]
        if self.filter != "all" and not any(self.matches(t) for t in self.session.touchpoints):
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

    def _focused_editor(self) -> ListEditor | None:
        focused = self.focused
        if isinstance(focused, ItemList) and isinstance(focused.parent, ListEditor):
            return focused.parent
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("remove_item", "move_item"):
            return self._focused_editor() is not None
        return True

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
