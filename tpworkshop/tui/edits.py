"""What ``WorkshopApp.edit`` hands back when the store refused an edit."""

from __future__ import annotations


class EditFailed:
    """Returned by ``App.edit`` when the edit was refused; nothing was changed."""

    def __bool__(self) -> bool:
        return False


EDIT_FAILED = EditFailed()
