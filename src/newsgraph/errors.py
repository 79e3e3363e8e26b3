"""The error hierarchy, declared once. Each error has a stable code front ends can show."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    code = "error"


class InputError(NewsgraphError):
    """A file or record cannot be read as an article. ``where`` names the file (and line)."""

    code = "bad_input"

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ModelNotAvailable(NewsgraphError):
    """The spaCy pipeline is not installed; we never download one at run time."""

    code = "model_missing"


class StoreError(NewsgraphError):
    code = "store"


class GoldFormatError(NewsgraphError):
    code = "bad_gold"


class NotFound(NewsgraphError):
    """An id or name that names nothing in the store."""

    code = "not_found"


class NotAllowed(NewsgraphError):
    """A write asked of a store served read-only, or without the right token."""

    code = "read_only"
