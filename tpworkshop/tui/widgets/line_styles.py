"""Component styles for widgets that draw themselves a line at a time.

``render_line`` runs for every line on screen at every repaint; looking a component's
style up in the stylesheet each time costs more than drawing the line. The styles are
kept until the stylesheet (or the theme, or the focus) changes.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class LineStyles(Widget):
    """A mixin base: ``line_style(name, fallback)`` is the cached component style."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._line_styles: dict[tuple[str, bool], Style] = {}

    def line_style(self, name: str, fallback: str = "") -> Style:
        """The component's style blended over the background (colours with alpha), or
        ``fallback`` when no stylesheet styles the component."""
        key = (name, self.has_focus)
        style = self._line_styles.get(key)
        if style is None:
            if self.get_component_rich_style(name, partial=True):
                style = self.get_component_rich_style(name)
            else:
                style = Style.parse(fallback) if fallback else Style()
            self._line_styles[key] = style
        return style

    def base_style(self) -> Style:
        """The widget's own style (background and colour), as ``rich_style``."""
        key = ("", self.has_focus)
        style = self._line_styles.get(key)
        if style is None:
            style = self._line_styles[key] = self.rich_style
        return style

    def notify_style_update(self) -> None:
        self._line_styles.clear()
        super().notify_style_update()
