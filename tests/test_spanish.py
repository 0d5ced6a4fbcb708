"""No English in a Spanish session: key names, dialogs, the palette, the help, the CLI.

The vocabulary itself is tests/test_glossary.py; this file checks what the catalogues
cannot: words Textual and argparse write themselves, and which language a message is in.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandInput
from textual.widgets import Button, Static

from tests.test_cli import tpw
from tests.tui.helpers import open_app, sample_session
from tpworkshop.storage import Store
from tpworkshop.tui.app import key_display
from tpworkshop.tui.screens.dialogs import ConfirmDialog, FormDialog, FormField
from tpworkshop.tui.screens.help import HelpScreen


@pytest.mark.parametrize(
    ("key", "en", "es"),
    [
        ("shift+tab", "Shift+Tab", "Mayús+Tab"),
        ("space", "Space", "Espacio"),
        ("delete", "Del", "Supr"),
        ("pagedown", "PgDn", "AvPág"),
        ("pageup", "PgUp", "RePág"),
        ("escape", "Esc", "Esc"),
        ("f5", "F5", "F5"),
        ("ctrl+q", "^q", "^q"),
        ("ctrl+shift+up", "Shift+^↑", "Mayús+^↑"),
        ("enter", "⏎", "⏎"),
        ("x", "x", "x"),
    ],
)
def test_keys_are_named_as_keyboards_name_them(key: str, en: str, es: str) -> None:
    assert key_display(key, "en") == en
    assert key_display(key, "es") == es


async def test_a_spanish_confirm_dialog_says_si_and_confirms_with_s(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmDialog("¿Borrar?"), answers.append)
        await pilot.pause()
        labels = [str(button.label) for button in app.screen.query(Button)]
        assert labels == ["Sí (S)", "No (N)"]
        await pilot.press("y")  # the English letter does nothing in Spanish
        await pilot.pause()
        assert answers == [] and isinstance(app.screen, ConfirmDialog)
        await pilot.press("s")
        await pilot.pause()
        assert answers == [True]


async def test_an_english_confirm_dialog_does_not_take_s_for_yes(db_path: Path) -> None:
    sid = sample_session(db_path, lang="en")
    app = open_app(db_path, sid)
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmDialog("Delete?"), answers.append)
        await pilot.pause()
        assert [str(b.label) for b in app.screen.query(Button)] == ["Yes (Y)", "No (N)"]
        await pilot.press("s")
        await pilot.pause()
        assert answers == []
        await pilot.press("y")
        await pilot.pause()
        assert answers == [True]


async def test_a_spanish_form_names_intro_on_its_button(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(FormDialog("Nuevo", [FormField("name", "Nombre")]))
        await pilot.pause()
        labels = [str(button.label) for button in app.screen.query(Button)]
        assert labels == ["Aceptar (Intro)", "Cancelar (Esc)"]


async def test_the_palette_asks_in_spanish(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Buscar comandos…"


async def test_the_help_has_no_key_without_words_and_spanish_key_names(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-content", Static).content)
        text = console.export_text()
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert "^c" not in lines  # Textual's ctrl+c binding has no description
        words = set(re.findall(r"[A-Za-z+]+", text))
        assert not words & {"shift", "space", "del", "pgdn", "pgup", "tab", "Shift"}
        assert "Mayús+Tab" in text
        # Ctrl in words (the footer's ^q is for where there is no room)
        assert re.search(r"Ctrl\+Q\s+Salir", text), text
        assert not re.search(r"\^\w", text), text
        if sys.platform != "darwin":  # Textual's Cmd keys are for macOS keyboards
            assert "Cmd" not in text, text


# --- the command line ------------------------------------------------------------------------

ENGLISH_IN_HELP = ("COMMAND", "NAME", "SESSION", "PATH", "KEY", "DIR", "usage", "options")


@pytest.mark.parametrize("command", [[], ["new"], ["open"], ["export"], ["import"], ["join"]])
def test_spanish_help_has_no_english_placeholders(command: list[str], db_path: Path) -> None:
    out = tpw("--lang", "es", *command, "--help", db=db_path).stdout
    assert out.startswith("uso: tpworkshop")
    found = [word for word in ENGLISH_IN_HELP if re.search(rf"\b{word}\b", out)]
    assert found == []


def test_a_missing_argument_is_named_in_spanish(db_path: Path) -> None:
    result = tpw("--lang", "es", "new", db=db_path)
    assert result.returncode == 2
    assert "faltan estos argumentos: NOMBRE" in result.stderr
    assert "NAME" not in result.stderr


def test_export_of_a_spanish_session_speaks_spanish(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        store.create_session("Clínica", framework="5p", language="es")
    out = tmp_path / "informe.html"
    result = tpw("export", "Clínica", "--format", "html", "-o", str(out), db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"Se escribió {out}."
    english = tpw("--lang", "en", "export", "Clínica", "-o", str(out), db=db_path)
    assert english.stderr.strip() == f"Wrote {out}."


def test_one_import_problem_is_one_problem(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "tpworkshop/1"\n[session]\nname = ""\n', encoding="utf-8")
    result = tpw("--lang", "es", "import", str(bad), db=db_path)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.endswith("1 problema:"), first
    assert "(s)" not in result.stderr


def test_a_value_written_in_spanish_is_told_which_word_the_file_uses(
    db_path: Path, tmp_path: Path
) -> None:
    """A file's closed lists hold English keys; «humano» is refused with the word to write,
    and every allowed value is listed with its Spanish name."""
    source = Path(__file__).parents[1] / "examples" / "dental-clinic-en.toml"
    text = source.read_text(encoding="utf-8")
    assert 'kind = "human"' in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('kind = "human"', 'kind = "Humano"', 1), encoding="utf-8")
    spanish = tpw("--lang", "es", "import", str(bad), db=db_path)
    assert spanish.returncode == 1
    assert "1 problema:" in spanish.stderr
    assert "human (humano), physical (físico)" in spanish.stderr
    assert "escribe 'human', no 'Humano'." in spanish.stderr
    english = tpw("--lang", "en", "import", str(bad), db=db_path)
    assert "one of communication, human, physical, sensory: write 'human'" in english.stderr
    with Store(db_path) as store:
        assert store.list_sessions() == []  # refused: nothing written


# --- every command, in Spanish, through a real subprocess ----------------------------------


def english_words_in(text: str) -> list[str]:
    """The glossary's English words in ``text``, leaving out what is typed as written: the
    values an option takes (``{table,json}``, ``'table'``), option names and paths."""
    from tests.test_glossary import glossary

    words = set(glossary()["english"]["words"])
    text = re.sub(r"\{[^}\s]*\}", " ", text)  # argparse's {a,b,c}
    text = re.sub(r"'[^'\n]*'", " ", text)  # a quoted value or name
    text = re.sub(r"--?[\w-]+", " ", text)  # --format, -o
    text = re.sub(r"\S*/\S*", " ", text)  # a path
    return sorted({w for w in re.findall(r"[A-Za-z]+", text) if w in words})


SPANISH = {"LANG": "es_ES.UTF-8"}
COMMANDS = ("new", "open", "join", "list", "gaps", "export", "history", "import", "demo")


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_is_spanish(command: str | None, db_path: Path) -> None:
    args = [command] if command else []
    result = tpw(*args, "--help", db=db_path, env=SPANISH)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("uso: tpworkshop")
    assert "opciones:" in result.stdout
    assert english_words_in(result.stdout) == [], result.stdout


USAGE_ERRORS = [
    *([command] for command in COMMANDS if command not in ("list", "demo")),
    ["bogus"],
    ["list", "--format", "nope"],
    ["list", "surplus"],
    ["--lang"],
    ["new", "X", "--framework"],
    ["gaps", "X", "--fail-on", "high"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_every_usage_error_is_spanish(args: list[str], db_path: Path) -> None:
    result = tpw(*args, db=db_path, env=SPANISH)
    assert result.returncode == 2, result
    assert result.stderr.startswith("uso: tpworkshop"), result.stderr
    assert english_words_in(result.stderr) == [], result.stderr


def test_every_message_of_every_command_is_spanish(
    db_path: Path, tmp_path: Path, example_path: Path
) -> None:
    def run(*args: str, code: int = 0) -> str:
        result = tpw(*args, db=db_path, env=SPANISH)
        assert result.returncode == code, (args, result)
        assert "Traceback" not in result.stderr
        out = result.stdout + result.stderr
        assert english_words_in(out) == [], (args, out)
        return out

    assert "No hay ninguna base de datos" in run("list", code=1)
    run("open", "Nada", code=1)
    assert "creada" in run("new", "Clínica Sonrisas", "--framework", "5p", "--no-open")
    assert "Sesión" in run("new", "Clínica Sonrisas", "--no-open")  # a free name: « (2)»
    run("open", "Nada", code=1)  # no such session
    run("open", "Clínica", code=1)  # two sessions start so: ambiguous
    run("open", "Clínica Sonrisas", code=1)  # needs a terminal
    run("join", "Clínica Sonrisas", code=1)
    assert "Clínica Sonrisas" in run("list")
    assert "Aún no hay cambios" in run("history", "Clínica Sonrisas")
    assert "Análisis de brechas" in run("gaps", "Clínica Sonrisas")
    report = tmp_path / "informe.html"
    assert "Se escribió" in run("export", "Clínica Sonrisas", "--format", "html", "-o", str(report))
    missing_dir = tmp_path / "no-existe" / "informe.csv"
    failed = run("export", "Clínica Sonrisas", "-o", str(missing_dir), code=1)
    assert "no existe" in failed and "No such file" not in failed
    assert "no se importó" in run("import", str(tmp_path / "nada.toml"), code=1)
    assert "Se importó" in run("import", str(example_path))
    assert "Se sustituyó" in run("import", str(example_path), "--replace")
    assert "demo" in run("demo", "--no-open")
    assert "modo restringido" in run("--restricted", "list", code=1)
    run("gaps", str(example_path), "--check", "--fail-on", "low", code=3)


def test_list_at_80_columns_cuts_names_with_an_ellipsis_and_keeps_progress(
    db_path: Path,
) -> None:
    long_name = "Clínica dental Sonrisas — recorrido de pacientes nuevos en 2027"
    with Store(db_path) as store:
        store.create_session(long_name, framework="5p", language="es")
        store.create_session("Taller corto", framework="lifecycle", language="es")
    result = tpw("list", db=db_path, env={**SPANISH, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    rows = [line for line in lines if line.strip()[:1].isdigit()]
    assert len(rows) == 2
    assert all(re.search(r"\d+ %\s*$", row) for row in rows), rows  # progress kept
    long_row = next(row for row in rows if "Clínica" in row)
    shown = re.search(r"Clínica[^…]*…", long_row)
    assert shown, long_row  # cut, and the cut ends in «…»
    assert len(shown.group(0)) >= 20, long_row  # the name has room first
    assert "Taller corto" in result.stdout
    assert english_words_in(result.stdout) == []


# --- the footer at 80 columns ------------------------------------------------------------


def footer_items(app) -> list[str]:  # noqa: ANN001
    """The keys the footer shows, each «key description», as the terminal shows them."""
    from tests.tui.helpers import screen_lines

    line = screen_lines(app)[-1]
    return [item.strip() for item in re.split(r" {2,}|▏", line) if item.strip()]


STEP_KEYS = dict(
    zip(
        "123456", ("setup", "segments", "touchpoints", "details", "assess", "analysis"), strict=True
    )
)


@pytest.mark.parametrize(
    ("lang", "role"), [("es", "facilitator"), ("en", "facilitator"), ("es", "participant")]
)
async def test_footer_keys_are_never_cut_at_80_columns(db_path: Path, lang: str, role: str) -> None:
    """On every step, wherever the focus is (where it lands, F6's other pane, and each Tab
    stop), the footer's keys fit 80 columns: nothing scrolls off, Help and Next step are
    there; only the palette's key (named in F1) steps aside under 100 columns."""
    from textual.widgets import Footer

    from tests.tui.helpers import settle
    from tpworkshop.demo import ensure_demo

    with Store(db_path) as store:
        sid = ensure_demo(store, lang)
    app = open_app(db_path, sid, role=role, participant="Ana" if role == "participant" else None)
    help_key, next_key = {"es": ("F1 Ayuda", "F5 Avanzar"), "en": ("F1 Help", "F5 Next step")}[lang]
    checked: set[tuple[str, str]] = set()

    async def check(number: str, where: str) -> None:
        await settle(pilot)
        await pilot.pause(0.05)
        footer = app.screen.query_one(Footer)
        items = footer_items(app)
        focus = type(app.focused).__name__
        assert footer.max_scroll_x == 0, (number, where, focus, items)  # nothing cut off
        assert help_key in items, (number, where, focus, items)
        if role == "participant":
            assert "F8 Seguir" in items, items  # following the facilitator: F5 has no use
        else:
            assert next_key in items, (number, where, focus, items)
        assert not any(item.startswith("^p") for item in items)
        assert STEP_KEYS[number] == app.screen.STEP  # type: ignore[attr-defined]
        checked.add((number, focus))

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for number in "123456":
            await pilot.press("escape", number)
            await check(number, "landed")
            await pilot.press("f6")
            await check(number, "f6")
            await pilot.press("f6")  # back to the step's list (a field keeps Esc)
            for tab in range(3):
                await pilot.press("tab")
                await check(number, f"tab {tab}")
            if number == "4":
                await pilot.press("f6")  # the details form takes Tab: leave it
    assert len(checked) >= 12, checked


async def test_assess_cuts_end_in_an_ellipsis_at_80_columns(db_path: Path) -> None:
    """A name, a title or a note longer than its room ends in «…» («Formulario de cita en
    la we» was cut mid-word with nothing to say so)."""
    from tests.tui.helpers import screen_lines, settle
    from tpworkshop.demo import ensure_demo

    with Store(db_path) as store:
        sid = ensure_demo(store, "es")
        session = store.load(sid)
    texts = [tp.name for tp in session.touchpoints] + [a.title for a in session.actions]
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.pause(0.2)
        screen = "\n".join(screen_lines(app))
    cut_seen = 0
    for text in texts:
        for size in range(len(text) - 1, 11, -1):  # a long enough prefix is only itself
            prefix = text[:size].rstrip()
            if prefix in screen:
                following = screen[screen.index(prefix) + len(prefix) :][:1]
                assert following == "…" or text.startswith(prefix + following), (text, prefix)
                cut_seen += following == "…"
                break
    assert cut_seen >= 5  # the demo's long names and titles are cut, visibly
    assert re.search(r"«reservar[^\n]*…", screen)  # the pain note, too


LONG_NAME = "Clínica dental Sonrisas — recorrido de pacientes nuevos 2027"


async def test_the_picker_at_80_columns_gives_names_room_and_keeps_progress(
    db_path: Path,
) -> None:
    from tests.tui.helpers import screen_lines, settle

    with Store(db_path) as store:
        store.create_session(LONG_NAME, framework="5p", language="es", organisation="Sonrisas")
        store.create_session("Otro taller", framework="webb", language="es")
    app = open_app(db_path, None, lang="es")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        lines = screen_lines(app)
        rows = [line for line in lines if "Otro taller" in line or "Clínica" in line]
        assert len(rows) == 2
        assert all(re.search(r"\d+ %$", row) for row in rows), rows  # progress is shown
        long_row = next(row for row in rows if "Clínica" in row)
        shown = re.search(r"Clínica[^…]*…", long_row)
        assert shown and len(shown.group(0)) >= 18, long_row
        await pilot.resize_terminal(140, 24)
        await settle(pilot)
        await pilot.pause(0.2)
        wide = "\n".join(screen_lines(app))
        assert LONG_NAME in wide and "Sonrisas  " in wide  # and the organisation, when wide


async def test_segment_names_take_the_room_short_descriptions_leave(db_path: Path) -> None:
    from tests.tui.helpers import screen_lines, settle

    with Store(db_path) as store:
        sid = store.create_session("Clínica", framework="5p", language="es")
        store.add_segment(sid, "Familias con niños en ortodoncia", "Revisiones")
        store.add_segment(sid, "Adultos de implantología con seguro privado de salud")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.pause(0.2)
        screen = "\n".join(screen_lines(app))
    assert "Familias con niños en ortodoncia " in screen  # whole
    assert re.search(r"Adultos de implantología con seg[^\n]*…", screen), screen


@pytest.mark.parametrize("where", ["picker", "agenda", "map"])
async def test_the_help_is_spanish_wherever_it_opens(db_path: Path, where: str) -> None:
    """Textual's own keys (Tab «Focus Next», Ctrl+C «Copy selected text») in Spanish too,
    from the session picker and the agenda as from a step; the palette named once."""
    from tests.test_glossary import glossary
    from tests.tui.helpers import screen_lines, settle

    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, None if where == "picker" else sid, lang="es")
    async with app.run_test(size=(80, 50)) as pilot:
        await settle(pilot)
        if where == "agenda":
            await pilot.press("f9")
        elif where == "map":
            await pilot.press("3")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        await pilot.pause(0.1)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(screen_lines(app))
    words = set(glossary()["english"]["words"])
    english = sorted({w for w in re.findall(r"[A-Za-z]+", text) if w in words})
    assert english == [], text
    assert "Focus" not in text and "Copy" not in text
    assert len(re.findall(r"│ Ctrl\+P +\S", text)) <= 1, text  # a row (if in view), once


@pytest.mark.parametrize(
    ("lang", "said"),
    [("es", "Ningún comando coincide con «zzzq»"), ("en", "No command matches “zzzq”")],
)
async def test_the_palette_says_no_matches_in_the_language(
    db_path: Path, lang: str, said: str
) -> None:
    from tests.tui.helpers import screen_lines, settle

    sid = sample_session(db_path, lang=lang)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"zzzq")
        await pilot.pause(1.2)  # Textual would say «No matches found» after 0.5 s
        text = "\n".join(screen_lines(app))
        assert said in text and "No matches found" not in text
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"ayud")
        await pilot.pause(1.0)
        text = "\n".join(screen_lines(app))
        if lang == "es":
            assert "Ayuda" in text and "coincide" not in text  # a real match: no such line


def test_gaps_in_spanish_fits_80_columns_when_columns_says_so(
    db_path: Path, example_path: Path
) -> None:
    """A pipe has no terminal: COLUMNS says the width (the help and the summary agree)."""
    result = tpw("gaps", str(example_path), db=db_path, env={**SPANISH, "COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 80, max(lines, key=len)
    assert "Análisis de brechas" in result.stdout
    assert english_words_in(result.stdout) == []


def test_history_names_agenda_rows_and_times_in_spanish(db_path: Path) -> None:
    from datetime import datetime

    with Store(db_path) as store:
        sid = store.create_session("Clínica", framework="5p", language="es")
        store.set_timebox(sid, "break", 10)
        store.set_timebox(sid, "details", 55)
        store.set_agenda_start(sid, datetime(2026, 12, 3, 9, 30))
    result = tpw("history", "Clínica", db=db_path, env=SPANISH)
    assert result.returncode == 0, result.stderr
    assert "a Pausa 10 min, Detalles 55 min" in result.stdout
    assert "«03/12/2026 09:30»" in result.stdout and "T09:30" not in result.stdout
    assert english_words_in(result.stdout) == []
    assert not re.search(r"\b(?:break|details)\b", result.stdout)


async def test_a_following_participant_has_f8_not_f5_in_the_footer(db_path: Path) -> None:
    from tests.tui.helpers import settle

    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid, role="participant", participant="Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        items = footer_items(app)
        assert "F8 Seguir" in items and "F5 Avanzar" not in items
        step = app.screen.STEP  # type: ignore[attr-defined]
        await pilot.press("f5")  # following: the facilitator leads
        await settle(pilot)
        assert step == app.screen.STEP  # type: ignore[attr-defined]
        await pilot.press("f8")  # stop following: F5 is theirs again
        await settle(pilot)
        await pilot.pause(0.1)
        assert not app.following
        assert "F5 Avanzar" in footer_items(app)


async def test_the_analysis_tabs_fit_80_columns_in_spanish(db_path: Path) -> None:
    from tests.tui.helpers import screen_lines, settle

    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.pause(0.1)
        tabs = next(line for line in screen_lines(app) if "Hallazgos (f)" in line)
    assert tabs.rstrip().endswith("Matriz (i)"), tabs  # the last tab whole, nothing cut
