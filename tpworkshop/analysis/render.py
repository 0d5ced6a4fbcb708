"""The gap analysis for people and programs: rich (app and terminal), plain text, Markdown, JSON.

Every heading and label is in the analysis's language; numbers and percentages use
tpworkshop.i18n's formatting ("80%" in English, "80 %" in Spanish).
"""

from __future__ import annotations

import io
import shlex

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from tpworkshop.analysis.describe import (
    Names,
    group_lines,
    quadrant_hint,
    quadrant_label,
    score_reason,
)
from tpworkshop.analysis.gaps import QUADRANTS, SEVERITIES, Analysis, StageFigures
from tpworkshop.analysis.messages import DESCRIBE, LABELS
from tpworkshop.domain.display import plain, plain_line
from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import Session, Touchpoint
from tpworkshop.domain.stage_labels import stage_labels
from tpworkshop.domain.text import json_text, visible, visible_line
from tpworkshop.i18n import format_number, format_percent
from tpworkshop.i18n.catalogs.rules import RULE_LABELS

SEVERITY_STYLES = {"high": "bold red", "medium": "yellow", "low": "blue"}
EMPTY_CELL_STYLE = "bold white on red3"
CELL_STYLES = ("black on yellow3", "black on green3", "black on bright_green")  # busier ->
CURVE_WIDTH = 10  # characters of the experience-curve bar (two per effectiveness point)
OWNERS_SHOWN = 8  # owners named on the rich summary's owners line
LONGEST_UNBROKEN = 16  # a column widens to keep words up to this long whole
MAP_ROWS = 12  # segments shown on the coverage map; the others are counted
STAGE_ROWS = 16  # stages shown in the stage table
QUADRANT_NAMES = 3  # touchpoints named per quadrant
STALE_SHOWN = 3  # stale acceptances named
CLOSING_LINES = 24  # the closing summary's height, whatever the session's size
CLOSING_PRIORITIES = 3


# --- shared helpers -------------------------------------------------------------------------


def _framework_name(analysis: Analysis) -> str:
    framework = FRAMEWORKS.get(analysis.framework)
    return framework.name(analysis.language) if framework else analysis.framework


def _summary_items(analysis: Analysis) -> list[tuple[str, str]]:
    lang, summary = analysis.language, analysis.summary
    return [
        (LABELS("coverage", lang), format_percent(summary.coverage, lang)),
        (LABELS("completeness", lang), format_percent(summary.completeness, lang)),
        (LABELS("touchpoints", lang), str(summary.touchpoints)),
        (LABELS("segments", lang), str(summary.segments)),
        (LABELS("stages", lang), str(summary.stages)),
        (LABELS("pain_points", lang), str(summary.pain_points)),
        (LABELS("actions_open", lang), str(summary.actions_open)),
    ]


def _segment_names(analysis: Analysis, session: Session) -> list[tuple[str, str]]:
    """(key, name) of the map's rows, in order, as the analysis saw them."""
    names = {segment.key: segment.name for segment in session.segments}
    keys = list(dict.fromkeys(segment for segment, _ in analysis.cells))
    return [(key, names.get(key, key)) for key in keys]


def _mean(figures: StageFigures, lang: str) -> str:
    mean = figures.mean_effectiveness
    return "—" if mean is None else format_number(mean, lang, 1)


def _priority_details(tp: Touchpoint, session: Session, lang: str) -> list[str]:
    segment = session.segment(tp.segment)
    stage = session.stage(tp.stage)
    details = [f"{segment.name if segment else tp.segment} · {stage.name if stage else tp.stage}"]
    if tp.pain_point:
        details.append(LABELS("pain_point", lang))
    if tp.votes == 1:
        details.append(LABELS("priority_vote", lang))
    elif tp.votes > 1:
        details.append(LABELS("priority_votes", lang, count=tp.votes))
    if tp.effectiveness is not None:
        details.append(LABELS("priority_rated", lang, rating=tp.effectiveness))
    return details


def _priorities(analysis: Analysis, session: Session) -> list[tuple[str, list[str]]]:
    """(quoted name, details) of each top priority that is still in the session."""
    by_ref = {tp.ref: tp for tp in session.touchpoints}
    lang = analysis.language
    result = []
    for priority in analysis.top_priorities:
        tp = by_ref.get(priority.touchpoint)
        if tp is not None:
            name = LABELS("quoted", lang, name=tp.name)
            result.append((name, _priority_details(tp, session, lang)))
    return result


def _investment_flags(analysis: Analysis) -> dict[str, str]:
    """Stage key -> 'under-invested' / 'over-invested' where a finding says so."""
    return {
        finding.stage: finding.rule
        for finding in analysis.findings
        if finding.stage and finding.rule in ("under-invested", "over-invested")
    }


# --- rich -----------------------------------------------------------------------------------


def render_rich(analysis: Analysis, session: Session, *, show_all: bool = False) -> RenderableType:
    """The whole analysis as one rich renderable, for the terminal.

    Findings are shown by group (a sentence, a few subjects, how many more); ``show_all``
    lists every finding and every accepted one instead.
    """
    lang = analysis.language
    title = Text()
    title.append(visible_line(LABELS("title", lang, name=analysis.session_name)), style="bold")
    title.append(f"  ({_framework_name(analysis)})", style="dim")
    parts: list[RenderableType] = [title, _rich_summary(analysis), Text("")]
    parts += [_rich_heatmap(analysis, session), Text("")]
    parts += [_rich_stages(analysis), Text("")]
    findings = _rich_findings(analysis) if show_all else _rich_groups(analysis, session)
    parts += [findings, Text("")]
    accepted = _rich_accepted(analysis, session, show_all)
    if accepted is not None:
        parts += [accepted, Text("")]
    parts += [_rich_matrix(analysis, session), Text("")]
    parts += [_rich_priorities(analysis, session), Text("")]
    parts += [_rich_best(analysis, session)]
    return Group(*parts)


def _rich_summary(analysis: Analysis) -> RenderableType:
    lang = analysis.language
    line = Text()
    for i, (label, value) in enumerate(_summary_items(analysis)):
        if i:
            line.append(" · ", style="dim")
        line.append(f"{label} ")
        line.append(value, style="bold")
    owners = Text(f"{LABELS('owners', lang)}: ")
    if not analysis.owners:
        owners.append(LABELS("no_owners", lang), style="dim")
    for i, (owner, count) in enumerate(list(analysis.owners.items())[:OWNERS_SHOWN]):
        if i:
            owners.append(" · ", style="dim")
        owners.append(f"{visible_line(owner)} ")
        owners.append(str(count), style="bold")
    hidden = len(analysis.owners) - OWNERS_SHOWN
    if hidden > 0:
        owners.append(" · " + LABELS("owners_more", lang, count=hidden), style="dim")
    return Group(line, owners)


def _longest_word(*texts: str) -> int:
    """Width a column needs so that no word of ``texts`` breaks (capped for long names)."""
    return min(LONGEST_UNBROKEN, max((len(w) for t in texts for w in t.split()), default=1))


def _cell_style(count: int, busiest: int) -> str:
    if count == 0:
        return EMPTY_CELL_STYLE
    level = (len(CELL_STYLES) * count - 1) // max(busiest, 1)
    return CELL_STYLES[min(level, len(CELL_STYLES) - 1)]


def _rich_heatmap(analysis: Analysis, session: Session) -> RenderableType:
    """The coverage map, sized when it is printed: at 80 columns the stages take their short
    labels ("Consideration" as "Cons.") so that every column is shown whole."""
    return _Heatmap(analysis, session)


class _Heatmap:
    def __init__(self, analysis: Analysis, session: Session) -> None:
        self.analysis = analysis
        self.session = session

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _heatmap_table(self.analysis, self.session, options.max_width)


def _heatmap_table(analysis: Analysis, session: Session, width: int) -> RenderableType:
    lang = analysis.language
    segments = _segment_names(analysis, session)
    if not segments or not analysis.stages:
        return Text(LABELS("no_segments", lang), style="dim")
    table = Table(
        title=LABELS("coverage_map", lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=0,
        show_edge=False,
    )
    names = [name for _, name in segments]
    segment_width = _longest_word(LABELS("segment", lang), *names)
    table.add_column(
        LABELS("segment", lang), style="bold", overflow="fold", min_width=segment_width
    )
    stages = analysis.stages
    # each stage column and the space before it share what the segments leave
    room = (width - segment_width) // len(stages) - 1
    weights = [LABELS("weight_short", lang, weight=stage.weight) for stage in stages]
    if max(len(weight) for weight in weights) > room:  # "weight 3" would break: "×3"
        weights = [f"×{stage.weight}" for stage in stages]
    labels = stage_labels([stage.name for stage in stages], max(room, 3))
    for label, weight in zip(labels, weights, strict=True):
        table.add_column(plain(f"{label}\n{weight}", justify="center"), justify="center")
    busiest = max(analysis.cells.values(), default=0)
    for key, name in segments[:MAP_ROWS]:
        row: list[RenderableType] = [plain(name)]
        for stage in stages:
            count = analysis.cells.get((key, stage.key), 0)
            row.append(Text(f" {count} ", style=_cell_style(count, busiest), justify="center"))
        table.add_row(*row)
    hidden = len(segments) - MAP_ROWS
    if hidden > 0:
        more = Text(LABELS("more_segments", lang, count=hidden), style="dim")
        return Group(table, more)
    return table


def _curve(mean: float | None) -> Text:
    """A tiny bar of the mean effectiveness (1..5), red when low, green when high."""
    if mean is None:
        return Text("—", style="dim")
    full = max(0, min(CURVE_WIDTH, round(mean * CURVE_WIDTH / 5)))
    style = "red" if mean <= 2 else "yellow" if mean < 3.5 else "green"
    bar = Text("█" * full, style=style)
    bar.append("░" * (CURVE_WIDTH - full), style="dim")
    return bar


def _rich_stages(analysis: Analysis) -> RenderableType:
    lang = analysis.language
    if not analysis.stages:
        return Text(LABELS("no_stages", lang), style="dim")
    flags = _investment_flags(analysis)
    table = Table(
        title=LABELS("by_stage", lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        collapse_padding=True,
    )
    names = [figures.name for figures in analysis.stages]
    table.add_column(LABELS("stage", lang), overflow="fold", min_width=_longest_word(*names))
    for key in ("weight", "count", "share", "weight_share", "mean_effectiveness"):
        label = LABELS(key, lang)
        table.add_column(label, justify="right", width=max(5, _longest_word(label)))
    label = LABELS("experience_curve", lang)
    table.add_column(label, width=max(CURVE_WIDTH, _longest_word(label)))
    for figures in analysis.stages[:STAGE_ROWS]:
        flag = flags.get(figures.key)
        share_style = {"under-invested": "bold red", "over-invested": "yellow"}.get(flag or "", "")
        table.add_row(
            plain(figures.name),  # names are never read as rich markup
            str(figures.weight),
            str(figures.touchpoints),
            Text(format_percent(figures.share, lang), style=share_style),
            format_percent(figures.weight_share, lang),
            _mean(figures, lang),
            _curve(figures.mean_effectiveness),
        )
    hidden = len(analysis.stages) - STAGE_ROWS
    if hidden > 0:
        return Group(table, Text(LABELS("more_stages", lang, count=hidden), style="dim"))
    return table


def _rich_findings(analysis: Analysis) -> RenderableType:
    lang = analysis.language
    heading = LABELS("findings_count", lang, count=len(analysis.findings))
    if not analysis.findings:
        return Group(Text(heading, style="bold"), Text(LABELS("no_findings", lang), style="green"))
    table = Table(title=heading, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(LABELS("severity", lang), no_wrap=True)
    table.add_column(LABELS("rule", lang), overflow="fold")
    table.add_column(LABELS("message", lang), ratio=1, overflow="fold")
    for finding in analysis.findings:
        style = SEVERITY_STYLES.get(finding.severity, "")
        table.add_row(
            Text(LABELS(finding.severity, lang), style=style),
            Text(RULE_LABELS(finding.rule, lang), style=style),
            plain(finding.message),
        )
    return table


def _rich_groups(analysis: Analysis, session: Session) -> RenderableType:
    """One line per group: severity, then the sentence and a few of its subjects."""
    lang = analysis.language
    heading = LABELS("findings_count", lang, count=len(analysis.findings))
    if not analysis.findings:
        return Group(Text(heading, style="bold"), Text(LABELS("no_findings", lang), style="green"))
    table = Table(title=heading, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(LABELS("severity", lang), no_wrap=True)
    table.add_column(LABELS("message", lang), ratio=1, overflow="fold")
    for line in group_lines(analysis, session):
        style = SEVERITY_STYLES.get(line.severity, "")
        text = Text(line.sentence, style=style)
        subjects = line.subjects_text()
        if subjects:
            text.append(": ")
            text.append(visible_line(subjects))
        table.add_row(Text(LABELS(line.severity, lang), style=style), text)
    hint = Text(LABELS("all_findings_hint", lang), style="dim")
    return Group(table, hint)


def _rich_accepted(analysis: Analysis, session: Session, show_all: bool) -> RenderableType | None:
    """The accepted findings apart (each with its reason under ``show_all``), and the
    acceptances that match nothing any more."""
    lang = analysis.language
    lines: list[RenderableType] = []
    count = len(analysis.accepted)
    if count:
        lines.append(Text(LABELS("accepted_heading", lang, count=count), style="bold"))
        if show_all:
            for accepted in analysis.accepted:
                line = Text(f"{RULE_LABELS(accepted.finding.rule, lang)}: ", style="dim")
                line.append(visible_line(accepted.finding.message))
                acceptance = _acceptance(accepted.reason, accepted.by, lang)
                line.append(" — " + visible_line(acceptance), style="dim")
                lines.append(line)
        else:
            key = "accepted_count.one" if count == 1 else "accepted_count"
            lines.append(Text(LABELS(key, lang, count=count), style="dim"))
    stale = stale_text(analysis, session)
    if stale:
        lines.append(plain_line(stale, style="yellow"))
    return Group(*lines) if lines else None


def _acceptance(reason: str, by: str, lang: str) -> str:
    if by:
        return LABELS("accepted_by", lang, by=by, reason=reason)
    return LABELS("accepted_reason", lang, reason=reason)


def stale_text(analysis: Analysis, session: Session) -> str:
    """'2 acceptances match no finding any more: No data, Owner overload' ('' if none)."""
    lang = analysis.language
    count = len(analysis.stale_accepted)
    if not count:
        return ""
    entries = [session.accepted[i] for i in analysis.stale_accepted if i < len(session.accepted)]
    rules = ", ".join(
        RULE_LABELS(entry.rule, lang) if entry.rule in RULE_LABELS else entry.rule
        for entry in entries[:STALE_SHOWN]
    )
    if count > STALE_SHOWN:
        rules += " " + LABELS("owners_more", lang, count=count - STALE_SHOWN)
    return LABELS("stale.one" if count == 1 else "stale", lang, count=count, rules=rules)


def quadrant_members(analysis: Analysis) -> dict[str, list[str]]:
    """Quadrant -> touchpoint ids, the largest opportunity first, then map order."""
    members: dict[str, list[tuple[int, int, str]]] = {quadrant: [] for quadrant in QUADRANTS}
    for i, point in enumerate(analysis.matrix):
        members[point.quadrant].append((-point.opportunity, i, point.touchpoint))
    return {quadrant: [ref for *_, ref in sorted(items)] for quadrant, items in members.items()}


def _rich_matrix(analysis: Analysis, session: Session) -> RenderableType:
    lang = analysis.language
    lines: list[RenderableType] = [Text(LABELS("matrix", lang), style="bold")]
    if not analysis.matrix:
        return Group(*lines, Text(LABELS("matrix_none", lang), style="dim"))
    names = Names(session)
    styles = {"fix-first": "bold red", "keep-up": "green", "overkill": "yellow", "low-priority": ""}
    for quadrant, refs in quadrant_members(analysis).items():
        line = Text(f"{quadrant_label(quadrant, lang)} ({len(refs)})", style=styles[quadrant])
        line.append(f" — {quadrant_hint(quadrant, lang)}", style="dim")
        if refs:
            shown = [names.touchpoints.get(ref, ref) for ref in refs[:QUADRANT_NAMES]]
            line.append(": " + visible_line(", ".join(shown)))
            if len(refs) > QUADRANT_NAMES:
                line.append(" " + _more(len(refs) - QUADRANT_NAMES, lang))
        lines.append(line)
    return Group(*lines)


def _more(count: int, lang: str) -> str:
    return DESCRIBE("more", lang, count=count)


def _rich_priorities(analysis: Analysis, session: Session) -> RenderableType:
    lang = analysis.language
    lines: list[RenderableType] = [Text(LABELS("top_priorities", lang), style="bold")]
    priorities = _priorities(analysis, session)
    if not priorities:
        lines.append(Text(LABELS("no_priorities", lang), style="dim"))
    scored = {p.touchpoint: p for p in analysis.top_priorities}
    refs = [p.touchpoint for p in analysis.top_priorities if session.touchpoint(p.touchpoint)]
    for number, ((name, details), ref) in enumerate(zip(priorities, refs, strict=True), start=1):
        line = Text(f"{number}. ")
        line.append(visible_line(name), style="bold")
        line.append(" — " + visible_line(details[0]), style="dim")
        reason = score_reason(scored[ref], session, lang)
        line.append(" — " + LABELS("score", lang, reason=reason))
        lines.append(line)
    return Group(*lines)


def _rich_best(analysis: Analysis, session: Session) -> RenderableType:
    lang = analysis.language
    lines: list[RenderableType] = [Text(LABELS("best", lang), style="bold")]
    if not analysis.best:
        lines.append(Text(LABELS("best_none", lang), style="dim"))
    for number, ref in enumerate(analysis.best, start=1):
        tp = session.touchpoint(ref)
        if tp is None:
            continue
        line = Text(f"{number}. ")
        line.append(visible_line(LABELS("quoted", lang, name=tp.name)), style="bold")
        details = " · ".join(_priority_details(tp, session, lang))
        line.append(" — " + visible_line(details), style="dim")
        lines.append(line)
    return Group(*lines)


# --- plain text -----------------------------------------------------------------------------


def _plain_console(buffer: io.StringIO, width: int) -> Console:
    return Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        no_color=True,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )


def render_text(
    analysis: Analysis, session: Session, width: int = 100, *, show_all: bool = False
) -> str:
    """The rich rendering as plain text (no colour or control codes), ``width`` columns."""
    buffer = io.StringIO()
    _plain_console(buffer, width).print(render_rich(analysis, session, show_all=show_all))
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    return visible(text)  # a control character of an old database, as a symbol


def render_closing(analysis: Analysis, session: Session, width: int = 100) -> str:
    """The summary printed when the app closes: at most CLOSING_LINES lines of ``width``
    columns whatever the session's size. Each item takes at most two lines (cut with "…");
    the groups fill the room the other items leave, and the rest are counted."""
    lang = analysis.language
    console = _plain_console(io.StringIO(), width)

    def fit(text: str, most: int = 2, indent: int = 0) -> list[str]:
        """``text`` in at most ``most`` lines; the lines after the first start ``indent``
        columns in, under the text rather than under its label."""
        if not indent:
            return _wrapped(console, Text(visible_line(text)), width, most)
        head, body = text[:indent], text[indent:]
        lines = _wrapped(console, Text(visible_line(body)), width - indent, most)
        return [head + lines[0], *(" " * indent + line for line in lines[1:])]

    head = fit(
        f"{LABELS('title', lang, name=analysis.session_name)}  ({_framework_name(analysis)})"
    )
    head += fit(" · ".join(f"{label} {value}" for label, value in _summary_items(analysis)))
    counts = {severity: 0 for severity in SEVERITIES}
    for group in analysis.groups:
        counts[group.severity] += group.count
    if analysis.accepted:
        counts["accepted"] = len(analysis.accepted)
    line = LABELS("closing_counts", lang, counts=" · ".join(_counted(counts, lang)))
    head += fit(line, 1)
    tail: list[str] = []
    priorities = _priorities(analysis, session)[:CLOSING_PRIORITIES]
    if priorities:
        tail += fit(LABELS("closing_priorities", lang), 1)
        for number, (name, details) in enumerate(priorities, start=1):
            score = analysis.top_priorities[number - 1].score
            tail += fit(f" {number}. {name} ({details[0]}) — {score}", 1)
    if analysis.best:
        names = Names(session)
        best = ", ".join(
            LABELS("quoted", lang, name=names.touchpoints.get(ref, ref))
            for ref in analysis.best[:3]
        )
        tail += fit(LABELS("closing_best", lang, names=best), 1)
    stale = stale_text(analysis, session)
    if stale:
        tail += fit(stale, 1)
    tail += fit(LABELS("closing_hint", lang, session=_shell_word(analysis.session_name)))
    room = CLOSING_LINES - len(head) - len(tail)
    body: list[str] = []
    groups = group_lines(analysis, session)
    for shown, group_line in enumerate(groups):
        label = f" {LABELS(group_line.severity, lang):<6} "
        lines = fit(label + group_line.text(), indent=len(label))
        left = len(groups) - shown
        if len(body) + len(lines) + (1 if left > 1 else 0) > room:
            body += fit(" " + LABELS("closing_more_groups", lang, count=left), 1)
            break
        body += lines
    return visible("\n".join(line.rstrip() for line in head + body + tail) + "\n")


def _counted(counts: dict[str, int], lang: str) -> list[str]:
    """«3 altos», «1 medio»: each count with its word in the number it takes."""
    return [
        LABELS(f"closing_count.{kind}.{'one' if count == 1 else 'many'}", lang, count=count)
        for kind, count in counts.items()
    ]


def _wrapped(console: Console, text: Text, width: int, most: int) -> list[str]:
    """``text`` wrapped to ``width`` cells, at most ``most`` lines, the last cut with "…"."""
    lines = text.wrap(console, width)
    if len(lines) > most:
        last = lines[most - 1]
        last.rstrip()
        last.append(" " + " ".join(line.plain.strip() for line in lines[most:]))
        last.truncate(width, overflow="ellipsis")
    return [line.plain for line in list(lines)[:most]]


def _shell_word(name: str) -> str:
    """The session's name as one word a shell reads back (quoted when it needs to be)."""
    return shlex.quote(name)


# --- Markdown -------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as <br>."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def _md_line(text: str) -> str:
    """Text safe on one Markdown line (a heading or list item)."""
    return " ".join(text.split("\n")).replace("\r", " ")


def _md_table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(cell) for cell in header) + " |"]
    rule = ["---:" if i in right else "---" for i in range(len(header))]
    lines.append("| " + " | ".join(rule) + " |")
    lines += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def render_markdown(analysis: Analysis, session: Session, *, show_all: bool = False) -> str:
    """The analysis as a Markdown report: headings, summary, tables, the findings by group
    (every finding under ``show_all``), the matrix, the priorities and the best."""
    lang = analysis.language
    lines = [f"# {_md_line(LABELS('title', lang, name=analysis.session_name))}", ""]
    lines += [f"**{LABELS('framework', lang)}:** {_md_line(_framework_name(analysis))}", ""]
    lines += [f"## {LABELS('summary', lang)}", ""]
    lines += [f"- **{label}:** {value}" for label, value in _summary_items(analysis)]
    lines += [""]
    lines += _md_coverage(analysis, session) + [""]
    lines += _md_stages(analysis) + [""]
    lines += _md_owners(analysis) + [""]
    if show_all:
        lines += _md_findings(analysis) + [""]
    else:
        lines += _md_groups(analysis, session) + [""]
    lines += _md_accepted(analysis, session, show_all)
    lines += _md_matrix(analysis, session) + [""]
    lines += _md_priorities(analysis, session) + [""]
    lines += _md_best(analysis, session)
    return visible("\n".join(lines) + "\n")


def _md_coverage(analysis: Analysis, session: Session) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('coverage_map', lang)}", ""]
    segments = _segment_names(analysis, session)
    if not segments or not analysis.stages:
        return lines + [LABELS("no_segments", lang)]
    header = [LABELS("segment", lang)] + [
        f"{stage.name} ({LABELS('weight_short', lang, weight=stage.weight)})"
        for stage in analysis.stages
    ]
    rows = [
        [name] + [str(analysis.cells.get((key, stage.key), 0)) for stage in analysis.stages]
        for key, name in segments
    ]
    return lines + _md_table(header, rows, right=set(range(1, len(header))))


def _md_stages(analysis: Analysis) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('by_stage', lang)}", ""]
    if not analysis.stages:
        return lines + [LABELS("no_stages", lang)]
    header = [
        LABELS(key, lang)
        for key in ("stage", "weight", "count", "share", "weight_share", "mean_effectiveness")
    ]
    rows = [
        [
            figures.name,
            str(figures.weight),
            str(figures.touchpoints),
            format_percent(figures.share, lang),
            format_percent(figures.weight_share, lang),
            _mean(figures, lang),
        ]
        for figures in analysis.stages
    ]
    return lines + _md_table(header, rows, right={1, 2, 3, 4, 5})


def _md_owners(analysis: Analysis) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('owners', lang)}", ""]
    if not analysis.owners:
        return lines + [LABELS("no_owners", lang)]
    rows = [[owner, str(count)] for owner, count in analysis.owners.items()]
    return lines + _md_table([LABELS("owner", lang), LABELS("count", lang)], rows, right={1})


def _md_findings(analysis: Analysis) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('findings_count', lang, count=len(analysis.findings))}", ""]
    if not analysis.findings:
        return lines + [LABELS("no_findings", lang)]
    header = [LABELS("severity", lang), LABELS("rule", lang), LABELS("message", lang)]
    rows = [
        [LABELS(f.severity, lang), RULE_LABELS(f.rule, lang), f.message] for f in analysis.findings
    ]
    return lines + _md_table(header, rows, right=set())


def _md_groups(analysis: Analysis, session: Session) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('findings_count', lang, count=len(analysis.findings))}", ""]
    if not analysis.findings:
        return lines + [LABELS("no_findings", lang)]
    header = [LABELS("severity", lang), LABELS("message", lang)]
    rows = [[LABELS(line.severity, lang), line.text()] for line in group_lines(analysis, session)]
    return lines + _md_table(header, rows, right=set()) + ["", LABELS("all_findings_hint", lang)]


def _md_accepted(analysis: Analysis, session: Session, show_all: bool) -> list[str]:
    lang = analysis.language
    lines: list[str] = []
    count = len(analysis.accepted)
    if count:
        lines += [f"## {LABELS('accepted_heading', lang, count=count)}", ""]
        if show_all:
            header = [
                LABELS("rule", lang),
                LABELS("message", lang),
                FIELD_LABELS("reason", lang),
                FIELD_LABELS("by", lang),
            ]
            rows = [
                [RULE_LABELS(a.finding.rule, lang), a.finding.message, a.reason, a.by]
                for a in analysis.accepted
            ]
            lines += _md_table(header, rows, right=set())
        else:
            key = "accepted_count.one" if count == 1 else "accepted_count"
            lines.append(LABELS(key, lang, count=count))
        lines.append("")
    stale = stale_text(analysis, session)
    if stale:
        lines += [_md_line(stale), ""]
    return lines


def _md_matrix(analysis: Analysis, session: Session) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('matrix', lang)}", ""]
    if not analysis.matrix:
        return lines + [LABELS("matrix_none", lang)]
    names = Names(session)
    rows = []
    for quadrant, refs in quadrant_members(analysis).items():
        shown = ", ".join(names.touchpoints.get(ref, ref) for ref in refs[:QUADRANT_NAMES])
        if len(refs) > QUADRANT_NAMES:
            shown += " " + _more(len(refs) - QUADRANT_NAMES, lang)
        label = f"{quadrant_label(quadrant, lang)} ({quadrant_hint(quadrant, lang)})"
        rows.append([label, str(len(refs)), shown])
    header = [LABELS("quadrant", lang), LABELS("count", lang), LABELS("touchpoints", lang)]
    return lines + _md_table(header, rows, right={1})


def _md_priorities(analysis: Analysis, session: Session) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('top_priorities', lang)}", ""]
    priorities = _priorities(analysis, session)
    if not priorities:
        return lines + [LABELS("no_priorities", lang)]
    scored = [p for p in analysis.top_priorities if session.touchpoint(p.touchpoint)]
    return lines + [
        f"{number}. **{_md_line(name)}** — {_md_line(details[0])} — "
        + _md_line(LABELS("score", lang, reason=score_reason(priority, session, lang)))
        for number, ((name, details), priority) in enumerate(
            zip(priorities, scored, strict=True), start=1
        )
    ]


def _md_best(analysis: Analysis, session: Session) -> list[str]:
    lang = analysis.language
    lines = [f"## {LABELS('best', lang)}", ""]
    best = [tp for tp in map(session.touchpoint, analysis.best) if tp is not None]
    if not best:
        return lines + [LABELS("best_none", lang)]
    return lines + [
        f"{number}. **{_md_line(LABELS('quoted', lang, name=tp.name))}** — "
        + _md_line(" · ".join(_priority_details(tp, session, lang)))
        for number, tp in enumerate(best, start=1)
    ]


# --- JSON -----------------------------------------------------------------------------------


def render_json(analysis: Analysis) -> str:
    """GAPS.md's machine-readable form."""
    return json_text(analysis.to_dict())
