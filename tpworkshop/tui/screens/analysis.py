"""Step 6: the gap analysis the facilitator reads with the room, and the export.

Five views in tabs (at 80x24 they do not fit at once): the findings grouped by severity,
the coverage heatmap (segments x stages), the channels x stages grid, the experience curve
and the top priorities. Enter on a finding, a cell or a priority jumps to what it names by
saving the position (step, segment, stage, touchpoint) and switching step; the target
screen restores its selection from ``session.position``. The analysis is recomputed from
``session`` on every ``refresh_view()``; widgets redraw only when their content changed,
so a commit from another participant keeps the highlighted row.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tpworkshop.analysis import SEVERITIES, Analysis, Finding, Priority, analyse
from tpworkshop.analysis import Group as FindingGroup
from tpworkshop.analysis.describe import (
    Names,
    group_lines,
    quadrant_hint,
    quadrant_label,
    score_reason,
)
from tpworkshop.domain.model import Accepted, Position, Session, Touchpoint
from tpworkshop.domain.text import fold, slugify
from tpworkshop.i18n import format_percent
from tpworkshop.i18n.catalogs.os_errors import os_reason
from tpworkshop.i18n.catalogs.rules import RULE_LABELS
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_analysis import TEXT
from tpworkshop.i18n.catalogs.tui_analysis_matrix import TEXT as MATRIX_TEXT
from tpworkshop.storage import StorageError
from tpworkshop.tui.display import assemble, plain_line, visible_line
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.screens.dialogs import (
    ChoiceDialog,
    ConfirmDialog,
    FormDialog,
    FormField,
    model_check,
)
from tpworkshop.tui.widgets.analysis_curve import ExperienceCurve
from tpworkshop.tui.widgets.analysis_heatmap import DensityGrid, density_table
from tpworkshop.tui.widgets.analysis_matrix import ImportanceMatrix, MatrixItem, quadrant_of

TABS = ("findings", "map", "channels", "curve", "priorities", "matrix")
FINDING_ACTIONS = ("accept", "unaccept", "toggle_all")
MATRIX_DETAIL_LINES = 3  # the most the matrix's cell sentence takes (analysis.tcss)
"""The footer's keys that depend on the highlighted line (see check_action)."""
TAB_KEYS = {
    "findings": "f",
    "map": "m",
    "channels": "c",
    "curve": "e",
    "priorities": "p",
    "matrix": "i",
}
MATRIX_NAMES = 3  # names the line under the matrix gives for the cell, then "+N more"
REPORT_FORMATS = ("markdown", "csv", "svg", "html")
EXTENSIONS = {"toml": "toml", "markdown": "md", "csv": "csv", "svg": "svg", "html": "html"}
FORMAT_NAMES = {"toml": "TOML", "markdown": "Markdown", "csv": "CSV", "svg": "SVG", "html": "HTML"}
"""Formats as they are written in both languages (facilitation_guides/glossary.md)."""
SEVERITY_STYLES = {"high": "$text-error", "medium": "$text-warning", "low": "$text-accent"}
FINDINGS_PER_GROUP = 200  # a room reads a few dozen; the export holds them all
CHANNEL_ROWS = 60
WIDE_BODY = 130  # from this many columns the findings tab shows an overview beside them
TALL_BODY = 40  # ... or, from this many rows, below them
OVERVIEW_WIDTH = 62
OVERVIEW_SIDE = 66  # the side overview's width in analysis.tcss
LIST_CHROME = 4  # the findings list's padding and scrollbar
GUIDE_GUESS = 56


# --- what a finding, a cell or a priority names ------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a jump lands: a step and the position it restores its selection from."""

    step: str
    segment: str | None = None
    stage: str | None = None
    touchpoint: str | None = None


def finding_target(finding: Finding, session: Session, analysis: Analysis) -> Target:
    """A touchpoint → Details on it; a cell or a stage → Touchpoints there; else Details."""
    if finding.touchpoint is not None:
        return touchpoint_target(session, finding.touchpoint, finding.segment, finding.stage)
    if finding.stage is not None:
        segment = finding.segment or _current_segment(session)
        return Target("touchpoints", segment, finding.stage)
    if finding.segment is not None:
        stage = session.position.stage if session.stage(session.position.stage or "") else None
        first_stage = session.stages[0].key if session.stages else None
        return Target("touchpoints", finding.segment, stage or first_stage)
    owner = overloaded_owner(finding, analysis)
    tp = next(
        (t for t in session.in_map_order() if owner is not None and fold(t.owner) == owner), None
    )
    if tp is not None:
        return Target("details", tp.segment, tp.stage, tp.ref)
    position = session.position
    return Target("details", position.segment, position.stage, position.touchpoint)


def touchpoint_target(
    session: Session, ref: str, segment: str | None = None, stage: str | None = None
) -> Target:
    tp = session.touchpoint(ref)
    if tp is not None:
        return Target("details", tp.segment, tp.stage, ref)
    return Target("details", segment, stage, ref)


def overloaded_owner(finding: Finding, analysis: Analysis) -> str | None:
    """The folded owner an owner-overload finding names (its ``name``, else its message)."""
    if finding.name:
        return fold(finding.name)
    message = fold(finding.message)
    named = [fold(owner) for owner in analysis.owners if fold(owner) and fold(owner) in message]
    if named:
        return max(named, key=len)
    return next((fold(owner) for owner in analysis.owners), None)


def _current_segment(session: Session) -> str | None:
    if session.segment(session.position.segment or "") is not None:
        return session.position.segment
    return session.segments[0].key if session.segments else None


def channel_target(session: Session, channel: str, stage: str | None) -> Target | None:
    """The first touchpoint (map order) on ``channel`` in ``stage`` (any stage if None)."""
    wanted = fold(channel)
    for tp in session.in_map_order():
        if fold(tp.channel) == wanted and (stage is None or tp.stage == stage):
            return Target("touchpoints", tp.segment, tp.stage, tp.ref)
    return None


def finding_identity(finding: Finding) -> tuple[str | None, ...]:
    return (finding.rule, finding.segment, finding.stage, finding.touchpoint)


def entry_finding(entry: Accepted) -> Finding:
    """The finding an acceptance names (for its subject and where a jump lands)."""
    return Finding(entry.rule, "low", entry.segment, entry.stage, entry.touchpoint, "")


@dataclass(frozen=True)
class Entry:
    """What a line of the findings list stands for.

    ``kind`` is ``group`` (a kind of finding, in the grouped view), ``finding``, ``accepted``
    (a finding the team accepted) or ``stale`` (an acceptance that matches no finding);
    ``finding`` is where a jump lands (a group's first finding).
    """

    kind: str
    finding: Finding
    group: FindingGroup | None = None
    accepted: Accepted | None = None

    def identity(self) -> tuple[object, ...]:
        if self.accepted is not None:
            return ("accepted", self.accepted.db_id)
        return ("finding", *finding_identity(self.finding))


# --- export --------------------------------------------------------------------------------


def report_exporter() -> Callable[[Session, Analysis, str], str | bytes] | None:
    """``tpworkshop.formats.reports.export_report`` when that module exists, else None."""
    try:
        module = importlib.import_module("tpworkshop.formats.reports")
    except ImportError:
        return None
    exporter = getattr(module, "export_report", None)
    return exporter if callable(exporter) else None


def export_formats() -> list[str]:
    return ["toml", *REPORT_FORMATS] if report_exporter() is not None else ["toml"]


def export_content(session: Session, fmt: str) -> str | bytes:
    """The file's content; the analysis is in the session's own language, as the CLI's."""
    analysis = analyse(session)
    if fmt == "toml":
        from tpworkshop.formats.toml_format import dumps

        return dumps(session, analysis.to_dict())
    exporter = report_exporter()
    if exporter is None:
        raise ValueError(fmt)
    return exporter(session, analysis, fmt)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write beside the target, then rename: a killed export never leaves half a file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(payload)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def default_export_path(session: Session, fmt: str) -> str:
    return f"./{slugify(session.name)}.{EXTENSIONS[fmt]}"


def export_path_problem(text: str, lang: str) -> str | None:
    """One sentence if ``text`` can't be a file to write, else None."""
    if not text.strip():
        return TEXT("export.path_empty", lang)
    path = Path(text.strip()).expanduser()
    if path.is_dir():
        return TEXT("export.is_dir", lang, path=str(path))
    folder = path.parent
    if not folder.is_dir():
        return TEXT("export.no_dir", lang, folder=str(folder))
    return None


# --- the screen ----------------------------------------------------------------------------


class AnalysisBody(Vertical):
    """The step's body; tells the screen when its size changes (window, guide panel)."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


def finding_prompt(message: str, style: str, width: int) -> Content:
    """A bullet in the severity's colour, the message wrapped with a hanging indent.

    Wrapped here rather than by a Rich table: a few hundred table prompts take a second
    to measure, these take milliseconds, and the list redraws on every live commit.
    """
    lines = textwrap.wrap(visible_line(message), width=max(width - 2, 20)) or [""]
    return assemble(("● ", style), "\n  ".join(lines))


def _plural(key: str, n: int, lang: str, **params: object) -> str:
    return TEXT(f"{key}.one" if n == 1 else f"{key}.many", lang, n=n, **params)


class AnalysisScreen(StepScreen):
    STEP = "analysis"
    BINDING_CATALOGS = (TEXT, UI)
    CSS_PATH: ClassVar[list[str]] = [  # type: ignore[assignment]
        "analysis.tcss",
        "../widgets/analysis_matrix.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_selected", "key.open", key_display="o/⏎"),
        Binding("a", "accept", "key.accept"),
        Binding("u", "unaccept", "key.unaccept"),
        Binding("g", "toggle_all", "key.all"),
        Binding("t", "export('toml')", "key.export"),
        Binding("r", "export_as", "key.report", show=False),
        *[
            Binding(key, f"show_tab('{tab}')", f"key.{tab}", show=False)
            for tab, key in TAB_KEYS.items()
        ],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.analysis: Analysis | None = None
        self._findings_shown: tuple[object, ...] | None = None
        self._entries: dict[str, Entry] = {}
        self.show_all = False
        """Every finding one by one (``g``), instead of one line per kind."""
        self._by_ref: tuple[Session | None, dict[str, Touchpoint]] = (None, {})
        self._priorities_shown: tuple[object, ...] | None = None
        self._priority_options: dict[str, str] = {}
        self._finding_keys: tuple[bool | None, ...] | None = None

    def touchpoint(self, ref: str) -> Touchpoint | None:
        """The session's touchpoint ``ref`` (``Session.touchpoint`` reads them all: the
        matrix asks for thousands, so they are looked up in a dict made once a session)."""
        session = self.session
        owner, by_ref = self._by_ref
        if owner is not session:
            by_ref = {tp.ref: tp for tp in session.touchpoints}
            self._by_ref = (session, by_ref)
        return by_ref.get(ref)

    # --- layout -------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with AnalysisBody(id="analysis-body"):
            yield from self._compose_views()

    def _compose_views(self) -> ComposeResult:
        lang = self.lang
        yield Static(id="analysis-summary")
        view = self.session.position.view
        initial = view if view in TABS else "findings"
        with TabbedContent(id="analysis-tabs", initial=f"tab-{initial}"):
            with (
                TabPane(TEXT("tab.findings", lang), id="tab-findings"),
                Horizontal(id="findings-row"),
            ):
                yield OptionList(id="findings", compact=True, name=TEXT("name.findings", lang))
                with VerticalScroll(id="overview", can_focus=False):
                    yield Static(id="overview-map")
                    yield Static(id="overview-priorities")
                    yield ExperienceCurve(id="overview-curve")
            with TabPane(TEXT("tab.map", lang), id="tab-map"):
                yield DensityGrid(alarm_empty=True, id="map-grid", name=TEXT("name.map", lang))
                yield Static(id="map-legend", classes="legend")
            with TabPane(TEXT("tab.channels", lang), id="tab-channels"):
                yield DensityGrid(
                    alarm_empty=False, id="channel-grid", name=TEXT("name.channels", lang)
                )
                yield Static(id="channel-legend", classes="legend")
            with (
                TabPane(TEXT("tab.curve", lang), id="tab-curve"),
                VerticalScroll(id="curve-scroll", name=TEXT("name.curve", lang)),
            ):
                yield ExperienceCurve(id="curve")
            with TabPane(TEXT("tab.priorities", lang), id="tab-priorities"):
                yield OptionList(id="priorities", compact=True, name=TEXT("name.priorities", lang))
                yield Static(id="priorities-legend", classes="legend")
            with TabPane(TEXT("tab.matrix", lang), id="tab-matrix"):
                yield ImportanceMatrix(
                    on_move=self._matrix_moved, id="matrix", name=TEXT("name.matrix", lang)
                )
                yield Static(id="matrix-detail")
                yield Static(id="matrix-legend", classes="legend")

    def land(self, position: Position) -> None:
        """The tab the facilitator was on (the findings at first), its list focused."""
        tab = position.view if position.view in TABS else "findings"
        tabs = self.query_one(TabbedContent)
        if tabs.active != f"tab-{tab}":
            tabs.active = f"tab-{tab}"
        self._focus_tab(tab)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The facilitator chose a tab: a resume comes back to it."""
        tab = (event.pane.id or "").removeprefix("tab-")
        if tab in TABS and tab != self.session.position.view:
            self.note_position(view=tab)

    def on_analysis_body_resized(self, event: AnalysisBody.Resized) -> None:
        event.stop()
        self._redraw_sized()

    def _body_size(self) -> tuple[int, int]:
        """The body's size; before the first layout, the screen's (less a shown guide)."""
        size = self.query_one(AnalysisBody).size
        if size.width and size.height:
            return size.width, size.height
        guide = GUIDE_GUESS if self.workshop.show_guide else 0
        return self.app.size.width - guide, self.app.size.height - 3

    # --- redraw -------------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_mounted or self.workshop.session is None:
            return
        self.analysis = analyse(self.session, self.lang)
        self._redraw_sized()

    def _redraw_sized(self) -> None:
        """The views whose layout depends on the size of the body."""
        analysis = self.analysis
        if analysis is None or not self.is_mounted or self.workshop.session is None:
            return
        width, height = self._body_size()
        side = width >= WIDE_BODY
        below = not side and height >= TALL_BODY
        self.set_class(side, "-overview-side")
        self.set_class(below, "-overview-below")
        self._show_summary(analysis, width)
        self._show_findings(analysis, width - (OVERVIEW_SIDE if side else 0) - LIST_CHROME)
        self._show_priorities(analysis, width - LIST_CHROME)
        self._show_map(analysis, width)
        self._show_channels(analysis, width)
        self._show_curve(analysis, width)
        self._show_matrix(analysis)
        if side or below:
            self._show_overview(analysis, min(width, OVERVIEW_WIDTH) if side else width, side)

    def _show_summary(self, analysis: Analysis, width: int) -> None:
        """One line, or a few broken only between figures (never inside "4 touchpoints")."""
        lang, summary = self.lang, analysis.summary
        pieces = [
            TEXT("summary.coverage", lang, value=format_percent(summary.coverage, lang)),
            TEXT("summary.details", lang, value=format_percent(summary.completeness, lang)),
            _plural("touchpoints", summary.touchpoints, lang),
            _plural("pains", summary.pain_points, lang),
            _plural("actions", summary.actions_open, lang),
        ]
        lines = [pieces[0]]
        for piece in pieces[1:]:
            if len(lines[-1]) + 3 + len(piece) <= width - 2:
                lines[-1] += f" · {piece}"
            else:
                lines.append(piece)
        self.query_one("#analysis-summary", Static).update(Text("\n".join(lines)))

    def _finding_prompts(self, analysis: Analysis, width: int) -> list[Option]:
        """Severity headers, then a line per kind (or per finding), then the accepted."""
        lang = self.lang
        options: list[Option] = []
        self._entries = {}
        # A name may take half a line: one of 200 characters filled four lines.
        max_name = max(20, (width - 4) // 2)
        lines = {
            line.group: line for line in group_lines(analysis, self.session, max_name=max_name)
        }
        for severity in SEVERITIES:
            groups = [g for g in analysis.groups if g.severity == severity]
            if not groups:
                continue
            style = SEVERITY_STYLES[severity]
            label = TEXT(f"severity.{severity}", lang)
            count = sum(group.count for group in groups)
            header = _plural("group", count, lang, severity=label)
            options.append(
                Option(
                    Content.assemble(("■ ", style), (header.upper(), f"bold {style}")),
                    id=f"severity-{severity}",
                    disabled=True,
                )
            )
            if self.show_all:
                options.extend(self._every_finding(analysis, severity, style, width))
                continue
            for number, group in enumerate(analysis.groups):
                if group.severity != severity:
                    continue
                option_id = f"group-{number}"
                first = analysis.findings[group.findings[0]]
                self._entries[option_id] = Entry("group", first, group=group)
                prompt = finding_prompt(lines[group].text(), style, width)
                options.append(Option(prompt, id=option_id))
        if not options:
            empty = "findings.none" if self.session.segments else "findings.nothing"
            options.append(Option(Text(TEXT(empty, lang), style="italic"), disabled=True))
        options.extend(self._accepted_prompts(analysis, width))
        return options

    def _every_finding(
        self, analysis: Analysis, severity: str, style: str, width: int
    ) -> list[Option]:
        options: list[Option] = []
        group = [(i, f) for i, f in enumerate(analysis.findings) if f.severity == severity]
        for index, finding in group[:FINDINGS_PER_GROUP]:
            option_id = f"finding-{index}"
            self._entries[option_id] = Entry("finding", finding)
            options.append(Option(finding_prompt(finding.message, style, width), id=option_id))
        if len(group) > FINDINGS_PER_GROUP:
            more = TEXT("group.more", self.lang, n=len(group) - FINDINGS_PER_GROUP)
            options.append(Option(Text(more, style="italic"), disabled=True))
        return options

    def _accepted_prompts(self, analysis: Analysis, width: int) -> list[Option]:
        """The accepted findings, apart and counted nowhere; then the stale acceptances."""
        lang, session = self.lang, self.session
        entries = session.accepted
        options: list[Option] = []
        if analysis.accepted:
            header = _plural("accepted", len(analysis.accepted), lang)
            options.append(_header(header, "$text-success", "accepted-header"))
            for accepted in analysis.accepted:
                entry = entries[accepted.entry]
                option_id = f"accepted-{accepted.entry}"
                self._entries[option_id] = Entry("accepted", accepted.finding, accepted=entry)
                options.append(
                    Option(
                        _accepted_prompt(
                            "✓ ",
                            "$text-success",
                            accepted.finding.message,
                            self._reason(entry),
                            width,
                        ),
                        id=option_id,
                    )
                )
        if analysis.stale_accepted:
            names = Names(session)
            header = _plural("stale", len(analysis.stale_accepted), lang)
            options.append(_header(header, "$text-warning", "stale-header"))
            for index in analysis.stale_accepted:
                entry = entries[index]
                finding = entry_finding(entry)
                subject = names.subject(finding, lang)
                rule = RULE_LABELS(entry.rule, lang) if entry.rule in RULE_LABELS else entry.rule
                option_id = f"stale-{index}"
                self._entries[option_id] = Entry("stale", finding, accepted=entry)
                said = f"{rule}: {subject}" if subject else rule
                options.append(
                    Option(
                        _accepted_prompt("? ", "$text-warning", said, self._reason(entry), width),
                        id=option_id,
                    )
                )
        return options

    def _reason(self, entry: Accepted) -> str:
        if entry.by:
            return TEXT("accepted.by", self.lang, by=entry.by, reason=entry.reason)
        return TEXT("accepted.reason", self.lang, reason=entry.reason)

    def _show_findings(self, analysis: Analysis, width: int) -> None:
        session = self.session
        shown = (
            self.lang,
            self.show_all,
            tuple(analysis.findings),
            tuple(analysis.accepted),
            tuple(analysis.stale_accepted),
            tuple(session.accepted),
            bool(session.segments),
            width,
        )
        if shown == self._findings_shown:
            return
        self._findings_shown = shown
        listing = self.query_one("#findings", OptionList)
        before = self.selected_entry()
        old_index = listing.highlighted
        listing.set_options(self._finding_prompts(analysis, width))
        _highlight(listing, self._entry_index(before), old_index)
        self._refresh_finding_keys()

    def _entry_index(self, before: Entry | None) -> int | None:
        """Where the entry highlighted before is now: the same finding or acceptance, or
        (after a switch between the two views) its kind, or the first finding of it."""
        if before is None:
            return None
        listing = self.query_one("#findings", OptionList)
        wanted = before.identity()
        kind = (before.finding.rule, before.finding.severity)
        fallback: int | None = None
        for option_id, entry in self._entries.items():
            if entry.identity() == wanted:
                return listing.get_option_index(option_id)
            same_kind = (entry.finding.rule, entry.finding.severity) == kind
            if (
                fallback is None
                and before.accepted is None
                and entry.accepted is None
                and same_kind
            ):
                fallback = listing.get_option_index(option_id)
        return fallback

    def _where(self, ref: str) -> str:
        session = self.session
        tp = self.touchpoint(ref)
        if tp is None:
            return ""
        segment = session.segment(tp.segment)
        stage = session.stage(tp.stage)
        return f"{segment.name if segment else tp.segment} · {stage.name if stage else tp.stage}"

    def _priority_prompt(self, rank: int, priority: Priority, width: int) -> Content | None:
        """The touchpoint and where it is, then its score and what the score adds up from."""
        tp = self.touchpoint(priority.touchpoint)
        if tp is None:
            return None
        reason = TEXT(
            "priority.score", self.lang, reason=score_reason(priority, self.session, self.lang)
        )
        lines = textwrap.wrap(visible_line(reason), width=max(width - 5, 20)) or [""]
        return assemble(
            (f"{rank}. ", "bold $text-accent"),
            (tp.name, "bold"),
            "  ",
            (self._where(tp.ref), "$text-muted"),
            "\n   ",
            ("\n   ".join(lines), "$text-muted"),
        )

    def _best_prompt(self, ref: str, importance: int) -> Content | None:
        tp = self.touchpoint(ref)
        if tp is None or tp.effectiveness is None:
            return None
        facts = TEXT("best.facts", self.lang, rating=tp.effectiveness, importance=importance)
        return assemble(
            ("★ ", "bold $text-success"),
            (tp.name, "bold"),
            "  ",
            (self._where(tp.ref), "$text-muted"),
            "\n   ",
            (facts, "$text-muted"),
        )

    def _show_priorities(self, analysis: Analysis, width: int) -> None:
        lang, session = self.lang, self.session
        refs = [priority.touchpoint for priority in analysis.top_priorities] + analysis.best
        rows = []
        for ref in refs:
            tp = self.touchpoint(ref)
            rows.append(dataclasses.astuple(tp) if tp else (ref,))
        stages = tuple((stage.key, stage.name, stage.weight) for stage in session.stages)
        segments = tuple((segment.key, segment.name) for segment in session.segments)
        shown = (lang, tuple(analysis.top_priorities), tuple(rows), stages, segments, width)
        if shown == self._priorities_shown:
            return
        self._priorities_shown = shown
        listing = self.query_one("#priorities", OptionList)
        before = self.selected_priority()
        old_index = listing.highlighted
        options: list[Option] = []
        self._priority_options = {}
        for rank, priority in enumerate(analysis.top_priorities, start=1):
            prompt = self._priority_prompt(rank, priority, width)
            if prompt is not None:
                self._priority_options[f"priority-{rank}"] = priority.touchpoint
                options.append(Option(prompt, id=f"priority-{rank}"))
        if not options:
            options.append(
                Option(Text(TEXT("priorities.none", lang), style="italic"), disabled=True)
            )
        options.append(_header(TEXT("best.header", lang), "$text-success", "best-header"))
        importances = {point.touchpoint: point.importance for point in analysis.matrix}
        best = 0
        for number, ref in enumerate(analysis.best, start=1):
            prompt = self._best_prompt(ref, importances.get(ref, 0))
            if prompt is not None:
                best += 1
                self._priority_options[f"best-{number}"] = ref
                options.append(Option(prompt, id=f"best-{number}"))
        if not best:
            options.append(Option(Text(TEXT("best.none", lang), style="italic"), disabled=True))
        listing.set_options(options)
        index = next(
            (
                listing.get_option_index(option_id)
                for option_id, ref in self._priority_options.items()
                if ref == before
            ),
            None,
        )
        _highlight(listing, index, old_index)
        legend = self.query_one("#priorities-legend", Static)
        legend.update(Text(TEXT("priorities.legend", lang), style="dim"))

    def _map_labels(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        session = self.session
        return (
            [(s.key, s.name) for s in session.segments],
            [(s.key, s.name) for s in session.stages],
        )

    def _show_map(self, analysis: Analysis, width: int) -> None:
        rows, columns = self._map_labels()
        grid = self.query_one("#map-grid", DensityGrid)
        grid.show(TEXT("map.corner", self.lang), rows, columns, analysis.cells, width)
        grid.display = bool(rows and columns)
        legend = "map.legend" if rows and columns else "map.none"
        self.query_one("#map-legend", Static).update(Text(TEXT(legend, self.lang), style="dim"))

    def _channel_rows(self, analysis: Analysis) -> list[tuple[str, str]]:
        seen: dict[str, None] = {}
        for channel, _ in analysis.channels:
            seen.setdefault(channel, None)
        return [(channel, channel) for channel in seen]

    def _show_channels(self, analysis: Analysis, width: int) -> None:
        lang = self.lang
        rows = self._channel_rows(analysis)
        _, columns = self._map_labels()
        grid = self.query_one("#channel-grid", DensityGrid)
        grid.show(
            TEXT("channels.corner", lang), rows[:CHANNEL_ROWS], columns, analysis.channels, width
        )
        grid.display = bool(rows and columns)
        if not rows:
            legend = TEXT("channels.none", lang)
        elif len(rows) > CHANNEL_ROWS:
            more = TEXT("channels.more", lang, shown=CHANNEL_ROWS, total=len(rows))
            legend = f"{more}\n{TEXT('channels.legend', lang)}"
        else:
            legend = TEXT("channels.legend", lang)
        touchpoints = self.session.touchpoints
        unset = sum(1 for tp in touchpoints if not tp.channel.strip())
        if rows and unset:
            total = len(touchpoints)
            legend = f"{_plural('channels.unset', unset, lang, total=total)}\n{legend}"
        self.query_one("#channel-legend", Static).update(Text(legend, style="dim"))

    def _show_matrix(self, analysis: Analysis) -> None:
        """The rated touchpoints on the importance x performance matrix."""
        lang = self.lang
        items = []
        for point in analysis.matrix:
            tp = self.touchpoint(point.touchpoint)
            name = tp.name if tp is not None else point.touchpoint
            items.append(MatrixItem(point.touchpoint, name, point.importance, point.effectiveness))
        matrix = self.query_one("#matrix", ImportanceMatrix)
        matrix.display = bool(items)
        matrix.show(items, lang)
        legend = self.query_one("#matrix-legend", Static)
        detail = self.query_one("#matrix-detail", Static)
        if items:
            total = analysis.summary.touchpoints
            legend.update(
                Text(MATRIX_TEXT("legend", lang, rated=len(items), total=total), style="dim")
            )
            self._show_matrix_cell(matrix.cursor, [item.ref for item in matrix.selected])
        else:
            legend.update("")
            detail.update(Text(MATRIX_TEXT("none", lang), style="italic"))

    def _show_matrix_cell(self, cell: tuple[int, int], refs: list[str]) -> None:
        """The line under the matrix: the highlighted cell, its quadrant and its names."""
        lang = self.lang
        importance, rating = cell
        quadrant = quadrant_of(importance, rating)
        params: dict[str, object] = {
            "importance": importance,
            "rating": rating,
            "quadrant": quadrant_label(quadrant, lang),
            "hint": quadrant_hint(quadrant, lang),
            "opportunity": importance + max(importance - rating, 0),
        }
        names = [tp.name for ref in refs if (tp := self.touchpoint(ref)) is not None]
        if not names:
            sentence = MATRIX_TEXT("cell.empty", lang, **params)
        else:
            listed = ", ".join(names[:MATRIX_NAMES])
            if len(names) > MATRIX_NAMES:
                listed += " " + MATRIX_TEXT("more", lang, n=len(names) - MATRIX_NAMES)
            key = "cell.one" if len(names) == 1 else "cell.many"
            sentence = MATRIX_TEXT(key, lang, n=len(names), names=listed, **params)
        self._show_matrix_detail(plain_line(sentence, style="bold"))

    def _show_matrix_detail(self, text: Text) -> None:
        """The cell's sentence, laid out again only when it takes another number of lines
        (up to three): moving between cells of one-line sentences repaints one line."""
        detail = self.query_one("#matrix-detail", Static)
        width = detail.content_region.width
        lines = min(len(text.wrap(self.app.console, width)), MATRIX_DETAIL_LINES) if width else 0
        detail.update(text, layout=lines != detail.content_region.height)

    def _matrix_moved(self, importance: int, rating: int, refs: list[str]) -> None:
        """The matrix's cursor moved: its cell described in the same frame."""
        if self.workshop.session is not None and self.is_mounted:
            self._show_matrix_cell((importance, rating), refs)

    def on_importance_matrix_cell_selected(self, event: ImportanceMatrix.CellSelected) -> None:
        event.stop()
        self._open_matrix_refs(event.importance, event.rating, event.refs)

    def _open_matrix_cell(self) -> None:
        matrix = self.query_one("#matrix", ImportanceMatrix)
        refs = [item.ref for item in matrix.selected]
        self._open_matrix_refs(*matrix.cursor, refs)

    def _open_matrix_refs(self, importance: int, rating: int, refs: list[str]) -> None:
        """One touchpoint: go to it; several: ask which; none: say so."""
        lang, session = self.lang, self.session
        refs = [ref for ref in refs if self.touchpoint(ref) is not None]
        if not refs:
            self.app.bell()
            self.notify(MATRIX_TEXT("nothing_here", lang), timeout=3)
            return
        if len(refs) == 1:
            self.jump(touchpoint_target(session, refs[0]))
            return
        options = []
        for ref in refs:
            tp = self.touchpoint(ref)
            if tp is not None:
                options.append((ref, f"{tp.name} · {self._where(ref)}"))

        def picked(choice: list[str] | None) -> None:
            if choice:
                self.jump(touchpoint_target(self.session, choice[0]))

        title = MATRIX_TEXT("pick", lang, importance=importance, rating=rating)
        self.app.push_screen(ChoiceDialog(title, options, multiple=False), picked)

    def _stage_flags(self, analysis: Analysis) -> dict[str, str]:
        flags = {"under-invested": "under", "over-invested": "over"}
        return {
            f.stage: flags[f.rule]
            for f in analysis.findings
            if f.rule in flags and f.stage is not None
        }

    def _show_curve(self, analysis: Analysis, width: int) -> None:
        self.query_one("#curve", ExperienceCurve).show(
            analysis.stages, self._stage_flags(analysis), self.lang, width
        )

    def _show_overview(self, analysis: Analysis, width: int, with_curve: bool) -> None:
        """On a big screen the findings tab also shows the heatmap and the priorities
        (and, beside the findings, the experience curve)."""
        lang = self.lang
        rows, columns = self._map_labels()
        title = Text(TEXT("overview.map", lang), style="bold underline")
        if rows and columns:
            table = density_table(TEXT("map.corner", lang), rows, columns, analysis.cells, width)
            self.query_one("#overview-map", Static).update(Group(title, table, Text("")))
        else:
            self.query_one("#overview-map", Static).update(
                Group(title, Text(TEXT("map.none", lang)))
            )
        lines: list[Text] = [Text(TEXT("overview.priorities", lang), style="bold underline")]
        for rank, priority in enumerate(analysis.top_priorities, start=1):
            tp = self.touchpoint(priority.touchpoint)
            if tp is not None:
                stage = self.session.stage(tp.stage)
                segment = self.session.segment(tp.segment)
                where = f"{segment.name if segment else ''} · {stage.name if stage else ''}"
                lines.append(
                    Text.assemble(
                        f"{rank}. ", (visible_line(tp.name), "bold"), f"  {visible_line(where)}"
                    )
                )
        if len(lines) == 1:
            lines.append(Text(TEXT("priorities.none", lang), style="italic"))
        if with_curve:
            lines.extend([Text(""), Text(TEXT("name.curve", lang), style="bold underline")])
            self.query_one("#overview-curve", ExperienceCurve).show(
                analysis.stages, self._stage_flags(analysis), lang, width
            )
        self.query_one("#overview-priorities", Static).update(Group(*lines))

    # --- selection and jumps --------------------------------------------------------------

    def selected_entry(self) -> Entry | None:
        option = self.query_one("#findings", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self._entries.get(option.id)

    def selected_finding(self) -> Finding | None:
        """The finding the highlighted line names (a kind: its first finding)."""
        entry = self.selected_entry()
        return entry.finding if entry is not None else None

    def selected_priority(self) -> str | None:
        option = self.query_one("#priorities", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self._priority_options.get(option.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "findings":
            self._refresh_finding_keys()

    def _refresh_finding_keys(self, *, always: bool = False) -> None:
        """Redraw the footer only when moving changed what it offers (accept or take back).

        The footer rebuilds itself on every bindings refresh, 30-60 ms at 2,000
        touchpoints: on every arrow key through the findings, for nothing, since the
        next line is most often of the same kind as the last."""
        offered = tuple(self.check_action(action, ()) for action in FINDING_ACTIONS)
        if always or offered != self._finding_keys:
            self._finding_keys = offered
            self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "findings":
            self._open_finding()
        elif event.option_list.id == "priorities":
            self._open_priority()

    def on_data_table_cell_selected(self, event: DensityGrid.CellSelected) -> None:
        event.stop()
        if event.data_table.id == "map-grid":
            self._open_map_cell()
        elif event.data_table.id == "channel-grid":
            self._open_channel_cell()

    def action_open_selected(self) -> None:
        tab = self.active_tab()
        opener = {
            "findings": self._open_finding,
            "map": self._open_map_cell,
            "channels": self._open_channel_cell,
            "priorities": self._open_priority,
            "matrix": self._open_matrix_cell,
        }.get(tab)
        if opener is not None:
            opener()

    def _open_finding(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.analysis is None:
            return
        ref = entry.finding.touchpoint
        if entry.kind == "stale" and ref is not None and self.touchpoint(ref) is None:
            return  # the touchpoint it named is gone
        self.jump(finding_target(entry.finding, self.session, self.analysis))

    # --- accepting findings ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Accept on a finding or a kind, take back on an acceptance, in the findings tab."""
        if action in ("accept", "unaccept", "toggle_all"):
            if not self.is_mounted or self.workshop.session is None:
                return False
            if self.active_tab() != "findings":
                return False
            if action == "toggle_all":
                return True
            entry = self.selected_entry()
            if entry is None:
                return False
            if action == "accept":
                return entry.kind in ("group", "finding")
            return entry.kind in ("accepted", "stale")
        if action == "export":
            # Refused to participants and in restricted mode (export_refusal): not in their
            # footer either, which then keeps F8 «Seguir» whole at 80 columns.
            return self.export_refusal() is None
        return True

    def action_toggle_all(self) -> None:
        """Every finding one by one, or one line per kind; the highlight follows."""
        self.show_all = not self.show_all
        self._findings_shown = None
        self._redraw_sized()

    def refused_to_participant(self) -> bool:
        """Accepting a finding is the facilitator's decision for the room (the store refuses
        it to a participant): a participant reads the store's sentence before typing a reason."""
        if self.workshop.role == "facilitator":
            return False
        refusal = StorageError("facilitator_accepts").message(self.lang)
        self.notify(refusal, severity="warning", timeout=6)
        return True

    def action_accept(self) -> None:
        if self.refused_to_participant():
            return
        entry = self.selected_entry()
        lang = self.lang
        if entry is None or entry.kind not in ("group", "finding"):
            self.notify(TEXT("accept.nothing", lang), timeout=4)
            return
        if entry.group is not None and entry.group.count > 1:
            # Several findings of a kind: show them all, the kind's first highlighted.
            self.show_all = True
            self._findings_shown = None
            self._redraw_sized()
            self.notify(TEXT("accept.pick", lang, n=entry.group.count), timeout=6)
            return
        finding = entry.finding

        validate = model_check(lang, reason=("accepted", "reason"))

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            app = self.workshop
            result = app.edit(
                app.store.accept_finding,
                app.session_id,
                finding.rule,
                values["reason"],
                segment=finding.segment,
                stage=finding.stage,
                touchpoint=finding.touchpoint,
                by=self._accepted_by(),
            )
            if isinstance(result, int):
                self.notify(TEXT("accept.done", lang), timeout=5)

        self.app.push_screen(
            FormDialog(
                TEXT("accept.title", lang, finding=finding.message),
                [FormField("reason", TEXT("accept.reason", lang))],
                validate,
            ),
            done,
        )

    def _accepted_by(self) -> str:
        app = self.workshop
        if app.role == "facilitator":
            return self.session.facilitator
        return app.participant or ""

    def action_unaccept(self) -> None:
        if self.refused_to_participant():
            return
        entry = self.selected_entry()
        if entry is None or entry.accepted is None or entry.accepted.db_id is None:
            self.notify(TEXT("unaccept.nothing", self.lang), timeout=4)
            return
        app = self.workshop
        if app.edit(app.store.unaccept_finding, entry.accepted.db_id) is None:
            self.notify(TEXT("unaccept.done", self.lang), timeout=5)

    def _open_priority(self) -> None:
        ref = self.selected_priority()
        if ref is not None:
            self.jump(touchpoint_target(self.session, ref))

    def _open_map_cell(self) -> None:
        keys = self.query_one("#map-grid", DensityGrid).selected_keys()
        if keys is None:
            return
        segment, stage = keys
        if stage is None:
            stage = _current_stage(self.session)
        self.jump(Target("touchpoints", segment, stage))

    def _open_channel_cell(self) -> None:
        keys = self.query_one("#channel-grid", DensityGrid).selected_keys()
        if keys is None:
            return
        channel, stage = keys
        if channel is None:
            return
        target = channel_target(self.session, channel, stage)
        if target is None and stage is not None:
            target = Target("touchpoints", _current_segment(self.session), stage)
        if target is not None:
            self.jump(target)

    def jump(self, target: Target) -> None:
        """Save where to land, then switch: the target screen restores from the position."""
        position = dataclasses.replace(
            self.session.position,
            step=target.step,
            segment=target.segment,
            stage=target.stage,
            touchpoint=target.touchpoint,
        )
        self.workshop.save_position(position)
        self.workshop.go_to_step(target.step)

    # --- tabs ---------------------------------------------------------------------------

    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active.removeprefix("tab-")

    def action_show_tab(self, tab: str) -> None:
        if tab not in TABS:
            return
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self._focus_tab(tab)
        self._refresh_finding_keys(always=True)

    def _focus_tab(self, tab: str) -> None:
        target = {
            "findings": "#findings",
            "map": "#map-grid",
            "channels": "#channel-grid",
            "curve": "#curve-scroll",
            "priorities": "#priorities",
            "matrix": "#matrix",
        }[tab]
        widget = self.query_one(target, Widget)
        if widget.display and widget.focusable:
            widget.focus()

    # --- export -------------------------------------------------------------------------

    def export_refusal(self) -> str | None:
        if self.workshop.restricted:
            return TEXT("export.restricted", self.lang)
        if self.workshop.role != "facilitator":
            return TEXT("export.participant", self.lang)
        return None

    def action_export_as(self) -> None:
        refusal = self.export_refusal()
        if refusal:
            self.notify(refusal, severity="warning")
            return
        lang = self.lang
        options = [(fmt, TEXT(f"format.{fmt}", lang)) for fmt in export_formats()]

        def picked(choice: list[str] | None) -> None:
            if choice:
                self.action_export(choice[0])

        self.app.push_screen(
            ChoiceDialog(TEXT("export.choose", lang), options, multiple=False), picked
        )

    def action_export(self, fmt: str = "toml") -> None:
        refusal = self.export_refusal()
        if refusal:
            self.notify(refusal, severity="warning")
            return
        lang = self.lang
        dialog = FormDialog(
            TEXT("export.title", lang, format=FORMAT_NAMES.get(fmt, fmt)),
            [FormField("path", TEXT("export.path", lang), default_export_path(self.session, fmt))],
            lambda values: export_path_problem(values["path"], lang),
        )
        self.app.push_screen(dialog, partial(self._export_to, fmt))

    def _export_to(self, fmt: str, values: dict[str, str] | None) -> None:
        if not values:
            return
        path = Path(values["path"].strip()).expanduser()
        session = self.session
        if not path.exists():
            self.write_export(path, fmt, session)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write_export(path, fmt, session)

        self.app.push_screen(
            ConfirmDialog(TEXT("export.exists", self.lang, path=str(path)), danger=False),
            confirmed,
        )

    @work(thread=True, exclusive=True, group="analysis-export")
    def write_export(self, path: Path, fmt: str, session: Session) -> None:
        lang = self.lang
        try:
            write_atomically(path, export_content(session, fmt))
        except Exception as error:  # any failure is one sentence, never a crash mid-workshop
            reason = (
                os_reason(error, lang)
                if isinstance(error, OSError)
                else str(error) or type(error).__name__
            )
            message = TEXT("export.failed", lang, path=str(path), reason=reason)
            self.app.call_from_thread(self.notify, message, severity="error", timeout=10)
            return
        done = TEXT("export.done", lang, path=str(path.resolve()))
        self.app.call_from_thread(self.notify, done, timeout=8)

    # --- palette ------------------------------------------------------------------------

    def _with_findings_shown(self, action: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            if self.active_tab() != "findings":
                self.action_show_tab("findings")
            action()

        return run

    def screen_commands(self) -> Iterable[SystemCommand]:
        lang = self.lang
        for tab in TABS:
            yield SystemCommand(
                TEXT("cmd.tab", lang, view=TEXT(f"name.{tab}", lang).lower()),
                TEXT("cmd.tab.help", lang),
                partial(self.action_show_tab, tab),
            )
        yield SystemCommand(
            TEXT("cmd.open", lang), TEXT("cmd.open.help", lang), self.action_open_selected
        )
        yield SystemCommand(
            TEXT("cmd.all", lang),
            TEXT("cmd.all.help", lang),
            self._with_findings_shown(self.action_toggle_all),
        )
        entry = self.selected_entry()
        if entry is not None and entry.kind in ("group", "finding"):
            yield SystemCommand(
                TEXT("cmd.accept", lang),
                TEXT("cmd.accept.help", lang),
                self._with_findings_shown(self.action_accept),
            )
        if entry is not None and entry.accepted is not None:
            yield SystemCommand(
                TEXT("cmd.unaccept", lang),
                TEXT("cmd.unaccept.help", lang),
                self._with_findings_shown(self.action_unaccept),
            )
        yield SystemCommand(
            TEXT("cmd.export", lang), TEXT("cmd.export.help", lang), self.action_export
        )
        yield SystemCommand(
            TEXT("cmd.report", lang), TEXT("cmd.report.help", lang), self.action_export_as
        )


def _header(text: str, style: str, option_id: str) -> Option:
    return Option(
        Content.assemble(("■ ", style), (text.upper(), f"bold {style}")),
        id=option_id,
        disabled=True,
    )


def _accepted_prompt(mark: str, style: str, message: str, reason: str, width: int) -> Content:
    """The accepted finding's sentence, then why it was accepted, muted."""
    lines = textwrap.wrap(visible_line(message), width=max(width - 2, 20)) or [""]
    said = textwrap.wrap(visible_line(reason), width=max(width - 2, 20)) or [""]
    return assemble((mark, style), "\n  ".join(lines), "\n  ", ("\n  ".join(said), "$text-muted"))


def _current_stage(session: Session) -> str | None:
    if session.stage(session.position.stage or "") is not None:
        return session.position.stage
    return session.stages[0].key if session.stages else None


def _highlight(listing: OptionList, index: int | None, old_index: int | None) -> None:
    """Highlight ``index``, else the enabled option nearest the old place, else the first."""
    options: Sequence[Option] = listing.options
    enabled = [i for i, option in enumerate(options) if not option.disabled]
    if not enabled:
        listing.highlighted = None
        return
    if index is None:
        anchor = old_index if old_index is not None else 0
        index = min(enabled, key=lambda i: (abs(i - anchor), i))
    listing.highlighted = index
    listing.scroll_to_highlight()
