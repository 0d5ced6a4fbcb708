"""The pure domain: sessions, stages, segments, touchpoints, actions, frameworks.

No I/O and no Textual here; storage, analysis, formats and the UI build on it.
"""

from tpworkshop.domain.frameworks import FRAMEWORKS, Framework, framework_stages
from tpworkshop.domain.model import (
    INITIATIVES,
    KINDS,
    LIST_FIELDS,
    STATUSES,
    TEXT_FIELDS,
    Action,
    Segment,
    Session,
    Stage,
    Touchpoint,
)
from tpworkshop.domain.validation import ValidationError

__all__ = [
    "FRAMEWORKS",
    "INITIATIVES",
    "KINDS",
    "LIST_FIELDS",
    "STATUSES",
    "TEXT_FIELDS",
    "Action",
    "Framework",
    "Segment",
    "Session",
    "Stage",
    "Touchpoint",
    "ValidationError",
    "framework_stages",
]
