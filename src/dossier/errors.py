"""One small hierarchy of errors.

A refusal of bad input is normally data (`model.Refusal`) kept in the quarantine table; the
exception form exists for code paths that must unwind, and is turned back into data at the
batch boundary so that one bad file never stops a batch.
"""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""


class RefusedInput(DossierError):
    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class NotFound(DossierError):
    """A name or id the user asked for is not in the store."""
