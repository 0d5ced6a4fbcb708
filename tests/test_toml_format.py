"""The TOML exchange format ``tpworkshop/1`` (FORMAT.md): round trips and a strict import."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tpworkshop.analysis.gaps import RULES
from tpworkshop.domain.frameworks import FRAMEWORK_KEYS
from tpworkshop.domain.model import (
    EVIDENCE,
    INITIATIVES,
    KINDS,
    LIST_FIELDS,
    STATUSES,
    Accepted,
    Action,
    Segment,
    Session,
    Stage,
    Touchpoint,
)
from tpworkshop.formats.messages import MESSAGES
from tpworkshop.formats.toml_format import (
    FORMAT_ID,
    FormatError,
    Problem,
    dumps,
    load_path,
    loads,
)
from tpworkshop.i18n import LANGUAGES

TOUCHPOINT_ORDER = [
    "id", "segment", "stage", "name", "channel", "kind", "initiative", "need", "interactions",
    "owner", "processes", "people", "customer_contacts", "desired_outcome", "data_generated",
    "optimal_experience", "effectiveness", "pain_point", "pain_note", "votes", "importance",
    "moment_of_truth", "evidence",
]  # fmt: skip
SESSION_ORDER = [
    "name", "organisation", "facilitator", "participants", "language", "framework", "notes",
    "dots_per_participant", "created", "updated",
]  # fmt: skip
ACCEPTED_ORDER = ["rule", "segment", "stage", "touchpoint", "reason", "by"]
SINGLE_LINE_TEXT = {
    "session": ("name", "organisation", "facilitator"),
    "stage": ("name",),
    "segment": ("name",),
    "touchpoint": ("ref", "name", "channel", "owner"),
    "action": ("title", "owner"),
    "accepted": ("reason", "by"),
}
MULTI_LINE_TEXT = {
    "session": ("notes",),
    "segment": ("description",),
    "touchpoint": ("need", "desired_outcome", "optimal_experience", "pain_note"),
}


# --- helpers -------------------------------------------------------------------------------


def problems_of(text: str | bytes) -> list[Problem]:
    with pytest.raises(FormatError) as caught:
        loads(text)
    assert caught.value.problems, "a FormatError always says why"
    return caught.value.problems


def places(problems: list[Problem]) -> list[tuple[str, str | None]]:
    return [(problem.where, problem.field) for problem in problems]


def tables_of(text: str) -> list[list[str]]:
    """The file cut at blank lines: one list of lines per table (the first is `format`)."""
    return [block.split("\n") for block in text.strip("\n").split("\n\n")]


def keys_of(block: list[str]) -> list[str]:
    return [line.split(" = ", 1)[0] for line in block[1:] if " = " in line]


def comparable(session: Session) -> dict[str, Any]:
    """Everything FORMAT.md carries, in a form == can compare (touchpoints in map order)."""
    return {
        "session": {
            field: getattr(session, field)
            for field in SESSION_ORDER
            if field not in ("created", "updated")
        }
        | {"created": session.created, "updated": session.updated},
        "stages": [replace(stage, db_id=None) for stage in session.stages],
        "segments": [replace(segment, db_id=None) for segment in session.segments],
        "touchpoints": [replace(tp, db_id=None) for tp in session.in_map_order()],
        "actions": [replace(action, db_id=None) for action in session.actions],
        "accepted": [replace(entry, db_id=None) for entry in session.accepted],
    }


def small_session(**changes: Any) -> Session:
    session = Session(
        name="Taller",
        language="es",
        framework="custom",
        stages=[Stage("antes", "Antes"), Stage("despues", "Después", weight=5)],
        segments=[Segment("familias", "Familias")],
        touchpoints=[
            Touchpoint("tp-1", "familias", "antes", "Web"),
            Touchpoint("tp-2", "familias", "despues", "Taller", pain_point=True, position=0),
        ],
        actions=[Action("Llamar", touchpoint="tp-2", due=date(2026, 12, 31))],
    )
    return replace(session, **changes)


def document(
    *,
    top: dict[str, str | None] | None = None,
    session: dict[str, str | None] | None = None,
    stages: list[dict[str, str | None]] | None = None,
    segments: list[dict[str, str | None]] | None = None,
    touchpoints: list[dict[str, str | None]] | None = None,
    actions: list[dict[str, str | None]] | None = None,
    accepted: list[dict[str, str | None]] | None = None,
) -> str:
    """A small valid file; each dict overrides keys (TOML source text), None removes one.

    ``accepted`` adds [[accepted]] entries (none by default) over a valid one."""

    def table(header: str, base: dict[str, str], changes: dict[str, str | None] | None) -> str:
        merged = base | (changes or {})
        lines = [f"{key} = {value}" for key, value in merged.items() if value is not None]
        return "\n".join([header, *lines]) + "\n"

    parts = [table("", {"format": f'"{FORMAT_ID}"'}, top).lstrip("\n")]
    parts.append(table("[session]", {"name": '"Taller"'}, session))
    for header, base, entries in (
        ("[[stages]]", {"key": '"a"', "name": '"Antes"'}, stages or [{}]),
        ("[[segments]]", {"key": '"s"', "name": '"Familias"'}, segments or [{}]),
        (
            "[[touchpoints]]",
            {"id": '"tp-1"', "segment": '"s"', "stage": '"a"', "name": '"Web"'},
            touchpoints or [{}],
        ),
        ("[[actions]]", {"title": '"Llamar"', "touchpoint": '"tp-1"'}, actions or [{}]),
        (
            "[[accepted]]",
            {"rule": '"no-data"', "touchpoint": '"tp-1"', "reason": '"Nada que medir"'},
            accepted or [],
        ),
    ):
        parts += [table(header, base, changes) for changes in entries]
    return "\n".join(parts)


def toml_string(text: str) -> str:
    return tomli_w.dumps({"v": text})[4:-1]


# --- the shared example --------------------------------------------------------------------


def test_example_imports_with_every_field(example_path: Path) -> None:
    session = load_path(example_path)

    assert session.name == "Concesionario — recorrido de compra y postventa"
    assert session.organisation == "Autos del Sur"
    assert session.facilitator == "Marta Ibáñez"
    assert session.participants == ["Luis (ventas)", "Ana (postventa)", "Jorge (marketing)"]
    assert (session.language, session.framework) == ("es", "5p")
    assert session.notes == (
        "Taller de 2 horas. Foco: la visita de mantenimiento.\n"
        "Pregunta clave: ¿qué arruina la experiencia después de la compra?"
    )
    assert session.created is None and session.updated is None and session.db_id is None
    assert [(s.key, s.weight) for s in session.stages] == [
        ("pre", 3), ("premier", 4), ("pivotal", 4), ("prime", 5), ("post", 5),
    ]  # fmt: skip
    assert session.stage("premier").name == "Primer contacto"
    assert session.segment("flotas").description == (
        "Gestores de flota de pymes; compran 5-20 vehículos; valoran el servicio."
    )
    assert [tp.ref for tp in session.touchpoints] == [f"tp-{n}" for n in range(1, 10)]

    tp6 = session.touchpoint("tp-6")
    assert tp6.pain_note == "Tres horas de espera sin disculpa; el cliente lo contó en WhatsApp"
    assert (tp6.pain_point, tp6.votes, tp6.effectiveness) == (True, 5, 1)
    assert (tp6.segment, tp6.stage, tp6.kind, tp6.initiative) == (
        "familias", "post", "human", "reactive",
    )  # fmt: skip
    assert tp6.people == ["Jefe de taller", "Mecánico"]
    assert tp6.customer_contacts == ["Asesor de servicio"]
    assert tp6.optimal_experience == "Saludo cálido, plazo cumplido, café y wifi mientras espera"
    assert tp6.owner == "" and tp6.interactions == [] and tp6.db_id is None

    tp2 = session.touchpoint("tp-2")
    assert tp2.interactions == ["historias patrocinadas", "reels de pruebas de conducción"]
    assert tp2.data_generated == ["alcance", "clics"]
    assert (tp2.votes, tp2.pain_point, tp2.pain_note) == (0, False, "")
    # tp-1 and tp-2 share a cell: the file's order becomes their order in it
    assert [tp.ref for tp in session.cell("familias", "pre")] == ["tp-1", "tp-2"]
    assert [tp.position for tp in session.cell("familias", "pre")] == [0, 1]

    (action,) = session.actions
    assert action.title == "Avisar por SMS cuando el coche del taller se retrase"
    assert (action.touchpoint, action.owner, action.status) == ("tp-6", "Ana (postventa)", "open")
    assert action.due == date(2026, 12, 15)


def test_example_export_holds_the_same_lines_in_format_order(example_path: Path) -> None:
    original = example_path.read_text(encoding="utf-8")
    exported = dumps(load_path(example_path))

    # Same tables, same lines in each (the example lists data_generated before
    # desired_outcome in two touchpoints; export keeps FORMAT.md's order).
    assert [sorted(block) for block in tables_of(exported)] == [
        sorted(block) for block in tables_of(original)
    ]
    for block in tables_of(exported):
        if block[0] == "[[touchpoints]]":
            keys = keys_of(block)
            assert keys == [key for key in TOUCHPOINT_ORDER if key in keys]


def test_example_export_import_export_is_identical(example_path: Path) -> None:
    first = dumps(load_path(example_path))
    assert dumps(loads(first)) == first


# --- export --------------------------------------------------------------------------------


def test_export_keeps_format_md_key_order_for_every_table() -> None:
    tp = Touchpoint(
        "tp-1", "familias", "antes", "Web", channel="web", kind="sensory", initiative="proactive",
        need="n", interactions=["i"], owner="o", processes=["p"], people=["pe"],
        customer_contacts=["c"], desired_outcome="d", data_generated=["g"],
        optimal_experience="x", effectiveness=2, pain_point=True, pain_note="pn", votes=4,
        importance=5, moment_of_truth=True, evidence="observed",
    )  # fmt: skip
    session = small_session(
        organisation="Org",
        facilitator="Fac",
        participants=["Ana"],
        notes="Notas",
        dots_per_participant=5,
        accepted=[Accepted("no-data", "Nada que medir", "familias", "antes", "tp-1", by="Marta")],
        created=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        updated=datetime(2026, 11, 23, 11, 30, tzinfo=UTC),
        touchpoints=[tp],
        actions=[Action("Hacer", touchpoint="tp-1", owner="Ana", due=date(2026, 12, 31))],
    )
    blocks = tables_of(dumps(session))

    assert blocks[0] == [f'format = "{FORMAT_ID}"']
    assert blocks[1][0] == "[session]" and keys_of(blocks[1]) == SESSION_ORDER
    assert keys_of(blocks[2]) == ["key", "name", "weight"]
    assert keys_of(blocks[4]) == ["key", "name"]  # empty description omitted
    assert blocks[5][0] == "[[touchpoints]]" and keys_of(blocks[5]) == TOUCHPOINT_ORDER
    assert blocks[6] == [
        "[[actions]]",
        'title = "Hacer"',
        'touchpoint = "tp-1"',
        'owner = "Ana"',
        "due = 2026-12-31",
        'status = "open"',
    ]
    assert blocks[7][0] == "[[accepted]]" and keys_of(blocks[7]) == ACCEPTED_ORDER
    assert blocks[5][-3:] == ["importance = 5", "moment_of_truth = true", 'evidence = "observed"']
    assert "dots_per_participant = 5" in blocks[1]
    assert "created = 2026-11-23T09:00:00Z" in blocks[1]
    assert "updated = 2026-11-23T11:30:00Z" in blocks[1]


def test_export_omits_defaults_but_keeps_required_and_fixed_keys() -> None:
    session = Session(
        name="S",
        stages=[Stage("a", "A")],
        segments=[Segment("s", "S")],
        touchpoints=[Touchpoint("tp-1", "s", "a", "Web")],
        actions=[Action("Do")],
    )
    assert dumps(session) == (
        'format = "tpworkshop/1"\n'
        "\n"
        "[session]\n"
        'name = "S"\n'
        'language = "en"\n'
        'framework = "five-stage"\n'
        "\n"
        "[[stages]]\n"
        'key = "a"\n'
        'name = "A"\n'
        "weight = 3\n"
        "\n"
        "[[segments]]\n"
        'key = "s"\n'
        'name = "S"\n'
        "\n"
        "[[touchpoints]]\n"
        'id = "tp-1"\n'
        'segment = "s"\n'
        'stage = "a"\n'
        'name = "Web"\n'
        "\n"
        "[[actions]]\n"
        'title = "Do"\n'
        'status = "open"\n'
    )


def test_export_writes_touchpoints_in_map_order() -> None:
    session = Session(
        name="S",
        stages=[Stage("a", "A"), Stage("b", "B")],
        segments=[Segment("s1", "S1"), Segment("s2", "S2")],
        touchpoints=[
            Touchpoint("t4", "s2", "a", "Four"),
            Touchpoint("t3", "s1", "b", "Three"),
            Touchpoint("t2", "s1", "a", "Two", position=1),
            Touchpoint("t1", "s1", "a", "One", position=0),
        ],
    )
    text = dumps(session)
    assert [tp.ref for tp in loads(text).touchpoints] == ["t1", "t2", "t3", "t4"]


def test_timestamps_are_written_in_utc_with_z() -> None:
    madrid = timezone(timedelta(hours=1))
    session = small_session(
        created=datetime(2026, 11, 23, 10, 0, tzinfo=madrid),
        updated=datetime(2026, 11, 23, 11, 30, 15, 250000),  # naive: taken as UTC
    )
    text = dumps(session)

    assert "\ncreated = 2026-11-23T09:00:00Z\n" in text
    assert "\nupdated = 2026-11-23T11:30:15.250000Z\n" in text
    parsed = tomllib.loads(text)["session"]
    assert parsed["created"] == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    loaded = loads(text)
    assert loaded.created == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert loaded.updated == datetime(2026, 11, 23, 11, 30, 15, 250000, tzinfo=UTC)
    assert dumps(loaded) == text


def test_import_takes_offsets_to_utc_and_local_times_as_utc() -> None:
    session = loads(
        document(session={"created": "2026-11-23T10:00:00+01:00", "updated": "2026-11-23T12:00:00"})
    )
    assert session.created == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert session.updated == datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_long_lists_are_written_one_item_per_line_and_round_trip() -> None:
    items = [f"Proceso número {n} con un nombre bastante largo" for n in range(6)]
    tp = Touchpoint("tp-1", "familias", "antes", "Web", processes=items)
    text = dumps(small_session(touchpoints=[tp], actions=[]))

    assert "processes = [\n" in text
    assert loads(text).touchpoints[0].processes == items
    assert dumps(loads(text)) == text


def test_multi_line_text_is_written_as_a_readable_block() -> None:
    session = small_session(notes="Primera línea\n  segunda, con sangría  \n# tercera")
    assert 'notes = """\nPrimera línea\n  segunda, con sangría  \n# tercera"""\n' in dumps(session)


# --- exact text ----------------------------------------------------------------------------

TRICKY_TEXT = [
    "\n",
    "\n\nleading newlines",
    "trailing newline\n",
    "trailing spaces   \nand tabs\t\t",
    "\ttab first",
    '"""',
    'three """ quotes "" inside',
    'ends with a quote"',
    "'''literal'''",
    "back\\slash\\",
    "line ending in backslash\\\nnext",
    "\\n is not a newline",
    "# not a comment\n#  neither",
    "emoji 😀 y acentos: ñáéíóú ü ¿¡",
    "line\u2028separator\u2029paragraph",
    "[bold]markup[/bold] [@click=app.quit]x[/] <script>alert(1)</script>",
    '=HYPERLINK("http://evil.example")',
    "  both ends padded  ",
    "x" * 5000,
]
MULTI_LINE_FIELDS = [
    (entity, field) for entity, fields in MULTI_LINE_TEXT.items() for field in fields
]


def _set_text(session: Session, entity: str, field: str, text: str) -> None:
    if entity == "touchpoint":  # immutable: replaced by a changed copy
        session.touchpoints[0] = replace(session.touchpoints[0], **{field: text})
        return
    target = {"session": session, "segment": session.segments[0]}[entity]
    setattr(target, field, text)


def _get_text(session: Session, entity: str, field: str) -> str:
    source = {
        "session": session,
        "segment": session.segments[0],
        "touchpoint": session.touchpoint("tp-1"),
    }[entity]
    return str(getattr(source, field))


@pytest.mark.parametrize("text", TRICKY_TEXT)
@pytest.mark.parametrize(("entity", "field"), MULTI_LINE_FIELDS)
def test_multi_line_text_survives_byte_for_byte(entity: str, field: str, text: str) -> None:
    session = small_session()
    _set_text(session, entity, field, text)
    exported = dumps(session)
    loaded = loads(exported)

    assert _get_text(loaded, entity, field) == text
    assert dumps(loaded) == exported
    assert loads(exported.encode("utf-8")) == loaded


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("a\r\nb", "a\nb"),
        ("windows\r\nlines\r\n", "windows\nlines\n"),
        ("solo\rcr", "solo\ncr"),
        ("\r", "\n"),
        ("mixed\r\n\r\n\rend", "mixed\n\n\nend"),
    ],
)
@pytest.mark.parametrize(("entity", "field"), MULTI_LINE_FIELDS)
def test_carriage_returns_are_stored_as_newlines(
    entity: str, field: str, text: str, stored: str
) -> None:
    """FORMAT.md: a CRLF and a lone CR in multi-line text are stored as LF."""
    session = small_session()
    _set_text(session, entity, field, text)
    loaded = loads(dumps(session))
    assert _get_text(loaded, entity, field) == stored


@pytest.mark.parametrize(
    "text",
    [
        "bell\x07",
        "escape\x1b[2J",
        "\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x1b\\",
        "delete\x7f",
        "vertical\x0b",
        "formfeed\x0c",
        "nul\x00",
        "next line\x85",
        "csi\x9b2J",
    ],
)
@pytest.mark.parametrize(("entity", "field"), MULTI_LINE_FIELDS)
def test_control_characters_in_multi_line_text_are_refused(
    entity: str, field: str, text: str
) -> None:
    session = small_session()
    _set_text(session, entity, field, text)
    problems = problems_of(dumps(session))
    assert len(problems) == 1
    assert problems[0].field == field
    assert "control characters" in problems[0].message("en")
    assert "caracteres de control" in problems[0].message("es")


@pytest.mark.parametrize(
    "text", ['Dijo "hola"', "C:\\ruta\\archivo", "It's 50% off", "tab\tinside", "#hashtag"]
)
def test_single_line_text_with_quotes_and_backslashes_round_trips(text: str) -> None:
    session = small_session(organisation=text)
    if "\t" in text:
        # a tab is a control character: refused in a single-line field on import
        assert places(problems_of(dumps(session))) == [("session", "organisation")]
        return
    assert loads(dumps(session)).organisation == text


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_strings_are_encoded_exactly_as_tomli_w_writes_them(text: str) -> None:
    session = small_session(organisation=text)
    line = next(line for line in dumps(session).split("\n") if line.startswith("organisation"))
    if any("\x80" <= char <= "\x9f" for char in text):
        # C1 controls, which tomli-w writes raw, are escaped: the same value, no raw byte
        assert tomllib.loads(line) == {"organisation": text}
        assert not any("\x80" <= char <= "\x9f" for char in line)
    else:
        assert line + "\n" == tomli_w.dumps({"organisation": text})


# --- round trips with arbitrary text -------------------------------------------------------

SINGLE = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=60)
NAME = SINGLE.filter(lambda text: bool(text.strip()))
MULTI = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"), max_size=120
)
"""What multi-line text may hold (FORMAT.md): no control character but newline and tab."""
ITEMS = st.lists(SINGLE, max_size=4)
KEY = st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True)
MOMENT = st.none() | st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    stage_keys = draw(st.lists(KEY, min_size=1, max_size=3, unique=True))
    segment_keys = draw(st.lists(KEY, min_size=1, max_size=2, unique=True))
    stages = [
        Stage(key, draw(NAME), draw(st.integers(1, 5))) for key in stage_keys
    ]  # fmt: skip
    segments = [Segment(key, draw(NAME), draw(MULTI)) for key in segment_keys]
    refs = draw(st.lists(NAME, max_size=4, unique_by=str.strip))
    positions: dict[tuple[str, str], int] = {}
    touchpoints = []
    for ref in refs:
        cell = (draw(st.sampled_from(segment_keys)), draw(st.sampled_from(stage_keys)))
        positions[cell] = positions.get(cell, -1) + 1
        touchpoints.append(
            Touchpoint(
                ref=ref,
                segment=cell[0],
                stage=cell[1],
                name=draw(NAME),
                channel=draw(SINGLE),
                kind=draw(st.none() | st.sampled_from(KINDS)),
                initiative=draw(st.none() | st.sampled_from(INITIATIVES)),
                need=draw(MULTI),
                interactions=draw(ITEMS),
                owner=draw(SINGLE),
                processes=draw(ITEMS),
                people=draw(ITEMS),
                customer_contacts=draw(ITEMS),
                desired_outcome=draw(MULTI),
                data_generated=draw(ITEMS),
                optimal_experience=draw(MULTI),
                effectiveness=draw(st.none() | st.integers(1, 5)),
                pain_point=draw(st.booleans()),
                pain_note=draw(MULTI),
                votes=draw(st.integers(0, 10_000)),
                importance=draw(st.none() | st.integers(1, 5)),
                moment_of_truth=draw(st.booleans()),
                evidence=draw(st.none() | st.sampled_from(EVIDENCE)),
                position=positions[cell],
            )
        )
    actions = [
        Action(
            title=draw(NAME),
            touchpoint=draw(st.none() | st.sampled_from(refs)) if refs else None,
            owner=draw(SINGLE),
            due=draw(st.none() | st.dates(date(1900, 1, 1), date(2999, 12, 31))),
            status=draw(st.sampled_from(STATUSES)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    accepted = [
        Accepted(
            rule=draw(st.sampled_from(RULES)),
            reason=draw(NAME),
            segment=draw(st.none() | st.sampled_from(segment_keys)),
            stage=draw(st.none() | st.sampled_from(stage_keys)),
            touchpoint=draw(st.none() | st.sampled_from(refs)) if refs else None,
            by=draw(SINGLE),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return Session(
        name=draw(NAME),
        organisation=draw(SINGLE),
        facilitator=draw(SINGLE),
        participants=draw(ITEMS),
        language=draw(st.sampled_from(LANGUAGES)),
        framework=draw(st.sampled_from(FRAMEWORK_KEYS)),
        notes=draw(MULTI),
        created=draw(MOMENT),
        updated=draw(MOMENT),
        stages=stages,
        segments=segments,
        touchpoints=touchpoints,
        actions=actions,
        accepted=accepted,
        dots_per_participant=draw(st.integers(0, 20)),
    )


def as_imported(session: Session) -> Session:
    """What import should give back: single-line text trimmed, blank list items dropped."""

    def trim(entity: Any, kind: str) -> Any:
        changes = {field: getattr(entity, field).strip() for field in SINGLE_LINE_TEXT[kind]}
        lists = LIST_FIELDS if kind == "touchpoint" else ("participants",) * (kind == "session")
        for field in lists:
            changes[field] = [item.strip() for item in getattr(entity, field) if item.strip()]
        return replace(entity, **changes)

    refs = {tp.ref: tp.ref.strip() for tp in session.touchpoints}
    return replace(
        trim(session, "session"),
        stages=[trim(stage, "stage") for stage in session.stages],
        segments=[trim(segment, "segment") for segment in session.segments],
        touchpoints=[trim(tp, "touchpoint") for tp in session.touchpoints],
        actions=[
            replace(trim(action, "action"), touchpoint=refs.get(action.touchpoint))
            for action in session.actions
        ],
        accepted=[
            replace(trim(entry, "accepted"), touchpoint=refs.get(entry.touchpoint))
            for entry in session.accepted
        ],
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_text_in_every_field_round_trips(session: Session) -> None:
    exported = dumps(session)
    loaded = loads(exported)

    assert comparable(loaded) == comparable(as_imported(session))
    again = dumps(loaded)
    assert dumps(loads(again)) == again


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_export_import_export_of_a_clean_session_is_identical(session: Session) -> None:
    clean_session = as_imported(session)
    exported = dumps(clean_session)
    assert dumps(loads(exported)) == exported


# --- import: what it accepts ---------------------------------------------------------------


def test_a_file_without_the_newer_keys_imports_with_their_defaults() -> None:
    session = loads(document())
    assert session.dots_per_participant == 3
    tp = session.touchpoints[0]
    assert (tp.importance, tp.moment_of_truth, tp.evidence) == (None, False, None)
    assert session.accepted == []


def test_the_newer_keys_are_read() -> None:
    text = document(
        session={"dots_per_participant": "0"},
        touchpoints=[{"importance": "1", "moment_of_truth": "true", "evidence": '"measured"'}],
        accepted=[
            {"segment": '"s"', "stage": '"a"', "by": '" Marta "'},
            {"rule": '"owner-overload"', "touchpoint": None, "reason": '"  Una tienda pequeña "'},
        ],
    )
    session = loads(text)
    assert session.dots_per_participant == 0
    tp = session.touchpoints[0]
    assert (tp.importance, tp.moment_of_truth, tp.evidence) == (1, True, "measured")
    assert session.accepted == [
        Accepted("no-data", "Nada que medir", "s", "a", "tp-1", by="Marta"),
        Accepted("owner-overload", "Una tienda pequeña"),
    ]
    assert dumps(loads(dumps(session))) == dumps(session)


def test_an_out_of_range_importance_is_refused_naming_the_field_in_both_languages() -> None:
    (problem,) = problems_of(document(touchpoints=[{"importance": "9"}]))
    assert problem.field == "importance"
    assert "Importance" in problem.message_en and "La importancia" in problem.message_es


def test_import_fills_defaults_for_omitted_keys() -> None:
    session = loads(document())
    assert (session.language, session.framework) == ("en", "five-stage")
    assert session.stages == [Stage("a", "Antes", 3)]
    assert session.segments == [Segment("s", "Familias", "")]
    tp = session.touchpoints[0]
    assert (tp.ref, tp.kind, tp.effectiveness, tp.votes, tp.pain_point) == (
        "tp-1", None, None, 0, False,
    )  # fmt: skip
    assert session.actions == [Action("Llamar", touchpoint="tp-1")]
    assert session.created is None and session.db_id is None


def test_import_trims_single_line_values_and_keeps_multi_line_ones() -> None:
    session = loads(
        document(
            session={"name": '"  Taller  "', "notes": '"  con espacios  "'},
            touchpoints=[{"owner": '"  Ana "', "processes": '["  uno ", "   ", "dos"]'}],
        )
    )
    assert session.name == "Taller"
    assert session.notes == "  con espacios  "
    assert session.touchpoints[0].owner == "Ana"
    assert session.touchpoints[0].processes == ["uno", "dos"]


def test_import_keeps_file_order_within_each_cell_and_the_file_ids() -> None:
    text = document(
        stages=[{}, {"key": '"b"', "name": '"B"'}],
        touchpoints=[
            {"id": '"zeta"', "name": '"First in a"'},
            {"id": '"x-9"', "stage": '"b"', "name": '"Only in b"'},
            {"id": '"alfa"', "name": '"Second in a"'},
        ],
        actions=[{"touchpoint": '"alfa"'}],
    )
    session = loads(text)

    assert [(tp.ref, tp.position) for tp in session.cell("s", "a")] == [("zeta", 0), ("alfa", 1)]
    assert [(tp.ref, tp.position) for tp in session.cell("s", "b")] == [("x-9", 0)]
    assert session.actions[0].touchpoint == "alfa"
    exported = dumps(session)
    assert [tp.ref for tp in loads(exported).touchpoints] == ["zeta", "alfa", "x-9"]


def test_import_accepts_a_utf8_byte_order_mark() -> None:
    text = document()
    assert loads(b"\xef\xbb\xbf" + text.encode("utf-8")) == loads(text)


def test_a_session_with_no_stages_segments_or_touchpoints_imports() -> None:
    session = loads('format = "tpworkshop/1"\n\n[session]\nname = "Vacía"\nframework = "custom"\n')
    assert (session.stages, session.segments, session.touchpoints, session.actions) == (
        [], [], [], [],
    )  # fmt: skip


# --- import: what it refuses, one problem at a time ----------------------------------------

LONG_NAME = '"' + "n" * 201 + '"'
LONG_TEXT = '"' + "t" * 5001 + '"'
TP = "touchpoints[1] (tp-1)"

REFUSED = {
    # unknown keys, at every level
    "unknown top-level key": ({"top": {"colour": '"red"'}}, ("top level", "colour")),
    "unknown session key": ({"session": {"dots": "3"}}, ("session", "dots")),
    "unknown accepted key": ({"accepted": [{"why": '"x"'}]}, ("accepted[1] (no-data)", "why")),
    "unknown stage key": ({"stages": [{"colour": '"red"'}]}, ("stages[1] (a)", "colour")),
    "unknown segment key": ({"segments": [{"descripton": '"x"'}]}, ("segments[1] (s)", "descripton")),
    "unknown touchpoint key": ({"touchpoints": [{"ref": '"tp-1"'}]}, (TP, "ref")),
    "unknown action key": ({"actions": [{"done": "true"}]}, ("actions[1] (Llamar)", "done")),
    "nested table in an entry": ({"touchpoints": [{"extra": "{ a = 1 }"}]}, (TP, "extra")),
    # missing required keys
    "no format": ({"top": {"format": None}}, ("top level", "format")),
    "no session name": ({"session": {"name": None}}, ("session", "name")),
    "no stage key": ({"stages": [{}, {"key": None}]}, ("stages[2]", "key")),
    "no segment name": ({"segments": [{"name": None}]}, ("segments[1] (s)", "name")),
    "no touchpoint id": ({"touchpoints": [{"id": None}], "actions": [{"touchpoint": None}]}, ("touchpoints[1]", "id")),
    "no touchpoint stage": ({"touchpoints": [{"stage": None}]}, (TP, "stage")),
    "no action title": ({"actions": [{"title": None}]}, ("actions[1]", "title")),
    # wrong types
    "format not text": ({"top": {"format": "1"}}, ("top level", "format")),
    "name a number": ({"session": {"name": "3"}}, ("session", "name")),
    "participants a string": ({"session": {"participants": '"Ana"'}}, ("session", "participants")),
    "participant a number": ({"session": {"participants": '["Ana", 3]'}}, ("session", "participants[2]")),
    "weight quoted": ({"stages": [{"weight": '"3"'}]}, ("stages[1] (a)", "weight")),
    "weight a float": ({"stages": [{"weight": "3.0"}]}, ("stages[1] (a)", "weight")),
    "weight a boolean": ({"stages": [{"weight": "true"}]}, ("stages[1] (a)", "weight")),
    "effectiveness a boolean": ({"touchpoints": [{"effectiveness": "true"}]}, (TP, "effectiveness")),
    "votes a float": ({"touchpoints": [{"votes": "1.5"}]}, (TP, "votes")),
    "pain_point a number": ({"touchpoints": [{"pain_point": "1"}]}, (TP, "pain_point")),
    "pain_point quoted": ({"touchpoints": [{"pain_point": '"true"'}]}, (TP, "pain_point")),
    "need a list": ({"touchpoints": [{"need": '["a"]'}]}, (TP, "need")),
    "due quoted": ({"actions": [{"due": '"2026-12-31"'}]}, ("actions[1] (Llamar)", "due")),
    "due a datetime": ({"actions": [{"due": "2026-12-31T10:00:00"}]}, ("actions[1] (Llamar)", "due")),
    "created a date": ({"session": {"created": "2026-11-23"}}, ("session", "created")),
    "updated a time": ({"session": {"updated": "09:00:00"}}, ("session", "updated")),
    # out of range
    "weight 0": ({"stages": [{"weight": "0"}]}, ("stages[1] (a)", "weight")),
    "weight 6": ({"stages": [{"weight": "6"}]}, ("stages[1] (a)", "weight")),
    "effectiveness 0": ({"touchpoints": [{"effectiveness": "0"}]}, (TP, "effectiveness")),
    "effectiveness 6": ({"touchpoints": [{"effectiveness": "6"}]}, (TP, "effectiveness")),
    "votes negative": ({"touchpoints": [{"votes": "-1"}]}, (TP, "votes")),
    "importance 0": ({"touchpoints": [{"importance": "0"}]}, (TP, "importance")),
    "importance 6": ({"touchpoints": [{"importance": "6"}]}, (TP, "importance")),
    "importance quoted": ({"touchpoints": [{"importance": '"4"'}]}, (TP, "importance")),
    "dots 21": ({"session": {"dots_per_participant": "21"}}, ("session", "dots_per_participant")),
    "dots negative": ({"session": {"dots_per_participant": "-1"}}, ("session", "dots_per_participant")),
    "moment_of_truth a number": ({"touchpoints": [{"moment_of_truth": "1"}]}, (TP, "moment_of_truth")),
    "evidence": ({"touchpoints": [{"evidence": '"rumoured"'}]}, (TP, "evidence")),
    # accepted findings
    "accepted without a rule": ({"accepted": [{"rule": None}]}, ("accepted[1]", "rule")),
    "accepted without a reason": ({"accepted": [{"reason": None}]}, ("accepted[1] (no-data)", "reason")),
    "accepted blank reason": ({"accepted": [{"reason": '"  "'}]}, ("accepted[1] (no-data)", "reason")),
    "accepted long reason": ({"accepted": [{"reason": '"' + "r" * 301 + '"'}]}, ("accepted[1] (no-data)", "reason")),
    "accepted reason on two lines": ({"accepted": [{"reason": '"a\\nb"'}]}, ("accepted[1] (no-data)", "reason")),
    "accepted unknown rule": ({"accepted": [{"rule": '"no-coffee"'}]}, ("accepted[1] (no-coffee)", "rule")),
    "accepted missing segment": ({"accepted": [{"segment": '"nadie"'}]}, ("accepted[1] (no-data)", "segment")),
    "accepted missing stage": ({"accepted": [{"stage": '"nunca"'}]}, ("accepted[1] (no-data)", "stage")),
    "accepted missing touchpoint": ({"accepted": [{"touchpoint": '"tp-9"'}]}, ("accepted[1] (no-data)", "touchpoint")),
    "accepted by a number": ({"accepted": [{"by": "3"}]}, ("accepted[1] (no-data)", "by")),
    # duplicates
    "duplicate stage key": ({"stages": [{}, {"name": '"Otra"'}]}, ("stages[2] (a)", "key")),
    "duplicate segment key": ({"segments": [{}, {"name": '"Otro"'}]}, ("segments[2] (s)", "key")),
    "duplicate touchpoint id": ({"touchpoints": [{}, {"name": '"Otro"'}]}, ("touchpoints[2] (tp-1)", "id")),
    # references
    "missing segment": ({"touchpoints": [{"segment": '"nadie"'}]}, (TP, "segment")),
    "missing stage": ({"touchpoints": [{"stage": '"nunca"'}]}, (TP, "stage")),
    "missing touchpoint": ({"actions": [{"touchpoint": '"tp-9"'}]}, ("actions[1] (Llamar)", "touchpoint")),
    # choices
    "framework": ({"session": {"framework": '"7p"'}}, ("session", "framework")),
    "language": ({"session": {"language": '"fr"'}}, ("session", "language")),
    "kind": ({"touchpoints": [{"kind": '"robot"'}]}, (TP, "kind")),
    "initiative": ({"touchpoints": [{"initiative": '"sometimes"'}]}, (TP, "initiative")),
    "status": ({"actions": [{"status": '"maybe"'}]}, ("actions[1] (Llamar)", "status")),
    "bad stage key": ({"stages": [{}, {"key": '"Pre Venta"'}]}, ("stages[2] (Pre Venta)", "key")),
    # names and texts
    "blank session name": ({"session": {"name": '"   "'}}, ("session", "name")),
    "blank stage name": ({"stages": [{"name": '""'}]}, ("stages[1] (a)", "name")),
    "blank touchpoint name": ({"touchpoints": [{"name": '" \u3000 "'}]}, (TP, "name")),
    "blank action title": ({"actions": [{"title": '"  "'}]}, ("actions[1]", "title")),
    "long session name": ({"session": {"name": LONG_NAME}}, ("session", "name")),
    "long touchpoint name": ({"touchpoints": [{"name": LONG_NAME}]}, (TP, "name")),
    "long owner": ({"touchpoints": [{"owner": LONG_NAME}]}, (TP, "owner")),
    "long notes": ({"session": {"notes": LONG_TEXT}}, ("session", "notes")),
    "long pain note": ({"touchpoints": [{"pain_note": LONG_TEXT}]}, (TP, "pain_note")),
    "NUL in notes": ({"session": {"notes": '"a\\u0000b"'}}, ("session", "notes")),
    # control characters in single-line fields
    "newline in name": ({"touchpoints": [{"name": '"a\\nb"'}]}, (TP, "name")),
    "tab in owner": ({"touchpoints": [{"owner": '"a\\tb"'}]}, (TP, "owner")),
    "bell in channel": ({"touchpoints": [{"channel": '"a\\u0007b"'}]}, (TP, "channel")),
    "newline in a list item": ({"touchpoints": [{"people": '["ok", "a\\nb"]'}]}, (TP, "people[2]")),
    "newline in action owner": ({"actions": [{"owner": '"a\\rb"'}]}, ("actions[1] (Llamar)", "owner")),
    "newline in id": ({"touchpoints": [{"id": '"tp\\n1"'}], "actions": [{"touchpoint": None}]}, ("touchpoints[1]", "id")),
}  # fmt: skip


@pytest.mark.parametrize(("changes", "place"), REFUSED.values(), ids=REFUSED.keys())
def test_bad_input_is_refused_with_its_place(changes: dict, place: tuple[str, str]) -> None:
    problems = problems_of(document(**changes))
    assert places(problems) == [place]
    (problem,) = problems
    assert problem.message("en") == problem.message_en and problem.message_en
    assert problem.message("es") == problem.message_es and problem.message_es
    assert problem.message_es != problem.message_en


def test_refusal_sentences_say_what_is_wrong() -> None:
    weight = problems_of(document(stages=[{"weight": '"3"'}]))[0]
    assert weight.message_en == "Weight must be a whole number, not text; write it without quotes."
    assert (
        weight.message_es
        == "El peso debe ser un número entero, no un texto; escríbelo sin comillas."
    )
    typo = problems_of(document(segments=[{"descripton": '"x"'}]))[0]
    assert typo.message_en == "Unknown key 'descripton'; did you mean 'description'?"
    ref = problems_of(document(touchpoints=[{"segment": '"nadie"'}]))[0]
    assert ref.message_en == "Segment 'nadie' does not exist."
    assert ref.describe("es") == "touchpoints[1] (tp-1), segment: El segmento 'nadie' no existe."


def test_structure_errors_are_refused() -> None:
    no_session = 'format = "tpworkshop/1"\n'
    assert places(problems_of(no_session)) == [("session", None)]
    session_array = 'format = "tpworkshop/1"\n[[session]]\nname = "x"\n'
    assert places(problems_of(session_array)) == [("session", None)]
    stages_text = 'format = "tpworkshop/1"\nstages = "pre"\n[session]\nname = "x"\n'
    assert places(problems_of(stages_text)) == [("stages", None)]
    stages_table = 'format = "tpworkshop/1"\n[session]\nname = "x"\n[stages]\nkey = "a"\n'
    assert places(problems_of(stages_table)) == [("stages", None)]
    not_tables = 'format = "tpworkshop/1"\nsegments = [1, "b"]\n[session]\nname = "x"\n'
    assert places(problems_of(not_tables)) == [("segments[1]", None), ("segments[2]", None)]


def test_another_format_is_refused_alone() -> None:
    text = document(top={"format": '"tpworkshop/2"', "colour": '"red"'}, session={"name": '""'})
    (problem,) = problems_of(text)
    assert (problem.where, problem.field) == ("top level", "format")
    assert "tpworkshop/2" in problem.message_en and FORMAT_ID in problem.message_es


def test_every_problem_of_a_file_is_reported() -> None:
    text = document(
        top={"colour": '"red"'},
        session={"name": '"   "', "language": '"fr"', "participants": '["ok", "a\\tb"]'},
        stages=[{"weight": "9"}, {"name": '"Dup"'}],
        segments=[{"descripton": '"typo"'}],
        touchpoints=[
            {"segment": '"nope"', "effectiveness": "6", "pain_point": '"yes"', "kind": '"robot"'},
            {"name": '"line\\nbreak"', "stage": '"missing"', "votes": "-2"},
        ],
        actions=[{"touchpoint": '"tp-9"', "due": '"2026-12-31"', "status": '"maybe"'}],
    )
    with pytest.raises(FormatError) as caught:
        loads(text)
    error = caught.value

    assert places(error.problems) == [
        ("top level", "colour"),
        ("session", "name"),
        ("session", "participants[2]"),
        ("session", "language"),
        ("stages[1] (a)", "weight"),
        ("stages[2] (a)", "key"),
        ("segments[1] (s)", "descripton"),
        (TP, "kind"),
        (TP, "effectiveness"),
        (TP, "pain_point"),
        (TP, "segment"),
        ("touchpoints[2] (tp-1)", "name"),
        ("touchpoints[2] (tp-1)", "votes"),
        ("touchpoints[2] (tp-1)", "stage"),
        ("touchpoints[2] (tp-1)", "id"),
        ("actions[1] (Llamar)", "due"),
        ("actions[1] (Llamar)", "status"),
        ("actions[1] (Llamar)", "touchpoint"),
    ]
    lines = str(error).splitlines()
    assert len(lines) == len(error.problems)
    assert lines[0] == "top level, colour: Unknown key 'colour'."
    assert (
        error.message("es").splitlines()[1] == "session, name: El nombre no puede quedar en blanco."
    )


def test_missing_format_does_not_hide_other_problems() -> None:
    text = document(top={"format": None}, touchpoints=[{"votes": "-1"}])
    assert places(problems_of(text)) == [("top level", "format"), (TP, "votes")]


# --- import: files that are not TOML at all ------------------------------------------------


def assert_one_sentence(error: FormatError, *fragments: str) -> None:
    (problem,) = error.problems
    assert (problem.where, problem.field) == ("", None)
    text = str(error)
    assert "\n" not in text and text.endswith(".")
    for fragment in fragments:
        assert fragment in text
    assert problem.message_es and problem.message_es != problem.message_en


def test_non_utf8_bytes_give_one_clear_sentence(tmp_path: Path) -> None:
    latin1 = document(session={"name": '"Año"'}).encode("latin-1")
    with pytest.raises(FormatError) as caught:
        loads(latin1)
    assert_one_sentence(caught.value, "UTF-8")

    path = tmp_path / "latin1.toml"
    path.write_bytes(latin1)
    with pytest.raises(FormatError) as caught:
        load_path(path)
    assert_one_sentence(caught.value, "UTF-8")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("esto no es TOML", "line 1"),
        ('format = "tpworkshop/1"\n[session\nname = "x"\n', "line 2"),
        ('format = "tpworkshop/1"\nformat = "tpworkshop/1"\n', "line 2"),
        ('[session]\nname = """sin cerrar\n', "TOML"),
        ("\x00", "TOML"),
        ("a = " + "[" * 100_000, "nested too deeply"),
    ],
)
def test_non_toml_text_gives_one_clear_sentence(text: str, fragment: str) -> None:
    with pytest.raises(FormatError) as caught:
        loads(text)
    assert_one_sentence(caught.value, "not valid TOML", fragment)


def test_unreadable_paths_give_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        load_path(tmp_path / "nope.toml")
    assert_one_sentence(caught.value, "nope.toml", "does not exist")
    with pytest.raises(FormatError) as caught:
        load_path(tmp_path)
    assert_one_sentence(caught.value, "folder")

    path = tmp_path / "binary.toml"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(FormatError) as caught:
        load_path(path)
    assert_one_sentence(caught.value)


def test_format_error_survives_pickling() -> None:
    import pickle

    error = FormatError(problems_of(document(stages=[{"weight": "9"}])))
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems and str(copy) == str(error)


def test_load_path_reads_an_exported_file(tmp_path: Path) -> None:
    session = small_session(notes="dos\nlíneas 😀")
    path = tmp_path / "taller.toml"
    path.write_bytes(dumps(session).encode("utf-8"))
    assert comparable(load_path(path)) == comparable(session)


# --- [gaps] --------------------------------------------------------------------------------

GAPS = {
    "session": {"name": "Taller", "framework": "custom"},
    "summary": {"coverage": 0.5, "completeness": 0.25, "touchpoints": 2, "pain_points": 1},
    "stages": [
        {"key": "antes", "name": "Antes", "weight": 3, "mean_effectiveness": None},
        {"key": "despues", "name": "Después", "weight": 5, "mean_effectiveness": 2.5},
    ],
    "findings": [
        {
            "rule": "pain-without-action",
            "severity": "high",
            "segment": "familias",
            "stage": "despues",
            "touchpoint": "tp-2",
            "message": "«Taller» es un punto de dolor que ninguna acción aborda; " * 2,
        },
        {
            "rule": "no-owner",
            "severity": "medium",
            "segment": None,
            "stage": None,
            "touchpoint": None,
            "message": 'Sin "responsable"\nen dos líneas',
        },
    ],
    "top_priorities": ["tp-2"],
    "absent": None,
}


def without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value if item is not None]
    return value


def test_gaps_are_written_last_without_none_values() -> None:
    session = small_session()
    text = dumps(session, gaps=GAPS)

    parsed = tomllib.loads(text)
    assert list(parsed) == ["format", "session", "stages", "segments", "touchpoints", "actions", "gaps"]  # fmt: skip
    assert parsed["gaps"] == without_none(GAPS)
    assert "absent" not in parsed["gaps"]
    assert "mean_effectiveness" not in parsed["gaps"]["stages"][0]
    assert text.index("[gaps]") > text.index("[[actions]]")
    assert text.startswith(dumps(session))


def test_gaps_are_ignored_on_import() -> None:
    session = small_session()
    with_gaps = dumps(session, gaps=GAPS)
    assert comparable(loads(with_gaps)) == comparable(loads(dumps(session)))
    # whatever [gaps] holds, even keys import would refuse elsewhere
    odd = document() + '\n[gaps]\nunknown = "yes"\nweight = "nine"\n[gaps.nested]\nx = [1, 2]\n'
    assert comparable(loads(odd)) == comparable(loads(document()))


def test_empty_gaps_give_an_empty_table() -> None:
    text = dumps(small_session(), gaps={})
    assert text.endswith("\n[gaps]\n")
    assert tomllib.loads(text)["gaps"] == {}


# --- size ----------------------------------------------------------------------------------


def test_ten_thousand_touchpoints_dump_and_load() -> None:
    stages = [Stage(f"st-{n}", f"Etapa {n}", weight=n % 5 + 1) for n in range(5)]
    segments = [Segment(f"seg-{n}", f"Segmento {n}") for n in range(4)]
    touchpoints = [
        Touchpoint(
            ref=f"tp-{n}",
            segment=segments[n % 4].key,
            stage=stages[(n // 4) % 5].key,
            name=f"Punto de contacto {n}",
            channel="teléfono",
            kind=KINDS[n % 4],
            owner=f"Dueño {n % 17}",
            processes=["Proceso A", "Proceso B"],
            desired_outcome="Que el cliente\nquede contento",
            effectiveness=n % 5 + 1,
            pain_point=n % 7 == 0,
            votes=n % 3,
            position=n // 20,
        )
        for n in range(10_000)
    ]
    session = Session(name="Grande", stages=stages, segments=segments, touchpoints=touchpoints)

    text = dumps(session)
    loaded = loads(text)

    assert len(loaded.touchpoints) == 10_000
    assert loaded.touchpoint("tp-9999") == replace(touchpoints[9999], position=499)
    assert [tp.ref for tp in loaded.cell("seg-1", "st-2")][:3] == ["tp-9", "tp-29", "tp-49"]
    assert dumps(loaded) == text


# --- messages ------------------------------------------------------------------------------


def test_every_format_message_exists_in_both_languages() -> None:
    assert MESSAGES.missing() == []
