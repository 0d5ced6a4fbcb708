"""A picture of the map, as SVG or HTML, drawn with rich and exported by rich.

The picture is printed to a recording rich ``Console`` (tables and panels, truecolor styles)
and exported with ``export_svg`` / ``export_html`` on a light terminal theme, so it reads on
screen and on paper. From top to bottom: a header with the session's facts, a legend, the map
(segments x stages, one card per touchpoint coloured by effectiveness, pain points with ⚠ and
a heavy red border), the coverage heatmap (touchpoints per cell, and each stage's share of
the touchpoints against its share of the weight), and the experience curve (mean
effectiveness per stage, as bars).

rich's SVG template loads the Fira Code web font from a CDN; :func:`self_contained` drops
every external reference (``@font-face`` sources, ``@import``, ``href``/``src`` URLs) so that
opening the file fetches nothing, and falls back to the local monospace fonts.
"""

from __future__ import annotations

import html
import io
import re

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from rich.text import Text

from tpworkshop.analysis import Analysis, StageFigures
from tpworkshop.analysis.describe import (
    Names,
    group_lines,
    quadrant_hint,
    quadrant_label,
    score_reason,
)
from tpworkshop.analysis.messages import LABELS
from tpworkshop.analysis.render import quadrant_members
from tpworkshop.domain.model import Segment, Session, Stage, Touchpoint
from tpworkshop.formats.reports.messages import REPORT
from tpworkshop.i18n import format_date, format_number, format_percent

THEME: TerminalTheme = DEFAULT_TERMINAL_THEME
"""Black on white: the picture is meant to be printed as well as looked at."""

SEGMENT_WIDTH = 18
CARD_WIDTH = 24
MIN_WIDTH = 100
UNIQUE_ID = "tpworkshop-map"
FONT_ASPECT_RATIO = 0.6
"""Advance width / size of the local monospace fonts the picture falls back to (DejaVu Sans
Mono, Menlo, Liberation Mono); rich's default, 0.61, is Fira Code's, which is not shipped."""

INK = "#1b1b1b"
MUTED = "#555555"
GRID = "#9e9e9e"
PAIN = "#c62828"
CARD_COLOURS = {1: "#f6b8b3", 2: "#fbd5a5", 3: "#f8eb9e", 4: "#d3ecb4", 5: "#a9dc9c"}
BORDER_COLOURS = {1: "#b71c1c", 2: "#d84315", 3: "#9a7d00", 4: "#558b2f", 5: "#1b5e20"}
UNRATED_COLOUR = "#e3e3e3"
UNRATED_BORDER = "#757575"
HEAT_COLOURS = ("#f6b8b3", "#e6f2d9", "#bfe0a3", "#8cc472", "#4f9a3a")
"""Background for 0, 1, 2, 3 and 4+ touchpoints in a cell: an empty cell is a gap (red)."""
CURVE_BAR = 10
CURVE_STEPS = 10
"""The curve's bars rise in steps of 0.5 (two rows per effectiveness point)."""
CARDS_PER_CELL = 3
"""Cards drawn in one map cell; the others are counted ("+N more"), so that the picture
stays readable and small however many touchpoints a cell holds."""
PICTURE_SEGMENTS = 16
"""Segments drawn as rows of the map, the heatmap and the per-segment curve; the rest are
counted below each."""
QUADRANT_CARDS = 5
SEVERITY_COLOURS = {"high": PAIN, "medium": "#b26a00", "low": "#1f5fa8"}
QUADRANT_COLOURS = {
    "fix-first": "#f6b8b3",
    "keep-up": "#bfe0a3",
    "overkill": "#f8eb9e",
    "low-priority": "#e3e3e3",
}


# --- colours -------------------------------------------------------------------------------


def card_colour(rating: int | None) -> str:
    return CARD_COLOURS.get(rating, UNRATED_COLOUR) if rating is not None else UNRATED_COLOUR


def border_colour(rating: int | None) -> str:
    return BORDER_COLOURS.get(rating, UNRATED_BORDER) if rating is not None else UNRATED_BORDER


def _rounded(mean: float) -> int:
    """Half up, so that 3.5 is coloured as 4 (round() would give 4 but 2.5 -> 2)."""
    return min(5, max(1, int(mean + 0.5)))


# --- header and legend ---------------------------------------------------------------------


def _header(session: Session, analysis: Analysis, lang: str) -> Panel:
    who = [session.organisation, session.facilitator]
    moment = session.updated or session.created
    if moment is not None:
        who.append(format_date(moment, lang))
    lines = [Text(session.name, style=f"bold {INK}")]
    byline = " · ".join(part for part in who if part)
    if byline:
        lines.append(Text(byline, style=MUTED))
    s = analysis.summary
    facts = REPORT(
        "picture_facts",
        lang,
        coverage=format_percent(s.coverage, lang),
        completeness=format_percent(s.completeness, lang),
        touchpoints=s.touchpoints,
        pain_points=s.pain_points,
        actions_open=s.actions_open,
    )
    lines.append(Text(facts, style=INK))
    return Panel(Group(*lines), box=box.HEAVY, border_style=INK, padding=(0, 1))


def _legend(lang: str) -> Text:
    legend = Text(REPORT("legend", lang) + " ", style=f"bold {INK}")
    for rating, colour in CARD_COLOURS.items():
        legend.append(f" {rating} ", style=f"bold {INK} on {colour}")
        legend.append(" ")
    legend.append(f" {REPORT('unrated', lang)} ", style=f"{INK} on {UNRATED_COLOUR}")
    legend.append("    ")
    legend.append(f"⚠ {REPORT('pain_point', lang)}", style=f"bold {PAIN}")
    return legend


# --- the map -------------------------------------------------------------------------------


def _card(tp: Touchpoint, lang: str) -> Panel:
    body = Text(tp.name, style=f"bold {INK}")
    body.append("\n")
    body.append(tp.channel or REPORT("no_channel", lang), style=f"italic {MUTED}")
    body.overflow = "fold"
    rating = tp.effectiveness
    subtitle = f"{rating}/5" if rating is not None else REPORT("unrated", lang)
    if tp.votes:
        votes = REPORT("vote", lang) if tp.votes == 1 else REPORT("votes", lang, count=tp.votes)
        subtitle += f" · {votes}"
    title = Text(f"⚠ {REPORT('pain_point', lang)}", style=f"bold {PAIN}") if tp.pain_point else None
    return Panel(
        body,
        title=title,
        title_align="left",
        subtitle=Text(subtitle, style=f"bold {border_colour(rating)}"),
        subtitle_align="right",
        box=box.HEAVY if tp.pain_point else box.ROUNDED,
        border_style=f"bold {PAIN}" if tp.pain_point else border_colour(rating),
        style=f"{INK} on {card_colour(rating)}",
        padding=(0, 1),
    )


def _row_label(text: str) -> Text:
    return Text(text, style=f"bold {INK}", overflow="fold")


def _stage_heading(stage: Stage, lang: str) -> Text:
    heading = Text(stage.name, style=f"bold {INK}", overflow="fold")
    heading.append("\n" + REPORT("weight_short", lang, weight=stage.weight), style=MUTED)
    return heading


def _grid(session: Session, lang: str, first: str, *, lines: bool = True) -> Table:
    """Segment column plus one column per stage; the map, heatmap and curve line up."""
    table = Table(
        box=box.SQUARE if lines else box.SIMPLE_HEAD,
        show_lines=lines,
        border_style=GRID,
        header_style=f"bold {INK}",
        padding=(0, 1),
    )
    table.add_column(Text(first, style=f"bold {INK}"), width=SEGMENT_WIDTH, vertical="middle")
    for stage in session.stages:
        table.add_column(_stage_heading(stage, lang), width=CARD_WIDTH)
    return table


def _map(session: Session, lang: str) -> RenderableType:
    if not session.segments or not session.stages:
        return Text(REPORT("no_map", lang), style=MUTED)
    table = _grid(session, lang, REPORT("segment_stage", lang))
    shown = _shown_segments(session)
    rows: dict[str, list[RenderableType]] = {seg.key: [_row_label(seg.name)] for seg in shown}
    for segment, _stage, cell in session.iter_cells():
        if segment.key in rows:
            rows[segment.key].append(_cell(cell, lang))
    for row in rows.values():
        table.add_row(*row)
    return _with_more_segments(table, session, lang)


def _cell(cell: list[Touchpoint], lang: str) -> RenderableType:
    """A few cards, then how many more the cell holds."""
    if not cell:
        return Text(REPORT("empty_cell", lang), style=f"italic {PAIN}")
    cards: list[RenderableType] = [_card(tp, lang) for tp in cell[:CARDS_PER_CELL]]
    hidden = len(cell) - CARDS_PER_CELL
    if hidden > 0:
        cards.append(
            Text(REPORT("more", lang, count=hidden), style=f"bold {MUTED}", justify="center")
        )
    return Group(*cards)


def _shown_segments(session: Session) -> list[Segment]:
    return session.segments[:PICTURE_SEGMENTS]


def _with_more_segments(table: RenderableType, session: Session, lang: str) -> RenderableType:
    hidden = len(session.segments) - PICTURE_SEGMENTS
    if hidden <= 0:
        return table
    return Group(table, Text(REPORT("more_segments", lang, count=hidden), style=f"italic {MUTED}"))


# --- the coverage heatmap ------------------------------------------------------------------


def _heat(count: int, height: int) -> Text:
    """A tile as tall as its row (the segment's name may wrap), the count in the middle."""
    colour = HEAT_COLOURS[min(count, len(HEAT_COLOURS) - 1)]
    ink = "#ffffff" if count >= len(HEAT_COLOURS) - 1 else INK
    lines = [" " * CARD_WIDTH] * height
    lines[(height - 1) // 2] = str(count).center(CARD_WIDTH)
    return Text("\n".join(lines), style=f"bold {ink} on {colour}")


def _lines(console: Console, renderable: RenderableType, width: int) -> int:
    return len(console.render_lines(renderable, console.options.update_width(width), pad=False))


def _balance(figures: StageFigures, flagged: dict[str, str], lang: str) -> Text:
    """'22 % / 14 %': share of the touchpoints against share of the weight, flagged in red."""
    text = Text(f"{format_percent(figures.share, lang)} ", style=f"bold {INK}")
    text.append(f"/ {format_percent(figures.weight_share, lang)}", style=MUTED)
    marker = flagged.get(figures.key)
    if marker:
        text.append(f" {marker}", style=f"bold {PAIN}")
    return text


def _heatmap(session: Session, analysis: Analysis, lang: str, console: Console) -> RenderableType:
    if not session.segments or not session.stages:
        return Text("")
    table = _grid(session, lang, "", lines=False)
    for seg in _shown_segments(session):
        label = _row_label(seg.name)
        height = _lines(console, label, SEGMENT_WIDTH)
        cells = [analysis.cells.get((seg.key, st.key), 0) for st in session.stages]
        table.add_row(label, *(_heat(count, height) for count in cells))
    flagged = {
        f.stage: "▼" if f.rule == "under-invested" else "▲"
        for f in analysis.findings
        if f.rule in ("under-invested", "over-invested") and f.stage
    }
    table.add_row()
    label = Text(REPORT("balance", lang), style=MUTED, overflow="fold")
    table.add_row(label, *(_balance(fig, flagged, lang) for fig in analysis.stages))
    note = Text(REPORT("balance_legend", lang), style=f"italic {MUTED}")
    parts: list[RenderableType] = [Text(REPORT("heatmap", lang), style=f"bold {INK}"), table]
    hidden = len(session.segments) - PICTURE_SEGMENTS
    if hidden > 0:
        parts.append(Text(REPORT("more_segments", lang, count=hidden), style=f"italic {MUTED}"))
    return Group(*parts, note)


# --- the experience curve ------------------------------------------------------------------


def _bar(mean: float | None, threshold: float) -> Text:
    """One row of a stage's bar: filled when the stage's mean reaches ``threshold``."""
    if mean is None or mean < threshold:
        return Text("")
    bar = Text(" " * CURVE_BAR, style=f"on {border_colour(_rounded(mean))}")
    return Text.assemble(" " * ((CARD_WIDTH - CURVE_BAR) // 2), bar)


def _curve_label(mean: float | None, lang: str) -> Text:
    if mean is None:
        return Text(REPORT("unrated", lang), style=f"italic {MUTED}", justify="center")
    colour = border_colour(_rounded(mean))
    return Text(format_number(mean, lang), style=f"bold {colour}", justify="center")


def _axis(threshold: float) -> Text:
    label = f"{threshold:.0f} ┤" if threshold == int(threshold) else "│"
    return Text(label.rjust(SEGMENT_WIDTH), style=MUTED)


def _curve(session: Session, analysis: Analysis, lang: str) -> RenderableType:
    if not analysis.stages:
        return Text("")
    table = _grid(session, lang, "", lines=False)
    means = [fig.mean_effectiveness for fig in analysis.stages]
    for step in range(CURVE_STEPS, 0, -1):
        threshold = step / CURVE_STEPS * 5
        table.add_row(_axis(threshold), *(_bar(mean, threshold) for mean in means))
    table.add_row(Text(""), *(_curve_label(mean, lang) for mean in means))
    return Group(Text(REPORT("curve", lang), style=f"bold {INK}"), table)


def _weakest(cell: list[Touchpoint]) -> Touchpoint | None:
    """The lowest-rated touchpoint of a cell (the first of equals), None if none is rated."""
    rated = [tp for tp in cell if tp.effectiveness is not None]
    return min(rated, key=lambda tp: tp.effectiveness or 0) if rated else None


def _weakest_tile(tp: Touchpoint | None, lang: str) -> Text:
    if tp is None:
        return Text(REPORT("unrated", lang), style=f"italic {MUTED}", justify="center")
    rating = tp.effectiveness
    text = Text(f" {rating} ", style=f"bold {INK} on {card_colour(rating)}")
    text.append(f" {tp.name}", style=f"{PAIN}" if tp.pain_point else INK)
    text.overflow = "ellipsis"
    text.no_wrap = True
    return text


def _segment_curves(session: Session, analysis: Analysis, lang: str) -> RenderableType:
    """Per segment, the weakest touchpoint of each stage; the stages' means underneath."""
    if not session.segments or not session.stages:
        return Text("")
    table = _grid(session, lang, "", lines=False)
    weakest: dict[tuple[str, str], Touchpoint | None] = {}
    for segment, stage, cell in session.iter_cells():
        weakest[(segment.key, stage.key)] = _weakest(cell)
    for seg in _shown_segments(session):
        tiles = [_weakest_tile(weakest.get((seg.key, st.key)), lang) for st in session.stages]
        table.add_row(_row_label(seg.name), *tiles)
    means = [fig.mean_effectiveness for fig in analysis.stages]
    table.add_row(
        Text(REPORT("mean_row", lang), style=MUTED), *(_curve_label(m, lang) for m in means)
    )
    title = Text(REPORT("curve_segments", lang), style=f"bold {INK}")
    return _with_more_segments(Group(title, table), session, lang)


# --- the gap analysis: groups, matrix, priorities, the best ---------------------------------


def _groups(session: Session, analysis: Analysis, lang: str) -> RenderableType:
    title = Text(REPORT("findings", lang, count=len(analysis.findings)), style=f"bold {INK}")
    if not analysis.findings:
        return Group(title, Text(REPORT("no_findings", lang), style=MUTED))
    table = Table(box=box.SIMPLE_HEAD, border_style=GRID, show_header=False, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for line in group_lines(analysis, session):
        colour = SEVERITY_COLOURS.get(line.severity, INK)
        text = Text(line.sentence, style=f"bold {colour}")
        subjects = line.subjects_text()
        if subjects:
            text.append(": " + subjects, style=INK)
        table.add_row(Text(LABELS(line.severity, lang), style=f"bold {colour}"), text)
    return Group(title, table)


def _quadrant(
    quadrant: str,
    refs: list[str],
    names: Names,
    opportunity: dict[str, int],
    lang: str,
    height: int | None = None,
) -> Panel:
    lines = [Text(quadrant_hint(quadrant, lang), style=f"italic {MUTED}")]
    for ref in refs[:QUADRANT_CARDS]:
        line = Text(f"{opportunity[ref]} ", style=f"bold {INK}")
        line.append(names.touchpoints.get(ref, ref), style=INK)
        line.overflow = "ellipsis"
        line.no_wrap = True
        lines.append(line)
    hidden = len(refs) - QUADRANT_CARDS
    if hidden > 0:
        lines.append(Text(REPORT("more", lang, count=hidden), style=f"bold {MUTED}"))
    title = Text(f"{quadrant_label(quadrant, lang)} ({len(refs)})", style=f"bold {INK}")
    return Panel(
        Group(*lines),
        title=title,
        title_align="left",
        box=box.ROUNDED,
        border_style=GRID,
        style=f"{INK} on {QUADRANT_COLOURS[quadrant]}",
        padding=(0, 1),
        height=height,
    )


def _matrix(session: Session, analysis: Analysis, lang: str, console: Console) -> RenderableType:
    """The four quadrants: important ones on top, working ones on the right."""
    title = Text(REPORT("matrix", lang), style=f"bold {INK}")
    if not analysis.matrix:
        return Group(title, Text(LABELS("matrix_none", lang), style=MUTED))
    names = Names(session)
    members = quadrant_members(analysis)
    opportunity = {point.touchpoint: point.opportunity for point in analysis.matrix}
    table = Table(box=None, show_header=False, padding=(0, 1))
    table.add_column(width=2 * CARD_WIDTH)
    table.add_column(width=2 * CARD_WIDTH)
    for pair in (("fix-first", "keep-up"), ("low-priority", "overkill")):
        height = max(
            _lines(console, _quadrant(q, members[q], names, opportunity, lang), 2 * CARD_WIDTH)
            for q in pair
        )
        table.add_row(*(_quadrant(q, members[q], names, opportunity, lang, height) for q in pair))
    note = Text(REPORT("matrix_axes", lang), style=f"italic {MUTED}")
    return Group(title, table, note)


def _priorities(session: Session, analysis: Analysis, lang: str) -> RenderableType:
    lines: list[RenderableType] = [Text(REPORT("priorities", lang), style=f"bold {INK}")]
    for number, priority in enumerate(analysis.top_priorities, start=1):
        tp = session.touchpoint(priority.touchpoint)
        if tp is None:
            continue
        line = Text(f"{number}. ", style=INK)
        line.append(tp.name, style=f"bold {PAIN}" if tp.pain_point else f"bold {INK}")
        line.append(
            " — " + REPORT("score_line", lang, reason=score_reason(priority, session, lang)),
            style=MUTED,
        )
        lines.append(line)
    if len(lines) == 1:
        lines.append(Text(REPORT("no_priorities", lang), style=MUTED))
    return Group(*lines)


def _best(session: Session, analysis: Analysis, lang: str) -> RenderableType:
    lines: list[RenderableType] = [Text(REPORT("best", lang), style=f"bold {INK}")]
    for number, ref in enumerate(analysis.best, start=1):
        tp = session.touchpoint(ref)
        if tp is None:
            continue
        line = Text(f"{number}. ", style=INK)
        line.append(f" {tp.effectiveness} ", style=f"bold {INK} on {card_colour(tp.effectiveness)}")
        line.append(f" {tp.name}", style=f"bold {INK}")
        lines.append(line)
    if len(lines) == 1:
        lines.append(Text(REPORT("no_best", lang), style=MUTED))
    return Group(*lines)


# --- the console ---------------------------------------------------------------------------


def picture_width(session: Session) -> int:
    """Cells wide: the segment column, one card column per stage, padding and borders."""
    columns = SEGMENT_WIDTH + 2 + len(session.stages) * (CARD_WIDTH + 3) + 1
    return max(MIN_WIDTH, columns)


def _record(session: Session, analysis: Analysis) -> Console:
    lang = analysis.language
    console = Console(
        record=True,
        file=io.StringIO(),
        width=picture_width(session),
        height=60,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        legacy_windows=False,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for part in (
        _header(session, analysis, lang),
        _legend(lang),
        _map(session, lang),
        _heatmap(session, analysis, lang, console),
        _curve(session, analysis, lang),
        _segment_curves(session, analysis, lang),
        _groups(session, analysis, lang),
        _matrix(session, analysis, lang, console),
        _priorities(session, analysis, lang),
        _best(session, analysis, lang),
    ):
        console.print(part)
        console.print()
    return console


def _title(session: Session, analysis: Analysis) -> str:
    return REPORT("picture_title", analysis.language, name=session.name)


def render_svg(session: Session, analysis: Analysis) -> str:
    console = _record(session, analysis)
    svg = console.export_svg(
        title=_title(session, analysis),
        theme=THEME,
        unique_id=UNIQUE_ID,
        font_aspect_ratio=FONT_ASPECT_RATIO,
    )
    return self_contained(_tidy_svg(svg))


_WINDOW_BUTTONS = re.compile(
    r"<g transform=\"translate\([^)]*\)\">\s*(?:<circle\b[^>]*/>\s*){3}</g>\s*"
)


def _tidy_svg(svg: str) -> str:
    """Drop the terminal window's three buttons (this is a report, not a screenshot), and
    ask for text to keep its spaces: librsvg (GNOME viewers, rsvg-convert) otherwise drops
    the leading spaces of a run, shifting centred figures and titles to the left."""
    svg = _WINDOW_BUTTONS.sub("", svg, count=1)
    return svg.replace("<svg ", '<svg xml:space="preserve" ', 1)


PRINT_WIDTH_CM = 25.5
PRINT_HEIGHT_CM = 17.5
"""What a landscape A4 or US Letter page holds inside 1 cm margins, with some slack."""
LINE_HEIGHT_EM = 1.2
HTML_CSS = """
pre {{ font-size: clamp(8px, calc((100vw - 48px) / {ems}), 15px); }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
@media print {{
    @page {{ size: landscape; margin: 1cm; }}
    body {{ margin: 0; }}
    pre {{ font-size: {print_size}cm; }}
}}
"""
"""Fit the picture to the window's width and, printed, to one landscape page; keep the
cards' colours when printing."""


def _html_css(session: Session, lines: int) -> str:
    ems = picture_width(session) * FONT_ASPECT_RATIO
    size = min(PRINT_WIDTH_CM / ems, PRINT_HEIGHT_CM / (max(lines, 1) * LINE_HEIGHT_EM))
    return HTML_CSS.format(ems=round(ems + 0.5, 1), print_size=f"{size:.3f}")


def render_html(session: Session, analysis: Analysis) -> str:
    console = _record(session, analysis)
    lines = len(console.export_text(clear=False).splitlines())
    page = console.export_html(theme=THEME, inline_styles=True)
    title = html.escape(_title(session, analysis))
    lang = html.escape(analysis.language)
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    page = page.replace("</head>", f"<title>{title}</title>\n</head>", 1)
    page = page.replace("</style>", _html_css(session, lines) + "</style>", 1)
    return self_contained(page)


# --- no network fetches --------------------------------------------------------------------

LOCAL_MONOSPACE = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', 'Courier New', monospace"
_STYLE_BLOCK = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*", re.S)
_IMPORT = re.compile(r"@import[^;]*;\s*")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//[^)]*\)")
_WEB_FONT = re.compile(r"font-family:\s*Fira Code,\s*monospace")
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*['\"]?\s*(?:https?:)?//[^>]*>\s*", re.I)
_REMOTE_ATTR = re.compile(r"\s(?:href|src|xlink:href)\s*=\s*(['\"])\s*(?:https?:)?//.*?\1", re.I)
_URL_COMMENT = re.compile(r"<!--(?:(?!-->).)*https?://.*?-->\s*", re.S)


def _local_css(css: str) -> str:
    css = _FONT_FACE.sub("", css)
    css = _IMPORT.sub("", css)
    css = _CSS_URL.sub("none", css)
    return _WEB_FONT.sub(f"font-family: {LOCAL_MONOSPACE}", css)


def _local_style_block(match: re.Match[str]) -> str:
    return match[1] + _local_css(match[2]) + match[3]


def self_contained(document: str) -> str:
    """The SVG/HTML text without anything that would make a viewer fetch from the network.

    Only markup is touched (style blocks, tags' ``href``/``src``, comments): user text
    inside the picture is escaped by rich, so a touchpoint named after a URL is left alone.
    """
    document = _STYLE_BLOCK.sub(_local_style_block, document)
    document = _REMOTE_LINK.sub("", document)
    document = _REMOTE_ATTR.sub("", document)
    return _URL_COMMENT.sub("", document)
