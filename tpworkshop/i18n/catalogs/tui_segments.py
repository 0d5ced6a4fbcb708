"""Strings of tui/screens/segments.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.segments",
    {
        "prompt": {
            "en": "Do all your customers live the same touchpoints? If not, list each "
            "segment here; the map then gets one row per segment.",
            "es": "¿Viven todos tus clientes los mismos puntos de contacto? Si no, anota "
            "aquí cada segmento; el mapa tendrá una fila por segmento.",
        },
        "col.n": {"en": "#", "es": "#"},
        "col.name": {"en": "Segment", "es": "Segmento"},
        "col.description": {"en": "Description", "es": "Descripción"},
        "col.tps": {"en": "Touchpoints", "es": "P. de contacto"},
        "empty": {
            "en": "No segments yet. Press N to type names below (Enter after each one), "
            "or A to add one with a description.",
            "es": "Aún no hay segmentos. Pulsa N para escribir nombres abajo (Intro tras "
            "cada uno), o A para añadir uno con su descripción.",
        },
        "fast.placeholder": {
            "en": "New segment… (type a name, Enter, then the next)",
            "es": "Nuevo segmento… (escribe un nombre, Intro, y el siguiente)",
        },
        # bindings
        "key.add": {"en": "Add", "es": "Añadir"},
        "key.edit": {"en": "Edit", "es": "Editar"},
        "key.up": {"en": "Move up", "es": "Subir"},
        "key.down": {"en": "Move down", "es": "Bajar"},
        "key.remove": {"en": "Remove", "es": "Quitar"},
        "key.new": {"en": "Type new", "es": "Escribir"},
        "key.list": {"en": "Back to the list", "es": "Volver a la lista"},
        "group.move": {"en": "Move", "es": "Mover"},
        # dialogs and notices
        "add.title": {"en": "New segment", "es": "Nuevo segmento"},
        "edit.title": {"en": "Edit the segment “{name}”", "es": "Editar el segmento «{name}»"},
        "field.name": {"en": "Name", "es": "Nombre"},
        "field.description": {
            "en": "Description (who they are, what sets them apart)",
            "es": "Descripción (quiénes son, qué los distingue)",
        },
        "remove.one": {
            "en": "Remove the segment “{name}”? It holds 1 touchpoint, which goes too.",
            "es": "¿Quitar el segmento «{name}»? Tiene 1 punto de contacto, que también se borrará.",
        },
        "remove.many": {
            "en": "Remove the segment “{name}”? It holds {n} touchpoints, which go too.",
            "es": "¿Quitar el segmento «{name}»? Tiene {n} puntos de contacto, que también se borrarán.",
        },
        "removed": {"en": "Removed the segment “{name}”.", "es": "Se quitó el segmento «{name}»."},
        "not_saved": {
            "en": "{error} Not saved until fixed.",
            "es": "{error} No se guarda hasta corregirlo.",
        },
        # palette
        "cmd.add": {"en": "Add a segment", "es": "Añadir un segmento"},
        "cmd.add.help": {
            "en": "Name and description of a customer segment",
            "es": "Nombre y descripción de un segmento de clientes",
        },
        "cmd.edit": {"en": "Edit the selected segment", "es": "Editar el segmento elegido"},
        "cmd.edit.help": {
            "en": "Its name and description",
            "es": "Su nombre y su descripción",
        },
        "cmd.up": {"en": "Move the segment up", "es": "Subir el segmento"},
        "cmd.up.help": {"en": "One row up on the map", "es": "Una fila más arriba en el mapa"},
        "cmd.down": {"en": "Move the segment down", "es": "Bajar el segmento"},
        "cmd.down.help": {"en": "One row down on the map", "es": "Una fila más abajo en el mapa"},
        "cmd.remove": {"en": "Remove the selected segment", "es": "Quitar el segmento elegido"},
        "cmd.remove.help": {
            "en": "Asks first when it holds touchpoints",
            "es": "Pregunta antes si tiene puntos de contacto",
        },
        "cmd.new": {"en": "Type new segments", "es": "Escribir segmentos nuevos"},
        "cmd.list": {"en": "Go to the segment list", "es": "Ir a la lista de segmentos"},
        "cmd.list.help": {
            "en": "Where the segment keys work (Escape from the typing line)",
            "es": "Donde funcionan las teclas de segmentos (Esc desde la línea de escritura)",
        },
        "cmd.new.help": {
            "en": "Fast entry: a name, Enter, the next name",
            "es": "Entrada rápida: un nombre, Intro, el siguiente",
        },
    },
)
