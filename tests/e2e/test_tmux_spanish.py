"""A Spanish room at 80x24: every step, its other pane, the help, the agenda, the palette
and the analysis tabs, in a real terminal (tmux), read off the screen with no English word
of the glossary's list on it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal, needs_tmux
from tests.test_glossary import glossary
from tpworkshop.demo import ensure_demo
from tpworkshop.storage import Store

pytestmark = [needs_tmux, pytest.mark.slow]


def english_words(screen: str) -> list[str]:
    words = set(glossary()["english"]["words"])
    return sorted({word for word in re.findall(r"[A-Za-z]+", screen) if word in words})


# What to press from a step (after Esc and its number), and what must then be on screen.
VIEWS: list[tuple[str, tuple[str, ...], str]] = [
    ("1", (), "Navegando · Etapas"),
    ("1", ("F6",), "Editando · Nombre"),
    ("2", (), "Navegando · Segmentos"),
    ("2", ("x",), "¿Quitar el segmento"),
    ("3", (), "Navegando · Mapa"),
    ("3", ("F6",), "Editando · Punto de contacto nuevo"),
    ("4", (), "4 Detalles"),
    ("4", ("F6",), "4 Detalles"),
    ("5", (), "Acciones · abiertas"),
    ("5", ("F6",), "Acciones · abiertas"),
    ("6", (), "Navegando · Hallazgos"),
    ("6", ("m",), "Mapa de cobertura"),
    ("6", ("c",), "Canales por etapa"),
    ("6", ("e",), "Curva de experiencia"),
    ("6", ("p",), "Prioridades"),
    ("6", ("i",), "Importancia × desempeño"),
    ("6", ("r",), "Exportar el análisis como"),
    ("3", ("F1",), "Teclas"),
    ("3", ("F9",), "Bienvenida"),
    ("3", ("C-p",), "Buscar comandos…"),
    ("3", ("F7",), "Quién está conectado"),
]


def test_every_step_in_spanish_at_80x24_shows_no_english(tmp_path: Path) -> None:
    db = tmp_path / "es.db"
    with Store(db) as store:
        sid = ensure_demo(store, "es")
    term = Terminal(
        f"{sys.executable} -m tpworkshop --db {db} open {sid}",
        env={"TERM": "xterm-256color", "LANG": "es_ES.UTF-8"},
    )
    seen: dict[str, list[str]] = {}
    try:
        term.wait_for("Navegando")
        for step, keys, expected in VIEWS:
            term.keys("Escape", "Escape", step)
            term.wait_for(lambda s, step=step: f" {step} " in s and "Navegando" in s)
            if keys:
                term.keys(*keys, pause=0.3)
            screen = term.wait_for(expected)
            lines = screen.splitlines()
            assert all(len(line) <= 80 for line in lines)
            found = english_words(screen)
            if found:
                seen[f"{step} {' '.join(keys)}"] = found
            if keys == ("F6",):
                term.keys("F6", pause=0.3)  # back to the step's list (a field keeps Esc)
        term.keys("Escape", "Escape")
    finally:
        term.close()
    assert seen == {}, seen
