"""``export --format json``: FORMAT.md's content as JSON, for programs."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings

from tests.test_toml_format import TOUCHPOINT_ORDER, as_imported, sessions
from tpworkshop.analysis import analyse
from tpworkshop.domain.model import Accepted, Action, Segment, Session, Stage, Touchpoint
from tpworkshop.formats.json_format import dumps_json, to_json_data
from tpworkshop.formats.toml_format import dumps, loads


def sample() -> Session:
    return Session(
        name="Taller «uno»",
        language="es",
        framework="custom",
        dots_per_participant=4,
        created=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        stages=[Stage("antes", "Antes", 4)],
        segments=[Segment("familias", "Familias")],
        touchpoints=[
            Touchpoint("tp-2", "familias", "antes", "Taller", position=1, effectiveness=2),
            Touchpoint(
                "tp-1",
                "familias",
                "antes",
                "Web",
                position=0,
                importance=5,
                moment_of_truth=True,
                evidence="assumed",
            ),
        ],
        actions=[Action("Llamar", touchpoint="tp-2", due=date(2026, 12, 31))],
        accepted=[Accepted("no-data", "Nada que medir", "familias", "antes", "tp-1")],
    )


def test_the_tables_and_keys_of_format_md_in_its_order_with_nulls() -> None:
    session = sample()
    data = json.loads(dumps_json(session, analyse(session).to_dict()))
    assert list(data) == [
        "format",
        "session",
        "stages",
        "segments",
        "touchpoints",
        "actions",
        "accepted",
        "gaps",
    ]
    assert data["format"] == "tpworkshop/1"
    assert data["session"]["name"] == "Taller «uno»"
    assert data["session"]["dots_per_participant"] == 4
    assert data["session"]["created"] == "2026-11-23T09:00:00Z"
    assert data["session"]["updated"] is None
    assert [tp["id"] for tp in data["touchpoints"]] == ["tp-1", "tp-2"]  # map order
    assert list(data["touchpoints"][0]) == TOUCHPOINT_ORDER
    first, second = data["touchpoints"]
    assert (first["importance"], first["moment_of_truth"], first["evidence"]) == (
        5,
        True,
        "assumed",
    )
    assert (second["importance"], second["evidence"], second["effectiveness"]) == (None, None, 2)
    assert data["actions"] == [
        {
            "title": "Llamar",
            "touchpoint": "tp-2",
            "owner": "",
            "due": "2026-12-31",
            "status": "open",
        }
    ]
    assert data["accepted"] == [
        {
            "rule": "no-data",
            "segment": "familias",
            "stage": "antes",
            "touchpoint": "tp-1",
            "reason": "Nada que medir",
            "by": "",
        }
    ]
    assert data["gaps"]["accepted"][0]["reason"] == "Nada que medir"
    assert data["gaps"] == json.loads(json.dumps(analyse(session).to_dict()))


def test_text_is_written_as_is() -> None:
    session = sample()
    session.touchpoints[0] = replace(
        session.touchpoints[0], name='[b]x[/b] "quoted" <script>\x1b'
    )  # not validated here
    text = dumps_json(session)
    assert "«uno»" in text  # UTF-8, not \\u escapes
    assert json.loads(text)["touchpoints"][1]["name"] == '[b]x[/b] "quoted" <script>\x1b'
    assert "\x1b" not in text  # JSON escapes control characters


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_json_holds_what_toml_holds(session: Session) -> None:
    """The JSON of a session equals the JSON of the same session after a TOML round trip,
    and each JSON table carries exactly the TOML file's values where TOML has them."""
    clean = as_imported(session)
    data = to_json_data(clean)
    assert json.loads(json.dumps(data)) == json.loads(dumps_json(loads(dumps(clean))))
    for table in ("stages", "segments", "touchpoints", "actions", "accepted"):
        assert len(data[table]) == len(getattr(clean, table))
