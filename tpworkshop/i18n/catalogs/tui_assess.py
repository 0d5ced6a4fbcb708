"""Strings of tui/screens/assess.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.assess",
    {
        "dots_left": {
            "en": "Dot placed; you have {n} left.",
            "es": "Voto colocado; te quedan {n}.",
        },
        "no_own_dot": {
            "en": "You have no dot on «{name}» to take back.",
            "es": "No tienes ningún voto en «{name}» que retirar.",
        },
        # bindings
        "key.rate": {"en": "Rate", "es": "Valorar"},
        "key.raise": {"en": "Raise rating", "es": "Subir la valoración"},
        "key.lower": {"en": "Lower rating", "es": "Bajar la valoración"},
        "key.clear": {"en": "Clear rating", "es": "Borrar la valoración"},
        "key.pain": {"en": "Pain", "es": "Dolor"},
        "key.note": {"en": "Pain note", "es": "Nota del punto de dolor"},
        "key.vote": {"en": "Vote", "es": "Votar"},
        "key.unvote": {"en": "Unvote", "es": "Quitar voto"},
        "key.add_action": {"en": "Action", "es": "Acción"},
        "key.sort": {"en": "Sort", "es": "Ordenar"},
        "key.done": {"en": "Done/open", "es": "Hecha/abierta"},
        "key.edit_action": {"en": "Edit action", "es": "Editar acción"},
        "key.delete_action": {"en": "Delete action", "es": "Borrar"},
        "key.tie": {"en": "Tie to touchpoint", "es": "Vincular a un punto de contacto"},
        "key.importance": {"en": "Importance", "es": "Importancia"},
        "key.moment": {"en": "Moment", "es": "Momento"},
        "key.evidence": {"en": "Evidence", "es": "Evidencia"},
        # table
        "col.segment": {"en": "Segment", "es": "Segmento"},
        "col.stage": {"en": "Stage", "es": "Etapa"},
        "col.name": {"en": "Touchpoint", "es": "Punto de contacto"},
        "col.eff": {"en": "Eff.", "es": "Efect."},
        "col.votes": {"en": "Votes", "es": "Votos"},
        "col.imp": {"en": "Imp.", "es": "Imp."},
        "col.mot": {"en": "◆", "es": "◆"},
        "facts": {
            "en": "i {importance} · m {moment} · v {evidence}",
            "es": "i {importance} · m {moment} · v {evidence}",
        },
        "facts.importance": {"en": "importance {n}", "es": "importancia {n}"},
        "facts.importance_stage": {
            "en": "importance {n} (stage weight)",
            "es": "importancia {n} (de la etapa)",
        },
        "facts.moment": {"en": "◆ moment of truth", "es": "◆ momento de la verdad"},
        "facts.no_moment": {"en": "no moment of truth", "es": "sin momento de la verdad"},
        "facts.evidence": {"en": "evidence: {evidence}", "es": "evidencia: {evidence}"},
        "evidence.none": {"en": "not stated", "es": "sin indicar"},
        "evidence.assumed": {"en": "assumed", "es": "supuesta"},
        "evidence.reported": {"en": "reported", "es": "referida"},
        "evidence.observed": {"en": "observed", "es": "observada"},
        "evidence.measured": {"en": "measured", "es": "medida"},
        "evidence.set": {
            "en": "Evidence for “{name}”: {evidence} (v again for the next).",
            "es": "Evidencia de «{name}»: {evidence} (v otra vez para la siguiente).",
        },
        "importance.title": {"en": "Importance of “{name}”", "es": "Importancia de «{name}»"},
        "importance.scale": {
            "en": "1 minor · 2 · 3 · 4 · 5 makes or breaks the journey",
            "es": "1 menor · 2 · 3 · 4 · 5 decide el recorrido",
        },
        "importance.help": {
            "en": "Press 1 to 5, or 0 for its stage's weight ({weight}). Esc or Ctrl+G cancels.",
            "es": "Pulsa de 1 a 5, o 0 para el peso de su etapa ({weight}). Esc o Ctrl+G cancela.",
        },
        "col.status": {"en": "✓", "es": "✓"},
        "col.title": {"en": "Action", "es": "Acción"},
        "col.owner": {"en": "Owner", "es": "Responsable"},
        "col.due": {"en": "Due", "es": "Fecha"},
        "col.touchpoint": {"en": "Touchpoint", "es": "Punto de contacto"},
        "order.map": {"en": "Map order", "es": "Orden del mapa"},
        "order.votes": {"en": "Most votes first", "es": "Más votados primero"},
        "summary": {
            "en": "{order} (key s) · rated {rated}/{total} · pain points {pains} · votes {votes}",
            "es": "{order} (tecla s) · valorados {rated}/{total} · puntos de dolor {pains} · votos {votes}",
        },
        "empty": {
            "en": "No touchpoints to assess yet. Press 3 to add them in the Touchpoints step.",
            "es": "Aún no hay puntos de contacto que evaluar. Pulsa 3 para añadirlos en el paso Mapa.",
        },
        "note.pain": {"en": "⚠ {name}: {note}", "es": "⚠ {name}: {note}"},
        "note.pain_empty": {
            "en": "⚠ {name}: pain point (n adds a note)",
            "es": "⚠ {name}: punto de dolor (n añade una nota)",
        },
        "note.none": {
            "en": "{name}: e rate · p pain point · +/- votes · a action",
            "es": "{name}: e valorar · p punto de dolor · +/- votos · a acción",
        },
        "actions.title": {
            "en": "Actions · {open} open · {done} done",
            "es": "Acciones · abiertas: {open} · hechas: {done}",
        },
        "actions.empty": {
            "en": "Actions · none yet: press a to agree one",
            "es": "Acciones · ninguna todavía: pulsa a para acordar una",
        },
        "no_touchpoint": {"en": "—", "es": "—"},
        # dialogs
        "pain.title": {"en": "Pain point: {name}", "es": "Punto de dolor: {name}"},
        "pain.note": {
            "en": "What goes wrong here? (optional)",
            "es": "¿Qué falla aquí? (opcional)",
        },
        "action.new": {"en": "New action", "es": "Nueva acción"},
        "action.edit": {"en": "Edit action", "es": "Editar acción"},
        "action.due": {
            "en": "Due date (YYYY-MM-DD, optional)",
            "es": "Fecha límite (DD/MM/AAAA o AAAA-MM-DD, opcional)",
        },
        "action.due.placeholder": {"en": "2026-12-31", "es": "31/12/2026"},
        "action.owner": {"en": "Owner (optional)", "es": "Responsable (opcional)"},
        "action.touchpoint": {
            "en": "Touchpoint (blank: not tied to one)",
            "es": "Punto de contacto (en blanco: ninguno)",
        },
        "bad_due": {
            "en": "The due date must be a date such as 2026-12-31.",
            "es": "La fecha límite debe ser una fecha como 31/12/2026 o 2026-12-31.",
        },
        "no_such_touchpoint": {
            "en": "No touchpoint is called “{text}”. Leave it blank, or press t in the actions list to pick one.",
            "es": "Ningún punto de contacto se llama «{text}». Déjalo en blanco o pulsa t en la lista de acciones para elegir uno.",
        },
        "ambiguous_touchpoint": {
            "en": "Several touchpoints are called “{text}”: type one of {choices}.",
            "es": "Varios puntos de contacto se llaman «{text}»: escribe uno de {choices}.",
        },
        "delete.confirm": {
            "en": "Delete the action “{title}”?",
            "es": "¿Borrar la acción «{title}»?",
        },
        "tie.title": {
            "en": "Tie “{title}” to a touchpoint",
            "es": "Vincular «{title}» a un punto de contacto",
        },
        "tie.none": {"en": "— no touchpoint —", "es": "— ningún punto de contacto —"},
        "no_votes": {
            "en": "“{name}” has no votes to remove.",
            "es": "«{name}» no tiene votos que quitar.",
        },
        # palette
        "cmd.rate": {
            "en": "Assess: rate the touchpoint",
            "es": "Evaluar: valorar el punto de contacto",
        },
        "cmd.rate.help": {
            "en": "e, then 1-5 (0 clears); [ and ] lower and raise",
            "es": "e y luego 1-5 (0 borra); [ y ] bajan y suben",
        },
        "cmd.raise": {"en": "Assess: raise the rating", "es": "Evaluar: subir la valoración"},
        "cmd.lower": {"en": "Assess: lower the rating", "es": "Evaluar: bajar la valoración"},
        "cmd.clear": {"en": "Assess: clear the rating", "es": "Evaluar: borrar la valoración"},
        "cmd.pain": {
            "en": "Assess: flag or unflag a pain point",
            "es": "Evaluar: marcar o desmarcar punto de dolor",
        },
        "cmd.note": {
            "en": "Assess: edit the pain note",
            "es": "Evaluar: editar la nota del punto de dolor",
        },
        "cmd.vote": {"en": "Assess: add a vote", "es": "Evaluar: añadir un voto"},
        "cmd.unvote": {"en": "Assess: remove a vote", "es": "Evaluar: quitar un voto"},
        "cmd.importance": {
            "en": "Assess: set the importance (1–5)",
            "es": "Evaluar: fijar la importancia (1–5)",
        },
        "cmd.moment": {
            "en": "Assess: mark or unmark a moment of truth",
            "es": "Evaluar: marcar o desmarcar un momento de la verdad",
        },
        "cmd.evidence": {
            "en": "Assess: next evidence (assumed, reported, observed, measured)",
            "es": "Evaluar: siguiente evidencia (supuesta, referida, observada, medida)",
        },
        "cmd.sort": {
            "en": "Assess: sort by map order / most votes",
            "es": "Evaluar: ordenar por mapa / más votos",
        },
        "cmd.add_action": {"en": "Assess: new action", "es": "Evaluar: nueva acción"},
        "cmd.toggle": {
            "en": "Assess: mark the action done/open",
            "es": "Evaluar: marcar la acción hecha/abierta",
        },
        "cmd.edit_action": {"en": "Assess: edit the action", "es": "Evaluar: editar la acción"},
        "cmd.delete_action": {"en": "Assess: delete the action", "es": "Evaluar: borrar la acción"},
        "cmd.tie": {
            "en": "Assess: tie the action to a touchpoint",
            "es": "Evaluar: vincular la acción a un punto de contacto",
        },
        "cmd.focus_actions": {
            "en": "Assess: go to the actions",
            "es": "Evaluar: ir a las acciones",
        },
        "cmd.focus_touchpoints": {
            "en": "Assess: go to the touchpoints",
            "es": "Evaluar: ir a los puntos de contacto",
        },
    },
)
