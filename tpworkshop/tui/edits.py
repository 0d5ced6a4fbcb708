"""What ``WorkshopApp.edit`` hands back when the store refused an edit."""

from __future__ import annotations

from typing import Literal


class EditFailed:
    """Returned by ``App.edit`` when the edit was refused; nothing was changed."""

    def __bool__(self) -> Literal[False]:  # so ``if result:`` narrows the type for mypy
        return False


EDIT_FAILED = EditFailed()
