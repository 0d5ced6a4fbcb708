"""Strings of tui/screens/touchpoints.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.touchpoints",
    {
        # bindings
        "key.choose": {"en": "Add here", "es": "Añadir aquí"},
        "key.map": {"en": "Map", "es": "Mapa"},
        "key.add": {"en": "New touchpoint", "es": "Nuevo punto de contacto"},
        "key.list": {"en": "Cell list", "es": "Lista de la celda"},
        "key.to_list": {"en": "To the cell list", "es": "A la lista de la celda"},
        "key.channel": {"en": "Channel", "es": "Canal"},
        "key.kind": {"en": "Kind", "es": "Tipo"},
        "key.initiative": {"en": "Initiative", "es": "Iniciativa"},
        "key.rename": {"en": "Rename", "es": "Renombrar"},
        "key.copy": {"en": "Copy", "es": "Copiar"},
        "key.move": {"en": "Move", "es": "Mover"},
        "key.move_segment": {"en": "Move to segment", "es": "Mover a segmento"},
        "key.up": {"en": "Move up", "es": "Subir"},
        "key.down": {"en": "Move down", "es": "Bajar"},
        "key.delete": {"en": "Delete", "es": "Borrar"},
        "key.undo": {"en": "Undo", "es": "Deshacer"},
        # the cell
        "cell.title": {"en": "{segment} · {stage}", "es": "{segment} · {stage}"},
        "cell.count.0": {"en": "no touchpoints yet", "es": "sin puntos de contacto"},
        "cell.count.1": {"en": "1 touchpoint", "es": "1 punto de contacto"},
        "cell.count.n": {"en": "{n} touchpoints", "es": "{n} puntos de contacto"},
        "cell.total": {"en": "{n} in the map", "es": "{n} en el mapa"},
        "placeholder": {
            "en": "New touchpoint in {segment} · {stage}…",
            "es": "Nuevo punto de contacto en {segment} · {stage}…",
        },
        "placeholder.idle": {
            "en": "Enter: type touchpoints for {segment} · {stage}",
            "es": "Intro: escribe puntos de contacto para {segment} · {stage}",
        },
        "placeholder.none": {
            "en": "No cell to add to yet",
            "es": "Aún no hay ninguna celda donde añadir",
        },
        "hint.empty_cell": {
            "en": "Nothing here yet: Enter, then type a name, Enter, and the next one.",
            "es": "Aún no hay nada: Intro, escribe un nombre, Intro, y el siguiente.",
        },
        "hint.no_segments": {
            "en": "No segments yet: press 2 and list the customer segments first.",
            "es": "Aún no hay segmentos: pulsa 2 y define primero los segmentos de clientes.",
        },
        "hint.no_stages": {
            "en": "No stages yet: press 1 and pick a framework or add stages.",
            "es": "Aún no hay etapas: pulsa 1 y elige un marco o añade etapas.",
        },
        "col.ref": {"en": "Id", "es": "Id"},
        "col.name": {"en": "Touchpoint", "es": "Punto de contacto"},
        "col.channel": {"en": "Channel", "es": "Canal"},
        "col.kind": {"en": "Kind", "es": "Tipo"},
        "col.initiative": {"en": "Initiative", "es": "Iniciativa"},
        "kind.communication": {"en": "comms", "es": "comunic."},
        "kind.human": {"en": "human", "es": "humano"},
        "kind.physical": {"en": "physical", "es": "físico"},
        "kind.sensory": {"en": "sensory", "es": "sensorial"},
        "kind.communication.long": {"en": "communication", "es": "comunicación"},
        "kind.human.long": {"en": "human", "es": "humano"},
        "kind.physical.long": {"en": "physical", "es": "físico"},
        "kind.sensory.long": {"en": "sensory", "es": "sensorial"},
        "kind.none": {"en": "no kind", "es": "sin tipo"},
        "initiative.proactive": {"en": "proactive", "es": "proactivo"},
        "initiative.reactive": {"en": "reactive", "es": "reactivo"},
        "initiative.none": {"en": "no initiative", "es": "sin iniciativa"},
        # messages
        "need_touchpoint": {
            "en": "Choose a touchpoint in the cell list first (Tab moves there).",
            "es": "Elige primero un punto de contacto en la lista de la celda (Tab lleva allí).",
        },
        "need_cell": {
            "en": "There is no cell to add to: add segments (2) and stages (1) first.",
            "es": "No hay celda donde añadir: añade antes segmentos (2) y etapas (1).",
        },
        "deleted": {
            "en": "Deleted “{name}” — press U to undo.",
            "es": "Se borró «{name}»: pulsa U para deshacer.",
        },
        "copy.title": {
            "en": "Copy “{name}” to which segments? (Space ticks, Enter copies)",
            "es": "¿A qué segmentos copiar «{name}»? (Espacio marca, Intro copia)",
        },
        "copy.already": {"en": "{segment} (already has it)", "es": "{segment} (ya lo tiene)"},
        "copy.no_other": {
            "en": "There is no other segment to copy to.",
            "es": "No hay otro segmento al que copiarlo.",
        },
        "copy.nothing": {
            "en": "Nothing copied: tick segments with Space, then press Enter.",
            "es": "No se copió nada: marca segmentos con Espacio y pulsa Intro.",
        },
        "copied": {"en": "Copied “{name}” to {targets}.", "es": "Se copió «{name}» a {targets}."},
        "move.title": {
            "en": "Move “{name}” to which stage?",
            "es": "¿A qué etapa mover «{name}»?",
        },
        "move_segment.title": {
            "en": "Move “{name}” to which segment?",
            "es": "¿A qué segmento mover «{name}»?",
        },
        "move.no_other": {"en": "There is no other stage.", "es": "No hay otra etapa."},
        "move_segment.no_other": {
            "en": "There is no other segment.",
            "es": "No hay otro segmento.",
        },
        "moved": {"en": "Moved “{name}” to {target}.", "es": "Se movió «{name}» a {target}."},
        "rename.title": {
            "en": "Rename the touchpoint",
            "es": "Renombrar el punto de contacto",
        },
        # palette
        "cmd.map": {"en": "Touchpoints: focus the map", "es": "Mapa: elegir una celda"},
        "cmd.map.help": {
            "en": "Arrows choose a cell, Enter adds touchpoints to it",
            "es": "Las flechas eligen una celda; Intro añade puntos de contacto en ella",
        },
        "cmd.add": {
            "en": "Touchpoints: add to the current cell",
            "es": "Mapa: añadir en la celda actual",
        },
        "cmd.add.help": {
            "en": "Type a name, Enter, type the next",
            "es": "Escribe un nombre, Intro, y el siguiente",
        },
        "cmd.list": {
            "en": "Touchpoints: focus the cell list",
            "es": "Mapa: ir a la lista de la celda",
        },
        "cmd.list.help": {
            "en": "The touchpoints of the current cell",
            "es": "Los puntos de contacto de la celda actual",
        },
        "cmd.channel": {
            "en": "Touchpoint: set the channel",
            "es": "Punto de contacto: fijar el canal",
        },
        "cmd.channel.help": {
            "en": "Type one or pick one already used",
            "es": "Escribe uno o elige uno ya usado",
        },
        "cmd.kind": {"en": "Touchpoint: kind {kind}", "es": "Punto de contacto: tipo {kind}"},
        "cmd.kind.help": {
            "en": "Communication, human, physical or sensory (K cycles)",
            "es": "Comunicación, humano, físico o sensorial (K los recorre)",
        },
        "cmd.initiative": {
            "en": "Touchpoint: initiative {initiative}",
            "es": "Punto de contacto: iniciativa {initiative}",
        },
        "cmd.initiative.help": {
            "en": "Proactive (planned by the company, whatever the customer does) or reactive (triggered by the customer); I toggles",
            "es": "Proactivo (lo planifica la empresa, haga lo que haga el cliente) o reactivo (lo desencadena el cliente); I alterna",
        },
        "cmd.rename": {"en": "Touchpoint: rename", "es": "Punto de contacto: renombrar"},
        "cmd.rename.help": {"en": "Change its name", "es": "Cambiar su nombre"},
        "cmd.copy": {
            "en": "Touchpoint: copy to other segments",
            "es": "Punto de contacto: copiar a otros segmentos",
        },
        "cmd.copy.help": {
            "en": "Same stage, name, channel, kind and initiative",
            "es": "Misma etapa, nombre, canal, tipo e iniciativa",
        },
        "cmd.move": {
            "en": "Touchpoint: move to another stage",
            "es": "Punto de contacto: mover a otra etapa",
        },
        "cmd.move.help": {"en": "Keeps its details", "es": "Conserva sus detalles"},
        "cmd.move_segment": {
            "en": "Touchpoint: move to another segment",
            "es": "Punto de contacto: mover a otro segmento",
        },
        "cmd.up": {
            "en": "Touchpoint: move up in the cell",
            "es": "Punto de contacto: subir en la celda",
        },
        "cmd.down": {
            "en": "Touchpoint: move down in the cell",
            "es": "Punto de contacto: bajar en la celda",
        },
        "cmd.order.help": {
            "en": "Order within the cell (< and > or Shift+arrows)",
            "es": "Orden dentro de la celda (< y > o Mayús+flechas)",
        },
        "cmd.delete": {"en": "Touchpoint: delete", "es": "Punto de contacto: borrar"},
        "cmd.delete.help": {
            "en": "Deleted at once; U or Ctrl+Z undoes it",
            "es": "Se borra al momento; U o Ctrl+Z lo deshace",
        },
    },
)
