"""``tpworkshop``: the command line users script against (see PRODUCT.md).

Errors are one sentence on stderr and exit 1; usage errors exit 2; no tracebacks.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tpworkshop.cli.messages import ARGPARSE, CLI, FRAMEWORK_SHORT, choices_help
from tpworkshop.domain.frameworks import DEFAULT_FRAMEWORK, FRAMEWORK_KEYS
from tpworkshop.domain.model import Session
from tpworkshop.domain.text import json_text, visible, visible_line
from tpworkshop.domain.validation import ValidationError, has_control
from tpworkshop.i18n import LANGUAGES, format_datetime, format_percent, resolve_language
from tpworkshop.i18n.catalogs.os_errors import os_reason
from tpworkshop.storage import StorageError, Store, default_db_path

if TYPE_CHECKING:
    from tpworkshop.analysis import Analysis

EXPORT_FORMATS = ("toml", "json", "markdown", "csv", "svg", "html")
GAPS_FORMATS = ("text", "json", "markdown")
FAIL_ON = ("high", "medium", "low")
CHECK_FAILED = 3
"""``gaps --check``: a finding reached --fail-on (1 and 2 stay errors and usage errors)."""
LIST_FORMATS = ("table", "json")
ORG_COLUMN_MIN_WIDTH = 100
"""`list` shows the organisation column from this terminal width on."""
HISTORY_FORMATS = ("text", "json")
# The commands that may create the database (and its folder); every other command only reads
# a session that must already exist, and never leaves a file or folder behind. ``None`` is the
# app at the session picker, where sessions are created.
CREATING_COMMANDS = frozenset({None, "new", "import", "demo"})


class CliError(Exception):
    """One sentence for stderr; exit 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


class _VersionAction(argparse.Action):
    """``--version``: the installed package's version, read from its metadata only when
    asked (importing importlib.metadata would slow every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from tpworkshop import installed_version

        print(f"{parser.prog} {installed_version()}")
        parser.exit()


def _pre_language(argv: Sequence[str]) -> str:
    """The help language, before the parser exists: --lang beats LC_ALL/LANG."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return resolve_language(argv[index + 1])
        if arg.startswith("--lang="):
            return resolve_language(arg.split("=", 1)[1])
    return resolve_language()


def _translate_argparse(lang: str) -> None:
    """argparse's own words (usage, options...) through gettext's hook, in Spanish too."""
    if lang != "en":
        argparse._ = partial(_argparse_words, lang)  # type: ignore[attr-defined]
    else:
        # argparse's own English. (gettext.gettext looked for catalogs on disk for every
        # help line, ~90 stat() calls at each start, and there are none to find for it.)
        argparse._ = _as_written  # type: ignore[attr-defined]


def _as_written(text: str) -> str:
    return text


def _argparse_words(lang: str, text: str) -> str:
    return ARGPARSE(text, lang) if text in ARGPARSE else text


def build_parser(lang: str) -> argparse.ArgumentParser:
    _translate_argparse(lang)

    def t(key: str, **params: object) -> str:
        return CLI(key, lang, **params)

    def common_options(suppress: bool) -> _Parser:
        """The options every command takes; on sub-commands they must not reset the
        value given before the command (``tpworkshop --db X join S``)."""
        p = _Parser(add_help=False)

        def default(value: object) -> object:
            return argparse.SUPPRESS if suppress else value

        p.add_argument(
            "--db", type=Path, metavar=t("metavar.path"), default=default(None), help=t("opt.db")
        )
        p.add_argument("--lang", choices=LANGUAGES, default=default(None), help=t("opt.lang"))
        p.add_argument(
            "--guides",
            type=Path,
            action="append",
            default=default([]),
            metavar=t("metavar.dir"),
            help=t("opt.guides"),
        )
        p.add_argument(
            "--restricted", action="store_true", default=default(False), help=t("opt.restricted")
        )
        return p

    common = common_options(suppress=True)

    parser = _Parser(
        prog="tpworkshop",
        description=t("description"),
        epilog=t("epilog"),
        parents=[common_options(suppress=False)],
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=t("opt.help"))
    parser.add_argument("--version", action=_VersionAction, help=t("opt.version"))
    sub = parser.add_subparsers(dest="command", metavar=t("metavar.command"), parser_class=_Parser)

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name, help=t(help_key), description=t(help_key), parents=[common], add_help=False
        )
        p.add_argument("-h", "--help", action="help", help=t("opt.help"))
        return p

    new = command("new", "cmd.new")
    new.add_argument("name", metavar=t("metavar.name"), help=t("arg.name"))
    new.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        metavar=t("metavar.key"),
        help=t("opt.framework", choices=choices_help(FRAMEWORK_KEYS, lang, DEFAULT_FRAMEWORK)),
    )
    new.add_argument("--no-open", action="store_true", help=t("opt.no_open"))
    new.set_defaults(session_lang=None)

    open_ = command("open", "cmd.open")
    open_.add_argument("session", metavar=t("metavar.session"), help=t("arg.session"))

    join = command("join", "cmd.join")
    join.add_argument("session", metavar=t("metavar.session"), help=t("arg.session"))
    join.add_argument("--as", dest="as_name", metavar=t("metavar.name"), help=t("opt.as"))

    list_ = command("list", "cmd.list")
    list_.add_argument(
        "--format",
        choices=LIST_FORMATS,
        default="table",
        help=t("opt.format", choices=choices_help(LIST_FORMATS, lang, "table")),
    )

    gaps = command("gaps", "cmd.gaps")
    gaps.add_argument("session", metavar=t("metavar.session_or_file"), help=t("arg.gaps_session"))
    gaps.add_argument(
        "--format",
        choices=GAPS_FORMATS,
        default="text",
        help=t("opt.format", choices=choices_help(GAPS_FORMATS, lang, "text")),
    )
    gaps.add_argument("--all", action="store_true", dest="show_all", help=t("opt.all"))
    gaps.add_argument("--check", action="store_true", help=t("opt.check"))
    gaps.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help=t("opt.fail_on", choices=choices_help(FAIL_ON, lang, FAIL_ON[0])),
    )

    export = command("export", "cmd.export")
    export.add_argument("session", metavar=t("metavar.session"), help=t("arg.session"))
    export.add_argument(
        "-o", "--output", type=Path, metavar=t("metavar.path"), help=t("opt.output")
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="toml",
        help=t("opt.format", choices=choices_help(EXPORT_FORMATS, lang, "toml")),
    )

    history = command("history", "cmd.history")
    history.add_argument("session", metavar=t("metavar.session"), help=t("arg.session"))
    history.add_argument(
        "--format",
        choices=HISTORY_FORMATS,
        default="text",
        help=t("opt.format", choices=choices_help(HISTORY_FORMATS, lang, "text")),
    )

    import_ = command("import", "cmd.import")
    import_.add_argument("path", type=Path, metavar=t("metavar.path"), help=t("arg.path"))
    import_.add_argument("--replace", action="store_true", help=t("opt.replace"))

    demo = command("demo", "cmd.demo")
    demo.add_argument("--no-open", action="store_true", help=t("opt.no_open"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_language(args_list)
    parser = build_parser(lang)
    args = parser.parse_args(args_list)
    if args.command == "gaps" and args.fail_on is not None and not args.check:
        parser.error(CLI("fail_on_needs_check", lang))
    lang = resolve_language(args.lang)
    try:
        return run(args, lang)
    except CliError as error:
        say(str(error), error=True)
        return 1
    except (StorageError, ValidationError) as error:
        say(error.message(lang), error=True)
        return 1
    except KeyboardInterrupt:
        say(CLI("interrupted", lang), error=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - the promise: never a traceback
        say(CLI("unexpected", lang, detail=f"{type(error).__name__}: {error}"), error=True)
        return 1


def say(message: str, *, error: bool = False) -> None:
    """One message line for the terminal. It may quote what someone typed (a session's
    name, a path, an argument), so control characters are shown as symbols, never sent."""
    print(visible(message), file=sys.stderr if error else sys.stdout)


def _restricted(args: argparse.Namespace) -> bool:
    return bool(args.restricted or os.environ.get("TPWORKSHOP_RESTRICTED"))


def run(args: argparse.Namespace, lang: str) -> int:
    db_path = args.db or default_db_path()
    command = args.command
    restricted = _restricted(args)
    if restricted and command != "join":
        raise CliError(CLI("restricted", lang, what=command or "tpworkshop"))
    if command == "gaps" and is_map_file(args.session):
        return _gaps_of_file(Path(args.session), args, lang)  # no database at all
    if command not in CREATING_COMMANDS and not db_path.exists():
        raise CliError(CLI("no_database", lang, path=db_path))
    # A file to import is read and checked before the database is opened: a refused file
    # leaves nothing behind, not even a new empty database.
    imported = _read_import_file(args.path, lang) if command == "import" else None
    with Store(db_path) as store:
        if command is None:
            return _run_app(db_path, None, args, lang, store=store)
        if command == "new":
            session_id = store.create_session(
                args.name, framework=args.framework, language=lang, rename=True
            )
            say(CLI("created", lang, id=session_id, name=store.load(session_id).name))
            return 0 if args.no_open else _run_app(db_path, session_id, args, lang, store=store)
        if command == "open":
            return _run_app(db_path, store.resolve(args.session), args, lang, store=store)
        if command == "join":
            session_id = store.resolve(args.session)
            if store.live_state(session_id).ended:
                raise CliError(CLI("join_ended", lang))
            return _run_app(
                db_path,
                session_id,
                args,
                lang,
                role="participant",
                participant=participant_name(args.as_name, os.environ, lang),
                store=store,
            )
        if command == "list":
            return _list(store, args.format, lang)
        if command == "gaps":
            session = store.load(store.resolve(args.session))
            return _gaps(session, args)
        if command == "export":
            return _export(store, store.resolve(args.session), args.format, args.output, args.lang)
        if command == "history":
            return _history(store, store.resolve(args.session), args.format, args.lang)
        if imported is not None:
            return _import(store, imported, args.replace, lang)
        if command == "demo":
            from tpworkshop.demo import ensure_demo

            session_id = ensure_demo(store, lang)
            say(CLI("demo_ready", lang, id=session_id, name=store.load(session_id).name))
            return 0 if args.no_open else _run_app(db_path, session_id, args, lang, store=store)
    raise CliError(CLI("unexpected", lang, detail=command))


MAX_PARTICIPANT_NAME = 40


def participant_name(given: str | None, environ: Mapping[str, str], lang: str = "en") -> str:
    """--as, else what the participant typed after the host (``ssh -t host Ana``), else $USER.

    Over OpenSSH's ForceCommand the typed words arrive in SSH_ORIGINAL_COMMAND; they are
    only ever a name (never a command), cut to 40 characters. A name holding a control
    character (an escape sequence, a bell, a tab...) is refused with one sentence, before
    the app starts; markup such as ``[b]`` is just text, shown as typed.
    """
    for candidate in (given, environ.get("SSH_ORIGINAL_COMMAND"), environ.get("USER")):
        if not candidate or not candidate.strip():
            continue
        if has_control(candidate.strip()):
            raise CliError(CLI("name_control", lang))
        return candidate.strip()[:MAX_PARTICIPANT_NAME].strip()
    return CLI("participant.default", lang)


def _list(store: Store, fmt: str, lang: str) -> int:
    summaries = store.list_sessions()
    if fmt == "json":
        entries = [
            {
                "id": s.id,
                "name": s.name,
                "organisation": s.organisation,
                "language": s.language,
                "framework": s.framework,
                "updated": s.updated.isoformat().replace("+00:00", "Z"),
                "step": s.step,
                "segments": s.segments,
                "touchpoints": s.touchpoints,
                "progress": round(s.progress, 4),
            }
            for s in summaries
        ]
        print(json_text(entries))
        return 0
    if not summaries:
        say(CLI("no_sessions", lang))
        return 0
    from rich.console import Console
    from rich.table import Table

    from tpworkshop.domain.display import plain_line

    console = Console(markup=False, emoji=False, highlight=False)
    # Names come first: under 100 columns the organisation gives its room to the name,
    # headers wrap at their spaces («P. de / contacto»), and a cut name ends in «…».
    # The numbers (touchpoints, progress) are never cut.
    show_org = console.width >= ORG_COLUMN_MIN_WIDTH and any(s.organisation for s in summaries)
    rows = [
        [
            str(s.id),
            s.name,
            *([s.organisation] if show_org else []),
            FRAMEWORK_SHORT(s.framework, lang) if s.framework in FRAMEWORK_SHORT else s.framework,
            format_datetime(s.updated.astimezone(), lang),
            str(s.touchpoints),
            format_percent(s.progress, lang),
        ]
        for s in summaries
    ]
    headers = [
        CLI("col.id", lang),
        CLI("col.name", lang),
        *([CLI("col.org", lang)] if show_org else []),
        CLI("col.framework", lang),
        CLI("col.updated", lang),
        CLI("col.tps", lang),
        CLI("col.progress", lang),
    ]
    name_columns = {1, 2} if show_org else {1}
    table = Table(box=None, header_style="bold", expand=True)
    for index, header in enumerate(headers):
        if index in name_columns:
            table.add_column(
                header,
                ratio=3 if index == 1 else 1,
                min_width=12 if index == 1 else None,
                no_wrap=True,
                overflow="ellipsis",
            )
            continue
        cells = [visible_line(row[index]) for row in rows]
        width = max([*map(len, cells), *(len(word) for word in header.split())])
        numeric = index == 0 or index >= len(headers) - 2
        table.add_column(
            header,
            justify="right" if numeric else "left",
            width=width,
            overflow="fold",  # only a header can be longer than the width: it wraps
        )
    for row in rows:  # every cell a Text: a name is never read as markup or a link
        table.add_row(*(plain_line(cell) for cell in row))
    console.print(table)
    return 0


def _history(store: Store, session_id: int, fmt: str, cli_lang: str | None) -> int:
    """Every recorded change of the session, oldest first: when, who, what (user text is
    quoted as typed, on one line, never markup)."""
    from tpworkshop.storage.history import history_line

    changes = store.history(session_id)
    if fmt == "json":
        print(json_text([c.as_json() for c in changes]))
        return 0
    lang = resolve_language(cli_lang, store.load(session_id).language)
    if not changes:
        print(CLI("no_history", lang))
        return 0
    for change in changes:
        line = f"{format_datetime(change.at.astimezone(), lang)}  {history_line(change, lang)}"
        if change.undone_by is not None:
            line += CLI("history.undone", lang)
        print(line)
    return 0


def is_map_file(argument: str) -> bool:
    """``gaps`` reads a file, not a session, when given a .toml path or an existing file."""
    return argument.lower().endswith(".toml") or Path(argument).is_file()


def _gaps_of_file(path: Path, args: argparse.Namespace, lang: str) -> int:
    """``gaps PATH.toml``: the file validated as import does, analysed; nothing is written."""
    from tpworkshop.formats.toml_format import FormatError, load_path

    try:
        session = load_path(path)
    except FormatError as error:
        count = error.count
        key = "file_problems.one" if count == 1 else "file_problems.many"
        lines = [CLI(key, lang, path=path, count=count)]
        lines += [f"  - {problem.describe(lang)}" for problem in error.problems]
        raise CliError("\n".join(lines)) from error
    return _gaps(session, args)


def _gaps(session: Session, args: argparse.Namespace) -> int:
    from tpworkshop.analysis import analyse
    from tpworkshop.analysis.render import render_json, render_markdown, render_text

    lang = resolve_language(args.lang, session.language)
    analysis = analyse(session, lang)
    if args.format == "json":
        print(render_json(analysis))
    elif args.format == "markdown":
        print(render_markdown(analysis, session, show_all=args.show_all), end="")
    else:
        text = render_text(analysis, session, width=_terminal_width(), show_all=args.show_all)
        print(text, end="")
    if args.check:
        return _check(analysis, args.fail_on or FAIL_ON[0], lang)
    return 0


def _check(analysis: Analysis, fail_on: str, lang: str) -> int:
    """CHECK_FAILED, with one sentence on stderr, when a finding reaches ``fail_on``."""
    levels = FAIL_ON[: FAIL_ON.index(fail_on) + 1]
    failing = sum(group.count for group in analysis.groups if group.severity in levels)
    if not failing:
        return 0
    from tpworkshop.analysis.messages import LABELS

    key = "check_failed.one" if failing == 1 else "check_failed"
    level = LABELS(fail_on, lang)
    say(CLI(key, lang, count=failing, level=level, fail_on=fail_on), error=True)
    return CHECK_FAILED


def _terminal_width() -> int:
    import shutil

    # COLUMNS first (a pipe, a script, a test), then the terminal; 100 when neither says.
    return max(60, min(160, shutil.get_terminal_size((100, 24)).columns))


def export_text(session: Session, fmt: str) -> str | bytes:
    from tpworkshop.analysis import analyse

    analysis = analyse(session)
    if fmt == "toml":
        from tpworkshop.formats.toml_format import dumps

        return dumps(session, analysis.to_dict())
    if fmt == "json":
        from tpworkshop.formats.json_format import dumps_json

        return dumps_json(session, analysis.to_dict())
    from tpworkshop.formats.reports import export_report

    return export_report(session, analysis, fmt)


def _export(
    store: Store, session_id: int, fmt: str, output: Path | None, cli_lang: str | None
) -> int:
    session = store.load(session_id)
    lang = resolve_language(cli_lang, session.language)  # "Se escribió…" for a Spanish session
    content = export_text(session, fmt)
    if output is None:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return 0
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    _write_atomically(output, data, lang)
    say(CLI("exported", lang, path=output), error=True)
    return 0


def _write_atomically(path: Path, data: bytes, lang: str) -> None:
    """Write beside the target then rename, so a failure never leaves half a file."""
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise CliError(
            CLI("cannot_write", lang, path=path, detail=os_reason(error, lang))
        ) from error


def _read_import_file(path: Path, lang: str) -> Session:
    """The session in a FORMAT.md file, or a CliError listing every problem in it."""
    from tpworkshop.formats.toml_format import FormatError, load_path

    try:
        return load_path(path)
    except FormatError as error:
        count = error.count
        key = "import_problems.one" if count == 1 else "import_problems.many"
        lines = [CLI(key, lang, path=path, count=count)]
        lines += [f"  - {problem.describe(lang)}" for problem in error.problems]
        raise CliError("\n".join(lines)) from error


def _import(store: Store, session: Session, replace: bool, lang: str) -> int:
    """A new session, under a free name (a suffix such as " (2)" if the name is taken), or
    with --replace in place of the session of the same name: one transaction either way."""
    imported = store.import_session(session, replace_same_name=replace)
    key = "replaced" if imported.replaced else "imported"
    say(CLI(key, lang, name=imported.name, id=imported.id))
    return 0


def _run_app(
    db_path: Path,
    session_id: int | None,
    args: argparse.Namespace,
    lang: str,
    *,
    role: str = "facilitator",
    participant: str | None = None,
    store: Store | None = None,
) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CliError(CLI("needs_terminal", lang))
    from tpworkshop.tui.app import make_app

    app = make_app(
        db_path,
        session_id=session_id,
        lang=args.lang,
        guide_dirs=args.guides,
        role=role,
        participant=participant,
        restricted=_restricted(args),
        store=store,  # the file is already open and checked: not twice
    )
    closed_on = app.run()
    app.store.close()
    if closed_on is not None:
        print_closing_summary(db_path, closed_on, args.lang)
    return 0 if app.return_code in (None, 0) else int(app.return_code)


def print_closing_summary(db_path: Path, session_id: int, cli_lang: str | None) -> None:
    """The gap summary left in the terminal's scrollback when the app closes."""
    from tpworkshop.analysis import analyse
    from tpworkshop.analysis.render import render_closing

    with Store(db_path) as store:
        session = store.load(session_id)
    lang = resolve_language(cli_lang, session.language)
    print(render_closing(analyse(session, lang), session, width=_terminal_width()), end="")


if __name__ == "__main__":
    raise SystemExit(main())
