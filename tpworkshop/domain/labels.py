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
        "dots_per_participant": {"en": "Dots per participant", "es": "Puntos por participante"},
        "agenda_start": {"en": "Workshop start", "es": "Inicio del taller"},
        "timebox_overrides": {"en": "Timeboxes", "es": "Tiempos de los pasos"},
        "timebox": {"en": "Timebox", "es": "Tiempo del paso"},
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


def field_label(field: str, lang: str) -> str:
    """'processes[2]' -> 'Processes [2]' (en) / 'Procesos [2]' (es)."""
    base, bracket, rest = field.partition("[")
    label = FIELD_LABELS(base, lang) if base in FIELD_LABELS else base
    return f"{label} [{rest}" if bracket else label
