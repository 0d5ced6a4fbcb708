"""The gap analysis of GAPS.md and its renderers (rich, plain text, Markdown, JSON)."""

from tpworkshop.analysis.gaps import (
    SEVERITIES,
    Analysis,
    Finding,
    StageFigures,
    Summary,
    analyse,
)

__all__ = ["SEVERITIES", "Analysis", "Finding", "StageFigures", "Summary", "analyse"]
