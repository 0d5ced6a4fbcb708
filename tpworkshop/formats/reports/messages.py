"""The words of the shareable reports (Markdown, SVG/HTML picture), in English and Spanish.

Field names come from the domain's ``FIELD_LABELS``; finding sentences and rule names from
the analysis. Everything else a report prints (headings, column labels, legends, values
such as "yes"/"no" or "open"/"done") lives here, so no heading exists in one language only.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

REPORT = Catalog(
    "formats.reports",
    {
        # --- Markdown: headings --------------------------------------------------------
        "title": {"en": "Workshop report — {name}", "es": "Informe del taller — {name}"},
        "facts": {"en": "Session", "es": "Sesión"},
        "participants": {"en": "Participants", "es": "Participantes"},
        "no_participants": {
            "en": "No participants recorded.",
            "es": "No se registraron participantes.",
        },
        "summary": {"en": "Summary", "es": "Resumen"},
        "map": {"en": "Touchpoint map", "es": "Mapa de puntos de contacto"},
        "map_legend": {
            "en": "⚠ marks a pain point; the figure in brackets is the effectiveness (1–5).",
            "es": "⚠ señala un punto de dolor; la cifra entre paréntesis es la efectividad (1–5).",
        },
        "no_map": {
            "en": "The map has no segments or no stages yet.",
            "es": "El mapa aún no tiene segmentos o etapas.",
        },
        "stages": {
            "en": "Stages: effort against importance",
            "es": "Etapas: esfuerzo frente a importancia",
        },
        "owners": {"en": "Owners", "es": "Responsables"},
        "no_owners": {
            "en": "No touchpoint has an owner yet.",
            "es": "Ningún punto de contacto tiene responsable todavía.",
        },
        "findings": {
            "en": "Gap analysis ({count} findings)",
            "es": "Análisis de brechas ({count} hallazgos)",
        },
        "no_findings": {
            "en": "No findings: by these rules nothing is missing or misplaced.",
            "es": "Sin hallazgos: según estas reglas no falta ni sobra nada.",
        },
        "every_finding": {"en": "Every finding", "es": "Todos los hallazgos"},
        "accepted": {"en": "Accepted findings ({count})", "es": "Hallazgos aceptados ({count})"},
        "matrix": {"en": "Importance × performance", "es": "Importancia × desempeño"},
        "matrix_axes": {
            "en": "Rated touchpoints by importance (their own, or else their stage's weight) "
            "and effectiveness; the largest opportunity first.",
            "es": "Puntos de contacto valorados por importancia (la suya, o si no el peso de "
            "su etapa) y efectividad; primero la mayor oportunidad.",
        },
        "quadrant": {"en": "Quadrant", "es": "Cuadrante"},
        "how_many": {"en": "How many", "es": "Cuántos"},
        "opportunity": {"en": "opportunity {value}", "es": "oportunidad {value}"},
        "best": {"en": "Working well: copy these", "es": "Funcionan bien: cópialos"},
        "no_best": {
            "en": "No touchpoint is rated 4 or 5 without being a pain point yet.",
            "es": "Aún ningún punto de contacto tiene 4 o 5 sin ser un punto de dolor.",
        },
        "more": {"en": "+{count} more", "es": "+{count} más"},
        "more_segments": {"en": "+{count} more segments", "es": "+{count} segmentos más"},
        "groups": {"en": "Findings by kind", "es": "Hallazgos por tipo"},
        "curve_segments": {
            "en": "Experience curve per segment (the weakest touchpoint of each stage)",
            "es": "Curva de experiencia por segmento (el punto de contacto más débil de cada etapa)",
        },
        "mean_row": {"en": "mean", "es": "media"},
        "severity_high": {"en": "High ({count})", "es": "Alta ({count})"},
        "severity_medium": {"en": "Medium ({count})", "es": "Media ({count})"},
        "severity_low": {"en": "Low ({count})", "es": "Baja ({count})"},
        "priorities": {"en": "Top priorities", "es": "Prioridades principales"},
        "no_priorities": {
            "en": "No pain points, votes or low ratings yet.",
            "es": "Aún no hay puntos de dolor, votos ni valoraciones bajas.",
        },
        "actions": {"en": "Actions", "es": "Acciones"},
        "no_actions": {
            "en": "No actions agreed yet.",
            "es": "Aún no se ha acordado ninguna acción.",
        },
        "appendix": {
            "en": "Appendix: touchpoint details",
            "es": "Anexo: detalle de los puntos de contacto",
        },
        "no_touchpoints": {"en": "No touchpoints yet.", "es": "Aún no hay puntos de contacto."},
        # --- Markdown: column labels and facts -----------------------------------------
        "field": {"en": "Field", "es": "Campo"},
        "value": {"en": "Value", "es": "Valor"},
        "figure": {"en": "Figure", "es": "Indicador"},
        "created": {"en": "Created", "es": "Creada"},
        "updated": {"en": "Updated", "es": "Actualizada"},
        "coverage": {
            "en": "Coverage (cells with a touchpoint)",
            "es": "Cobertura (celdas con algún punto de contacto)",
        },
        "completeness": {"en": "Completeness of details", "es": "Detalles completos"},
        "touchpoints": {"en": "Touchpoints", "es": "Puntos de contacto"},
        "segments": {"en": "Segments", "es": "Segmentos"},
        "stage_count": {"en": "Stages", "es": "Etapas"},
        "pain_points": {"en": "Pain points", "es": "Puntos de dolor"},
        "actions_open": {"en": "Open actions", "es": "Acciones abiertas"},
        "count": {"en": "Touchpoints", "es": "Puntos de contacto"},
        "share": {"en": "Share of touchpoints", "es": "Proporción de puntos de contacto"},
        "weight_share": {"en": "Share of weight", "es": "Proporción del peso"},
        "mean_effectiveness": {"en": "Mean effectiveness", "es": "Efectividad media"},
        "rule": {"en": "Rule", "es": "Regla"},
        "action": {"en": "Action", "es": "Acción"},
        "weight_short": {"en": "weight {weight}", "es": "peso {weight}"},
        "rated": {"en": "effectiveness {rating}/5", "es": "efectividad {rating}/5"},
        "votes": {"en": "{count} votes", "es": "{count} votos"},
        "vote": {"en": "1 vote", "es": "1 voto"},
        "pain_point": {"en": "pain point", "es": "punto de dolor"},
        "none": {"en": "—", "es": "—"},
        "yes": {"en": "yes", "es": "sí"},
        "no": {"en": "no", "es": "no"},
        "status_open": {"en": "open", "es": "abierta"},
        "status_done": {"en": "done", "es": "hecha"},
        "kind_communication": {"en": "communication", "es": "comunicación"},
        "kind_human": {"en": "human", "es": "humano"},
        "kind_physical": {"en": "physical", "es": "físico"},
        "kind_sensory": {"en": "sensory", "es": "sensorial"},
        "evidence_assumed": {"en": "assumed", "es": "supuesta"},
        "evidence_reported": {"en": "reported", "es": "referida"},
        "evidence_observed": {"en": "observed", "es": "observada"},
        "evidence_measured": {"en": "measured", "es": "medida"},
        "score_line": {"en": "score {reason}", "es": "puntuación {reason}"},
        "initiative_proactive": {"en": "proactive", "es": "proactivo"},
        "initiative_reactive": {"en": "reactive", "es": "reactivo"},
        "language_en": {"en": "English", "es": "inglés"},
        "language_es": {"en": "Spanish", "es": "español"},
        # --- the picture (SVG / HTML) --------------------------------------------------
        "picture_title": {
            "en": "Touchpoint map — {name}",
            "es": "Mapa de puntos de contacto — {name}",
        },
        "picture_facts": {
            "en": "Coverage {coverage} · details {completeness} · touchpoints: {touchpoints}"
            " · pain points: {pain_points} · open actions: {actions_open}",
            "es": "Cobertura {coverage} · detalles {completeness} · puntos de contacto:"
            " {touchpoints} · puntos de dolor: {pain_points} · acciones abiertas: {actions_open}",
        },
        "legend": {"en": "Effectiveness:", "es": "Efectividad:"},
        "unrated": {"en": "not rated", "es": "sin valorar"},
        "empty_cell": {"en": "(no touchpoint)", "es": "(sin puntos de contacto)"},
        "no_channel": {"en": "no channel", "es": "sin canal"},
        "heatmap": {
            "en": "Coverage: touchpoints per segment and stage",
            "es": "Cobertura: puntos de contacto por segmento y etapa",
        },
        "curve": {
            "en": "Experience curve: mean effectiveness per stage",
            "es": "Curva de experiencia: efectividad media por etapa",
        },
        "balance": {"en": "touchpoints / weight", "es": "reparto / peso"},
        "balance_legend": {
            "en": "touchpoints / weight: the stage's share of all touchpoints against its share"
            " of the total weight; ▼ under-invested, ▲ over-invested.",
            "es": "reparto / peso: la proporción de puntos de contacto de la etapa frente a su"
            " proporción del peso total; ▼ falta de inversión, ▲ exceso de inversión.",
        },
        "segment_stage": {"en": "Segment \\ stage", "es": "Segmento \\ etapa"},
    },
)

SEVERITY_HEADINGS = {
    "high": "severity_high",
    "medium": "severity_medium",
    "low": "severity_low",
}
