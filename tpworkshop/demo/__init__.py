"""The built-in demo: a car dealership's workshop, caught midway, in English and Spanish.

The content is data: ``demo-en.toml`` and ``demo-es.toml`` beside this file, ordinary
``tpworkshop/1`` files (docs/format.md) read by the same code as ``tpworkshop import``. This
module only picks the file for a language, imports it, says where the app opens it, and
stores it once per language.
"""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import as_file, files

from tpworkshop.domain.model import Position, Session
from tpworkshop.domain.text import fold
from tpworkshop.formats.toml_format import load_path
from tpworkshop.i18n import DEFAULT_LANGUAGE, normalise_language
from tpworkshop.storage import Store

DEMO_LANGUAGES = ("en", "es")

# Where the app opens the demo: Assess, on the fleet chat complaint nobody has acted on yet.
OPENS_AT_STEP = "assess"
OPENS_ON_TOUCHPOINT = "tp-24"


def demo_language(lang: str) -> str:
    """The demo's language for ``lang``: "en" or "es" (anything else gives English)."""
    code = normalise_language(lang) or DEFAULT_LANGUAGE
    return code if code in DEMO_LANGUAGES else DEFAULT_LANGUAGE


def demo_file_name(lang: str) -> str:
    return f"demo-{demo_language(lang)}.toml"


def build_demo_session(lang: str) -> Session:
    """The demo session in ``lang``, imported from its file in the package; not stored."""
    with as_file(files(__name__) / demo_file_name(lang)) as path:
        session = load_path(path)
    opened_on = session.touchpoint(OPENS_ON_TOUCHPOINT)
    if opened_on is None:  # the files say otherwise: open on the step alone
        return replace(session, position=Position(step=OPENS_AT_STEP))
    position = Position(
        step=OPENS_AT_STEP,
        segment=opened_on.segment,
        stage=opened_on.stage,
        touchpoint=opened_on.ref,
    )
    return replace(session, position=position)


def ensure_demo(store: Store, lang: str) -> int:
    """The id of the demo session for ``lang``, creating it the first time.

    A session already named like the demo (compared trimmed, case- and accent-insensitively,
    as session names are) is the demo; a user who renamed theirs gets a fresh one.
    """
    session = build_demo_session(lang)
    wanted = fold(session.name)
    for summary in sorted(store.list_sessions(), key=lambda s: s.id):
        if fold(summary.name) == wanted:
            return summary.id
    return store.insert_session(session)
