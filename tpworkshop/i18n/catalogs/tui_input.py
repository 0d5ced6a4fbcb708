"""Strings of the input model: the state in the top bar, going to a field, undo."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

INPUT_TEXT = Catalog(
    "tui.input",
    {
        "state.editing": {"en": "✎ Editing", "es": "✎ Editando"},
        "state.navigating": {"en": "☰ Navigating", "es": "☰ Navegando"},
        "key.pane": {"en": "Field/list", "es": "Campo/lista"},
        "key.undo": {"en": "Undo", "es": "Deshacer"},
        "key.go_field": {"en": "Go to field {n}", "es": "Ir al campo {n}"},
        "cmd.undo": {"en": "Undo your last change", "es": "Deshacer tu último cambio"},
        "cmd.undo.help": {
            "en": "Ctrl+Z, any change of yours; tpworkshop history lists them all",
            "es": "Ctrl+Z, cualquier cambio tuyo; tpworkshop history los muestra todos",
        },
        # the panes and fields the top bar names
        "name.stages": {"en": "Stages", "es": "Etapas"},
        "name.segments": {"en": "Segments", "es": "Segmentos"},
        "name.new_segment": {"en": "New segment", "es": "Segmento nuevo"},
        "name.map": {"en": "Map", "es": "Mapa"},
        "name.new_touchpoint": {"en": "New touchpoint", "es": "Punto de contacto nuevo"},
        "name.cell_list": {"en": "Cell list", "es": "Lista de la celda"},
        "name.navigator": {"en": "Touchpoints", "es": "Puntos de contacto"},
        "name.items": {"en": "{field} (items)", "es": "{field} (elementos)"},
        "name.actions": {"en": "Actions", "es": "Acciones"},
    },
)
