"""The gap analysis's own words, in English and Spanish.

``FINDINGS`` holds one sentence per rule (touchpoint rules start with ``{where}``, which is
``WHERE`` filled in: the touchpoint's name, segment and stage); ``LABELS`` holds the
headings and column labels of the renderers.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

WHERE = Catalog(
    "analysis.where",
    {
        "touchpoint": {
            "en": "“{touchpoint}” ({segment}, {stage})",
            "es": "«{touchpoint}» ({segment}, {stage})",
        },
    },
)

FINDINGS = Catalog(
    "analysis.findings",
    {
        "empty-cell": {
            "en": "{segment} has no touchpoint in “{stage}”.",
            "es": "{segment} no tiene ningún punto de contacto en «{stage}».",
        },
        "empty-stage": {
            "en": "No segment has a single touchpoint in “{stage}”.",
            "es": "Ningún segmento tiene puntos de contacto en «{stage}».",
        },
        "no-owner": {
            "en": "{where} has no owner.",
            "es": "{where} no tiene responsable.",
        },
        "no-process": {
            "en": "{where} lists no process that supports it.",
            "es": "{where} no indica ningún proceso que lo respalde.",
        },
        "no-outcome": {
            "en": "{where} has no desired outcome.",
            "es": "{where} no tiene un resultado deseado.",
        },
        "no-data": {
            "en": "{where} generates no data, so there is no way to measure it or learn from it.",
            "es": "{where} no genera datos, así que no hay forma de medirlo ni de aprender de él.",
        },
        "under-invested": {
            "en": (
                "“{stage}” holds {share} of the touchpoints but carries {weight_share} of the "
                "total weight: it needs more effort."
            ),
            "es": (
                "«{stage}» reúne el {share} de los puntos de contacto, pero tiene el "
                "{weight_share} del peso total: necesita más esfuerzo."
            ),
        },
        "over-invested": {
            "en": (
                "“{stage}” holds {share} of the touchpoints for only {weight_share} of the "
                "total weight: some of that effort may be better spent elsewhere."
            ),
            "es": (
                "«{stage}» reúne el {share} de los puntos de contacto con solo el "
                "{weight_share} del peso total: parte de ese esfuerzo rendiría más en otra etapa."
            ),
        },
        "low-effectiveness": {
            "en": "{where} is rated only {rating} out of 5 for effectiveness.",
            "es": "{where} tiene una efectividad de solo {rating} sobre 5.",
        },
        "low-effectiveness-pain": {
            "en": "{where} is a pain point and is rated only {rating} out of 5 for effectiveness.",
            "es": "{where} es un punto de dolor y tiene una efectividad de solo {rating} sobre 5.",
        },
        "pain-without-action": {
            "en": "{where} is a pain point, and no action has been agreed to fix it.",
            "es": "{where} es un punto de dolor y no hay ninguna acción acordada para resolverlo.",
        },
        "single-channel": {
            "en": "All {count} touchpoints of {segment} in “{stage}” use the same channel, “{channel}”.",
            "es": (
                "Los {count} puntos de contacto de {segment} en «{stage}» usan el mismo canal: "
                "«{channel}»."
            ),
        },
        "no-proactive": {
            "en": (
                "After the purchase, {segment} has no proactive touchpoint in “{stage}”: "
                "every contact there waits for the customer to make the first move."
            ),
            "es": (
                "Después de la compra, {segment} no tiene ningún punto de contacto proactivo en "
                "«{stage}»: todo contacto ahí espera a que el cliente dé el primer paso."
            ),
        },
        "owner-overload": {
            "en": (
                "{owner} owns {count} of the {owned} touchpoints that have an owner ({share}): "
                "too much rests on one owner."
            ),
            "es": (
                "{owner} es responsable de {count} de los {owned} puntos de contacto con "
                "responsable ({share}): demasiado depende de un solo responsable."
            ),
        },
        "weak-moment": {
            "en": "{where} is a moment of truth, and it is rated only {rating} out of 5.",
            "es": "{where} es un momento de la verdad y tiene una efectividad de solo {rating} sobre 5.",
        },
        "weak-moment-pain": {
            "en": "{where} is a moment of truth, and it is a pain point.",
            "es": "{where} es un momento de la verdad y es un punto de dolor.",
        },
        "weak-moment-pain-rated": {
            "en": (
                "{where} is a moment of truth, and it is a pain point rated only {rating} out of 5."
            ),
            "es": (
                "{where} es un momento de la verdad y es un punto de dolor con una efectividad "
                "de solo {rating} sobre 5."
            ),
        },
        "unproven-moment": {
            "en": (
                "{where} is a moment of truth, but nobody has said how the room knows how it "
                "goes: no evidence is given."
            ),
            "es": (
                "{where} es un momento de la verdad, pero nadie ha dicho cómo sabe el equipo "
                "cómo funciona: no consta ninguna evidencia."
            ),
        },
        "unproven-moment-assumed": {
            "en": (
                "{where} is a moment of truth, but what the room says about it is only assumed: "
                "ask customers, observe or measure it."
            ),
            "es": (
                "{where} es un momento de la verdad, pero lo que el equipo dice de él es solo "
                "un supuesto: pregunta a los clientes, obsérvalo o mídelo."
            ),
        },
        "overused-channel": {
            "en": (
                "“{channel}” carries {count} of the {total} touchpoints that have a channel "
                "({share}), yet its {rated} rated touchpoints average only {mean} out of 5: too "
                "much rests on a channel that does not work."
            ),
            "es": (
                "«{channel}» lleva {count} de los {total} puntos de contacto con canal "
                "({share}), pero sus {rated} puntos de contacto valorados tienen una efectividad "
                "media de solo {mean} sobre 5: demasiado depende de un canal que no funciona."
            ),
        },
        "replicate": {
            "en": (
                "{where} works well (rated {rating} out of 5), and there is nothing like it for "
                "{segments}: copy what works."
            ),
            "es": (
                "{where} funciona bien (efectividad {rating} sobre 5) y no hay nada parecido "
                "para {segments}: copia lo que funciona."
            ),
        },
        "inconsistent": {
            "en": (
                "“{touchpoint}” appears in “{stage}” for {count} of the {total} segments, "
                "but not for {segment}."
            ),
            "es": (
                "«{touchpoint}» aparece en «{stage}» en {count} de los {total} segmentos, "
                "pero no en {segment}."
            ),
        },
    },
)

LABELS = Catalog(
    "analysis.labels",
    {
        "title": {"en": "Gap analysis — {name}", "es": "Análisis de brechas — {name}"},
        "framework": {"en": "Framework", "es": "Marco de etapas"},
        "language": {"en": "Language", "es": "Idioma"},
        "summary": {"en": "Summary", "es": "Resumen"},
        "coverage": {"en": "Coverage", "es": "Cobertura"},
        "completeness": {"en": "Completeness", "es": "Detalles completos"},
        "touchpoints": {"en": "Touchpoints", "es": "Puntos de contacto"},
        "segments": {"en": "Segments", "es": "Segmentos"},
        "stages": {"en": "Stages", "es": "Etapas"},
        "pain_points": {"en": "Pain points", "es": "Puntos de dolor"},
        "actions_open": {"en": "Open actions", "es": "Acciones abiertas"},
        "coverage_map": {
            "en": "Coverage map (touchpoints per segment and stage)",
            "es": "Mapa de cobertura (puntos de contacto por segmento y etapa)",
        },
        "segment": {"en": "Segment", "es": "Segmento"},
        "stage": {"en": "Stage", "es": "Etapa"},
        "weight": {"en": "Weight", "es": "Peso"},
        "weight_short": {"en": "weight {weight}", "es": "peso {weight}"},
        "count": {"en": "Count", "es": "Puntos"},
        "share": {"en": "Share", "es": "Proporción"},
        "weight_share": {"en": "Weight share", "es": "Peso relativo"},
        "mean_effectiveness": {"en": "Mean effectiveness", "es": "Efectividad media"},
        "experience_curve": {"en": "Experience curve", "es": "Curva de experiencia"},
        "by_stage": {"en": "By stage", "es": "Por etapa"},
        "owners": {"en": "Owners", "es": "Responsables"},
        "owner": {"en": "Owner", "es": "Responsable"},
        "findings": {"en": "Findings", "es": "Hallazgos"},
        "findings_count": {"en": "Findings ({count})", "es": "Hallazgos ({count})"},
        "severity": {"en": "Severity", "es": "Gravedad"},
        "rule": {"en": "Rule", "es": "Regla"},
        "message": {"en": "Finding", "es": "Hallazgo"},
        "high": {"en": "high", "es": "alta"},
        "medium": {"en": "medium", "es": "media"},
        "low": {"en": "low", "es": "baja"},
        "no_findings": {
            "en": "No findings: nothing missing or misplaced by these rules.",
            "es": "Sin hallazgos: según estas reglas no falta ni sobra nada.",
        },
        "no_segments": {
            "en": "No segments or stages yet, so there is no map to cover.",
            "es": "Aún no hay segmentos ni etapas, así que no hay mapa que cubrir.",
        },
        "no_stages": {"en": "No stages yet.", "es": "Aún no hay etapas."},
        "no_owners": {
            "en": "No touchpoint has an owner yet.",
            "es": "Ningún punto de contacto tiene responsable todavía.",
        },
        "top_priorities": {"en": "Top priorities", "es": "Prioridades principales"},
        "no_priorities": {
            "en": "No pain points, votes or low ratings yet.",
            "es": "Aún no hay puntos de dolor, votos ni valoraciones bajas.",
        },
        "pain_point": {"en": "pain point", "es": "punto de dolor"},
        "owners_more": {"en": "and {count} more", "es": "y {count} más"},
        "quoted": {"en": "“{name}”", "es": "«{name}»"},
        "priority_votes": {"en": "{count} votes", "es": "{count} votos"},
        "priority_vote": {"en": "1 vote", "es": "1 voto"},
        "priority_rated": {"en": "effectiveness {rating}/5", "es": "efectividad {rating}/5"},
        "list_and": {"en": "{first} and {last}", "es": "{first} y {last}"},
        "list_more": {"en": "{names} and {count} more", "es": "{names} y {count} más"},
    },
)

RULE_LABELS = Catalog(
    "analysis.rules",
    {
        "empty-cell": {"en": "Empty cell", "es": "Celda vacía"},
        "empty-stage": {"en": "Empty stage", "es": "Etapa vacía"},
        "no-owner": {"en": "No owner", "es": "Sin responsable"},
        "no-process": {"en": "No process", "es": "Sin proceso"},
        "no-outcome": {"en": "No desired outcome", "es": "Sin resultado deseado"},
        "no-data": {"en": "No data", "es": "Sin datos"},
        "under-invested": {"en": "Under-invested", "es": "Falta inversión"},
        "over-invested": {"en": "Over-invested", "es": "Exceso de inversión"},
        "low-effectiveness": {"en": "Low effectiveness", "es": "Baja efectividad"},
        "pain-without-action": {"en": "Pain without action", "es": "Dolor sin acción"},
        "single-channel": {"en": "Single channel", "es": "Un solo canal"},
        "no-proactive": {"en": "Nothing proactive", "es": "Nada proactivo"},
        "owner-overload": {"en": "Owner overload", "es": "Responsable sobrecargado"},
        "weak-moment": {"en": "Weak moment of truth", "es": "Momento de la verdad débil"},
        "unproven-moment": {
            "en": "Unproven moment of truth",
            "es": "Momento de la verdad sin evidencia",
        },
        "overused-channel": {"en": "Overused channel", "es": "Canal sobrecargado"},
        "replicate": {"en": "Copy what works", "es": "Copia lo que funciona"},
        "inconsistent": {"en": "Inconsistent", "es": "Incoherencia"},
    },
)
