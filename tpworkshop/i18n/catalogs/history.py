"""The edit history's sentences: ``tpworkshop history`` lines and what undo says it undid."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

HISTORY = Catalog(
    "history",
    {
        "entity.session": {"en": "session", "es": "la sesión"},
        "entity.stage": {"en": "stage", "es": "la etapa"},
        "entity.segment": {"en": "segment", "es": "el segmento"},
        "entity.touchpoint": {"en": "touchpoint", "es": "el punto de contacto"},
        "entity.action": {"en": "action", "es": "la acción"},
        "entity.accepted": {"en": "accepted finding", "es": "el hallazgo aceptado"},
        "who.facilitator": {"en": "the facilitator", "es": "quien facilita"},
        "value.empty": {"en": "(empty)", "es": "(vacío)"},
        "value.none": {"en": "(none)", "es": "(sin valor)"},
        "value.yes": {"en": "yes", "es": "sí"},
        "value.no": {"en": "no", "es": "no"},
        "value.minutes": {"en": "{step} {minutes} min", "es": "{step} {minutes} min"},
        # the agenda's rows, as the agenda (F9) names them
        "row.setup": {"en": "Setup", "es": "Preparar"},
        "row.segments": {"en": "Segments", "es": "Segmentos"},
        "row.touchpoints": {"en": "Touchpoints", "es": "Mapa"},
        "row.details": {"en": "Details", "es": "Detalles"},
        "row.assess": {"en": "Assess", "es": "Evaluar"},
        "row.analysis": {"en": "Analysis", "es": "Análisis"},
        "row.welcome": {"en": "Welcome", "es": "Bienvenida"},
        "row.break": {"en": "Break", "es": "Pausa"},
        "row.lunch": {"en": "Lunch", "es": "Comida"},
        "row.close": {"en": "Close", "es": "Cierre"},
        # What a change did (a history line: "{who} {what}").
        "did.update": {
            "en": "changed {field} of {label} from {old} to {new}",
            "es": "cambió {field} de {label} de {old} a {new}",
        },
        "did.add": {"en": "added {entity} {label}", "es": "añadió {entity} {label}"},
        "did.delete": {"en": "deleted {entity} {label}", "es": "borró {entity} {label}"},
        "did.restore": {"en": "restored {entity} {label}", "es": "recuperó {entity} {label}"},
        "did.move": {
            "en": "moved {label} from {old} to {new}",
            "es": "movió {label} de {old} a {new}",
        },
        "did.reorder": {
            "en": "changed the order of {entity} {label}",
            "es": "reordenó {entity} {label}",
        },
        "did.copy": {"en": "copied {label} to {new}", "es": "copió {label} a {new}"},
        "did.votes": {
            "en": "changed the votes of {label} from {old} to {new}",
            "es": "cambió los votos de {label} de {old} a {new}",
        },
        "did.dot": {"en": "placed a dot on {label}", "es": "puso un voto en {label}"},
        "did.undot": {"en": "took a dot back from {label}", "es": "retiró un voto de {label}"},
        "did.framework": {
            "en": "changed the framework from {old} to {new}",
            "es": "cambió el marco de {old} a {new}",
        },
        "did.accept": {"en": "accepted the finding {label}", "es": "aceptó el hallazgo {label}"},
        "did.unaccept": {
            "en": "took back the acceptance of {label}",
            "es": "retiró la aceptación de {label}",
        },
        "did.undo": {"en": "undid: {what}", "es": "deshizo: {what}"},
        "line": {"en": "{who} {what}", "es": "{who} {what}"},
        # What undo says it undid.
        "undid.update": {
            "en": "Undid: {field} of {label} back to {old}.",
            "es": "Deshecho: {field} de {label} vuelve a ser {old}.",
        },
        "undid.add": {
            "en": "Undid: {entity} {label} removed again.",
            "es": "Deshecho: se quitó de nuevo {entity} {label}.",
        },
        "undid.restore": {
            "en": "Undid: {entity} {label} removed again.",
            "es": "Deshecho: se quitó de nuevo {entity} {label}.",
        },
        "undid.delete": {
            "en": "Undid: {entity} {label} is back.",
            "es": "Deshecho: ha vuelto {entity} {label}.",
        },
        "undid.move": {
            "en": "Undid: {label} back in {old}.",
            "es": "Deshecho: {label} vuelve a {old}.",
        },
        "undid.reorder": {
            "en": "Undid: {label} back in its place.",
            "es": "Deshecho: {label} vuelve a su sitio.",
        },
        "undid.copy": {
            "en": "Undid: the copies of {label} removed.",
            "es": "Deshecho: se quitaron las copias de {label}.",
        },
        "undid.votes": {
            "en": "Undid: the change of votes on {label}.",
            "es": "Deshecho: el cambio de votos de {label}.",
        },
        "undid.dot": {
            "en": "Undid: your dot on {label} taken back.",
            "es": "Deshecho: se retiró tu voto de {label}.",
        },
        "undid.undot": {
            "en": "Undid: your dot is back on {label}.",
            "es": "Deshecho: tu voto vuelve a {label}.",
        },
        "undid.framework": {
            "en": "Undid: the framework back to {old}, with its stages.",
            "es": "Deshecho: el marco vuelve a ser {old}, con sus etapas.",
        },
        "undid.accept": {
            "en": "Undid: the finding {label} counts again.",
            "es": "Deshecho: el hallazgo {label} vuelve a contar.",
        },
        "undid.unaccept": {
            "en": "Undid: the finding {label} is accepted again.",
            "es": "Deshecho: el hallazgo {label} vuelve a estar aceptado.",
        },
    },
)
