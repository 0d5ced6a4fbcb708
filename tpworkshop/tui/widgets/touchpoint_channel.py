"""A small picker for a touchpoint's channel: type one, or pick one the room already used.

The Input completes from the session's channels (right arrow accepts the grey
suggestion); Down moves into the list of used channels (most used first) followed by
common ones not used yet. Enter saves, an empty value clears the channel; Escape or
Ctrl+G cancels. A bad value gets an inline sentence and the dialog stays open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import ClassVar, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tpworkshop.domain.model import Touchpoint, clean
from tpworkshop.domain.text import fold
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n.catalogs.tui_touchpoint_channel import CHANNEL_TEXT
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.display import content, content_line, plain_line, visible_line
from tpworkshop.tui.widgets.text_input import TextInput


def used_channels(touchpoints: Iterable[Touchpoint]) -> list[tuple[str, int]]:
    """Channels in use, most used first; spellings that differ only in case or accents
    count as one (the most frequent spelling wins)."""
    spellings: dict[str, Counter[str]] = {}
    for tp in touchpoints:
        if tp.channel:
            spellings.setdefault(fold(tp.channel), Counter())[tp.channel] += 1
    merged = [
        (variants.most_common(1)[0][0], sum(variants.values())) for variants in spellings.values()
    ]
    return sorted(merged, key=lambda item: (-item[1], fold(item[0])))


def channel_options(touchpoints: Iterable[Touchpoint], lang: str) -> list[tuple[str, Text]]:
    """(value, label) pairs: used channels with their counts, then common unused ones."""
    used = [(visible_line(name), n) for name, n in used_channels(touchpoints)]
    taken = {fold(name) for name, _ in used}
    options = [
        (name, plain_line(CHANNEL_TEXT("used", lang, channel=name, n=n))) for name, n in used
    ]
    for name in CHANNEL_TEXT("common", lang).split("|"):
        if fold(name) not in taken:
            options.append((name, Text(name, style="dim")))
    return options


class ChannelDialog(TranslatedBindings[str | None], ModalScreen[str | None]):
    BINDING_CATALOGS = (CHANNEL_TEXT,)
    """Returns the new channel ('' clears it) or None when cancelled."""

    CSS_PATH = "touchpoint_channel.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "key.cancel"),
        Binding("down", "to_list", "key.list", show=False),
    ]

    def __init__(self, touchpoint: Touchpoint, touchpoints: Iterable[Touchpoint]) -> None:
        super().__init__()
        self.touchpoint = touchpoint
        self._touchpoints = list(touchpoints)

    @property
    def lang(self) -> str:
        return cast(str, getattr(self.app, "lang", "en"))

    def compose(self) -> ComposeResult:
        lang = self.lang
        options = channel_options(self._touchpoints, lang)
        with Vertical(id="channel-box"):
            yield Label(
                content_line(CHANNEL_TEXT("title", lang, name=self.touchpoint.name)),
                id="channel-title",
            )
            yield TextInput(
                value=visible_line(self.touchpoint.channel),
                placeholder=CHANNEL_TEXT("placeholder", lang),
                suggester=SuggestFromList([value for value, _ in options], case_sensitive=False),
                id="channel-input",
            )
            yield Static("", id="channel-error", classes="hidden")
            yield OptionList(
                *[Option(label, id=str(index)) for index, (_, label) in enumerate(options)],
                id="channel-options",
            )
            yield Static(CHANNEL_TEXT("hint", lang), id="channel-hint")
        self._values = [value for value, _ in options]

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_to_list(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#channel-error", Static).add_class("hidden")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._submit(self._values[int(event.option.id or 0)])

    def on_key(self, event: events.Key) -> None:
        # Up from the first option goes back to the text field.
        options = self.query_one(OptionList)
        if event.key == "up" and options.has_focus and options.highlighted in (None, 0):
            event.stop()
            self.query_one(Input).focus()

    def _submit(self, value: str) -> None:
        try:
            channel = clean("touchpoint", "channel", value)
        except ValidationError as error:
            message = self.query_one("#channel-error", Static)
            message.update(content(error.message(self.lang)))
            message.remove_class("hidden")
            self.query_one(Input).focus()
            return
        self.dismiss(channel)
