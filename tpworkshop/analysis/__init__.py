"""The gap analysis of GAPS.md and its renderers (rich, plain text, Markdown, JSON)."""

from tpworkshop.analysis.gaps import (
    QUADRANTS,
    RULES,
    SEVERITIES,
    AcceptedFinding,
    Analysis,
    Finding,
    Group,
    MatrixPoint,
    Priority,
    StageFigures,
    Summary,
    analyse,
)

__all__ = [
    "QUADRANTS",
    "RULES",
    "SEVERITIES",
    "AcceptedFinding",
    "Analysis",
    "Finding",
    "Group",
    "MatrixPoint",
    "Priority",
    "StageFigures",
    "Summary",
    "analyse",
]
