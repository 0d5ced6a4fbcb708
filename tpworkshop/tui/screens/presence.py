"""Who is connected to the live session: name, role, step and idle time."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tpworkshop.i18n.catalogs.tui import STEP_NAMES, UI
from tpworkshop.storage import StorageError
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.display import plain_line

if TYPE_CHECKING:
    from tpworkshop.tui.workshop import Workshop


class PresenceScreen(TranslatedBindings[None], ModalScreen[None]):
    CSS_PATH = "presence.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close"),
    ]

    @property
    def workshop(self) -> Workshop:
        return cast("Workshop", self.app)

    def compose(self) -> ComposeResult:
        lang = self.workshop.lang
        with Vertical(id="presence-box"):
            yield Label(UI("presence.title", lang), classes="dialog-title")
            yield DataTable(id="presence-table", cursor_type="row")
            yield Static(id="presence-empty")

    def on_mount(self) -> None:
        lang = self.workshop.lang
        table = self.query_one(DataTable)
        for key in ("presence.name", "presence.role", "presence.step", "presence.idle"):
            table.add_column(UI(key, lang), key=key)
        self.refresh_people()
        self.set_interval(1.0, self.refresh_people)

    def refresh_people(self) -> None:
        app = self.workshop
        lang = app.lang
        if app.session_id is None:
            return
        try:
            people = app.store.present(app.session_id)
        except StorageError:
            return
        table = self.query_one(DataTable)
        table.clear()
        for person in people:
            table.add_row(
                plain_line(person.name),
                plain_line(
                    UI(f"role.{person.role}", lang)
                    if person.role in ("facilitator", "participant")
                    else person.role
                ),
                STEP_NAMES(person.step, lang) if person.step in STEP_NAMES else "",
                f"{int(person.idle_seconds())} s",
            )
        empty = self.query_one("#presence-empty", Static)
        empty.update(UI("presence.none", lang))
        empty.display = len(people) <= 1

    def action_close(self) -> None:
        self.dismiss(None)
