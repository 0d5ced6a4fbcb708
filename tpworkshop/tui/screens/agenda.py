"""The workshop agenda: steps with timeboxes and start times; adjust a timebox live."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, Static

from tpworkshop.guides.agenda import AGENDA_STEPS, agenda_minutes, build_agenda
from tpworkshop.i18n.catalogs.tui import STEP_NAMES
from tpworkshop.i18n.catalogs.tui_agenda import TEXT
from tpworkshop.tui.bindings import TranslatedBindings

if TYPE_CHECKING:
    from tpworkshop.tui.workshop import Workshop

STEP_MINUTES = 5


class AgendaScreen(TranslatedBindings[None], ModalScreen[None]):
    BINDING_CATALOGS = (TEXT,)
    CSS_PATH = "agenda.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign,right", "adjust(1)", "key.longer"),
        Binding("minus,left", "adjust(-1)", "key.shorter"),
        Binding("s", "start_now", "key.start_now"),
        Binding("enter", "go", "key.go"),
        Binding("escape", "close", "key.close"),
    ]

    def __init__(self, current_step: str | None = None) -> None:
        super().__init__()
        self.current_step = current_step

    @property
    def workshop(self) -> Workshop:
        return cast("Workshop", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="agenda-box"):
            yield Label(TEXT("title", self.workshop.lang), classes="dialog-title")
            yield DataTable(id="agenda-table", cursor_type="row")
            yield Static(id="agenda-total")
            yield Static(TEXT("hint", self.workshop.lang), id="agenda-hint")
        yield Footer()

    def on_mount(self) -> None:
        lang = self.workshop.lang
        table = self.query_one(DataTable)
        for key in ("col.step", "col.minutes", "col.start", "col.end"):
            table.add_column(TEXT(key, lang), key=key)
        self.draw()
        if self.current_step in AGENDA_STEPS:
            table.move_cursor(row=AGENDA_STEPS.index(self.current_step))
        table.focus()

    def draw(self) -> None:
        app = self.workshop
        lang = app.lang
        items = build_agenda(app.guides, app.workshop_start, app.timebox_overrides)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for n, item in enumerate(items, start=1):
            table.add_row(
                f"{n} {STEP_NAMES(item.step, lang)}",
                str(item.minutes),
                item.start.strftime("%H:%M"),
                item.end.strftime("%H:%M"),
                key=item.step,
            )
        table.move_cursor(row=row)
        end = items[-1].end if items else app.workshop_start
        self.query_one("#agenda-total", Static).update(
            TEXT(
                "total",
                lang,
                start=app.workshop_start.strftime("%H:%M"),
                minutes=agenda_minutes(items),
                end=end.strftime("%H:%M"),
            )
        )

    def _selected_step(self) -> str:
        row = self.query_one(DataTable).cursor_row or 0
        return AGENDA_STEPS[min(row, len(AGENDA_STEPS) - 1)]

    def action_adjust(self, direction: int) -> None:
        step = self._selected_step()
        minutes = max(0, self.workshop.timebox_minutes(step) + direction * STEP_MINUTES)
        self.workshop.set_timebox(step, minutes)
        self.draw()

    def action_start_now(self) -> None:
        self.workshop.workshop_start = datetime.now().replace(second=0, microsecond=0)
        self.draw()

    def action_go(self) -> None:
        step = self._selected_step()
        self.dismiss(None)
        self.app.call_after_refresh(self.workshop.go_to_step, step)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_go()

    def action_close(self) -> None:
        self.dismiss(None)
