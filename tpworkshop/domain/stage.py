"""A stage of the journey: a column of the map.

Apart from the rest of the model because the frameworks (tpworkshop.domain.frameworks) are
made of stages while the model checks a session's framework against them: model imports
frameworks, both import this, and nothing imports in a circle. ``tpworkshop.domain.model``
exports ``Stage`` and ``DEFAULT_WEIGHT`` as ever.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_WEIGHT = 3


@dataclass
class Stage:
    key: str
    name: str
    weight: int = DEFAULT_WEIGHT
    db_id: int | None = None
