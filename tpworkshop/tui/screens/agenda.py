"""The workshop agenda: the steps and the other slots (welcome, break, close) with their
minutes and start times; adjust a row or the start live, saved with the session."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Label, Static

from tpworkshop.guides.agenda import AgendaItem, agenda_minutes, build_agenda
from tpworkshop.i18n.catalogs.tui import STEP_NAMES, UI
from tpworkshop.i18n.catalogs.tui_agenda import TEXT
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.screens.dialogs import FormDialog, FormField

if TYPE_CHECKING:
    from tpworkshop.tui.workshop import Workshop

STEP_MINUTES = 5
CLOCK = re.compile(r"\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*")


def parse_clock(text: str) -> tuple[int, int] | None:
    """``9:30``, ``09.30`` or ``9h30`` -> (9, 30); None if it is not a time of day."""
    match = CLOCK.fullmatch(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


class AgendaScreen(TranslatedBindings[None], ModalScreen[None]):
    BINDING_CATALOGS = (TEXT, UI)
    CSS_PATH = "agenda.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign,right", "adjust(1)", "key.longer"),
        Binding("minus,left", "adjust(-1)", "key.shorter"),
        Binding("t", "start_at", "key.start_at"),
        Binding("s", "start_now", "key.start_now"),
        Binding("enter", "go", "key.go"),
        Binding("escape", "close", "key.close"),
    ]

    def __init__(self, current_step: str | None = None) -> None:
        super().__init__()
        self.current_step = current_step
        self.keys: list[str] = []

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
        if self.current_step in self.keys:
            table.move_cursor(row=self.keys.index(self.current_step))
        table.focus()

    def items(self) -> list[AgendaItem]:
        app = self.workshop
        return build_agenda(app.guides, app.workshop_start, app.timebox_overrides)

    def _label(self, item: AgendaItem, number: int) -> Text:
        lang = self.workshop.lang
        if item.slot is None:
            return Text(f"{number} {STEP_NAMES(item.step, lang)}")
        return Text(f"· {TEXT(f'slot.{item.slot}', lang)}", style="italic")

    def draw(self) -> None:
        app = self.workshop
        lang = app.lang
        items = self.items()
        self.keys = [item.step for item in items]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        number = 0
        for item in items:
            number += item.is_step
            table.add_row(
                self._label(item, number),
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

    def _selected(self) -> AgendaItem:
        items = self.items()
        row = self.query_one(DataTable).cursor_row or 0
        return items[min(row, len(items) - 1)]

    def action_adjust(self, direction: int) -> None:
        item = self._selected()
        self.workshop.set_timebox(item.step, max(0, item.minutes + direction * STEP_MINUTES))
        self.draw()

    def action_start_now(self) -> None:
        self.workshop.set_workshop_start(datetime.now().replace(second=0, microsecond=0))
        self.draw()

    def action_start_at(self) -> None:
        lang = self.workshop.lang
        current = self.workshop.workshop_start

        def check(values: dict[str, str]) -> str | None:
            return None if parse_clock(values["start"]) else TEXT("start.invalid", lang)

        def chosen(values: dict[str, str] | None) -> None:
            clock = parse_clock(values["start"]) if values else None
            if clock is None:
                return
            start = current.replace(hour=clock[0], minute=clock[1], second=0, microsecond=0)
            self.workshop.set_workshop_start(start)
            self.draw()

        field = FormField("start", TEXT("start.label", lang), current.strftime("%H:%M"), "09:30")
        self.app.push_screen(FormDialog(TEXT("start.title", lang), [field], check), chosen)

    def action_go(self) -> None:
        item = self._selected()
        if not item.is_step:
            return  # a welcome, break or close has no screen of its own
        self.dismiss(None)
        self.app.call_after_refresh(self.workshop.go_to_step, item.step)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_go()

    def action_close(self) -> None:
        self.dismiss(None)
