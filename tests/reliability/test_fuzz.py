"""Fuzzing: whatever comes in (unicode, control characters, huge strings, wrong types),
never a traceback, always a clear message, and nothing half-written."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tpworkshop.domain.model import TOUCHPOINT_RULES
from tpworkshop.domain.validation import ValidationError
from tpworkshop.formats.toml_format import FormatError, loads
from tpworkshop.storage import StorageError, Store

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

weird_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=260),
    st.text(min_size=4990, max_size=5020),
    st.sampled_from(["", "   ", "\t", "a\nb", "\x00", "ok", "Teléfono 📞", "'\"\\"]),
)
any_value = st.one_of(
    weird_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.booleans(),
    st.none(),
    st.lists(weird_text, max_size=4),
    st.floats(allow_nan=False),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _store() -> tuple[Store, int, int]:
    path = Path(tempfile.mkdtemp()) / "fuzz.db"
    store = Store(path)
    sid = store.create_session("Fuzz")
    seg = store.add_segment(sid, "Everyone")
    tp = store.add_touchpoint(sid, seg, "awareness", "Original")
    return store, sid, tp.db_id or 0


STORE, SID, TP_ID = _store()


@SETTINGS
@given(field=st.sampled_from(sorted(TOUCHPOINT_RULES)), value=any_value)
def test_touchpoint_form_input_is_saved_whole_or_refused_whole(field: str, value: Any) -> None:
    before = STORE.load(SID).touchpoints
    try:
        STORE.update_touchpoint(TP_ID, **{field: value})
    except (ValidationError, StorageError) as error:
        assert error.message("en") and error.message("es")
        assert STORE.load(SID).touchpoints == before
        return
    after = STORE.load(SID).touchpoints[0]
    if field not in ("segment", "stage", "ref"):
        stored = getattr(after, field)
        assert (
            stored is not None
            or value in (None, "")
            or field in ("kind", "initiative", "effectiveness", "importance", "evidence")
        )


@SETTINGS
@given(name=any_value, description=any_value)
def test_segment_form_input(name: Any, description: Any) -> None:
    before = STORE.load(SID).segments
    try:
        STORE.add_segment(SID, name, description)
    except (ValidationError, StorageError) as error:
        assert error.message("es")
        assert STORE.load(SID).segments == before
        return
    assert len(STORE.load(SID).segments) == len(before) + 1


toml_scalars = st.one_of(
    st.text(max_size=30),
    st.integers(-5, 10**6),
    st.booleans(),
    st.floats(allow_nan=False),
)
toml_tables = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "key",
            "id",
            "segment",
            "stage",
            "weight",
            "votes",
            "effectiveness",
            "kind",
            "framework",
            "language",
            "processes",
            "pain_point",
            "title",
            "due",
            "bogus",
        ]
    ),
    st.one_of(toml_scalars, st.lists(st.text(max_size=10), max_size=3)),
    max_size=8,
)
toml_documents = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from(["tpworkshop/1", "tpworkshop/2", ""]),
        "session": toml_tables,
        "stages": st.lists(toml_tables, max_size=3),
        "segments": st.lists(toml_tables, max_size=3),
        "touchpoints": st.lists(toml_tables, max_size=4),
        "actions": st.lists(toml_tables, max_size=2),
        "extra": toml_scalars,
    },
)


@SETTINGS
@given(document=toml_documents)
def test_generated_toml_documents_import_whole_or_fail_with_problems(
    document: dict[str, Any],
) -> None:
    text = tomli_w.dumps(document)
    try:
        session = loads(text)
    except FormatError as error:
        assert error.problems
        assert all(p.message("en") and p.message("es") for p in error.problems)
        return
    assert session.name


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_importer(data: bytes) -> None:
    try:
        loads(data)
    except FormatError as error:
        assert error.problems
