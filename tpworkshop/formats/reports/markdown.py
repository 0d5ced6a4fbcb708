"""The workshop report in Markdown: what a manager who was not in the room reads.

Sections: the session's facts and participants, the summary figures, the map as a table
(segments x stages), the stages' effort against their weight, owners, the gap findings by
severity, the top priorities, the actions, and an appendix with every touchpoint's details.

User text is escaped so that GitHub and VS Code (CommonMark + GFM tables) show it as typed:
pipes cannot split a table cell, newlines become ``<br>``, and ``* _ ` [ ] ~ < \\`` or a
leading ``#``/``-``/``>``/``1.`` never turn into formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tpworkshop.analysis import SEVERITIES, Analysis
from tpworkshop.analysis.describe import (
    Names,
    group_lines,
    quadrant_hint,
    quadrant_label,
    score_reason,
)
from tpworkshop.analysis.messages import LABELS
from tpworkshop.analysis.render import QUADRANT_NAMES, quadrant_members, stale_text
from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import Action, Session, Touchpoint
from tpworkshop.formats.reports.messages import REPORT, SEVERITY_HEADINGS
from tpworkshop.i18n import format_date, format_number, format_percent
from tpworkshop.i18n.catalogs.rules import RULE_LABELS

# --- escaping ------------------------------------------------------------------------------

_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "|": "\\|",
        "<": "&lt;",
    }
)
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def escape_line(line: str) -> str:
    """One line of user text, shown literally wherever it lands (cell, item, heading)."""
    text = _ENTITY.sub("&amp;", line).translate(_INLINE)
    return _BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():  # "1." would start an ordered list: escape the dot instead
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


def escape(text: str) -> str:
    """User text for a table cell or list item: one Markdown line, newlines as <br>."""
    return "<br>".join(escape_line(line) for line in _LINE_BREAKS.split(text))


def _quote(text: str) -> list[str]:
    """Multi-line text as a block quote that keeps its line breaks."""
    lines = [escape_line(line) for line in _LINE_BREAKS.split(text.strip("\r\n"))]
    return [
        f"> {line}<br>" if i < len(lines) - 1 and line and lines[i + 1] else f"> {line}".rstrip()
        for i, line in enumerate(lines)
    ]


# --- building blocks -----------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GFM table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _section(title: str, body: list[str], level: int = 2) -> list[str]:
    return ["#" * level + " " + title, "", *body, ""]


def _or_none(text: str, lang: str) -> str:
    return escape(text) if text.strip() else REPORT("none", lang)


def _list_cell(items: Sequence[str], lang: str) -> str:
    return "<br>".join(escape(item) for item in items) if items else REPORT("none", lang)


# --- sections ------------------------------------------------------------------------------


def _facts(session: Session, lang: str) -> list[str]:
    facts = [
        (FIELD_LABELS("organisation", lang), escape(session.organisation)),
        (FIELD_LABELS("facilitator", lang), escape(session.facilitator)),
        (FIELD_LABELS("framework", lang), _framework_name(session.framework, lang)),
        (FIELD_LABELS("language", lang), REPORT(f"language_{session.language}", lang)),
    ]
    for key, moment in (("created", session.created), ("updated", session.updated)):
        if moment is not None:
            facts.append((REPORT(key, lang), format_date(moment, lang)))
    body = [f"- **{label}:** {value}" for label, value in facts if value]
    if session.notes.strip():
        body += ["", f"**{FIELD_LABELS('notes', lang)}**", "", *_quote(session.notes)]
    return _section(REPORT("facts", lang), body)


def _framework_name(key: str, lang: str) -> str:
    framework = FRAMEWORKS.get(key)
    return escape(framework.name(lang)) if framework else escape(key)


def _participants(session: Session, lang: str) -> list[str]:
    people = [f"- {escape(name)}" for name in session.participants]
    return _section(REPORT("participants", lang), people or [REPORT("no_participants", lang)])


def _summary(analysis: Analysis, lang: str) -> list[str]:
    s = analysis.summary
    rows = [
        (REPORT("coverage", lang), format_percent(s.coverage, lang)),
        (REPORT("completeness", lang), format_percent(s.completeness, lang)),
        (REPORT("touchpoints", lang), str(s.touchpoints)),
        (REPORT("segments", lang), str(s.segments)),
        (REPORT("stage_count", lang), str(s.stages)),
        (REPORT("pain_points", lang), str(s.pain_points)),
        (REPORT("actions_open", lang), str(s.actions_open)),
    ]
    header = (REPORT("figure", lang), REPORT("value", lang))
    return _section(REPORT("summary", lang), _table(header, rows))


def _card(tp: Touchpoint) -> str:
    text = escape(tp.name)
    if tp.pain_point:
        text += " ⚠"
    if tp.effectiveness is not None:
        text += f" ({tp.effectiveness})"
    return text


def _map(session: Session, lang: str) -> list[str]:
    if not session.segments or not session.stages:
        return _section(REPORT("map", lang), [REPORT("no_map", lang)])
    header = [FIELD_LABELS("segment", lang)] + [
        f"{escape(stage.name)}<br>{REPORT('weight_short', lang, weight=stage.weight)}"
        for stage in session.stages
    ]
    rows: dict[str, list[str]] = {seg.key: [f"**{escape(seg.name)}**"] for seg in session.segments}
    for segment, _stage, cell in session.iter_cells():
        rows[segment.key].append("<br>".join(_card(tp) for tp in cell) or REPORT("none", lang))
    body = [REPORT("map_legend", lang), "", *_table(header, rows.values())]
    described = [seg for seg in session.segments if seg.description.strip()]
    if described:
        body += ["", *(f"- **{escape(s.name)}:** {escape(s.description)}" for s in described)]
    return _section(REPORT("map", lang), body)


def _stages(analysis: Analysis, lang: str) -> list[str]:
    if not analysis.stages:
        return []
    header = [
        FIELD_LABELS("stage", lang),
        FIELD_LABELS("weight", lang),
        REPORT("count", lang),
        REPORT("share", lang),
        REPORT("weight_share", lang),
        REPORT("mean_effectiveness", lang),
    ]
    rows = [
        (
            escape(f.name),
            str(f.weight),
            str(f.touchpoints),
            format_percent(f.share, lang),
            format_percent(f.weight_share, lang),
            REPORT("none", lang)
            if f.mean_effectiveness is None
            else format_number(f.mean_effectiveness, lang),
        )
        for f in analysis.stages
    ]
    return _section(REPORT("stages", lang), _table(header, rows))


def _owners(analysis: Analysis, lang: str) -> list[str]:
    if not analysis.owners:
        return _section(REPORT("owners", lang), [REPORT("no_owners", lang)])
    header = (FIELD_LABELS("owner", lang), REPORT("count", lang))
    rows = [(escape(owner), str(count)) for owner, count in analysis.owners.items()]
    return _section(REPORT("owners", lang), _table(header, rows))


def _findings(session: Session, analysis: Analysis, lang: str) -> list[str]:
    """The findings by group (a sentence, a few subjects), then every finding by severity."""
    title = REPORT("findings", lang, count=len(analysis.findings))
    if not analysis.findings:
        return _section(title, [REPORT("no_findings", lang)])
    header = (LABELS("severity", lang), REPORT("groups", lang))
    rows = [
        (LABELS(line.severity, lang), escape(line.text()))
        for line in group_lines(analysis, session)
    ]
    body = [*_table(header, rows), ""]
    every: list[str] = []
    for severity in SEVERITIES:
        found = [f for f in analysis.findings if f.severity == severity]
        if found:
            items = [f"- **{RULE_LABELS(f.rule, lang)}:** {escape(f.message)}" for f in found]
            heading = REPORT(SEVERITY_HEADINGS[severity], lang, count=len(found))
            every += _section(heading, items, level=4)
    body += _section(REPORT("every_finding", lang), every[:-1], level=3)
    return _section(title, body[:-1])


def _accepted(session: Session, analysis: Analysis, lang: str) -> list[str]:
    body: list[str] = []
    if analysis.accepted:
        header = (
            REPORT("rule", lang),
            LABELS("message", lang),
            FIELD_LABELS("reason", lang),
            FIELD_LABELS("by", lang),
        )
        rows = [
            (
                RULE_LABELS(a.finding.rule, lang),
                escape(a.finding.message),
                escape(a.reason),
                _or_none(a.by, lang),
            )
            for a in analysis.accepted
        ]
        body += _table(header, rows)
    stale = stale_text(analysis, session)
    if stale:
        body += ["", escape(stale)] if body else [escape(stale)]
    if not body:
        return []
    return _section(REPORT("accepted", lang, count=len(analysis.accepted)), body)


def _matrix(session: Session, analysis: Analysis, lang: str) -> list[str]:
    if not analysis.matrix:
        return _section(REPORT("matrix", lang), [LABELS("matrix_none", lang)])
    names = Names(session)
    opportunity = {point.touchpoint: point.opportunity for point in analysis.matrix}
    rows = []
    for quadrant, refs in quadrant_members(analysis).items():
        shown = [
            f"{escape(names.touchpoints.get(ref, ref))} ({opportunity[ref]})"
            for ref in refs[:QUADRANT_NAMES]
        ]
        text = ", ".join(shown) or REPORT("none", lang)
        if len(refs) > QUADRANT_NAMES:
            text += " " + REPORT("more", lang, count=len(refs) - QUADRANT_NAMES)
        label = f"**{quadrant_label(quadrant, lang)}**<br>{quadrant_hint(quadrant, lang)}"
        rows.append((label, str(len(refs)), text))
    header = (REPORT("quadrant", lang), REPORT("how_many", lang), REPORT("touchpoints", lang))
    body = [REPORT("matrix_axes", lang), "", *_table(header, rows)]
    return _section(REPORT("matrix", lang), body)


def _where(session: Session, tp: Touchpoint) -> str:
    segment, stage = session.segment(tp.segment), session.stage(tp.stage)
    parts = [tp.ref, segment.name if segment else tp.segment, stage.name if stage else tp.stage]
    return " · ".join(escape(part) for part in parts)


def _priority_notes(tp: Touchpoint, lang: str) -> str:
    notes = []
    if tp.pain_point:
        notes.append(REPORT("pain_point", lang))
    if tp.votes:
        notes.append(
            REPORT("vote", lang) if tp.votes == 1 else REPORT("votes", lang, count=tp.votes)
        )
    if tp.effectiveness is not None:
        notes.append(REPORT("rated", lang, rating=tp.effectiveness))
    return " · ".join(notes)


def _priorities(session: Session, analysis: Analysis, lang: str) -> list[str]:
    items = []
    for number, priority in enumerate(analysis.top_priorities, start=1):
        tp = session.touchpoint(priority.touchpoint)
        if tp is not None:
            line = f"{number}. **{escape(tp.name)}** ({_where(session, tp)})"
            reason = escape(score_reason(priority, session, lang))
            items.append(f"{line}: {REPORT('score_line', lang, reason=reason)}")
    return _section(REPORT("priorities", lang), items or [REPORT("no_priorities", lang)])


def _best(session: Session, analysis: Analysis, lang: str) -> list[str]:
    items = []
    for number, ref in enumerate(analysis.best, start=1):
        tp = session.touchpoint(ref)
        if tp is not None:
            line = f"{number}. **{escape(tp.name)}** ({_where(session, tp)})"
            notes = _priority_notes(tp, lang)
            items.append(f"{line}: {notes}" if notes else line)
    return _section(REPORT("best", lang), items or [REPORT("no_best", lang)])


def _action_row(session: Session, action: Action, lang: str) -> tuple[str, ...]:
    tp = session.touchpoint(action.touchpoint) if action.touchpoint else None
    if tp is not None:
        target = f"{escape(tp.ref)} · {escape(tp.name)}"
    else:
        target = escape(action.touchpoint or "") or REPORT("none", lang)
    return (
        escape(action.title),
        target,
        _or_none(action.owner, lang),
        format_date(action.due, lang) if action.due else REPORT("none", lang),
        REPORT(f"status_{action.status}", lang),
    )


def _actions(session: Session, lang: str) -> list[str]:
    if not session.actions:
        return _section(REPORT("actions", lang), [REPORT("no_actions", lang)])
    header = [
        REPORT("action", lang),
        FIELD_LABELS("touchpoint", lang),
        FIELD_LABELS("owner", lang),
        FIELD_LABELS("due", lang),
        FIELD_LABELS("status", lang),
    ]
    rows = [_action_row(session, action, lang) for action in session.actions]
    return _section(REPORT("actions", lang), _table(header, rows))


def _choice(prefix: str, value: str | None, lang: str) -> str:
    return REPORT(f"{prefix}_{value}", lang) if value else REPORT("none", lang)


def _details(session: Session, tp: Touchpoint, lang: str) -> list[str]:
    segment, stage = session.segment(tp.segment), session.stage(tp.stage)
    rating = tp.effectiveness
    rows = [
        ("segment", escape(segment.name if segment else tp.segment)),
        ("stage", escape(stage.name if stage else tp.stage)),
        ("channel", _or_none(tp.channel, lang)),
        ("kind", _choice("kind", tp.kind, lang)),
        ("initiative", _choice("initiative", tp.initiative, lang)),
        ("need", _or_none(tp.need, lang)),
        ("interactions", _list_cell(tp.interactions, lang)),
        ("owner", _or_none(tp.owner, lang)),
        ("processes", _list_cell(tp.processes, lang)),
        ("people", _list_cell(tp.people, lang)),
        ("customer_contacts", _list_cell(tp.customer_contacts, lang)),
        ("desired_outcome", _or_none(tp.desired_outcome, lang)),
        ("data_generated", _list_cell(tp.data_generated, lang)),
        ("optimal_experience", _or_none(tp.optimal_experience, lang)),
        ("effectiveness", f"{rating}/5" if rating is not None else REPORT("none", lang)),
        ("pain_point", REPORT("yes" if tp.pain_point else "no", lang)),
        ("pain_note", _or_none(tp.pain_note, lang)),
        ("votes", str(tp.votes)),
        ("importance", str(tp.importance) if tp.importance is not None else REPORT("none", lang)),
        ("moment_of_truth", REPORT("yes" if tp.moment_of_truth else "no", lang)),
        ("evidence", _choice("evidence", tp.evidence, lang)),
    ]
    header = (REPORT("field", lang), REPORT("value", lang))
    labelled = [(FIELD_LABELS(name, lang), value) for name, value in rows]
    title = f"{escape(tp.ref)} · {escape(tp.name)}"
    return _section(title, _table(header, labelled), level=3)


def _appendix(session: Session, lang: str) -> list[str]:
    touchpoints = session.in_map_order()
    if not touchpoints:
        return _section(REPORT("appendix", lang), [REPORT("no_touchpoints", lang)])
    body = [line for tp in touchpoints for line in _details(session, tp, lang)]
    return _section(REPORT("appendix", lang), body[:-1])


# --- the report ----------------------------------------------------------------------------


def render(session: Session, analysis: Analysis) -> str:
    """The whole report, ending with one newline."""
    lang = analysis.language
    lines = [
        "# " + REPORT("title", lang, name=escape(session.name)),
        "",
        *_facts(session, lang),
        *_participants(session, lang),
        *_summary(analysis, lang),
        *_map(session, lang),
        *_stages(analysis, lang),
        *_owners(analysis, lang),
        *_findings(session, analysis, lang),
        *_accepted(session, analysis, lang),
        *_matrix(session, analysis, lang),
        *_priorities(session, analysis, lang),
        *_best(session, analysis, lang),
        *_actions(session, lang),
        *_appendix(session, lang),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
