"""tpworkshop: facilitate touchpoint-mapping workshops in the terminal."""

from __future__ import annotations

DISTRIBUTION = "tpworkshop"


def installed_version() -> str:
    """The version of the installed package, from its metadata (pyproject.toml's ``version``);
    ``"unknown"`` when the code runs from a folder that was never installed."""
    from importlib.metadata import PackageNotFoundError, version  # ~20 ms: only when asked

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
