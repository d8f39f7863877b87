"""One small hierarchy of errors.

Bad input is not an error here: a refusal is data (`model.Refusal`), kept in the quarantine table,
so that one bad file never stops a batch. Errors are for what the user asked and cannot have.
"""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""


class NotFound(DossierError):
    """A name or id the user asked for is not in the store."""


class EmptyStore(DossierError):
    """The store holds nothing yet that the question could be answered from."""
