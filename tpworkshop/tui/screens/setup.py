"""Step 1, Setup: the session's fields, its stage framework and its stages.

Fields commit on Enter, when the facilitator leaves them, and a moment after they stop
typing (so a dropped SSH link loses nothing). Bad values get an inline sentence and
keep the typed text so it can be fixed; nothing is saved until the value is valid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.table import Table as RichTable
from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Select, SelectionList, Static, TextArea

from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.model import Position, Stage, clean
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n import LANGUAGES, resolve_language
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.i18n.catalogs.tui_setup import TEXT
from tpworkshop.storage import Change, StorageError
from tpworkshop.tui.display import content, content_line, plain_line, visible, visible_line
from tpworkshop.tui.edits import EDIT_FAILED
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.screens.dialogs import (
    ChoiceDialog,
    ConfirmDialog,
    FormDialog,
    FormField,
    model_check,
)
from tpworkshop.tui.widgets.setup_table import (
    MOVE_GROUP,
    WEIGHT_GROUP,
    KeyedTable,
    weight_dots,
)
from tpworkshop.tui.widgets.text_input import TextField, TextInput

if TYPE_CHECKING:
    from tpworkshop.tui.workshop import Workshop

AUTOSAVE_SECONDS = 0.8
WIDE_LAYOUT = 120
LINE_FIELDS = ("name", "organisation", "facilitator", "participants", "dots_per_participant")
FIELDS = (*LINE_FIELDS, "language", "notes")
# Enter saves a field and goes on to the next one to type in (the language Select is
# skipped: Enter would open its list).
ENTER_NEXT = {
    "name": "organisation",
    "organisation": "facilitator",
    "facilitator": "dots_per_participant",
    "dots_per_participant": "participants",
    "participants": "notes",
}
STAGE_ACTIONS = {"add_stage", "rename_stage", "weigh", "move_stage", "remove_stage", "framework"}


class ResponsiveLayout(Horizontal):
    """Fields above stages when narrow; side by side when there is room."""

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE_LAYOUT, "-wide")


class FrameworkDialog(ChoiceDialog):
    """Pick one framework; the stages of the highlighted one show below the list.

    Unlike the shared ChoiceDialog it starts on the current option and Enter returns
    the highlighted one (the shared dialog returns the *ticked* options).
    """

    def __init__(
        self, title: str, options: list[tuple[str, str]], hints: dict[str, str], current: str
    ) -> None:
        super().__init__(title, options, selected=[current], multiple=False)
        self.hints = hints
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(content(self.title_text), classes="dialog-title")
            yield SelectionList[str](
                *[(content_line(label), value) for value, label in self.options]
            )
            yield Static(id="framework-hint", classes="dialog-message")

    def on_mount(self) -> None:
        values = [value for value, _ in self.options]
        if self.current in values:
            self.query_one(SelectionList).highlighted = values.index(self.current)

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        hint = self.hints.get(event.selection.value, "")
        self.query_one("#framework-hint", Static).update(content(hint))

    def action_submit(self) -> None:
        choices = self.query_one(SelectionList)
        ticked = list(choices.selected)
        if len(ticked) == 1:
            self.dismiss(ticked)
        elif choices.highlighted is not None:
            self.dismiss([self.options[choices.highlighted][0]])
        else:
            self.dismiss(None)


async def reopen_session(app: App[Any], session_id: int) -> None:
    """Reopen the session on Setup so every screen is rebuilt in the new language.

    ``open_session`` cannot replace the step screen that is showing (its name is still
    installed), so step aside onto a blank screen first, then drop the old one.
    """
    workshop = cast("Workshop", app)
    old, before = app.screen, workshop.session
    await app.switch_screen(Screen())
    workshop.open_session(session_id, step="setup")
    if workshop.session is before:  # it could not be loaded (the app said why)
        workshop.show_picker()
    app.uninstall_screen(old)
    await old.remove()


class SetupScreen(StepScreen):
    STEP = "setup"
    BINDING_CATALOGS = (TEXT, UI)
    AUTO_FOCUS = "#stages"
    CSS_PATH: ClassVar[Any] = ["base.tcss", "setup.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_stage", "key.add"),
        Binding("r", "rename_stage", "key.rename", show=False),
        Binding("plus,equals_sign", "weigh(1)", "key.heavier", group=WEIGHT_GROUP),
        Binding("minus", "weigh(-1)", "key.lighter", group=WEIGHT_GROUP),
        Binding("less_than_sign,shift+up", "move_stage(-1)", "key.up", group=MOVE_GROUP),
        Binding("greater_than_sign,shift+down", "move_stage(1)", "key.down", group=MOVE_GROUP),
        Binding("x,delete", "remove_stage", "key.remove", show=False),
        Binding("f", "framework", "key.framework", show=False),
        Binding("e", "edit_fields", "key.fields", show=False),
        Binding("escape", "focus_stages", "key.stages"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._errors: dict[str, str] = {}
        self._autosave: dict[str, Timer] = {}
        self._first_fill = True
        self._unsaved: dict[str, str] = {}
        self._session_id: int | None = None

    # --- layout ----------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with ResponsiveLayout(id="setup-layout"):
            with Vertical(id="setup-fields"):
                with Horizontal(classes="field-row"):
                    yield from self._field("name", first=True)
                    yield from self._field("organisation")
                with Horizontal(classes="field-row"):
                    yield from self._field("facilitator", first=True)
                    yield self._label("language")
                    yield Select(
                        [(TEXT(f"lang.{code}", self.lang), code) for code in LANGUAGES],
                        allow_blank=False,
                        value=self.session.language,
                        compact=True,
                        id="field-language",
                        name=TEXT("label.language", self.lang),
                    )
                    yield from self._field("dots_per_participant")
                with Horizontal(classes="field-row"):
                    yield from self._field("participants", first=True)
                with Horizontal(classes="field-row notes-row"):
                    yield self._label("notes", first=True)
                    yield TextField(
                        visible(self.session.notes),
                        id="field-notes",
                        compact=True,
                        soft_wrap=True,
                        name=TEXT("label.notes", self.lang),
                    )
                yield Static(id="setup-error")
            with Vertical(id="setup-stages"):
                yield Static(id="stages-title")
                yield KeyedTable(id="stages", name=INPUT_TEXT("name.stages", self.lang))
                yield Static(TEXT("stages.empty", self.lang), id="stages-empty")

    def land(self, position: Position) -> None:
        table = self.query_one("#stages", KeyedTable)
        table.select_key(position.stage)
        table.focus()

    def before_leaving(self) -> None:
        self.commit_all()

    def after_undo(self, change: Change) -> None:
        """The field with the focus shows what the undo put back (the redraw skips it)."""
        for field in LINE_FIELDS:
            widget = self.query_one(f"#field-{field}", Input)
            if widget.has_focus and field not in self._errors:
                widget.value = self._saved_text(field)
                widget.cursor_position = len(widget.value)
        notes = self.query_one("#field-notes", TextArea)
        if notes.has_focus and "notes" not in self._errors:
            notes.load_text(visible(self.session.notes))
        if change.entity == "stage":
            self.query_one("#stages", KeyedTable).select_key(change.ref)

    def action_switch_pane(self) -> None:
        """F6: from a field back to the stages; from the stages to the fields."""
        if self._in_fields():
            self.action_focus_stages()
        else:
            self.action_edit_fields()

    def _label(self, field: str, *, first: bool = False) -> Label:
        return Label(TEXT(f"label.{field}", self.lang), classes="field-label" + " -first" * first)

    def _field(self, field: str, *, first: bool = False) -> Iterable[Widget]:
        yield self._label(field, first=first)
        yield TextInput(
            self._saved_text(field),
            placeholder=TEXT(f"placeholder.{field}", self.lang),
            id=f"field-{field}",
            name=TEXT(f"label.{field}", self.lang),
            compact=True,
            classes="field",
            type="integer" if field == "dots_per_participant" else "text",
        )

    def on_mount(self) -> None:
        table = self.query_one("#stages", KeyedTable)
        # No column for the stage keys: identifiers of the file format, in English
        # whatever the room speaks; exports and the file format show them.
        for key in ("col.n", "col.stage", "col.weight", "col.tps"):
            table.add_column(TEXT(key, self.lang), key=key)
        table.focus()
        self._session_id = self.workshop.session_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Stage keys act only outside the fields (so a letter never edits the stages)."""
        if action in STAGE_ACTIONS:
            return not self._in_fields()
        if action == "focus_stages":
            return self._in_fields()
        return True

    def _in_fields(self) -> bool:
        focused = self.focused
        return (
            focused is not None and self.query_one("#setup-fields") in focused.ancestors_with_self
        )

    # --- redraw ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted or self.workshop.session is None:
            return
        self._fill_fields()
        self._fill_stages()

    def _fill_fields(self) -> None:
        for field in LINE_FIELDS:
            widget = self.query_one(f"#field-{field}", Input)
            if widget.has_focus or field in self._errors:
                continue
            shown = self._saved_text(field)
            if widget.value != shown:
                widget.value = shown
        notes = self.query_one("#field-notes", TextArea)
        editing = notes.has_focus or "notes" in self._errors
        if not editing and notes.text != visible(self.session.notes):
            notes.load_text(visible(self.session.notes))
        language = self.query_one("#field-language", Select)
        if not language.expanded and language.value != self.session.language:
            language.value = self.session.language

    def _fill_stages(self) -> None:
        session = self.session
        counts = Counter(tp.stage for tp in session.touchpoints)
        rows = [
            (
                stage.key,
                (
                    str(n),
                    stage.name,
                    f"{weight_dots(stage.weight)} {stage.weight}",
                    str(counts[stage.key]),
                ),
            )
            for n, stage in enumerate(session.stages, start=1)
        ]
        table = self.query_one("#stages", KeyedTable)
        select = None
        if self._first_fill:
            self._first_fill = False
            select = session.position.stage
        table.show_rows(rows, select=select)
        framework = FRAMEWORKS.get(session.framework)
        title = TEXT(
            "stages.title",
            self.lang,
            framework=framework.name(self.lang) if framework else session.framework,
            total=sum(s.weight for s in session.stages),
        )
        bar = RichTable.grid(expand=True, padding=(0, 1), pad_edge=False)
        bar.add_column(no_wrap=True)
        bar.add_column(
            ratio=1, justify="right", no_wrap=True, overflow="ellipsis", style="not bold dim"
        )
        bar.add_row(plain_line(title), plain_line(TEXT("stages.hint", self.lang)))
        self.query_one("#stages-title", Static).update(bar)
        self.query_one("#stages-empty", Static).display = not session.stages

    # --- session fields --------------------------------------------------------------

    def _saved_text(self, field: str) -> str:
        value = getattr(self.session, field)
        if field == "participants":
            return visible_line(", ".join(value))
        return visible_line(str(value))

    def _field_of(self, widget: Widget) -> str | None:
        name = (widget.id or "").removeprefix("field-")
        return name if name in FIELDS and widget.id == f"field-{name}" else None

    def _typed(self, field: str) -> str:
        if field == "notes":
            return self.query_one("#field-notes", TextArea).text
        return self.query_one(f"#field-{field}", Input).value

    def _parse(self, field: str, typed: str) -> Any:
        if field == "participants":
            return [item.strip() for item in typed.split(",")]
        return typed

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field is not None:
            self._typing(field, event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "field-notes":
            self._typing("notes", event.text_area.text)

    def _typing(self, field: str, typed: str) -> None:
        """Autosave a moment after typing stops; typing back the saved text clears errors."""
        self._cancel_timer(field)
        if typed == self._saved_text(field):
            self._unsaved.pop(field, None)
            if self._errors.pop(field, None) is not None:
                self._show_errors()
            return
        self._unsaved[field] = typed
        self._autosave[field] = self.set_timer(AUTOSAVE_SECONDS, lambda: self.commit(field))

    def _cancel_timer(self, field: str) -> None:
        timer = self._autosave.pop(field, None)
        if timer is not None:
            timer.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        field = self._field_of(event.input)
        if field is not None and self.commit(field):
            self.query_one(f"#field-{ENTER_NEXT[field]}").focus()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        field = self._field_of(event.input)
        if field is not None:
            self.commit(field)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "field-notes":
            self.commit("notes")

    def on_screen_suspend(self) -> None:
        if self.workshop.session is None:  # leaving for the session list
            self._flush_unsaved()
        else:
            self.commit_all()

    def on_unmount(self) -> None:
        self._flush_unsaved()

    def _flush_unsaved(self) -> None:
        """Last chance for text typed just before quitting (Ctrl+Q within the autosave pause).

        The widgets and the app's redraw are gone by now, so this writes through the
        store directly; a value that is not valid stays unsaved, as it would on screen.
        """
        if self._session_id is None:
            return
        for field, typed in list(self._unsaved.items()):
            try:
                value = clean("session", field, self._parse(field, typed))
                self.workshop.store.update_session(self._session_id, **{field: value})
            except (ValidationError, StorageError):
                continue
            self._unsaved.pop(field, None)

    def commit_all(self) -> None:
        for field in (*LINE_FIELDS, "notes"):
            if field in self._autosave or field in self._errors:
                self.commit(field)

    def commit(self, field: str) -> bool:
        """Save one field if it is valid and changed; else say why inline, keep the text."""
        self._cancel_timer(field)
        if self.workshop.session is None or not self.is_mounted:
            return False
        try:
            value = clean("session", field, self._parse(field, self._typed(field)))
        except ValidationError as error:
            return self._refuse(field, error.message(self.lang))
        if value != getattr(self.session, field):
            result = self.workshop.edit(
                self.workshop.store.update_session, self.workshop.session_id, **{field: value}
            )
            if result is EDIT_FAILED:
                return self._refuse(field, self.workshop.live.last_error or "")
        self._unsaved.pop(field, None)
        if self._errors.pop(field, None) is not None:
            self._show_errors()
        return True

    def _refuse(self, field: str, sentence: str) -> bool:
        self._errors[field] = sentence
        self._show_errors()
        return False

    def _show_errors(self) -> None:
        line = self.query_one("#setup-error", Static)
        sentences = [TEXT("not_saved", self.lang, error=e) for e in self._errors.values()]
        line.update(content("\n".join(sentences)))
        line.display = bool(sentences)
        for field in (*LINE_FIELDS, "notes"):
            self.query_one(f"#field-{field}").set_class(field in self._errors, "-bad")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "field-language" or not isinstance(event.value, str):
            return
        if event.value != self.session.language:
            self.change_language(event.value)

    def change_language(self, language: str) -> None:
        app = self.workshop
        old = self.session.language
        if app.edit(app.store.update_session, app.session_id, language=language) is EDIT_FAILED:
            return
        self._translate_stage_names(old, language)
        if resolve_language(app.cli_lang, language) != app.lang and app.session_id is not None:
            self.commit_all()
            self.app.run_worker(reopen_session(self.app, app.session_id), exclusive=True)

    def _translate_stage_names(self, old: str, new: str) -> None:
        """Stages still named as the framework names them follow the new language."""
        framework = FRAMEWORKS.get(self.session.framework)
        if framework is None:
            return
        names = {s.key: s.names for s in framework.stages}
        for stage in self.session.stages:
            given = names.get(stage.key)
            if given and stage.name == given.get(old) and given.get(new, stage.name) != stage.name:
                self.workshop.edit(self.workshop.store.update_stage, stage.db_id, name=given[new])

    # --- stages ----------------------------------------------------------------------

    def selected_stage(self) -> Stage | None:
        key = self.query_one("#stages", KeyedTable).selected_key
        return self.session.stage(key) if key else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "stages":
            self.action_rename_stage()

    def action_add_stage(self) -> None:
        lang = self.lang

        validate = model_check(lang, name=("stage", "name"), weight=("stage", "weight"))

        def added(values: dict[str, str] | None) -> None:
            if values is None:
                return
            app = self.workshop
            key = app.edit(
                app.store.add_stage,
                app.session_id,
                values["name"],
                clean("stage", "weight", values["weight"]),
            )
            if isinstance(key, str):
                self.query_one("#stages", KeyedTable).select_key(key)

        self.app.push_screen(
            FormDialog(
                TEXT("add.title", lang),
                [
                    FormField("name", TEXT("add.name", lang)),
                    FormField("weight", TEXT("add.weight", lang), "3"),
                ],
                validate,
            ),
            added,
        )

    def action_rename_stage(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        lang = self.lang

        validate = model_check(lang, name=("stage", "name"))

        def renamed(values: dict[str, str] | None) -> None:
            if values is not None and values["name"].strip() != stage.name:
                self.workshop.edit(
                    self.workshop.store.update_stage, stage.db_id, name=values["name"]
                )

        self.app.push_screen(
            FormDialog(
                TEXT("rename.title", lang, name=stage.name),
                [FormField("name", TEXT("add.name", lang), stage.name)],
                validate,
            ),
            renamed,
        )

    def action_weigh(self, delta: int) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        weight = stage.weight + delta
        if not 1 <= weight <= 5:
            self.notify(TEXT("weight.limit", self.lang), timeout=2)
            return
        self.workshop.edit(self.workshop.store.update_stage, stage.db_id, weight=weight)

    def action_move_stage(self, offset: int) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        index = self.session.stages.index(stage)
        if 0 <= index + offset < len(self.session.stages):
            self.workshop.edit(self.workshop.store.move_stage, stage.db_id, offset)

    def action_remove_stage(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return
        n = sum(1 for tp in self.session.touchpoints if tp.stage == stage.key)
        variant = "remove.none" if n == 0 else "remove.one" if n == 1 else "remove.many"

        def confirmed(yes: bool | None) -> None:
            if yes and self.workshop.edit(self.workshop.store.remove_stage, stage.db_id) is None:
                self.notify(TEXT("removed", self.lang, name=stage.name))

        self.app.push_screen(
            ConfirmDialog(TEXT(variant, self.lang, name=stage.name, n=n)), confirmed
        )

    def action_framework(self) -> None:
        lang = self.lang
        current = self.session.framework
        options, hints = [], {}
        for key, framework in FRAMEWORKS.items():
            mark = f" {TEXT('framework.current', lang)}" if key == current else ""
            options.append((key, f"{framework.name(lang)}{mark}"))
            stages = " → ".join(s.names.get(lang, s.names["en"]) for s in framework.stages)
            hints[key] = stages or TEXT("framework.custom_hint", lang)
        self.app.push_screen(
            FrameworkDialog(TEXT("framework.title", lang), options, hints, current),
            self._framework_picked,
        )

    def _framework_picked(self, picked: list[str] | None) -> None:
        if not picked or picked[0] not in FRAMEWORKS:
            return
        key = picked[0]
        name = FRAMEWORKS[key].name(self.lang)
        if key == self.session.framework:
            self.notify(TEXT("framework.same", self.lang, name=name), timeout=3)
            return
        n = len(self.session.touchpoints)
        if n == 0:
            self._switch_framework(key)
            return
        variant = "framework.confirm.one" if n == 1 else "framework.confirm.many"
        self.app.push_screen(
            ConfirmDialog(TEXT(variant, self.lang, name=name, n=n)),
            lambda yes: self._switch_framework(key) if yes else None,
        )

    def _switch_framework(self, key: str) -> None:
        app = self.workshop
        if app.edit(app.store.replace_stages, app.session_id, key, self.lang) is None:
            stages = self.query_one("#stages", KeyedTable)
            if stages.keys:
                stages.move_cursor(row=0, animate=False)
            self.notify(TEXT("framework.done", self.lang, name=FRAMEWORKS[key].name(self.lang)))

    def action_edit_fields(self) -> None:
        self.query_one("#field-name", Input).focus()

    def action_focus_stages(self) -> None:
        self.query_one("#stages", KeyedTable).focus()

    # --- palette ---------------------------------------------------------------------

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang
        for name, callback in (
            ("add", self.action_add_stage),
            ("rename", self.action_rename_stage),
            ("heavier", lambda: self.action_weigh(1)),
            ("lighter", lambda: self.action_weigh(-1)),
            ("up", lambda: self.action_move_stage(-1)),
            ("down", lambda: self.action_move_stage(1)),
            ("remove", self.action_remove_stage),
            ("framework", self.action_framework),
            ("fields", self.action_edit_fields),
            ("stages", self.action_focus_stages),
        ):
            yield SystemCommand(TEXT(f"cmd.{name}", lang), TEXT(f"cmd.{name}.help", lang), callback)
