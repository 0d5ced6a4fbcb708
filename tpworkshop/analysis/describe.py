"""The analysis in sentences people act on: groups of findings, the reason for each score,
the quadrants of the matrix. Shared by the app, the terminal reports and the files.

``group_lines`` says each group in one sentence ("15 of 16 touchpoints have no desired
outcome") with up to three of its subjects and how many more; the subjects are the names of
what the findings are about (a touchpoint, a cell, a stage, an owner or a channel).
"""

from __future__ import annotations

from dataclasses import dataclass

from tpworkshop.analysis.gaps import (
    MOMENT_SCORE,
    PAIN_SCORE,
    VOTES_COUNTED,
    Analysis,
    Finding,
    Group,
    Priority,
)
from tpworkshop.analysis.messages import DESCRIBE, GROUPS
from tpworkshop.domain.model import Session
from tpworkshop.domain.stage_labels import cut

SUBJECTS_SHOWN = 3
SCAN_PER_SUBJECT = 20  # findings looked at per subject shown (several can share one name)

_CELL_RULES = ("empty-cell", "single-channel", "no-proactive", "inconsistent")
_STAGE_RULES = ("empty-stage", "under-invested", "over-invested")
_TOUCHPOINT_TOTAL = ("no-owner", "no-process", "no-outcome", "no-data", "replicate")


@dataclass(frozen=True)
class GroupLine:
    """One group of findings said in a sentence, with some of its subjects."""

    group: Group
    sentence: str
    subjects: tuple[str, ...]
    more: int
    """Subjects beyond those in ``subjects``."""
    lang: str

    @property
    def severity(self) -> str:
        return self.group.severity

    @property
    def rule(self) -> str:
        return self.group.rule

    def subjects_text(self) -> str:
        """'A, B, C +12 more' ('' when the group has no named subject)."""
        text = ", ".join(self.subjects)
        if self.more:
            more = DESCRIBE("more", self.lang, count=self.more)
            text = f"{text} {more}" if text else more
        return text

    def text(self) -> str:
        """'15 of 16 touchpoints have no desired outcome: A, B, C +12 more'."""
        subjects = self.subjects_text()
        return f"{self.sentence}: {subjects}" if subjects else self.sentence


class Names:
    """The display names of a session's touchpoints, segments and stages, by id and key."""

    def __init__(self, session: Session, max_name: int | None = None) -> None:
        """``max_name``: cells a touchpoint's or segment's name may take; a longer one is
        cut and ends in "…" (a 200-character name would fill a screen's findings list)."""

        def shown(name: str) -> str:
            return name if max_name is None else cut(name, max_name)

        self.touchpoints = {tp.ref: shown(tp.name) for tp in session.touchpoints}
        self.segments = {segment.key: shown(segment.name) for segment in session.segments}
        self.stages = {stage.key: stage.name for stage in session.stages}

    def subject(self, finding: Finding, lang: str) -> str:
        """What a finding is about, in a few words."""
        if finding.touchpoint is not None:
            return self.touchpoints.get(finding.touchpoint, finding.touchpoint)
        if finding.name is not None:
            return finding.name
        segment = self.segments.get(finding.segment or "", finding.segment or "")
        stage = self.stages.get(finding.stage or "", finding.stage or "")
        if segment and stage:
            return DESCRIBE("cell", lang, segment=segment, stage=stage)
        return stage or segment


def group_total(analysis: Analysis, rule: str) -> int | None:
    """What a group's count is out of: touchpoints, cells, stages... (None: no total)."""
    summary = analysis.summary
    if rule in _TOUCHPOINT_TOTAL:
        return summary.touchpoints
    if rule in _CELL_RULES:
        return summary.segments * summary.stages
    if rule in _STAGE_RULES:
        return summary.stages
    return {
        "low-effectiveness": summary.rated,
        "pain-without-action": summary.pain_points,
        "weak-moment": summary.moments_of_truth,
        "unproven-moment": summary.moments_of_truth,
    }.get(rule)


def group_sentence(analysis: Analysis, group: Group) -> str:
    """'15 of 16 touchpoints have no desired outcome', in the analysis's language."""
    key = f"{group.rule}.one" if group.count == 1 else group.rule
    return GROUPS(
        key, analysis.language, count=group.count, total=group_total(analysis, group.rule)
    )


def group_lines(
    analysis: Analysis,
    session: Session,
    limit: int | None = SUBJECTS_SHOWN,
    *,
    max_name: int | None = None,
) -> list[GroupLine]:
    """Every group in the analysis's order, with up to ``limit`` subjects (None: all);
    names longer than ``max_name`` cells are cut with an ellipsis (None: whole)."""
    names = Names(session, max_name)
    lang = analysis.language
    lines = []
    for group in analysis.groups:
        subjects: list[str] = []
        covered = 0  # findings whose subject is among ``subjects``
        scan = group.findings if limit is None else group.findings[: limit * SCAN_PER_SUBJECT]
        for index in scan:
            subject = names.subject(analysis.findings[index], lang)
            if subject in subjects:
                covered += 1
            elif limit is None or len(subjects) < limit:
                subjects.append(subject)
                covered += 1
            else:
                break
        lines.append(
            GroupLine(
                group=group,
                sentence=group_sentence(analysis, group),
                subjects=tuple(subject for subject in subjects if subject),
                more=group.count - covered,
                lang=lang,
            )
        )
    return lines


def score_reason(priority: Priority, session: Session, lang: str) -> str:
    """'17 = importance 5 + 4 (rated 1/5) + 3 (pain point) + 5 (7 votes)'."""
    tp = session.touchpoint(priority.touchpoint)
    own = tp is not None and tp.importance is not None
    importance_key = "score_importance" if own else "score_stage_importance"
    parts = [DESCRIBE(importance_key, lang, value=priority.importance)]
    if priority.effectiveness is not None:
        parts.append(DESCRIBE("score_gap", lang, value=priority.gap, rating=priority.effectiveness))
    if priority.pain_point:
        parts.append(DESCRIBE("score_pain", lang, value=PAIN_SCORE))
    if priority.votes:
        counted = min(priority.votes, VOTES_COUNTED)
        if priority.votes == 1:
            parts.append(DESCRIBE("score_vote", lang, value=counted))
        else:
            parts.append(DESCRIBE("score_votes", lang, value=counted, count=priority.votes))
    if priority.moment_of_truth:
        parts.append(DESCRIBE("score_moment", lang, value=MOMENT_SCORE))
    return DESCRIBE("score", lang, score=priority.score, parts=" + ".join(parts))


def quadrant_label(quadrant: str, lang: str) -> str:
    return DESCRIBE(f"quadrant.{quadrant}", lang)


def quadrant_hint(quadrant: str, lang: str) -> str:
    return DESCRIBE(f"quadrant_hint.{quadrant}", lang)
