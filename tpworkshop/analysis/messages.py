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
        "count": {"en": "Count", "es": "P. de contacto"},
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
        "more_segments": {"en": "+{count} more segments", "es": "+{count} segmentos más"},
        "more_stages": {"en": "+{count} more stages", "es": "+{count} etapas más"},
        "groups_heading": {
            "en": "Findings ({count}) by kind",
            "es": "Hallazgos ({count}) por tipo",
        },
        "all_findings_hint": {
            "en": "Every finding, one by one: tpworkshop gaps … --all",
            "es": "Todos los hallazgos, uno a uno: tpworkshop gaps … --all",
        },
        "accepted_heading": {"en": "Accepted ({count})", "es": "Aceptados ({count})"},
        "accepted_count": {
            "en": "{count} accepted findings count in no figure (--all lists them).",
            "es": "{count} hallazgos aceptados no cuentan en ninguna cifra (--all los lista).",
        },
        "accepted_count.one": {
            "en": "1 accepted finding counts in no figure (--all lists it).",
            "es": "1 hallazgo aceptado no cuenta en ninguna cifra (--all lo lista).",
        },
        "accepted_reason": {"en": "accepted: {reason}", "es": "aceptado: {reason}"},
        "accepted_by": {"en": "accepted by {by}: {reason}", "es": "aceptado por {by}: {reason}"},
        "stale": {
            "en": "{count} acceptances match no finding any more: {rules}",
            "es": "{count} aceptaciones ya no coinciden con ningún hallazgo: {rules}",
        },
        "stale.one": {
            "en": "1 acceptance matches no finding any more: {rules}",
            "es": "1 aceptación ya no coincide con ningún hallazgo: {rules}",
        },
        "matrix": {"en": "Importance × performance", "es": "Importancia × desempeño"},
        "quadrant": {"en": "Quadrant", "es": "Cuadrante"},
        "matrix_none": {
            "en": "No touchpoint is rated yet, so none can be placed.",
            "es": "Aún no hay puntos de contacto valorados que situar.",
        },
        "best": {"en": "Working well: copy these", "es": "Funcionan bien: cópialos"},
        "best_none": {
            "en": "No touchpoint is rated 4 or 5 without being a pain point yet.",
            "es": "Aún ningún punto de contacto tiene 4 o 5 sin ser un punto de dolor.",
        },
        "score": {"en": "score {reason}", "es": "puntuación {reason}"},
        "closing_counts": {"en": "Findings: {counts}", "es": "Hallazgos: {counts}"},
        # one and many: «1 alto», «3 altos» (Spanish adjectives agree in number)
        "closing_count.high.one": {"en": "{count} high", "es": "{count} alto"},
        "closing_count.high.many": {"en": "{count} high", "es": "{count} altos"},
        "closing_count.medium.one": {"en": "{count} medium", "es": "{count} medio"},
        "closing_count.medium.many": {"en": "{count} medium", "es": "{count} medios"},
        "closing_count.low.one": {"en": "{count} low", "es": "{count} bajo"},
        "closing_count.low.many": {"en": "{count} low", "es": "{count} bajos"},
        "closing_count.accepted.one": {"en": "{count} accepted", "es": "{count} aceptado"},
        "closing_count.accepted.many": {"en": "{count} accepted", "es": "{count} aceptados"},
        "closing_more_groups": {
            "en": "+{count} more kinds of finding",
            "es": "+{count} tipos de hallazgo más",
        },
        "closing_priorities": {"en": "Top priorities:", "es": "Prioridades principales:"},
        "closing_best": {"en": "Working well: {names}", "es": "Funcionan bien: {names}"},
        "closing_hint": {
            "en": "Everything: tpworkshop gaps {session} --all",
            "es": "Todo: tpworkshop gaps {session} --all",
        },
        "list_and": {"en": "{first} and {last}", "es": "{first} y {last}"},
        "list_more": {"en": "{names} and {count} more", "es": "{names} y {count} más"},
    },
)

GROUPS = Catalog(
    "analysis.groups",
    {
        # A group of findings in one sentence: "{count} of {total} ..." (".one": count is 1).
        "empty-cell": {
            "en": "{count} of {total} cells are empty",
            "es": "{count} de {total} celdas están vacías",
        },
        "empty-cell.one": {
            "en": "1 of {total} cells is empty",
            "es": "1 de {total} celdas está vacía",
        },
        "empty-stage": {
            "en": "{count} of {total} stages have no touchpoint in any segment",
            "es": "{count} de {total} etapas no tienen puntos de contacto en ningún segmento",
        },
        "empty-stage.one": {
            "en": "1 of {total} stages has no touchpoint in any segment",
            "es": "1 de {total} etapas no tiene puntos de contacto en ningún segmento",
        },
        "no-owner": {
            "en": "{count} of {total} touchpoints have no owner",
            "es": "{count} de {total} puntos de contacto no tienen responsable",
        },
        "no-owner.one": {
            "en": "1 of {total} touchpoints has no owner",
            "es": "1 de {total} puntos de contacto no tiene responsable",
        },
        "no-process": {
            "en": "{count} of {total} touchpoints list no process",
            "es": "{count} de {total} puntos de contacto no indican ningún proceso",
        },
        "no-process.one": {
            "en": "1 of {total} touchpoints lists no process",
            "es": "1 de {total} puntos de contacto no indica ningún proceso",
        },
        "no-outcome": {
            "en": "{count} of {total} touchpoints have no desired outcome",
            "es": "{count} de {total} puntos de contacto no tienen resultado deseado",
        },
        "no-outcome.one": {
            "en": "1 of {total} touchpoints has no desired outcome",
            "es": "1 de {total} puntos de contacto no tiene resultado deseado",
        },
        "no-data": {
            "en": "{count} of {total} touchpoints generate no data",
            "es": "{count} de {total} puntos de contacto no generan datos",
        },
        "no-data.one": {
            "en": "1 of {total} touchpoints generates no data",
            "es": "1 de {total} puntos de contacto no genera datos",
        },
        "under-invested": {
            "en": "{count} of {total} stages get less effort than their weight asks for",
            "es": "{count} de {total} etapas reciben menos esfuerzo del que pide su peso",
        },
        "under-invested.one": {
            "en": "1 of {total} stages gets less effort than its weight asks for",
            "es": "1 de {total} etapas recibe menos esfuerzo del que pide su peso",
        },
        "over-invested": {
            "en": "{count} of {total} stages take more effort than their weight asks for",
            "es": "{count} de {total} etapas se llevan más esfuerzo del que pide su peso",
        },
        "over-invested.one": {
            "en": "1 of {total} stages takes more effort than its weight asks for",
            "es": "1 de {total} etapas se lleva más esfuerzo del que pide su peso",
        },
        "low-effectiveness": {
            "en": "{count} of {total} rated touchpoints are rated 2 or lower",
            "es": "{count} de {total} puntos de contacto valorados tienen una efectividad de 2 o menos",
        },
        "low-effectiveness.one": {
            "en": "1 of {total} rated touchpoints is rated 2 or lower",
            "es": "1 de {total} puntos de contacto valorados tiene una efectividad de 2 o menos",
        },
        "pain-without-action": {
            "en": "{count} of {total} pain points have no action",
            "es": "{count} de {total} puntos de dolor no tienen ninguna acción",
        },
        "pain-without-action.one": {
            "en": "1 of {total} pain points has no action",
            "es": "1 de {total} puntos de dolor no tiene ninguna acción",
        },
        "single-channel": {
            "en": "{count} of {total} cells rely on a single channel",
            "es": "{count} de {total} celdas dependen de un solo canal",
        },
        "single-channel.one": {
            "en": "1 of {total} cells relies on a single channel",
            "es": "1 de {total} celdas depende de un solo canal",
        },
        "no-proactive": {
            "en": "{count} cells after the purchase have nothing proactive",
            "es": "{count} celdas después de la compra no tienen nada proactivo",
        },
        "no-proactive.one": {
            "en": "1 cell after the purchase has nothing proactive",
            "es": "1 celda después de la compra no tiene nada proactivo",
        },
        "owner-overload": {
            "en": "{count} owners each hold more than 40% of the owned touchpoints",
            "es": "{count} responsables tienen cada uno más del 40 % de los puntos de contacto con responsable",
        },
        "owner-overload.one": {
            "en": "1 owner holds more than 40% of the owned touchpoints",
            "es": "1 responsable tiene más del 40 % de los puntos de contacto con responsable",
        },
        "weak-moment": {
            "en": "{count} of {total} moments of truth are pain points or rated 3 or lower",
            "es": "{count} de {total} momentos de la verdad son puntos de dolor o tienen una efectividad de 3 o menos",
        },
        "weak-moment.one": {
            "en": "1 of {total} moments of truth is a pain point or rated 3 or lower",
            "es": "1 de {total} momentos de la verdad es un punto de dolor o tiene una efectividad de 3 o menos",
        },
        "unproven-moment": {
            "en": "{count} of {total} moments of truth rest on no evidence, or only on assumption",
            "es": "{count} de {total} momentos de la verdad no tienen evidencia o solo se suponen",
        },
        "unproven-moment.one": {
            "en": "1 of {total} moments of truth rests on no evidence, or only on assumption",
            "es": "1 de {total} momentos de la verdad no tiene evidencia o solo se supone",
        },
        "overused-channel": {
            "en": "{count} channels carry too much and work poorly",
            "es": "{count} canales llevan demasiado y funcionan mal",
        },
        "overused-channel.one": {
            "en": "1 channel carries too much and works poorly",
            "es": "1 canal lleva demasiado y funciona mal",
        },
        "replicate": {
            "en": "{count} of {total} touchpoints work well and could be copied to other segments",
            "es": "{count} de {total} puntos de contacto funcionan bien y se podrían copiar a otros segmentos",
        },
        "replicate.one": {
            "en": "1 of {total} touchpoints works well and could be copied to other segments",
            "es": "1 de {total} puntos de contacto funciona bien y se podría copiar a otros segmentos",
        },
        "inconsistent": {
            "en": "{count} times a segment lacks a touchpoint that most segments have in a stage",
            "es": "{count} veces a un segmento le falta un punto de contacto que la mayoría tiene en una etapa",
        },
        "inconsistent.one": {
            "en": "Once, a segment lacks a touchpoint that most segments have in a stage",
            "es": "Una vez, a un segmento le falta un punto de contacto que la mayoría tiene en una etapa",
        },
    },
)

DESCRIBE = Catalog(
    "analysis.describe",
    {
        "more": {"en": "+{count} more", "es": "+{count} más"},
        "cell": {"en": "{segment} · {stage}", "es": "{segment} · {stage}"},
        "score": {"en": "{score} = {parts}", "es": "{score} = {parts}"},
        "score_importance": {"en": "importance {value}", "es": "importancia {value}"},
        "score_stage_importance": {
            "en": "importance {value} (the stage's weight)",
            "es": "importancia {value} (el peso de la etapa)",
        },
        "score_gap": {"en": "{value} (rated {rating}/5)", "es": "{value} (efectividad {rating}/5)"},
        "score_pain": {"en": "{value} (pain point)", "es": "{value} (punto de dolor)"},
        "score_votes": {"en": "{value} ({count} votes)", "es": "{value} ({count} votos)"},
        "score_vote": {"en": "{value} (1 vote)", "es": "{value} (1 voto)"},
        "score_moment": {"en": "{value} (moment of truth)", "es": "{value} (momento de la verdad)"},
        "quadrant.fix-first": {"en": "Fix first", "es": "Arreglar primero"},
        "quadrant.keep-up": {"en": "Keep up", "es": "Mantener"},
        "quadrant.overkill": {"en": "Overkill", "es": "Exceso"},
        "quadrant.low-priority": {"en": "Low priority", "es": "Prioridad baja"},
        "quadrant_hint.fix-first": {
            "en": "important and not working",
            "es": "importantes y no funcionan",
        },
        "quadrant_hint.keep-up": {
            "en": "important and working",
            "es": "importantes y funcionan",
        },
        "quadrant_hint.overkill": {
            "en": "working better than their importance asks",
            "es": "funcionan mejor de lo que pide su importancia",
        },
        "quadrant_hint.low-priority": {
            "en": "less important, not working well",
            "es": "menos importantes y no funcionan bien",
        },
    },
)
