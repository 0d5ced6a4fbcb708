"""Facilitation guides: the shipped files, the loader's layering, and the agenda."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tpworkshop.domain.frameworks import FRAMEWORK_KEYS, FRAMEWORKS
from tpworkshop.guides import (
    AGENDA_STEPS,
    GUIDE_STEPS,
    Guide,
    GuideError,
    agenda_minutes,
    build_agenda,
    load_guides,
    parse_guide,
    shipped_guides_dir,
    user_guides_dir,
)
from tpworkshop.guides.loader import MESSAGES, SECTION_HEADINGS, split_sections
from tpworkshop.i18n import LANGUAGES

SHIPPED = shipped_guides_dir()
STEP_GUIDES = tuple(step for step in GUIDE_STEPS if step != "overview")
SPANISH_MARKS = set("áéíóúñ¿")


@pytest.fixture
def no_user_dir(tmp_path: Path) -> dict[str, str]:
    """An environment whose user guides folder is empty, so the real one never leaks in."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "empty-config"), "HOME": str(tmp_path)}


def shipped(lang: str, step: str) -> Guide:
    path = SHIPPED / lang / f"{step}.md"
    assert path.is_file(), f"the shipped guide {path} is missing"
    return parse_guide(path.read_text(encoding="utf-8"), path, lang)


def guide_text(step: str, timebox: object = 12, title: str = "Custom title") -> str:
    return (
        "+++\n"
        f'step = "{step}"\n'
        f'title = "{title}"\n'
        'goal = "A goal."\n'
        f"timebox = {timebox}\n"
        'done_when = "Done."\n'
        "+++\n\n"
        "## Questions to ask the room\n\n- One?\n- Two?\n"
    )


def write(root: Path, lang: str, step: str, text: str) -> Path:
    path = root / lang / f"{step}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped guides --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", GUIDE_STEPS)
def test_every_step_has_a_shipped_guide_in_every_language(lang: str, step: str) -> None:
    guide = shipped(lang, step)
    assert guide.step == step
    assert guide.title and guide.goal and guide.done_when
    assert guide.body.strip()


def test_shipped_folder_has_only_known_steps() -> None:
    for lang in LANGUAGES:
        stems = {p.stem for p in (SHIPPED / lang).glob("*.md")}
        assert stems == set(GUIDE_STEPS), lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", STEP_GUIDES)
def test_step_guides_have_questions_sections_and_a_positive_timebox(lang: str, step: str) -> None:
    guide = shipped(lang, step)
    assert guide.timebox > 0
    assert 5 <= len(guide.questions()) <= 10, guide.questions()
    headings = list(guide.sections())
    expected = [SECTION_HEADINGS[name][lang] for name in SECTION_HEADINGS]
    assert [h for h in headings if h in expected] == expected
    for name in SECTION_HEADINGS:
        assert guide.section(name).strip(), f"{lang}/{step}.md: empty {name}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_questions_are_questions(lang: str) -> None:
    for step in STEP_GUIDES:
        for question in shipped(lang, step).questions():
            assert "?" in question, f"{lang}/{step}.md: {question!r}"
            if lang == "es":
                assert "¿" in question, f"{lang}/{step}.md: {question!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_agenda_is_a_half_day_with_welcome_break_and_close(lang: str) -> None:
    overview = shipped(lang, "overview")
    assert overview.timebox == 0
    steps = [key for key, minutes in overview.agenda if minutes is None]
    slots = [key for key, minutes in overview.agenda if minutes is not None]
    assert steps == list(STEP_GUIDES)
    assert slots == ["welcome", "break", "close"]
    slot_minutes = sum(minutes or 0 for _, minutes in overview.agenda)
    assert sum(shipped(lang, step).timebox for step in STEP_GUIDES) + slot_minutes == 240


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeboxes_are_realistic(lang: str) -> None:
    """Six to ten touchpoints times nine fields: 45 to 60 minutes, not 25."""
    assert 45 <= shipped(lang, "details").timebox <= 60
    assert shipped(lang, "touchpoints").timebox >= 45
    assert shipped(lang, "assess").timebox >= 30


@pytest.mark.parametrize("step", GUIDE_STEPS)
def test_languages_agree_on_timeboxes(step: str) -> None:
    assert len({shipped(lang, step).timebox for lang in LANGUAGES}) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_touchpoints_guide_has_examples_for_every_framework(lang: str) -> None:
    examples = shipped(lang, "touchpoints").section("examples")
    subsections = re.split(r"^### ", examples, flags=re.MULTILINE)[1:]
    for key in FRAMEWORK_KEYS:
        # A framework's subsection is headed by its name as the app shows it.
        name = FRAMEWORKS[key].name(lang)
        found = [s for s in subsections if s.splitlines()[0].strip() == name]
        assert found, f"{lang}/touchpoints.md has no '### {name}' examples ({key})"
        text = found[0]
        for stage in FRAMEWORKS[key].stages:
            stage_name = stage.names[lang]
            assert f"**{stage_name}**" in text, f"{lang}: {key} lacks stage {stage_name!r}"


@pytest.mark.parametrize("step", GUIDE_STEPS)
def test_spanish_guides_are_written_in_spanish(step: str) -> None:
    guide = shipped("es", step)
    text = " ".join((guide.title, guide.goal, guide.done_when, guide.body))
    assert set(text) & SPANISH_MARKS, f"es/{step}.md has no Spanish characters"
    assert len(set(guide.body) & SPANISH_MARKS) >= 3


AGENDA_LINE = re.compile(r"- (\d):(\d\d)–(\d):(\d\d) · .* — (\d+) min$")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_agendas_add_up(lang: str) -> None:
    overview = shipped(lang, "overview")
    agendas = [text for head, text in overview.sections().items() if head.startswith("Agenda")]
    assert len(agendas) == 3  # a half day; or two meetings of two hours
    totals = []
    for text in agendas:
        clock = 0
        for line in text.splitlines():
            match = AGENDA_LINE.match(line)
            if not match:
                continue
            h1, m1, h2, m2, minutes = map(int, match.groups())
            assert h1 * 60 + m1 == clock, line
            assert h2 * 60 + m2 - clock == minutes, line
            clock += minutes
        totals.append(clock)
    assert totals == [240, 120, 120]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_half_day_agenda_reads_as_the_app_times_it(lang: str, no_user_dir: dict) -> None:
    """The guide's first agenda and the app's agenda (F9) are the same rows and minutes."""
    guides, _ = load_guides(lang, environ=no_user_dir)
    app_rows = build_agenda(guides, datetime(2026, 11, 23, 9, 0))
    text = next(
        t for h, t in shipped(lang, "overview").sections().items() if h.startswith("Agenda")
    )
    minutes = [int(m.group(5)) for m in map(AGENDA_LINE.match, text.splitlines()) if m]
    assert minutes == [item.minutes for item in app_rows]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guides_v2_cover_what_a_facilitator_needs(lang: str) -> None:
    overview = shipped(lang, "overview").sections()
    heads = {
        "en": (
            "Welcome and warm-up",
            "Ground rules",
            "Settling disagreements",
            "When the room stalls",
            "Remote and hybrid rooms",
        ),
        "es": (
            "Bienvenida y calentamiento",
            "Reglas del juego",
            "Cuando no hay acuerdo",
            "Si la sala se atasca",
            "Salas en remoto e híbridas",
        ),
    }[lang]
    for head in heads:
        assert overview.get(head, "").strip(), f"{lang}/overview.md lacks {head!r}"
    disagreements = overview[heads[2]]
    for word in {"en": ("weight", "rating", "owner"), "es": ("peso", "valora", "responsable")}[
        lang
    ]:
        assert word in disagreements.lower(), word
    # Anchors for every rating, 1 to 5.
    anchors = shipped(lang, "assess").sections()[
        {"en": "Rating anchors", "es": "Referencias para valorar"}[lang]
    ]
    assert [line[:7] for line in anchors.splitlines() if line.startswith("- **")] == [
        f"- **{n}**" for n in range(1, 6)
    ]
    # Examples beyond car dealers, banks and shops: healthcare, B2B and the public sector.
    sectors = {
        "en": ("healthcare", "B2B", "public sector"),
        "es": ("sanidad", "B2B", "sector público"),
    }
    for step in STEP_GUIDES:
        examples = shipped(lang, step).section("examples")
        for sector in sectors[lang]:
            assert sector in examples, f"{lang}/{step}.md: no {sector} example"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_proactive_and_reactive_are_defined_as_in_the_domain(lang: str) -> None:
    """Proactive: planned by the company, whatever the customer does; reactive: triggered
    by the customer (DOMAIN.md) — never "the company starts it"."""
    wanted = {
        "en": ("planned by the company", "triggered by the customer"),
        "es": ("lo planifica la empresa", "lo desencadena el cliente"),
    }[lang]
    for step in ("overview", "touchpoints"):
        text = " ".join(shipped(lang, step).body.split())
        for phrase in wanted:
            assert phrase in text, f"{lang}/{step}.md lacks {phrase!r}"


def test_guide_lines_fit_a_side_panel() -> None:
    for lang in LANGUAGES:
        for step in STEP_GUIDES:
            for line in shipped(lang, step).body.splitlines():
                assert len(line) <= 72, f"{lang}/{step}.md: {line!r}"
                assert not line.startswith("|"), f"{lang}/{step}.md has a table"


# --- parsing -------------------------------------------------------------------------------


def test_parse_guide_reads_front_matter_and_body(tmp_path: Path) -> None:
    path = tmp_path / "en" / "setup.md"
    guide = parse_guide("\ufeff\n" + guide_text("setup", 7), path, "en")
    assert (guide.step, guide.lang, guide.timebox, guide.source) == ("setup", "en", 7, path)
    assert guide.body.startswith("## Questions")
    assert guide.questions() == ["One?", "Two?"]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("# no front matter\n", "'+++'"),
        ('+++\nstep = "setup"\n', "never closes"),
        ("+++\nstep = \n+++\n", "line 2"),
        (guide_text("setup").replace('goal = "A goal."\n', ""), "'goal'"),
        (guide_text("setup").replace('"A goal."', '""'), "'goal'"),
        (guide_text("setup", timebox=-5), "not -5"),
        (guide_text("setup", timebox='"20 min"'), "'20 min'"),
        (guide_text("setup", timebox="true"), "not True"),
        (guide_text("setup", timebox=2.5), "not 2.5"),
        (guide_text("setup", timebox=9999), "0 to 480"),
        (guide_text("warmup"), "unknown step 'warmup'"),
        (guide_text("assess"), "named after step 'setup'"),
    ],
)
def test_parse_guide_rejects_malformed_files(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "en" / "setup.md"
    with pytest.raises(GuideError) as caught:
        parse_guide(text, path, "en")
    message = caught.value.message
    assert str(path) in message
    assert fragment in message
    assert message.endswith(".") and "\n" not in message


def test_errors_speak_the_guides_language(tmp_path: Path) -> None:
    path = tmp_path / "es" / "setup.md"
    with pytest.raises(GuideError) as caught:
        parse_guide("sin cabecera\n", path, "es")
    assert caught.value.message.startswith("El archivo de guía")
    assert MESSAGES.missing() == []


# --- loading and overrides -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_load_guides_gives_every_step_from_the_shipped_folder(
    lang: str, no_user_dir: dict[str, str]
) -> None:
    guides, problems = load_guides(lang, environ=no_user_dir)
    assert problems == []
    assert tuple(guides) == GUIDE_STEPS
    for step, guide in guides.items():
        assert guide.lang == lang
        assert guide.source == SHIPPED / lang / f"{step}.md"


def test_extra_dir_overrides_step_by_step(tmp_path: Path, no_user_dir: dict[str, str]) -> None:
    ours = tmp_path / "ours"
    path = write(ours, "es", "touchpoints", guide_text("touchpoints", 50, "Nuestros ejemplos"))
    guides, problems = load_guides("es", [ours], environ=no_user_dir)
    assert problems == []
    assert guides["touchpoints"].title == "Nuestros ejemplos"
    assert guides["touchpoints"].timebox == 50
    assert guides["touchpoints"].source == path
    assert guides["setup"].source == SHIPPED / "es" / "setup.md"


def test_later_folders_win(tmp_path: Path) -> None:
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config)}
    user = user_guides_dir(env)
    assert user == config / "tpworkshop" / "guides"
    write(user, "en", "setup", guide_text("setup", 11, "From the user folder"))
    write(user, "en", "assess", guide_text("assess", 21, "User assess"))
    first, second = tmp_path / "first", tmp_path / "second"
    write(first, "en", "setup", guide_text("setup", 12, "From first"))
    write(second, "en", "setup", guide_text("setup", 13, "From second"))

    guides, problems = load_guides("en", environ=env)
    assert problems == []
    assert guides["setup"].title == "From the user folder"

    guides, problems = load_guides("en", [first, second], environ=env)
    assert problems == []
    assert guides["setup"].title == "From second"
    assert guides["assess"].title == "User assess"


def test_user_dir_defaults_to_dot_config(tmp_path: Path) -> None:
    assert user_guides_dir({"HOME": str(tmp_path)}) == tmp_path / ".config/tpworkshop/guides"
    relative = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "relative/path"}
    assert user_guides_dir(relative) == tmp_path / ".config/tpworkshop/guides"


def test_malformed_override_is_reported_and_shipped_guide_kept(
    tmp_path: Path, no_user_dir: dict[str, str]
) -> None:
    ours = tmp_path / "ours"
    bad = write(ours, "es", "assess", guide_text("assess", timebox='"veinte"'))
    good = write(ours, "es", "setup", guide_text("setup", 9, "Preparación propia"))
    guides, problems = load_guides("es", [ours], environ=no_user_dir)
    assert [p.path for p in problems] == [bad]
    assert str(bad) in problems[0].message
    assert "timebox" in problems[0].message
    assert guides["assess"].source == SHIPPED / "es" / "assess.md"
    assert guides["setup"].source == good


def test_malformed_override_keeps_the_previous_override(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    user_file = write(user_guides_dir(env), "en", "details", guide_text("details", 30))
    ours = tmp_path / "ours"
    write(ours, "en", "details", "+++\nstep = 'details'\ntimebox = \n+++\n")
    guides, problems = load_guides("en", [ours], environ=env)
    assert guides["details"].source == user_file
    assert len(problems) == 1 and "line 3" in problems[0].message


def test_unknown_files_and_missing_folders_are_reported(
    tmp_path: Path, no_user_dir: dict[str, str]
) -> None:
    ours = tmp_path / "ours"
    stray = write(ours, "en", "warmup", guide_text("setup"))
    top = ours / "setup.md"
    top.write_text(guide_text("setup"), encoding="utf-8")
    missing = tmp_path / "nowhere"
    undecodable = write(ours, "en", "analysis", "")
    undecodable.write_bytes(b"+++\ntitle = '\xff'\n+++\n")

    guides, problems = load_guides("en", [ours, missing], environ=no_user_dir)
    by_path = {p.path: p.message for p in problems}
    assert set(by_path) == {stray, top, missing, undecodable}
    assert "unknown step 'warmup'" in by_path[stray]
    assert str(ours / "en" / "setup.md") in by_path[top]
    assert "does not exist" in by_path[missing]
    assert "UTF-8" in by_path[undecodable]
    assert guides["analysis"].source == SHIPPED / "en" / "analysis.md"


def test_missing_language_falls_back_to_english(tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    write(ours, "fr", "setup", guide_text("setup", 10, "Préparer la séance"))
    write(ours, "fr", "segments", guide_text("segments", timebox="nope"))
    guides, problems = load_guides("fr", [ours], environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert guides["setup"].lang == "fr"
    assert guides["setup"].title == "Préparer la séance"
    for step in GUIDE_STEPS[2:]:
        assert guides[step].lang == "en"
        assert guides[step].source == SHIPPED / "en" / f"{step}.md"
    assert len(problems) == 1 and "segments.md" in problems[0].message


def test_step_missing_in_spanish_falls_back_to_english_override(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    ours = tmp_path / "ours"
    write(ours, "en", "touchpoints", guide_text("touchpoints", 40, "English only"))
    guides, _ = load_guides("es", [ours], environ=env)
    # The shipped Spanish guide exists, so the language wins over a later English file.
    assert guides["touchpoints"].lang == "es"


def test_builtin_guide_when_no_file_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tpworkshop.guides import loader

    monkeypatch.setattr(loader, "shipped_guides_dir", lambda: tmp_path / "gone")
    for lang in LANGUAGES:
        guides, problems = load_guides(lang, environ={"XDG_CONFIG_HOME": str(tmp_path)})
        assert problems == []
        assert tuple(guides) == GUIDE_STEPS
        for guide in guides.values():
            assert guide.source is None
            assert guide.lang == lang
            assert guide.title and guide.goal and guide.done_when and guide.body
        assert (
            sum(guides[s].timebox for s in AGENDA_STEPS) == 190
        )  # the half day, without its slots


def test_odd_language_codes_are_safe(no_user_dir: dict[str, str]) -> None:
    guides, problems = load_guides("../../etc", environ=no_user_dir)
    assert problems == []
    assert all(g.lang == "en" for g in guides.values())


# --- agenda --------------------------------------------------------------------------------


def test_agenda_runs_the_steps_and_slots_back_to_back(no_user_dir: dict[str, str]) -> None:
    guides, _ = load_guides("en", environ=no_user_dir)
    start = datetime(2026, 11, 23, 9, 30)
    agenda = build_agenda(guides, start)
    assert [item.step for item in agenda if item.is_step] == list(AGENDA_STEPS)
    assert [item.step for item in agenda if not item.is_step] == ["welcome", "break", "close"]
    assert agenda[0].step == "welcome" and agenda[0].title == MESSAGES("slot.welcome", "en")
    assert agenda[0].start == start
    for before, after in zip(agenda, agenda[1:], strict=False):
        assert after.start == before.end
    for item in agenda:
        assert item.end - item.start == timedelta(minutes=item.minutes)
        if item.is_step:
            assert item.minutes == guides[item.step].timebox
            assert item.title == guides[item.step].title
    assert agenda_minutes(agenda) == 240
    assert agenda[-1].end == datetime(2026, 11, 23, 13, 30)


def test_without_an_agenda_in_the_overview_the_steps_alone(tmp_path: Path) -> None:
    root = tmp_path / "guides"
    text = guide_text("overview", timebox=0)
    write(root, "en", "overview", text)
    env = {"XDG_CONFIG_HOME": str(tmp_path / "none"), "HOME": str(tmp_path)}
    guides, problems = load_guides("en", [root], environ=env)
    assert problems == []
    agenda = build_agenda(guides, datetime(2026, 11, 23, 9, 0))
    assert [item.step for item in agenda] == list(AGENDA_STEPS)


def test_overriding_a_timebox_moves_the_rest(no_user_dir: dict[str, str]) -> None:
    guides, _ = load_guides("es", environ=no_user_dir)
    start = datetime(2026, 11, 23, 9, 0)
    plain = build_agenda(guides, start)
    keys = [item.step for item in plain]
    index = keys.index("touchpoints")
    moved = build_agenda(guides, start, {"touchpoints": plain[index].minutes + 10})
    assert moved[:index] == plain[:index]
    assert moved[index].start == plain[index].start
    for a, b in zip(plain[index + 1 :], moved[index + 1 :], strict=True):
        assert b.start - a.start == timedelta(minutes=10)
        assert b.end - a.end == timedelta(minutes=10)
    assert agenda_minutes(moved) == agenda_minutes(plain) + 10
    no_break = build_agenda(guides, start, {"break": 0, "welcome": 5})
    assert agenda_minutes(no_break) == agenda_minutes(plain) - 25
    assert no_break[1].start == start + timedelta(minutes=5)


def test_agenda_rejects_bad_overrides(no_user_dir: dict[str, str]) -> None:
    guides, _ = load_guides("en", environ=no_user_dir)
    start = datetime(2026, 11, 23, 9, 0)
    with pytest.raises(ValueError):
        build_agenda(guides, start, {"overview": 5})
    with pytest.raises(ValueError):
        build_agenda(guides, start, {"setup": -1})
    with pytest.raises(ValueError):
        build_agenda(guides, start, {"coffee": 10})


STEPS_TEXT = "setup, segments, touchpoints, details, assess, analysis"


@pytest.mark.parametrize(
    ("agenda", "fragment"),
    [
        (f"welcome 15, {STEPS_TEXT}, coffee 10", "'coffee 10'"),
        (f"welcome, {STEPS_TEXT}", "'welcome'"),
        (f"break 1000, {STEPS_TEXT}", "'break 1000'"),
        ("setup, segments, details, touchpoints, assess, analysis", "the steps must be"),
        ("setup, segments, touchpoints, details, assess", "the steps must be"),
        (f"{STEPS_TEXT}, setup", "the steps must be"),
    ],
)
def test_a_wrong_agenda_is_one_sentence(tmp_path: Path, agenda: str, fragment: str) -> None:
    path = tmp_path / "en" / "overview.md"
    text = guide_text("overview", timebox=0).replace("+++\n\n", f'agenda = "{agenda}"\n+++\n\n', 1)
    with pytest.raises(GuideError) as caught:
        parse_guide(text, path, "en")
    assert fragment in caught.value.message and str(path) in caught.value.message


def test_only_the_overview_has_an_agenda(tmp_path: Path) -> None:
    text = guide_text("setup").replace("+++\n\n", f'agenda = "{STEPS_TEXT}"\n+++\n\n', 1)
    with pytest.raises(GuideError, match="only the overview"):
        parse_guide(text, tmp_path / "en" / "setup.md", "en")


def test_a_good_agenda_is_read_in_order(tmp_path: Path) -> None:
    agenda = f"welcome 10, {STEPS_TEXT.replace('details', 'break 15, details')}, break 5, close 15"
    text = guide_text("overview", timebox=0).replace("+++\n\n", f'agenda = "{agenda}"\n+++\n\n', 1)
    guide = parse_guide(text, tmp_path / "es" / "overview.md", "es")
    assert guide.agenda[0] == ("welcome", 10) and guide.agenda[-1] == ("close", 15)
    guides = {"overview": guide}
    rows = build_agenda(guides, datetime(2026, 1, 1, 9, 0))
    assert [r.step for r in rows if not r.is_step] == ["welcome", "break", "break-2", "close"]
    assert rows[0].title == "Bienvenida, calentamiento y reglas del juego"


def test_split_sections_ignores_headings_in_code() -> None:
    body = "intro\n## A\n- x\n```\n## not a heading\n```\n## B\ntext\n"
    assert list(split_sections(body)) == ["A", "B"]
