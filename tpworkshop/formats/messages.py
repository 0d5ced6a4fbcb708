"""Sentences of the TOML exchange format, in every language of the app.

Per-field rules (empty names, ranges, choices...) are worded by the domain's own catalogue;
these are the sentences only the file format needs: encoding, syntax, structure, types.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

MESSAGES = Catalog(
    "formats.toml",
    {
        # --- reading the file ---------------------------------------------------------
        "file_missing": {
            "en": "Cannot read {path}: the file does not exist.",
            "es": "No se puede leer {path}: el archivo no existe.",
        },
        "file_is_dir": {
            "en": "Cannot read {path}: it is a folder, not a file.",
            "es": "No se puede leer {path}: es una carpeta, no un archivo.",
        },
        "file_unreadable": {
            "en": "Cannot read {path}: {reason}.",
            "es": "No se puede leer {path}: {reason}.",
        },
        "file_not_regular": {
            "en": "Cannot read {path}: it is not a regular file (a device, a pipe or a socket), "
            "and only files are imported.",
            "es": "No se puede leer {path}: no es un archivo normal (es un dispositivo, una "
            "tubería o un socket) y solo se importan archivos.",
        },
        "file_too_big": {
            "en": "Cannot read {path}: it is larger than {limit}, the most tpworkshop imports.",
            "es": "No se puede leer {path}: ocupa más de {limit}, lo máximo que importa tpworkshop.",
        },
        # --- shapes of TOML that would make reading it slow (refused before parsing) --
        "toml_key_parts": {
            "en": "Line {line} has a dotted key of more than {limit} parts, which tpworkshop "
            "does not read.",
            "es": "La línea {line} tiene una clave compuesta (a.b.c) de más de {limit} "
            "partes, y tpworkshop no la lee.",
        },
        "toml_too_deep": {
            "en": "Line {line} nests lists or tables more than {limit} deep, which tpworkshop "
            "does not read.",
            "es": "La línea {line} anida listas o tablas a más de {limit} niveles, y tpworkshop "
            "no la lee.",
        },
        "toml_long_number": {
            "en": "Line {line} has a number of more than {limit} digits, which tpworkshop "
            "does not read.",
            "es": "La línea {line} tiene un número de más de {limit} cifras, y tpworkshop "
            "no lo lee.",
        },
        "toml_too_much": {
            "en": "The file holds more keys, tables and list items than tpworkshop reads in "
            "one import; split it into several sessions.",
            "es": "El archivo tiene más claves, tablas y elementos de lista de los que "
            "tpworkshop lee en una importación; divídelo en varias sesiones.",
        },
        "toml_too_much_general": {
            "en": "The file holds too many keys, tables and list items for a file not laid out "
            "as tpworkshop export writes it; export it again or split it into several sessions.",
            "es": "El archivo tiene demasiadas claves, tablas y elementos de lista para un "
            "archivo que no sigue el formato en que lo escribe tpworkshop export; vuelve a "
            "exportarlo o divídelo en varias sesiones.",
        },
        "not_utf8": {
            "en": "The file is not UTF-8 text (invalid byte at position {position}); "
            "save it as UTF-8 and try again.",
            "es": "El archivo no es texto UTF-8 (byte no válido en la posición {position}); "
            "guárdalo como UTF-8 y vuelve a intentarlo.",
        },
        "not_toml_at": {
            "en": "The file is not valid TOML (line {line}, column {column}): {detail}.",
            "es": "El archivo no es TOML válido (línea {line}, columna {column}): {detail}.",
        },
        "not_toml_end": {
            "en": "The file is not valid TOML (at its end): {detail}.",
            "es": "El archivo no es TOML válido (al final): {detail}.",
        },
        "not_toml": {
            "en": "The file is not valid TOML: {detail}.",
            "es": "El archivo no es TOML válido: {detail}.",
        },
        "not_toml_nested": {
            "en": "The file is not valid TOML: its values are nested too deeply.",
            "es": "El archivo no es TOML válido: sus valores están anidados a demasiada profundidad.",
        },
        "more_problems": {
            "en": "… and {count} more problems like these, not listed.",
            "es": "… y {count} problemas más como estos, sin listar.",
        },
        # --- structure ----------------------------------------------------------------
        "format_missing": {
            "en": 'The key format is missing; a tpworkshop file starts with format = "{expected}".',
            "es": 'Falta la clave format; un archivo de tpworkshop empieza por format = "{expected}".',
        },
        "format_wrong": {
            "en": "This file is in format {found!r}; this version of tpworkshop reads only {expected!r}.",
            "es": "Este archivo está en el formato {found!r}; esta versión de tpworkshop solo lee {expected!r}.",
        },
        "session_missing": {
            "en": "The [session] table is missing; it holds at least the session's name.",
            "es": "Falta la tabla [session]; debe contener al menos el nombre de la sesión.",
        },
        "not_table": {
            "en": "{name} must be a table, written [{name}], not {found}.",
            "es": "{name} debe ser una tabla, escrita [{name}], no {found}.",
        },
        "not_array_of_tables": {
            "en": "{name} must be a list of tables, each written [[{name}]], not {found}.",
            "es": "{name} debe ser una lista de tablas, cada una escrita [[{name}]], no {found}.",
        },
        "entry_not_table": {
            "en": "Each entry of {name} must be a table written [[{name}]], not {found}.",
            "es": "Cada entrada de {name} debe ser una tabla escrita [[{name}]], no {found}.",
        },
        "unknown_key": {
            "en": "Unknown key {key!r}.",
            "es": "Clave desconocida {key!r}.",
        },
        "unknown_key_hint": {
            "en": "Unknown key {key!r}; did you mean {suggestion!r}?",
            "es": "Clave desconocida {key!r}; ¿querías decir {suggestion!r}?",
        },
        "unknown_rule": {
            "en": "{rule!r} is not a rule of the gap analysis.",
            "es": "{rule!r} no es una regla del análisis de brechas.",
        },
        "missing_key": {
            "en": "The required key {key!r} is missing.",
            "es": "Falta la clave obligatoria {key!r}.",
        },
        "wrong_type": {
            "en": "{field} must be {expected}, not {found}.",
            "es": "{field} debe ser {expected}, no {found}.",
        },
        "wrong_type_quoted": {
            "en": "{field} must be {expected}, not {found}; write it without quotes.",
            "es": "{field} debe ser {expected}, no {found}; escríbelo sin comillas.",
        },
        # --- fields the domain has no label for (as a sentence's subject) -------------
        "label_created": {"en": "Created", "es": "La fecha de creación"},
        "label_updated": {"en": "Updated", "es": "La fecha de la última modificación"},
        "label_format": {"en": "Format", "es": "El formato"},
        # --- what a value should be ---------------------------------------------------
        "expected_text": {"en": "text", "es": "un texto"},
        "expected_texts": {"en": "a list of texts", "es": "una lista de textos"},
        "expected_int": {"en": "a whole number", "es": "un número entero"},
        "expected_bool": {"en": "true or false", "es": "true o false"},
        "expected_date": {
            "en": "a date such as 2026-12-31",
            "es": "una fecha como 2026-12-31",
        },
        "expected_datetime": {
            "en": "a date and time such as 2026-11-23T09:00:00Z",
            "es": "una fecha y hora como 2026-11-23T09:00:00Z",
        },
        # --- what a value is ----------------------------------------------------------
        "found_text": {"en": "text", "es": "un texto"},
        "found_int": {"en": "a whole number", "es": "un número entero"},
        "found_float": {"en": "a decimal number", "es": "un número decimal"},
        "found_bool": {"en": "true/false", "es": "true/false"},
        "found_date": {"en": "a date", "es": "una fecha"},
        "found_datetime": {"en": "a date and time", "es": "una fecha y hora"},
        "found_time": {"en": "a time of day", "es": "una hora del día"},
        "found_array": {"en": "a list", "es": "una lista"},
        "found_table": {"en": "a table", "es": "una tabla"},
        "found_other": {"en": "something else", "es": "otra cosa"},
    },
)
