"""Load facilitation guides: Markdown files with a small TOML front matter.

A guide file is ``DIR/LANG/STEP.md``::

    +++
    step = "segments"
    title = "Who are our customers?"
    goal = "One sentence."
    timebox = 15
    done_when = "One sentence."
    +++

    ## Questions to ask the room
    - ...

Folders are layered step by step: the guides shipped in the package
(``tpworkshop.facilitation_guides``, edited in the repository's ``facilitation_guides/``),
then the user's ``~/.config/tpworkshop/guides/`` (or ``$XDG_CONFIG_HOME/tpworkshop/guides/``),
then each ``--guides DIR`` in order; a later folder's guide for a step replaces the earlier one. A
malformed file is skipped with a :class:`GuideProblem` and the earlier guide stays. A step
with no guide in the language falls back to English, and then to a minimal built-in guide,
so every step always has one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tpworkshop.domain.model import AGENDA_SLOTS
from tpworkshop.i18n import DEFAULT_LANGUAGE, LANGUAGES, Catalog
from tpworkshop.i18n.catalogs.os_errors import os_reason

GUIDE_STEPS = ("overview", "setup", "segments", "touchpoints", "details", "assess", "analysis")
REQUIRED_KEYS = ("step", "title", "goal", "timebox", "done_when")
TEXT_KEYS = ("title", "goal", "done_when")
AGENDA_KEY = "agenda"
"""The overview's optional key: the workshop's agenda, steps and other slots in order."""
FENCE = "+++"
MAX_TIMEBOX = 480  # minutes; anything longer is surely a typo

# Timeboxes of the built-in fallback guides (the shipped ones carry their own).
DEFAULT_TIMEBOXES: dict[str, int] = {
    "overview": 0,
    "setup": 10,
    "segments": 20,
    "touchpoints": 50,
    "details": 50,
    "assess": 35,
    "analysis": 25,
}

# The ``## `` headings of a step guide's sections, by canonical name and language.
SECTION_HEADINGS: dict[str, dict[str, str]] = {
    "questions": {"en": "Questions to ask the room", "es": "Preguntas para la sala"},
    "examples": {"en": "Examples", "es": "Ejemplos"},
    "stalls": {"en": "When the room stalls", "es": "Si la sala se atasca"},
    "pitfalls": {"en": "Pitfalls", "es": "Errores frecuentes"},
    "done_when": {"en": "Done when", "es": "Listo cuando"},
}

_LANG_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_BULLET = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$")
_CODE_FENCE = re.compile(r"^\s{0,3}(```|~~~)")

MESSAGES = Catalog(
    "guides",
    {
        "read": {
            "en": "Guide file {path} could not be read: {reason}.",
            "es": "No se pudo leer el archivo de guía {path}: {reason}.",
        },
        "encoding": {
            "en": "Guide file {path} is not UTF-8 text; save it as UTF-8.",
            "es": "El archivo de guía {path} no es texto UTF-8; guárdalo como UTF-8.",
        },
        "no_front_matter": {
            "en": "Guide file {path} must start with a '+++' line that opens its TOML front matter.",
            "es": "El archivo de guía {path} debe empezar con una línea '+++' que abra su cabecera TOML.",
        },
        "unclosed_front_matter": {
            "en": "Guide file {path} opens its front matter with '+++' but never closes it with a second '+++' line.",
            "es": "El archivo de guía {path} abre su cabecera con '+++' pero no la cierra con una segunda línea '+++'.",
        },
        "bad_toml_at": {
            "en": "Guide file {path} has invalid TOML in its front matter at line {line}, column {column}: {detail}.",
            "es": "El archivo de guía {path} tiene TOML no válido en su cabecera, en la línea {line}, columna {column}.",
        },
        "bad_toml": {
            "en": "Guide file {path} has invalid TOML in its front matter: {detail}.",
            "es": "El archivo de guía {path} tiene TOML no válido en su cabecera.",
        },
        "missing_key": {
            "en": "Guide file {path} lacks the front-matter key '{key}'.",
            "es": "Al archivo de guía {path} le falta la clave '{key}' en la cabecera.",
        },
        "not_text": {
            "en": "In guide file {path}, '{key}' must be a non-empty text in quotes.",
            "es": "En el archivo de guía {path}, '{key}' debe ser un texto no vacío entre comillas.",
        },
        "bad_timebox": {
            "en": "In guide file {path}, 'timebox' must be a whole number of minutes from 0 to {high}, not {value}.",
            "es": "En el archivo de guía {path}, la clave 'timebox' (el tiempo asignado) debe ser un número entero de minutos entre 0 y {high}, no {value}.",
        },
        "unknown_step": {
            "en": "Guide file {path} is for an unknown step '{step}'; the steps are {steps}.",
            "es": "El archivo de guía {path} corresponde a un paso desconocido, '{step}'; los pasos son {steps}.",
        },
        "step_mismatch": {
            "en": "Guide file {path} says step = '{step}' but is named after step '{expected}'; make them agree.",
            "es": "El archivo de guía {path} indica step = '{step}' pero su nombre corresponde al paso '{expected}'; haz que coincidan.",
        },
        "bad_agenda": {
            "en": "In guide file {path}, 'agenda' must list the six steps once each, in order, with slots such as 'welcome 15', 'break 15' or 'close 15' between them, separated by commas; {detail}.",
            "es": "En el archivo de guía {path}, la clave 'agenda' debe nombrar los seis pasos una vez cada uno, en orden, con franjas como 'welcome 15', 'break 15' o 'close 15' entre ellos, separados por comas; {detail}.",
        },
        "agenda.unknown": {
            "en": "'{item}' is neither a step nor a slot ({slots}) with its minutes",
            "es": "'{item}' no es un paso ni una franja ({slots}) con sus minutos",
        },
        "agenda.steps": {
            "en": "the steps must be {steps}",
            "es": "los pasos deben ser {steps}",
        },
        "agenda.minutes": {
            "en": "'{item}' needs whole minutes from 0 to {high}",
            "es": "'{item}' necesita minutos enteros entre 0 y {high}",
        },
        "agenda.only_overview": {
            "en": "only the overview may have one",
            "es": "solo la visión general puede tenerla",
        },
        "slot.welcome": {
            "en": "Welcome, warm-up and ground rules",
            "es": "Bienvenida, calentamiento y reglas del juego",
        },
        "slot.break": {"en": "Break", "es": "Pausa"},
        "slot.lunch": {"en": "Lunch", "es": "Comida"},
        "slot.close": {
            "en": "Actions, next steps and close",
            "es": "Acciones, próximos pasos y cierre",
        },
        "missing_dir": {
            "en": "Guide folder {path} does not exist.",
            "es": "La carpeta de guías {path} no existe.",
        },
        "not_a_dir": {
            "en": "Guide folder {path} is a file, not a folder.",
            "es": "La carpeta de guías {path} es un archivo, no una carpeta.",
        },
        "outside_language": {
            "en": "Guide file {path} is not inside a language folder; move it to {suggestion}.",
            "es": "El archivo de guía {path} no está dentro de una carpeta de idioma; muévelo a {suggestion}.",
        },
        "builtin_body": {
            "en": (
                "No guide file was found for this step, so this is the bare minimum.\n\n"
                "- State the goal to the room before you start the timer.\n"
                "- Ask open questions and let the quiet people speak first.\n"
                "- Before moving on, check the result with the room."
            ),
            "es": (
                "No se encontró ningún archivo de guía para este paso; esto es lo mínimo.\n\n"
                "- Explica el objetivo a la sala antes de poner en marcha el temporizador.\n"
                "- Haz preguntas abiertas y deja que hablen primero quienes menos intervienen.\n"
                "- Antes de pasar al siguiente paso, valida el resultado con la sala."
            ),
        },
        "builtin_done_when": {
            "en": "The room agrees the step's goal has been met.",
            "es": "La sala está de acuerdo en que se ha cumplido el objetivo del paso.",
        },
        "title.overview": {"en": "Workshop overview", "es": "Visión general del taller"},
        "title.setup": {"en": "Set up the session", "es": "Preparar la sesión"},
        "title.segments": {"en": "Customer segments", "es": "Segmentos de clientes"},
        "title.touchpoints": {"en": "Map the touchpoints", "es": "Mapear los puntos de contacto"},
        "title.details": {"en": "Touchpoint details", "es": "Detalles de cada punto de contacto"},
        "title.assess": {"en": "Assess and prioritise", "es": "Evaluar y priorizar"},
        "title.analysis": {"en": "Gap analysis", "es": "Análisis de brechas"},
        "goal.overview": {
            "en": "Plan a workshop that ends with a map, a gap analysis and owned actions.",
            "es": "Planificar un taller que termine con un mapa, un análisis de brechas y acciones con responsable.",
        },
        "goal.setup": {
            "en": "Agree the journey to map and the stages that form the map's columns.",
            "es": "Acordar el recorrido que se va a mapear y las etapas que forman las columnas del mapa.",
        },
        "goal.segments": {
            "en": "Name the customer segments whose touchpoints differ.",
            "es": "Nombrar los segmentos de clientes cuyos puntos de contacto son distintos.",
        },
        "goal.touchpoints": {
            "en": "List every touchpoint under the stage it influences, segment by segment.",
            "es": "Anotar cada punto de contacto en la etapa en la que influye, segmento por segmento.",
        },
        "goal.details": {
            "en": "Give each key touchpoint an owner, processes, a desired outcome and data.",
            "es": "Dar a cada punto de contacto clave un responsable, procesos, un resultado deseado y datos.",
        },
        "goal.assess": {
            "en": "Rate the touchpoints, flag pain points and agree actions.",
            "es": "Valorar los puntos de contacto, marcar los puntos de dolor y acordar acciones.",
        },
        "goal.analysis": {
            "en": "Read the gap analysis and turn it into improvements with owners.",
            "es": "Leer el análisis de brechas y convertirlo en mejoras con responsable.",
        },
    },
)


class GuideError(ValueError):
    """A guide file that cannot be used; ``message`` is one sentence naming the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Guide:
    step: str
    lang: str
    title: str
    goal: str
    timebox: int
    done_when: str
    body: str
    source: Path | None
    agenda: tuple[tuple[str, int | None], ...] = ()
    """The overview's agenda, in order: ``(step, None)`` for a step (it lasts its guide's
    timebox) or ``(slot, minutes)`` for a slot that is not a step (AGENDA_SLOTS)."""

    def sections(self) -> dict[str, str]:
        """The body's ``## `` sections: heading -> text, in file order."""
        return split_sections(self.body)

    def section(self, name: str) -> str:
        """A section's text by canonical name (``"questions"``...) or by heading; ``""`` if absent."""
        wanted = {name.strip().casefold()}
        wanted.update(h.casefold() for h in SECTION_HEADINGS.get(name, {}).values())
        for heading, text in self.sections().items():
            if heading.casefold() in wanted:
                return text
        return ""

    def questions(self) -> list[str]:
        """The bullet items under the questions heading."""
        return bullet_items(self.section("questions"))


@dataclass(frozen=True)
class GuideProblem:
    path: Path
    message: str

    def __str__(self) -> str:
        return self.message


# --- parsing -------------------------------------------------------------------------------


def split_sections(body: str) -> dict[str, str]:
    """Split Markdown at its level-2 headings (``## ``), ignoring fenced code blocks."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    in_code = False
    for line in body.splitlines():
        if _CODE_FENCE.match(line):
            in_code = not in_code
        if not in_code and line.startswith("## "):
            heading = line[3:].strip().rstrip("#").strip()
            current = sections.setdefault(heading, [])
            continue
        if current is not None:
            current.append(line)
    return {heading: "\n".join(lines).strip("\n") for heading, lines in sections.items()}


def bullet_items(text: str) -> list[str]:
    """Top-level list items of a Markdown fragment, continuation lines joined."""
    items: list[str] = []
    for line in text.splitlines():
        match = _BULLET.match(line)
        if match and not line.startswith((" " * 4, "\t")):
            items.append(match.group(1).strip())
        elif items and line.strip() and line[:1].isspace():
            items[-1] = f"{items[-1]} {line.strip()}"
    return items


def _message_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


_SIMPLE_ENTRY = re.compile(
    r'([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"|(0|[1-9][0-9]*))[ \t]*'
)
_SIMPLE_SKIP = re.compile(r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?")


def _simple_front_matter(lines: list[str]) -> dict[str, object] | None:
    """The front matter when it is only ``key = "text"`` and ``key = 15`` lines (and blank
    or comment lines), read as TOML reads them; None for anything else, which tomllib then
    reads (or explains). Guides are loaded at every start and tomllib costs ~4 ms."""
    meta: dict[str, object] = {}
    for line in lines:
        entry = _SIMPLE_ENTRY.fullmatch(line)
        if entry is None:
            if _SIMPLE_SKIP.fullmatch(line):
                continue
            return None
        key, text, number = entry.groups()
        if key in meta:
            return None  # TOML refuses it: let tomllib say so
        meta[key] = text if text is not None else int(number)
    return meta


def _toml_front_matter(
    lines: list[str], first: int, fail: Callable[..., GuideError]
) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads("".join(line + "\n" for line in lines))
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        position = _TOML_POSITION.search(detail)
        if position:
            line = int(position.group(1)) + first + 1
            detail = detail[: position.start()].rstrip(". ")
            raise fail("bad_toml_at", line=line, column=position.group(2), detail=detail) from None
        raise fail("bad_toml", detail=detail.rstrip(". ")) from None


def parse_guide(text: str, path: Path, lang: str, *, messages_lang: str | None = None) -> Guide:
    """Parse one guide file's text; raise :class:`GuideError` naming ``path`` if malformed.

    ``messages_lang`` is the language of the error messages (default: ``lang``).
    """
    ui = _message_lang(messages_lang or lang)

    def fail(message_key: str, /, **params: object) -> GuideError:
        return GuideError(MESSAGES(message_key, ui, path=path, **params))

    lines = text.removeprefix("\ufeff").splitlines()
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines) or lines[first].strip() != FENCE:
        raise fail("no_front_matter")
    close = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == FENCE), None)
    if close is None:
        raise fail("unclosed_front_matter")

    front_matter = lines[first + 1 : close]
    meta = _simple_front_matter(front_matter)
    if meta is None:
        meta = _toml_front_matter(front_matter, first, fail)

    for key in REQUIRED_KEYS:
        if key not in meta:
            raise fail("missing_key", key=key)

    step = meta["step"]
    if not isinstance(step, str) or step.strip() not in GUIDE_STEPS:
        raise fail("unknown_step", step=step, steps=", ".join(GUIDE_STEPS))
    step = step.strip()
    if path.stem in GUIDE_STEPS and path.stem != step:
        raise fail("step_mismatch", step=step, expected=path.stem)

    texts: dict[str, str] = {}
    for key in TEXT_KEYS:
        value = meta[key]
        if not isinstance(value, str) or not value.strip():
            raise fail("not_text", key=key)
        texts[key] = " ".join(value.split())

    timebox = meta["timebox"]
    if isinstance(timebox, bool) or not isinstance(timebox, int) or not 0 <= timebox <= MAX_TIMEBOX:
        raise fail("bad_timebox", high=MAX_TIMEBOX, value=repr(timebox))

    agenda: tuple[tuple[str, int | None], ...] = ()
    if AGENDA_KEY in meta:
        if step != "overview":
            raise fail("bad_agenda", detail=MESSAGES("agenda.only_overview", ui))
        agenda = parse_agenda(meta[AGENDA_KEY], ui, fail)

    body = "\n".join(lines[close + 1 :]).strip("\n")
    return Guide(
        step=step,
        lang=lang,
        title=texts["title"],
        goal=texts["goal"],
        timebox=timebox,
        done_when=texts["done_when"],
        body=body,
        source=path,
        agenda=agenda,
    )


def parse_agenda(
    value: object, ui: str, fail: Callable[..., GuideError]
) -> tuple[tuple[str, int | None], ...]:
    """``"welcome 15, setup, segments, ..., break 15, ..., close 15"``: each step once, in
    the workshop's order, and slots (AGENDA_SLOTS) with their minutes anywhere between."""
    if not isinstance(value, str) or not value.strip():
        raise fail("not_text", key=AGENDA_KEY)
    steps = [step for step in GUIDE_STEPS if step != "overview"]
    slots = ", ".join(AGENDA_SLOTS)
    items: list[tuple[str, int | None]] = []
    for raw in value.split(","):
        words = raw.split()
        if len(words) == 1 and words[0] in steps:
            items.append((words[0], None))
            continue
        if not words or words[0] not in AGENDA_SLOTS:
            detail = MESSAGES("agenda.unknown", ui, item=raw.strip(), slots=slots)
            raise fail("bad_agenda", detail=detail)
        if len(words) != 2 or not words[1].isdigit() or int(words[1]) > MAX_TIMEBOX:
            detail = MESSAGES("agenda.minutes", ui, item=raw.strip(), high=MAX_TIMEBOX)
            raise fail("bad_agenda", detail=detail)
        items.append((words[0], int(words[1])))
    if [key for key, minutes in items if minutes is None] != steps:
        detail = MESSAGES("agenda.steps", ui, steps=", ".join(steps))
        raise fail("bad_agenda", detail=detail)
    return tuple(items)


def builtin_guide(step: str, lang: str) -> Guide:
    """The minimal guide used when no file provides one for ``step``."""
    if step not in GUIDE_STEPS:
        raise ValueError(f"unknown guide step {step!r}")
    code = _message_lang(lang)
    return Guide(
        step=step,
        lang=code,
        title=MESSAGES(f"title.{step}", code),
        goal=MESSAGES(f"goal.{step}", code),
        timebox=DEFAULT_TIMEBOXES[step],
        done_when=MESSAGES("builtin_done_when", code),
        body=MESSAGES("builtin_body", code),
        source=None,
    )


# --- folders -------------------------------------------------------------------------------


SHIPPED_PACKAGE = "tpworkshop.facilitation_guides"


def shipped_guides_dir() -> Path:
    """The guides shipped inside the package (``tpworkshop.facilitation_guides``).

    The build maps the repository's ``facilitation_guides/`` folder into the package (see
    ``setup.py``), so a wheel and an editable install find them the same way.
    """
    from importlib.resources import files

    try:
        return Path(str(files(SHIPPED_PACKAGE)))
    except ModuleNotFoundError:
        # An editable install made before the folder was mapped into the package knows
        # only ``tpworkshop``; its checkout still has the folder beside it. (Reinstalling
        # with ``pip install -e .`` makes this branch unused; a wheel never reaches it.)
        return Path(__file__).resolve().parents[2] / "facilitation_guides"


def user_guides_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/tpworkshop/guides`` if set (and absolute), else ``~/.config/...``."""
    env = os.environ if environ is None else environ
    xdg = env.get("XDG_CONFIG_HOME", "")
    if xdg and Path(xdg).is_absolute():
        base = Path(xdg)
    else:
        home = env.get("HOME")
        base = (Path(home) if home else Path.home()) / ".config"
    return base / "tpworkshop" / "guides"


def _language_code(lang: str) -> str:
    code = (lang or "").strip().lower()
    return code if _LANG_CODE.fullmatch(code) else DEFAULT_LANGUAGE


def _read(path: Path, ui: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GuideError(MESSAGES("encoding", ui, path=path)) from None
    except OSError as exc:
        reason = os_reason(exc, ui)
        raise GuideError(MESSAGES("read", ui, path=path, reason=reason)) from None


def _layer(
    dirs: Sequence[Path], lang: str, ui: str
) -> tuple[dict[str, Guide], list[tuple[str | None, GuideProblem]]]:
    """Guides of one language, later folders winning step by step; problems tagged by step."""
    guides: dict[str, Guide] = {}
    problems: list[tuple[str | None, GuideProblem]] = []
    for folder in dirs:
        lang_dir = folder / lang
        if not lang_dir.is_dir():
            continue
        for path in sorted(lang_dir.glob("*.md")):
            if path.name.startswith(".") or not path.is_file():
                continue
            if path.stem not in GUIDE_STEPS:
                message = MESSAGES(
                    "unknown_step", ui, path=path, step=path.stem, steps=", ".join(GUIDE_STEPS)
                )
                problems.append((None, GuideProblem(path, message)))
                continue
            try:
                guide = parse_guide(_read(path, ui), path, lang, messages_lang=ui)
            except GuideError as exc:
                problems.append((path.stem, GuideProblem(path, exc.message)))
                continue
            guides[guide.step] = guide
    return guides, problems


def _check_extra_dir(folder: Path, lang: str, ui: str) -> list[GuideProblem]:
    if not folder.exists():
        return [GuideProblem(folder, MESSAGES("missing_dir", ui, path=folder))]
    if not folder.is_dir():
        return [GuideProblem(folder, MESSAGES("not_a_dir", ui, path=folder))]
    problems = []
    for step in GUIDE_STEPS:
        stray = folder / f"{step}.md"
        if stray.is_file():
            suggestion = folder / lang / stray.name
            message = MESSAGES("outside_language", ui, path=stray, suggestion=suggestion)
            problems.append(GuideProblem(stray, message))
    return problems


def load_guides(
    lang: str,
    extra_dirs: Sequence[Path] = (),
    environ: Mapping[str, str] | None = None,
) -> tuple[dict[str, Guide], list[GuideProblem]]:
    """Every step's guide in ``lang``, and the problems met on the way.

    Layers, later winning step by step: the shipped guides, the user's guides folder, then
    each of ``extra_dirs``. A step missing in ``lang`` falls back to English, then to a
    built-in minimal guide. The returned dict has every step of GUIDE_STEPS, in order.
    """
    code = _language_code(lang)
    ui = _message_lang(code)
    extras = [Path(d).expanduser() for d in extra_dirs]
    dirs = [shipped_guides_dir(), user_guides_dir(environ), *extras]

    problems: list[GuideProblem] = []
    for folder in extras:
        problems.extend(_check_extra_dir(folder, code, ui))

    guides, tagged = _layer(dirs, code, ui)
    problems.extend(problem for _, problem in tagged)

    missing = [step for step in GUIDE_STEPS if step not in guides]
    if missing and code != DEFAULT_LANGUAGE:
        fallback, fallback_tagged = _layer(dirs, DEFAULT_LANGUAGE, ui)
        for step in missing:
            if step in fallback:
                guides[step] = fallback[step]
        problems.extend(problem for step, problem in fallback_tagged if step in missing)

    result = {step: guides.get(step) or builtin_guide(step, code) for step in GUIDE_STEPS}
    return result, problems
