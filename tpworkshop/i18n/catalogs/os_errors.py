"""Why a file could not be read or written, in en and es.

The operating system explains a failure in English (``No such file or directory``); a
Spanish session must not show that, so the common reasons are named here by their errno.
"""

from __future__ import annotations

import errno

from tpworkshop.i18n import Catalog

REASONS = Catalog(
    "os.errors",
    {
        "ENOENT": {
            "en": "the file or folder does not exist",
            "es": "el archivo o la carpeta no existe",
        },
        "EACCES": {"en": "permission denied", "es": "no tienes permiso"},
        "EPERM": {"en": "permission denied", "es": "no tienes permiso"},
        "EISDIR": {"en": "it is a folder", "es": "es una carpeta"},
        "ENOTDIR": {
            "en": "part of the path is not a folder",
            "es": "parte de la ruta no es una carpeta",
        },
        "ENOSPC": {"en": "the disk is full", "es": "el disco está lleno"},
        "EDQUOT": {"en": "the disk quota is used up", "es": "se agotó la cuota de disco"},
        "EROFS": {"en": "the disk is read-only", "es": "el disco es de solo lectura"},
        "EEXIST": {"en": "it already exists", "es": "ya existe"},
        "ENAMETOOLONG": {"en": "the name is too long", "es": "el nombre es demasiado largo"},
        "EIO": {
            "en": "the disk failed to read or write",
            "es": "el disco falló al leer o escribir",
        },
        "EBUSY": {"en": "the file is in use", "es": "el archivo está en uso"},
        "other": {"en": "system error {code}", "es": "error del sistema {code}"},
    },
)


def os_reason(error: BaseException, lang: str) -> str:
    """Why ``error`` happened, in ``lang``: a known errno in words, else its number."""
    code = getattr(error, "errno", None)
    name = errno.errorcode.get(code) if isinstance(code, int) else None
    if name is not None and name in REASONS:
        return REASONS(name, lang)
    if lang == "en":
        strerror = getattr(error, "strerror", None)
        if strerror:
            return str(strerror)
    if isinstance(code, int):
        return REASONS("other", lang, code=code)
    return type(error).__name__
