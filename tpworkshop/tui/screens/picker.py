"""Step 0: pick a saved session to resume, start a new one, open the demo, import TOML."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from tpworkshop.domain.frameworks import DEFAULT_FRAMEWORK, FRAMEWORKS
from tpworkshop.i18n import format_datetime, format_percent
from tpworkshop.i18n.catalogs.tui import STEP_NAMES, UI
from tpworkshop.i18n.catalogs.tui_picker import TEXT
from tpworkshop.storage import SessionSummary, StorageError
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.display import plain_line, visible_line
from tpworkshop.tui.screens.dialogs import ChoiceDialog, ConfirmDialog, FormDialog, FormField

if TYPE_CHECKING:
    from tpworkshop.tui.workshop import Workshop


ORG_COLUMN_MIN_WIDTH = 100
"""The organisation column shows from this terminal width on."""
MIN_NAME_WIDTH = 12
SCROLLBAR = 2


class PickerScreen(TranslatedBindings[None]):
    BINDING_CATALOGS = (TEXT, UI)
    CSS_PATH = "picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "key.open", show=True),
        Binding("n", "new", "key.new"),
        Binding("d", "demo", "key.demo"),
        Binding("i", "import_file", "key.import"),
        Binding("x,delete", "delete", "key.delete"),
    ]

    @property
    def workshop(self) -> Workshop:
        return cast("Workshop", self.app)

    @property
    def lang(self) -> str:
        return self.workshop.lang

    def compose(self) -> ComposeResult:
        yield Static(id="picker-title")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="picker-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#picker-title", Static).update(TEXT("title", self.lang))
        table = self.query_one(DataTable)
        self.summaries: list[SessionSummary] = []
        self._layout: tuple[tuple[str, int | None], ...] = ()
        self.load_sessions()
        table.focus()

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted and self._columns(event.size.width) != self._layout:
            self.load_sessions()

    def _rows(self) -> list[dict[str, str]]:
        return [
            {
                "col.name": summary.name,
                "col.org": summary.organisation,
                "col.updated": format_datetime(summary.updated.astimezone(), self.lang),
                "col.step": (
                    STEP_NAMES(summary.step, self.lang) if summary.step in STEP_NAMES else ""
                ),
                "col.tps": str(summary.touchpoints),
                "col.progress": format_percent(summary.progress, self.lang),
            }
            for summary in self.summaries
        ]

    def _columns(self, width: int) -> tuple[tuple[str, int | None], ...]:
        """Names first: under 100 columns the organisation gives its room to the name; the
        figures keep their width and the name takes the rest, a cut ending in «…»."""
        keys = ["col.name", "col.updated", "col.step", "col.tps", "col.progress"]
        if width >= ORG_COLUMN_MIN_WIDTH:
            keys.insert(1, "col.org")
        rows = self._rows()
        widths: dict[str, int | None] = {}
        for key in keys[1:]:
            cells = [visible_line(row[key]) for row in rows]
            widths[key] = max([len(TEXT(key, self.lang)), *map(len, cells)])
        if "col.org" in widths:
            widths["col.org"] = min(widths["col.org"] or 0, 24)
        room = width - sum(w or 0 for w in widths.values()) - 2 * len(keys) - SCROLLBAR
        widths["col.name"] = max(MIN_NAME_WIDTH, room)
        return tuple((key, widths[key]) for key in keys)

    def load_sessions(self) -> None:
        try:
            self.summaries = self.workshop.store.list_sessions()
        except StorageError as error:
            self.notify(error.message(self.lang), severity="error")
            self.summaries = []
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        self._layout = self._columns(self.size.width or self.app.size.width or 80)
        table.clear(columns=True)
        for key, width in self._layout:
            table.add_column(TEXT(key, self.lang), key=key, width=width)
        for summary, row in zip(self.summaries, self._rows(), strict=True):
            table.add_row(
                *(
                    plain_line(row[key], overflow="ellipsis", no_wrap=True)
                    for key, _ in self._layout
                ),
                key=str(summary.id),
            )
        if cursor:
            table.move_cursor(row=cursor)
        empty = self.query_one("#picker-empty", Static)
        empty.update(TEXT("empty", self.lang))
        empty.display = not self.summaries

    def selected(self) -> SessionSummary | None:
        table = self.query_one(DataTable)
        if not self.summaries or table.cursor_row is None:
            return None
        return self.summaries[min(table.cursor_row, len(self.summaries) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.workshop.open_session(summary.id)

    def action_new(self) -> None:
        lang = self.lang
        store = self.workshop.store

        def validate(values: dict[str, str]) -> str | None:
            from tpworkshop.domain.model import clean
            from tpworkshop.domain.validation import ValidationError

            try:
                name = clean("session", "name", values["name"])
                clean("session", "organisation", values["organisation"])
                clean("session", "facilitator", values["facilitator"])
            except ValidationError as error:
                return error.message(lang)
            if store.name_exists(name):
                return StorageError("name_taken", name=name).message(lang)
            return None

        def got_fields(values: dict[str, str] | None) -> None:
            if values is None:
                return
            options = [(key, fw.name(lang)) for key, fw in FRAMEWORKS.items()]
            self.app.push_screen(
                ChoiceDialog(
                    TEXT("new.framework", lang),
                    options,
                    selected=[DEFAULT_FRAMEWORK],
                    multiple=False,
                ),
                lambda picked: self._create(values, picked),
            )

        self.app.push_screen(
            FormDialog(
                TEXT("new.title", lang),
                [
                    FormField("name", TEXT("new.name", lang)),
                    FormField("organisation", TEXT("new.org", lang)),
                    FormField("facilitator", TEXT("new.facilitator", lang)),
                ],
                validate,
            ),
            got_fields,
        )

    def _create(self, values: dict[str, str], picked: list[str] | None) -> None:
        if picked is None:
            return
        framework = picked[0] if picked else DEFAULT_FRAMEWORK
        session_id = self.workshop.edit(
            self.workshop.store.create_session,
            values["name"],
            framework=framework,
            language=self.lang,
            organisation=values["organisation"],
            facilitator=values["facilitator"],
        )
        if session_id:
            self.workshop.open_session(session_id)

    def action_demo(self) -> None:
        self.open_demo()

    @work(thread=True, exclusive=True, group="picker")
    def open_demo(self) -> None:
        from tpworkshop.demo import ensure_demo

        try:
            session_id = ensure_demo(self.workshop.store, self.lang)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message(self.lang), severity="error")
            return
        self.app.call_from_thread(self.workshop.open_session, session_id)

    def action_import_file(self) -> None:
        if self.workshop.restricted:
            return
        lang = self.lang

        def import_typed(values: dict[str, str] | None) -> None:
            if values and values["path"].strip():
                self.import_path(Path(values["path"].strip()).expanduser())

        self.app.push_screen(
            FormDialog(TEXT("import.title", lang), [FormField("path", TEXT("import.path", lang))]),
            import_typed,
        )

    @work(thread=True, exclusive=True, group="picker")
    def import_path(self, path: Path) -> None:
        from tpworkshop.formats.toml_format import FormatError, load_path

        store = self.workshop.store
        try:
            imported = store.import_session(load_path(path))
        except FormatError as error:
            sentence = "\n".join(p.message(self.lang) for p in error.problems[:8])
            self.app.call_from_thread(self.notify, sentence, severity="error", timeout=12)
            return
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message(self.lang), severity="error")
            return
        self.app.call_from_thread(self.notify, TEXT("import.done", self.lang, name=imported.name))
        self.app.call_from_thread(self.workshop.open_session, imported.id)

    def action_delete(self) -> None:
        summary = self.selected()
        if summary is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.workshop.edit(self.workshop.store.delete_session, summary.id) is None:
                self.notify(TEXT("deleted", self.lang, name=summary.name))
                self.load_sessions()

        self.app.push_screen(
            ConfirmDialog(TEXT("delete.confirm", self.lang, name=summary.name)), confirmed
        )

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang
        yield SystemCommand(TEXT("cmd.new", lang), TEXT("cmd.new.help", lang), self.action_new)
        yield SystemCommand(TEXT("cmd.demo", lang), TEXT("cmd.demo.help", lang), self.action_demo)
        if not self.workshop.restricted:
            yield SystemCommand(
                TEXT("cmd.import", lang), TEXT("cmd.import.help", lang), self.action_import_file
            )
