"""The built-in demo session (placeholder: replaced by the full demo)."""

from __future__ import annotations

from tpworkshop.domain.frameworks import framework_stages
from tpworkshop.domain.model import Segment, Session, Touchpoint
from tpworkshop.storage import Store

DEMO_NAMES = {"en": "Demo — car dealership journey", "es": "Demo — recorrido de un concesionario"}


def build_demo_session(lang: str) -> Session:
    session = Session(name=DEMO_NAMES.get(lang, DEMO_NAMES["en"]), language=lang, framework="5p")
    session.stages = framework_stages("5p", lang)
    session.segments = [Segment(key="families", name="Families")]
    session.touchpoints = [Touchpoint(ref="tp-1", segment="families", stage="pre", name="Ad")]
    return session


def ensure_demo(store: Store, lang: str) -> int:
    """The demo session's id, creating it the first time."""
    name = DEMO_NAMES.get(lang, DEMO_NAMES["en"])
    for summary in store.list_sessions():
        if summary.name == name:
            return summary.id
    return store.insert_session(build_demo_session(lang))
