"""Strings of the app's chrome (stepper, bars, keys, common dialogs), in en and es.

Each screen's own strings are in the ``tui_<screen>`` module beside this one.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

STEP_NAMES = Catalog(
    "tui.steps",
    {
        "start": {"en": "Start", "es": "Inicio"},
        "setup": {"en": "Setup", "es": "Preparar"},
        "segments": {"en": "Segments", "es": "Segmentos"},
        "touchpoints": {"en": "Touchpoints", "es": "Mapa"},
        "details": {"en": "Details", "es": "Detalles"},
        "assess": {"en": "Assess", "es": "Evaluar"},
        "analysis": {"en": "Analysis", "es": "Análisis"},
    },
)

UI = Catalog(
    "tui.common",
    {
        # bindings (footer and help)
        "key.help": {"en": "Help", "es": "Ayuda"},
        "key.guide": {"en": "Guide", "es": "Guía"},
        "key.timer": {"en": "Timer", "es": "Temporizador"},
        "key.extend": {"en": "+5 min", "es": "+5 min"},
        "key.next": {"en": "Next step", "es": "Avanzar"},
        "key.quit": {"en": "Quit", "es": "Salir"},
        "key.step": {"en": "Go to step {n}", "es": "Ir al paso {n}"},
        "key.palette": {"en": "Commands", "es": "Comandos"},
        "palette": {"en": "palette", "es": "comandos"},
        "palette.placeholder": {"en": "Search for commands…", "es": "Buscar comandos…"},
        "palette.no_matches": {
            "en": "No command matches “{query}”",
            "es": "Ningún comando coincide con «{query}»",
        },
        "palette.no_matches.help": {
            "en": "Try another word, or F1 for every key",
            "es": "Prueba otra palabra, o F1 para ver todas las teclas",
        },
        # Textual's own binding descriptions, shown in the F1 help
        "Focus Next": {"en": "Next field", "es": "Campo siguiente"},
        "Focus Previous": {"en": "Previous field", "es": "Campo anterior"},
        "Copy selected text": {"en": "Copy selected text", "es": "Copiar el texto seleccionado"},
        "key.sessions": {"en": "Sessions", "es": "Sesiones"},
        "key.cancel": {"en": "Cancel", "es": "Cancelar"},
        "key.confirm": {"en": "Confirm", "es": "Confirmar"},
        "key.close": {"en": "Close", "es": "Cerrar"},
        # status bar
        "saved": {"en": "✓ saved {time}", "es": "✓ guardado {time}"},
        "not_saved": {"en": "✗ not saved", "es": "✗ sin guardar"},
        "all_saved": {"en": "✓ all saved", "es": "✓ todo guardado"},
        "timer.idle": {"en": "⏱ {time}", "es": "⏱ {time}"},
        "timer.running": {"en": "▶ {time}", "es": "▶ {time}"},
        "timer.paused": {"en": "⏸ {time}", "es": "⏸ {time}"},
        "timer.over": {"en": "⏰ time is up +{time}", "es": "⏰ tiempo agotado +{time}"},
        "timer.up_toast": {
            "en": "Time is up for {step}. Wrap up, or press F4 for 5 more minutes.",
            "es": "Se acabó el tiempo de {step}. Cierra el paso o pulsa F4 para 5 minutos más.",
        },
        "suggest": {"en": "next: {n} {step}", "es": "siguiente: {n} {step}"},
        "live.updated": {"en": "updated by someone else", "es": "actualizado por otra persona"},
        # dialogs
        "yes": {"en": "Yes", "es": "Sí"},
        "no": {"en": "No", "es": "No"},
        "ok": {"en": "OK", "es": "Aceptar"},
        "cancel": {"en": "Cancel", "es": "Cancelar"},
        # buttons name their key; the yes letter is the language's (Y / S)
        "yes.button": {"en": "Yes (Y)", "es": "Sí (S)"},
        "yes.letter": {"en": "y", "es": "s"},
        "no.button": {"en": "No (N)", "es": "No (N)"},
        "ok.button": {"en": "OK (Enter)", "es": "Aceptar (Intro)"},
        "cancel.button": {"en": "Cancel (Esc)", "es": "Cancelar (Esc)"},
        "confirm.title": {"en": "Please confirm", "es": "Confirma, por favor"},
        "help.title": {"en": "Keys", "es": "Teclas"},
        "help.intro": {
            "en": "Every action works from the keyboard. Ctrl+P opens the command palette with every action by name.",
            "es": "Todo se hace con el teclado. Ctrl+P abre la paleta de comandos con todas las acciones por nombre.",
        },
        "help.global": {"en": "Everywhere", "es": "En todas partes"},
        "help.palette_key": {"en": "Ctrl+P", "es": "Ctrl+P"},
        "help.tab_keys": {"en": "Tab / Shift+Tab", "es": "Tab / Mayús+Tab"},
        "help.tab": {
            "en": "Next / previous pane or field",
            "es": "Panel o campo siguiente / anterior",
        },
        "help.screen": {"en": "On this step", "es": "En este paso"},
        "help.close": {
            "en": "Esc, Ctrl+G or F1 closes this help.",
            "es": "Esc, Ctrl+G o F1 cierra esta ayuda.",
        },
        # palette commands
        "cmd.step": {"en": "Go to step {n}: {step}", "es": "Ir al paso {n}: {step}"},
        "cmd.step.help": {"en": "Open the {step} step", "es": "Abrir el paso {step}"},
        "cmd.guide": {"en": "Show or hide the guide", "es": "Mostrar u ocultar la guía"},
        "cmd.guide.help": {
            "en": "The facilitation guide of the current step",
            "es": "La guía de facilitación del paso actual",
        },
        "cmd.timer": {"en": "Start or pause the timer", "es": "Iniciar o pausar el temporizador"},
        "cmd.timer.help": {
            "en": "The countdown of the current step",
            "es": "La cuenta atrás del paso actual",
        },
        "cmd.extend": {
            "en": "Add 5 minutes to the timer",
            "es": "Añadir 5 minutos al temporizador",
        },
        "cmd.extend.help": {
            "en": "Extend the current step's timebox",
            "es": "Alargar el tiempo asignado al paso actual",
        },
        "cmd.timer.reset": {"en": "Reset the timer", "es": "Reiniciar el temporizador"},
        "cmd.timer.reset.help": {
            "en": "Back to the step's timebox",
            "es": "Volver al tiempo asignado al paso",
        },
        "cmd.help": {"en": "Keys and help", "es": "Teclas y ayuda"},
        "cmd.help.help": {"en": "Every key of the app", "es": "Todas las teclas de la aplicación"},
        "cmd.sessions": {"en": "Back to the session list", "es": "Volver a la lista de sesiones"},
        "cmd.sessions.help": {
            "en": "Pick, create or import a session",
            "es": "Elegir, crear o importar una sesión",
        },
        "cmd.quit": {"en": "Quit", "es": "Salir"},
        "cmd.quit.help": {
            "en": "Close the app and print the gap summary",
            "es": "Cerrar la aplicación e imprimir el resumen de brechas",
        },
        "cmd.theme": {"en": "Switch light/dark theme", "es": "Cambiar tema claro/oscuro"},
        "cmd.theme.help": {
            "en": "For bright projectors or dark rooms",
            "es": "Para proyectores luminosos o salas oscuras",
        },
        "key.follow": {"en": "Follow", "es": "Seguir"},
        "key.who": {"en": "Who's here", "es": "Quién está"},
        "key.agenda": {"en": "Agenda", "es": "Agenda"},
        "cmd.agenda": {"en": "Agenda", "es": "Agenda"},
        "cmd.agenda.help": {
            "en": "Steps with their timeboxes and start times; adjust them live",
            "es": "Los pasos con su tiempo asignado y su hora de inicio; ajústalos en vivo",
        },
        "role.facilitator": {"en": "Facilitator", "es": "Facilitador(a)"},
        "role.participant": {"en": "Participant", "es": "Participante"},
        "follow.on": {
            "en": "Following the facilitator again.",
            "es": "Vuelves a seguir a quien facilita.",
        },
        "follow.off": {
            "en": "Looking around on your own; F8 follows the facilitator again.",
            "es": "Exploras por tu cuenta; F8 vuelve a seguir a quien facilita.",
        },
        "cmd.who": {"en": "Who's here", "es": "Quién está conectado"},
        "cmd.who.help": {
            "en": "People connected to this session, their step and idle time",
            "es": "Personas conectadas a esta sesión, su paso y tiempo inactivo",
        },
        "cmd.follow": {
            "en": "Follow or unfollow the facilitator",
            "es": "Seguir o dejar de seguir a quien facilita",
        },
        "cmd.follow.help": {
            "en": "Go where the facilitator goes, or look around on your own",
            "es": "Ir donde va quien facilita, o explorar por tu cuenta",
        },
        "live.ended": {
            "en": "The facilitator ended the live session; closing.",
            "es": "Quien facilita ha terminado la sesión en vivo; se cierra.",
        },
        "live.ended.done": {
            "en": "Live session ended: participants' apps close.",
            "es": "Sesión en vivo terminada: las aplicaciones de los participantes se cierran.",
        },
        "live.end.confirm": {
            "en": "End the live session? Every participant's app closes; the session stays saved.",
            "es": "¿Terminar la sesión en vivo? Se cierra la aplicación de cada participante; la sesión queda guardada.",
        },
        "cmd.end_live": {"en": "End the live session", "es": "Terminar la sesión en vivo"},
        "cmd.end_live.help": {
            "en": "Close every participant's app (facilitator only)",
            "es": "Cerrar la aplicación de cada participante (solo quien facilita)",
        },
        "presence.title": {"en": "Who's here", "es": "Quién está conectado"},
        "presence.name": {"en": "Name", "es": "Nombre"},
        "presence.role": {"en": "Role", "es": "Rol"},
        "presence.step": {"en": "Step", "es": "Paso"},
        "presence.idle": {"en": "Idle", "es": "Inactivo"},
        "presence.none": {"en": "Nobody else is connected.", "es": "No hay nadie más conectado."},
        "presence.count": {"en": "👥 {n}", "es": "👥 {n}"},
        "paste.dropped": {
            "en": "The pasted text held control characters; they were left out.",
            "es": "El texto pegado tenía caracteres de control; se han quitado.",
        },
        "error.generic": {"en": "Something went wrong: {detail}", "es": "Algo salió mal: {detail}"},
    },
)
