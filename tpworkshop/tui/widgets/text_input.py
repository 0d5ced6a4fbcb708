"""The text fields of the whole app: entering one never selects its text.

Textual's Input selects all its text when it gets the focus, so the first key typed
after a Tab (or a jump) replaced what was there: a run of Tab, F6 and a digit turned a
session's name into "7". Here the cursor goes to the end of the text and typing adds
to it; replacing takes an explicit key (Ctrl+U clears before the cursor, Ctrl+K after
it, Shift+arrows select). A multi-line field (:class:`TextField`) does the same: its
cursor is at the end when it is entered, so what the room types adds to the text
instead of going in front of it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.widgets import Input, TextArea


class TextInput(Input):
    """A one-line field: entered with the cursor at the end; left showing the start of its
    text (a field scrolled to its end showed «sa [@click…» for «Sonrisa [@click…», cut
    with no mark)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    @property
    def content_width(self) -> int:
        """The text's width, or the field's if the text is shorter.

        Input makes this its scrolled width, and a new scrolled width asks Textual for a
        layout pass of the whole screen (10-20 ms at 2,000 touchpoints, then the
        scrollbars of every scrolled view repainted a frame later): on every character
        typed, on Enter when the field clears, on each touchpoint the Details form
        shows. A text that fits scrolls nowhere either way, so within the field's
        width the value stays the same and none of those keys needs a layout.
        A field sized by its content (``width: auto``) keeps Input's own measure.
        """
        width = super().content_width
        if self.styles.auto_dimensions or not self.is_mounted:
            return width
        return max(width, self.scrollable_content_region.width)

    def on_resize(self, event: events.Resize) -> None:
        """Take the steady scrolled width now, while the screen is laid out anyway: set for
        the first time by the first value shown, it would cost that key a layout pass."""
        self.virtual_size = Size(self.content_width, 1)

    def on_focus(self, event: events.Focus) -> None:
        self.cursor_position = len(self.value)

    def on_blur(self, event: events.Blur) -> None:
        self.cursor_position = 0


class TextField(TextArea):
    """A multi-line field: entered with the cursor at the end of its text, nothing selected."""

    def on_focus(self, event: events.Focus) -> None:
        self.move_cursor(self.document.end)

    def validate_virtual_size(self, size: Size) -> Size:
        """At least the field's height: a text that fits scrolls nowhere either way.

        TextArea makes its wrapped line count its scrolled height, and a new scrolled
        size asks Textual for a layout pass of the whole screen (then a frame more for
        the scrollbars): each touchpoint the Details form showed with a text of another
        number of lines cost one. A field sized by its content keeps TextArea's measure.
        """
        if self.styles.auto_dimensions or not self.is_mounted:
            return size
        return Size(size.width, max(size.height, self.scrollable_content_region.height))
