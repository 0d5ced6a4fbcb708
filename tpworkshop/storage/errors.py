"""Storage errors: one clear sentence in either language."""

from __future__ import annotations

from typing import Any

from tpworkshop.i18n import DEFAULT_LANGUAGE, Catalog

MESSAGES = Catalog(
    "storage",
    {
        "not_tpworkshop": {
            "en": "{path} is not a tpworkshop database; it was left untouched.",
            "es": "{path} no es una base de datos de tpworkshop; no se ha modificado.",
        },
        "corrupt": {
            "en": "{path} is damaged and cannot be read ({detail}); it was left untouched.",
            "es": "{path} está dañado y no se puede leer ({detail}); no se ha modificado.",
        },
        "newer": {
            "en": "{path} was written by a newer tpworkshop (schema {found}, this one knows up to {known}); upgrade tpworkshop to open it.",
            "es": "{path} lo escribió una versión más reciente de tpworkshop (esquema {found}; esta conoce hasta el {known}); actualiza tpworkshop para abrirlo.",
        },
        "unfinished": {
            "en": "{path} has a change another program left unfinished (see {path}-journal); it was left untouched: open it once with that program or sqlite3, then try again.",
            "es": "{path} tiene un cambio que otro programa dejó a medias (mira {path}-journal); no se ha modificado: ábrelo una vez con ese programa o con sqlite3 y vuelve a intentarlo.",
        },
        "cannot_open": {
            "en": "Cannot open the database {path}: {detail}.",
            "es": "No se puede abrir la base de datos {path}: {detail}.",
        },
        "read_only": {
            "en": "Cannot save to {path}: the database or its folder is read-only.",
            "es": "No se puede guardar en {path}: la base de datos o su carpeta es de solo lectura.",
        },
        "disk_full": {
            "en": "Cannot save to {path}: the disk is full; nothing was changed.",
            "es": "No se puede guardar en {path}: el disco está lleno; no se ha cambiado nada.",
        },
        "busy": {
            "en": "The database {path} stayed busy for too long; nothing was changed, try again.",
            "es": "La base de datos {path} siguió ocupada demasiado tiempo; no se ha cambiado nada, inténtalo de nuevo.",
        },
        "write_failed": {
            "en": "Cannot save to {path}: {detail}; nothing was changed.",
            "es": "No se puede guardar en {path}: {detail}; no se ha cambiado nada.",
        },
        "no_session": {
            "en": "No session matches {ref!r}; 'tpworkshop list' shows them.",
            "es": "Ninguna sesión coincide con {ref!r}; 'tpworkshop list' las muestra.",
        },
        "ambiguous": {
            "en": "{ref!r} matches several sessions: {candidates}; give more of the name or the id.",
            "es": "{ref!r} coincide con varias sesiones: {candidates}; escribe más del nombre o el id.",
        },
        "name_taken": {
            "en": "A session named {name!r} already exists.",
            "es": "Ya existe una sesión llamada {name!r}.",
        },
        "gone": {
            "en": "That {what} no longer exists (someone may have deleted it).",
            "es": "Ese elemento ({what}) ya no existe (puede que otra persona lo haya borrado).",
        },
        "key_taken": {
            "en": "The key {key!r} is already used in this session.",
            "es": "La clave {key!r} ya se usa en esta sesión.",
        },
        "nothing_to_undo": {
            "en": "There is nothing of yours to undo in this session.",
            "es": "No hay nada tuyo que deshacer en esta sesión.",
        },
        "undo_conflict_by": {
            "en": "Cannot undo your last change: {who} has changed {label!r} since; nothing was changed.",
            "es": "No se puede deshacer tu último cambio: {who} ha cambiado {label!r} desde entonces; no se ha cambiado nada.",
        },
        "undo_conflict_facilitator": {
            "en": "Cannot undo your last change: the facilitator has changed {label!r} since; nothing was changed.",
            "es": "No se puede deshacer tu último cambio: quien facilita ha cambiado {label!r} desde entonces; no se ha cambiado nada.",
        },
        "undo_conflict": {
            "en": "Cannot undo your last change: {label!r} was changed since; nothing was changed.",
            "es": "No se puede deshacer tu último cambio: {label!r} ha cambiado desde entonces; no se ha cambiado nada.",
        },
        "facilitator_only": {
            "en": "Only the facilitator can change this; ask them to do it.",
            "es": "Solo quien facilita puede cambiar esto; pídeselo.",
        },
        "facilitator_accepts": {
            "en": "Accepting a finding is the facilitator's decision for the room; ask them to do it.",
            "es": "Aceptar un hallazgo lo decide quien facilita para todo el grupo; pídeselo.",
        },
        "no_dots": {
            "en": "{voter} has no dots left ({limit} per participant).",
            "es": "{voter} no tiene más votos ({limit} por participante).",
        },
    },
)


class StorageError(Exception):
    """A storage problem to show the user as one sentence; nothing was changed."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return MESSAGES(self.code, lang, **self.params)
