"""An Input of fixed size whose value changes cost a repaint, not a layout of the screen.

Textual's Input sets its virtual size (a layout reactive: the whole screen is laid out
again, 5-20 ms) on every change of its value, i.e. on every letter typed. A field
whose size the stylesheet fixes only needs repainting, and its horizontal scrolling
only needs the new virtual width: this Input sets that beforehand without a layout,
so Input's own assignment then changes nothing. Tied to Textual 8.2.8's Input
(``_watch_value``); the typing and scrolling tests catch a change there.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input


class QuietInput(Input):
    def _watch_value(self, value: str) -> None:
        if self.is_mounted and not self.styles.auto_dimensions:
            size = Size(self.content_width, 1)
            if size != self.virtual_size:
                self.set_reactive(Input.virtual_size, size)
                self._scroll_update(size)
        super()._watch_value(value)
