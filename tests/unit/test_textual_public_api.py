"""The app and the tests use Textual's public API only, and the TUI's modules import
each other without a cycle.

Textual's private names are read from Textual's own source: every ``_name`` it defines
or uses. Our code may not import a ``textual`` module whose path has a ``_`` part, read
such a name unless our code defines it too, nor define one that a Textual class it
derives from already has (an override, or state shadowing Textual's own).
"""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import textual

from tests.conftest import REPO

OUR_CODE = [REPO / "tpworkshop", REPO / "tests", REPO / "benchmarks"]
PUBLIC_ANYWAY = frozenset({"_exit", "_replace", "_asdict", "_fields", "_make", "_getframe"})
"""Python's own public names that start with "_" (os._exit, named tuples, sys._getframe)."""
TUI = REPO / "tpworkshop" / "tui"


def python_files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        yield from sorted(root.rglob("*.py"))


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def names_defined(tree: ast.AST) -> set[str]:
    """The private names a module defines: functions, class attributes, ``x._name = ``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            found.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
    return {name for name in found if private(name)}


@cache
def textual_private_names() -> frozenset[str]:
    names: set[str] = set()
    for path in python_files(Path(textual.__file__).parent):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= names_defined(tree)
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    return frozenset(name for name in names if private(name))


@cache
def our_trees() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in python_files(*OUR_CODE)
    }


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(REPO)}:{getattr(node, 'lineno', 0)}"


def test_no_private_textual_module_is_imported() -> None:
    found = []
    for path, tree in our_trees().items():
        for node in ast.walk(tree):
            modules = []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            for module in modules:
                parts = module.split(".")
                if parts[0] == "textual" and any(part.startswith("_") for part in parts):
                    found.append(f"{where(path, node)} imports {module}")
    assert found == []


def test_no_private_textual_name_is_read() -> None:
    ours = set().union(*(names_defined(tree) for tree in our_trees().values()))
    theirs = textual_private_names() - ours - PUBLIC_ANYWAY
    found = [
        f"{where(path, node)} reads .{node.attr}"
        for path, tree in our_trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in theirs
    ]
    found += [
        f"{where(path, node)} names {node.value!r}"
        for path, tree in our_trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("#textual-")  # Textual's own widgets (its toast rack...)
        and path != Path(__file__)
    ]
    assert found == []


def textual_bases(cls: type) -> list[type]:
    return [base for base in cls.__mro__ if base.__module__.split(".")[0] == "textual"]


@cache
def private_members(cls: type) -> frozenset[str]:
    """What a Textual class defines privately: class attributes and ``self._x`` state."""
    names = {name for name in vars(cls) if private(name)}
    try:
        tree = ast.parse(inspect.getsource(cls))
    except (OSError, TypeError):
        return frozenset(names)
    return frozenset(names) | {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and private(node.attr)
    }


def our_classes() -> Iterator[type]:
    import importlib

    for path in python_files(REPO / "tpworkshop"):
        if path.name == "__main__.py":
            continue
        module_name = ".".join(path.relative_to(REPO).with_suffix("").parts)
        module_name = module_name.removesuffix(".__init__")
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__ == module_name:
                yield value


def test_no_class_overrides_or_shadows_a_private_textual_member() -> None:
    found = []
    for cls in our_classes():
        bases = textual_bases(cls)
        if not bases:
            continue
        theirs = set().union(*(private_members(base) for base in bases))
        tree = ast.parse(inspect.getsource(cls))
        ours = names_defined(tree) - {cls.__name__}
        # names_defined also sees locals and arguments: only members count here
        members = {name for name in vars(cls) if private(name)} | {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
        }
        for name in sorted(ours & members & theirs):
            found.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert found == []


def tui_imports(path: Path) -> set[str]:
    """The ``tpworkshop.tui`` modules ``path`` imports when it runs (``if TYPE_CHECKING``
    blocks, read only by type checkers, left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for child in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            candidates = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        for name in candidates:
            if name.startswith("tpworkshop.tui") and module_path(name) is not None:
                found.add(name)
                break
    return found


def module_path(name: str) -> Path | None:
    base = REPO.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def test_the_tui_modules_import_each_other_without_a_cycle() -> None:
    graph = {
        ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"): path
        for path in python_files(TUI)
    }
    edges = {name: tui_imports(path) & graph.keys() for name, path in graph.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
