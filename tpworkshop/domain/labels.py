"""Human labels for fields, in both languages (used by messages and forms)."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

FIELD_LABELS = Catalog(
    "fields",
    {
        "name": {"en": "Name", "es": "Nombre"},
        "organisation": {"en": "Organisation", "es": "Organización"},
        "facilitator": {"en": "Facilitator", "es": "Facilitador(a)"},
        "participants": {"en": "Participants", "es": "Participantes"},
        "language": {"en": "Language", "es": "Idioma"},
        "framework": {"en": "Framework", "es": "Marco de etapas"},
        "notes": {"en": "Notes", "es": "Notas"},
        "dots_per_participant": {"en": "Dots per participant", "es": "Votos por participante"},
        "agenda_start": {"en": "Workshop start", "es": "Inicio del taller"},
        "timebox_overrides": {"en": "Timeboxes", "es": "Tiempos asignados"},
        "timebox": {"en": "Timebox", "es": "Tiempo asignado"},
        "key": {"en": "Key", "es": "Clave"},
        "weight": {"en": "Weight", "es": "Peso"},
        "description": {"en": "Description", "es": "Descripción"},
        "ref": {"en": "Touchpoint id", "es": "Id del punto de contacto"},
        "segment": {"en": "Segment", "es": "Segmento"},
        "stage": {"en": "Stage", "es": "Etapa"},
        "channel": {"en": "Channel", "es": "Canal"},
        "kind": {"en": "Kind", "es": "Tipo"},
        "initiative": {"en": "Initiative", "es": "Iniciativa"},
        "need": {"en": "Need", "es": "Necesidad"},
        "interactions": {"en": "Interactions", "es": "Interacciones"},
        "owner": {"en": "Owner", "es": "Responsable"},
        "processes": {"en": "Processes", "es": "Procesos"},
        "people": {"en": "People", "es": "Personas"},
        "customer_contacts": {"en": "Customer contacts", "es": "Contactos del cliente"},
        "desired_outcome": {"en": "Desired outcome", "es": "Resultado deseado"},
        "data_generated": {"en": "Data generated", "es": "Datos generados"},
        "optimal_experience": {"en": "Optimal experience", "es": "Experiencia óptima"},
        "effectiveness": {"en": "Effectiveness", "es": "Efectividad"},
        "pain_point": {"en": "Pain point", "es": "Punto de dolor"},
        "pain_note": {"en": "Pain note", "es": "Nota del punto de dolor"},
        "votes": {"en": "Votes", "es": "Votos"},
        "importance": {"en": "Importance", "es": "Importancia"},
        "moment_of_truth": {"en": "Moment of truth", "es": "Momento de la verdad"},
        "evidence": {"en": "Evidence", "es": "Evidencia"},
        "rule": {"en": "Rule", "es": "Regla"},
        "reason": {"en": "Reason", "es": "Motivo"},
        "by": {"en": "Accepted by", "es": "Aceptado por"},
        "title": {"en": "Title", "es": "Título"},
        "touchpoint": {"en": "Touchpoint", "es": "Punto de contacto"},
        "due": {"en": "Due date", "es": "Fecha límite"},
        "status": {"en": "Status", "es": "Estado"},
        "format": {"en": "format", "es": "format"},
        "id": {"en": "id", "es": "id"},
    },
)


# A field as the subject of a sentence: in Spanish with its article («El nombre no puede
# quedar en blanco», never «Nombre no puede estar vacío»); list fields in the singular, so
# the verb agrees («La lista de procesos debe…»).
FIELD_SUBJECTS = Catalog(
    "fields.subject",
    {
        "name": {"en": "Name", "es": "El nombre"},
        "organisation": {"en": "Organisation", "es": "La organización"},
        "facilitator": {"en": "Facilitator", "es": "El campo Facilitador(a)"},
        "participants": {"en": "Participants", "es": "La lista de participantes"},
        "language": {"en": "Language", "es": "El idioma"},
        "framework": {"en": "Framework", "es": "El marco de etapas"},
        "notes": {"en": "Notes", "es": "El campo Notas"},
        "dots_per_participant": {
            "en": "Dots per participant",
            "es": "El número de votos por participante",
        },
        "agenda_start": {"en": "Workshop start", "es": "La hora de inicio del taller"},
        "timebox_overrides": {"en": "Timeboxes", "es": "La lista de tiempos asignados"},
        "timebox": {"en": "Timebox", "es": "El tiempo asignado"},
        "key": {"en": "Key", "es": "La clave"},
        "weight": {"en": "Weight", "es": "El peso"},
        "description": {"en": "Description", "es": "La descripción"},
        "ref": {"en": "Touchpoint id", "es": "El id del punto de contacto"},
        "segment": {"en": "Segment", "es": "El segmento"},
        "stage": {"en": "Stage", "es": "La etapa"},
        "channel": {"en": "Channel", "es": "El canal"},
        "kind": {"en": "Kind", "es": "El tipo"},
        "initiative": {"en": "Initiative", "es": "La iniciativa"},
        "need": {"en": "Need", "es": "La necesidad"},
        "interactions": {"en": "Interactions", "es": "La lista de interacciones"},
        "owner": {"en": "Owner", "es": "El responsable"},
        "processes": {"en": "Processes", "es": "La lista de procesos"},
        "people": {"en": "People", "es": "La lista de personas"},
        "customer_contacts": {
            "en": "Customer contacts",
            "es": "La lista de contactos del cliente",
        },
        "desired_outcome": {"en": "Desired outcome", "es": "El resultado deseado"},
        "data_generated": {"en": "Data generated", "es": "La lista de datos generados"},
        "optimal_experience": {"en": "Optimal experience", "es": "La experiencia óptima"},
        "effectiveness": {"en": "Effectiveness", "es": "La efectividad"},
        "pain_point": {"en": "Pain point", "es": "El campo Punto de dolor"},
        "pain_note": {"en": "Pain note", "es": "La nota del punto de dolor"},
        "votes": {"en": "Votes", "es": "El número de votos"},
        "importance": {"en": "Importance", "es": "La importancia"},
        "moment_of_truth": {"en": "Moment of truth", "es": "El campo Momento de la verdad"},
        "evidence": {"en": "Evidence", "es": "La evidencia"},
        "rule": {"en": "Rule", "es": "La regla"},
        "reason": {"en": "Reason", "es": "El motivo"},
        "by": {"en": "Accepted by", "es": "El campo Aceptado por"},
        "title": {"en": "Title", "es": "El título"},
        "touchpoint": {"en": "Touchpoint", "es": "El punto de contacto"},
        "due": {"en": "Due date", "es": "La fecha límite"},
        "status": {"en": "Status", "es": "El estado"},
        "format": {"en": "format", "es": "La clave format"},
        "id": {"en": "id", "es": "El id"},
    },
)

# An item of a list field, as the subject of a sentence: «El elemento 2 de procesos».
ITEM_SUBJECT = Catalog(
    "fields.item",
    {"item": {"en": "{field} [{n}]", "es": "El elemento {n} de {field}"}},
)


def field_label(field: str, lang: str) -> str:
    """'processes[2]' -> 'Processes [2]' (en) / 'Procesos [2]' (es)."""
    base, bracket, rest = field.partition("[")
    label = FIELD_LABELS(base, lang) if base in FIELD_LABELS else base
    return f"{label} [{rest}" if bracket else label


def field_subject(field: str, lang: str) -> str:
    """The field as a sentence's subject: 'Name' (en) / 'El nombre' (es);
    'processes[2]' -> 'Processes [2]' (en) / 'El elemento 2 de procesos' (es)."""
    base, bracket, rest = field.partition("[")
    if bracket:
        label = FIELD_LABELS(base, lang) if base in FIELD_LABELS else base
        if lang != "en":
            label = label.lower()
        return ITEM_SUBJECT("item", lang, field=label, n=rest.rstrip("]"))
    return FIELD_SUBJECTS(base, lang) if base in FIELD_SUBJECTS else base
