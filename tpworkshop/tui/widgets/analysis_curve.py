"""The experience curve: mean effectiveness per stage, and weight against share.

One row per stage: a bar of the mean effectiveness (1..5, "—" where nothing is rated),
then the stage's share of the total weight beside its share of all touchpoints, so an
under- or over-invested stage is visible at a glance (flagged from the gap analysis).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tpworkshop.analysis import StageFigures
from tpworkshop.domain.stage_labels import stage_labels
from tpworkshop.domain.text import visible_line
from tpworkshop.i18n import format_number, format_percent
from tpworkshop.i18n.catalogs.tui_analysis_curve import TEXT
from tpworkshop.tui.display import plain_line

_EIGHTHS = " ▏▎▍▌▋▊▉"
RATING_MAX = 5


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar of ``width`` cells for ``value`` out of ``maximum``."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value / maximum, 1.0) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def rating_style(mean: float) -> str:
    if mean <= 2:
        return "bold red"
    return "dark_orange" if mean < 4 else "green"


class ExperienceCurve(Static):
    """Shows a list of StageFigures; ``flags`` maps a stage key to "under" or "over"."""

    def show(
        self,
        figures: Sequence[StageFigures],
        flags: Mapping[str, str],
        lang: str,
        width: int,
    ) -> None:
        if not figures:
            self.update(Text(TEXT("empty", lang), style="italic"))
            return
        # The room this widget has (the overview column on a big screen is narrower than
        # the screen), else the screen's width before the first layout.
        room = self.content_size.width or width
        self.update(Group(self._table(figures, flags, lang, room), self._legend(lang)))

    @staticmethod
    def _legend(lang: str) -> Text:
        return Text("\n" + TEXT("legend", lang), style="dim")

    @staticmethod
    def _table(
        figures: Sequence[StageFigures], flags: Mapping[str, str], lang: str, width: int
    ) -> Table:
        # Under 100 columns (80 in Spanish: "Puntos de contacto", "▲ exceso de inversión")
        # the stages show their short labels, the headers their short forms and the bars
        # are narrower, so the flag column keeps its words.
        narrow = width < 100
        bar_w = 5 if narrow else 12
        stage_w = 14 if narrow else 22
        short = ".short" if narrow else ""
        top_share = max((max(f.share, f.weight_share) for f in figures), default=0.0)
        table = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, pad_edge=False)
        table.add_column(TEXT("col.stage", lang), no_wrap=True, max_width=stage_w, style="bold")
        table.add_column(TEXT(f"col.effectiveness{short}", lang), no_wrap=True)
        table.add_column(TEXT("col.weight", lang), no_wrap=True)
        table.add_column(TEXT(f"col.share{short}", lang), no_wrap=True)
        table.add_column("", no_wrap=True, overflow="ellipsis")
        labels = stage_labels([visible_line(f.name) for f in figures], stage_w)
        for figure, label in zip(figures, labels, strict=True):
            mean = figure.mean_effectiveness
            if mean is None:
                rating = Text(TEXT("unrated", lang), style="dim")
            else:
                rating = Text.assemble(
                    (bar(mean, RATING_MAX, bar_w * 2 - 2).ljust(bar_w * 2 - 2), rating_style(mean)),
                    " ",
                    format_number(mean, lang),
                )
            flag = flags.get(figure.key)
            table.add_row(
                plain_line(label, overflow="ellipsis"),
                rating,
                _share(figure.weight_share, top_share, bar_w, lang, "cyan"),
                _share(figure.share, top_share, bar_w, lang, "green"),
                Text(
                    TEXT(f"flag.{flag}", lang),
                    style="bold red" if flag == "under" else "dark_orange",
                )
                if flag
                else Text(""),
            )
        return table


def _share(value: float, top: float, width: int, lang: str, style: str) -> Text:
    return Text.assemble(
        (format_percent(value, lang).rjust(5), ""),
        " ",
        (bar(value, top, width).ljust(width), style),
    )
