"""Strings of tui/screens/details.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.details",
    {
        # bindings
        "key.next_tp": {"en": "Next", "es": "Siguiente"},
        "key.prev_tp": {"en": "Previous", "es": "Anterior"},
        "key.filter": {"en": "Filter", "es": "Filtro"},
        "key.pick_field": {"en": "Go to field", "es": "Campo"},
        "key.leave_field": {"en": "Back to the list", "es": "Volver a la lista"},
        "key.pane": {"en": "List/form", "es": "Lista/ficha"},
        "key.remove_item": {"en": "Remove", "es": "Quitar"},
        "key.item_up": {"en": "Move item up", "es": "Subir elemento"},
        "key.item_down": {"en": "Move item down", "es": "Bajar elemento"},
        # navigator
        "filter.all": {"en": "All touchpoints", "es": "Todos los puntos de contacto"},
        "filter.owner": {"en": "Missing owner", "es": "Sin responsable"},
        "filter.desired_outcome": {"en": "Missing outcome", "es": "Sin resultado deseado"},
        "filter.processes": {"en": "Missing process", "es": "Sin proceso"},
        "filter.data_generated": {"en": "Missing data", "es": "Sin datos generados"},
        "count.all": {"en": "{total} touchpoints", "es": "{total} puntos de contacto"},
        "count.owner": {
            "en": "{n} of {total} miss an owner",
            "es": "{n} de {total} sin responsable",
        },
        "count.desired_outcome": {
            "en": "{n} of {total} miss an outcome",
            "es": "{n} de {total} sin resultado",
        },
        "count.processes": {
            "en": "{n} of {total} miss a process",
            "es": "{n} de {total} sin proceso",
        },
        "count.data_generated": {
            "en": "{n} of {total} miss data",
            "es": "{n} de {total} sin datos",
        },
        "filter.line": {"en": "f: {name}", "es": "f: {name}"},
        "mark.owner": {"en": "O", "es": "R"},
        "mark.processes": {"en": "P", "es": "P"},
        "mark.desired_outcome": {"en": "R", "es": "S"},
        "mark.data_generated": {"en": "D", "es": "D"},
        "legend": {
            "en": "Missing: O owner P process\nR result D data",
            "es": "Falta: R responsable\nP proceso D datos\nS resultado deseado",
        },
        "none_left": {
            "en": "Nothing left to fill for this filter. Press f for the next one.",
            "es": "No queda nada por completar con este filtro. Pulsa f para el siguiente.",
        },
        # form
        "empty": {
            "en": "No touchpoints yet. Press 3 to brainstorm them in the Touchpoints step.",
            "es": "Aún no hay puntos de contacto. Pulsa 3 para proponerlos en el paso Mapa.",
        },
        "place": {"en": "{place} · {n} of {total}", "es": "{place} · {n} de {total}"},
        "channel": {"en": "channel: {channel}", "es": "canal: {channel}"},
        "missing": {"en": "missing", "es": "falta"},
        "editing": {
            "en": "editing item {n}: Enter saves, Ctrl+G cancels",
            "es": "editando el elemento {n}: Intro guarda, Ctrl+G cancela",
        },
        "hint.need": {
            "en": "What does the customer want at this point?",
            "es": "¿Qué quiere el cliente en este momento?",
        },
        "hint.interactions": {
            "en": "Add an interaction (e.g. direct mail), Enter",
            "es": "Añade una interacción (p. ej. buzoneo), Intro",
        },
        "hint.owner": {
            "en": "Person or department responsible, Enter",
            "es": "Persona o departamento responsable, Intro",
        },
        "hint.processes": {
            "en": "Add a process that supports it, Enter",
            "es": "Añade un proceso que lo sostiene, Intro",
        },
        "hint.people": {
            "en": "Add who supports those processes, Enter",
            "es": "Añade quién sostiene esos procesos, Intro",
        },
        "hint.customer_contacts": {
            "en": "Add who the customer deals with, Enter",
            "es": "Añade con quién trata el cliente, Intro",
        },
        "hint.desired_outcome": {
            "en": "What should each interaction achieve?",
            "es": "¿Qué debe lograr cada interacción?",
        },
        "hint.data_generated": {
            "en": "Add data this touchpoint generates, Enter",
            "es": "Añade un dato que genera este punto de contacto, Intro",
        },
        "hint.optimal_experience": {
            "en": "What should every customer experience here?",
            "es": "¿Qué debería vivir cada cliente aquí?",
        },
        "saved_elsewhere": {
            "en": "This touchpoint was deleted by someone else.",
            "es": "Otra persona ha borrado este punto de contacto.",
        },
        # palette
        "cmd.next": {
            "en": "Details: next touchpoint",
            "es": "Detalles: siguiente punto de contacto",
        },
        "cmd.next.help": {
            "en": "The next touchpoint in the filtered list (PageDown)",
            "es": "El siguiente punto de contacto de la lista filtrada (AvPág)",
        },
        "cmd.prev": {
            "en": "Details: previous touchpoint",
            "es": "Detalles: punto de contacto anterior",
        },
        "cmd.prev.help": {
            "en": "The previous touchpoint in the filtered list (PageUp)",
            "es": "El punto de contacto anterior de la lista filtrada (RePág)",
        },
        "cmd.filter": {"en": "Details: filter “{name}”", "es": "Detalles: filtro «{name}»"},
        "cmd.filter.help": {
            "en": "Walk through what is still empty (f cycles the filters)",
            "es": "Recorrer lo que aún está vacío (f cambia de filtro)",
        },
        "cmd.pane": {
            "en": "Details: switch between list and form",
            "es": "Detalles: cambiar entre lista y ficha",
        },
        "cmd.pane.help": {"en": "F6", "es": "F6"},
        "cmd.pick_field": {
            "en": "Details: go to a field…",
            "es": "Detalles: ir a un campo…",
        },
        "cmd.pick_field.help": {
            "en": "The form's fields in a list; Enter goes there (Ctrl+L, or g in a list)",
            "es": "Los campos de la ficha en una lista; Intro lleva allí (Ctrl+L, o g en una lista)",
        },
        "pick_field.title": {
            "en": "Go to which field? (its number or Enter; Esc closes)",
            "es": "¿A qué campo vas? (su número o Intro; Esc cierra)",
        },
        "cmd.field": {"en": "Details: edit {field}", "es": "Detalles: editar {field}"},
        "cmd.field.help": {
            "en": "Jump to this field of the selected touchpoint",
            "es": "Ir a este campo del punto de contacto elegido",
        },
        "cmd.edit_item": {
            "en": "Details: edit the highlighted list item",
            "es": "Detalles: editar el elemento marcado de la lista",
        },
        "cmd.edit_item.help": {"en": "Intro in a list", "es": "Intro en una lista"},
        "cmd.remove_item": {
            "en": "Details: remove the highlighted list item",
            "es": "Detalles: quitar el elemento marcado de la lista",
        },
        "cmd.remove_item.help": {
            "en": "x or Delete in a list",
            "es": "x o Supr en una lista",
        },
        "cmd.item_up": {
            "en": "Details: move the highlighted list item up",
            "es": "Detalles: subir el elemento marcado de la lista",
        },
        "cmd.item_down": {
            "en": "Details: move the highlighted list item down",
            "es": "Detalles: bajar el elemento marcado de la lista",
        },
        "cmd.item.help": {
            "en": "Shift+Up / Shift+Down in a list",
            "es": "Mayús+↑ / Mayús+↓ en una lista",
        },
    },
)
