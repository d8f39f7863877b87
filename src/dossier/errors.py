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


class SchemaMismatch(DossierError):
    """The database's schema revision is not the one this dossier needs. The store refuses it
    when it opens, rather than failing later in the middle of a write; `found` is None for a
    database that holds tables but no dossier schema."""

    def __init__(self, message: str, found: str | None, needed: str) -> None:
        super().__init__(message)
        self.found, self.needed = found, needed


class NotStored(DossierError):
    """The database would not take a batch of documents (a value it refuses, such as a NUL
    character in a PostgreSQL text). The ingest stores the batch one document at a time then,
    and the one document that fails alone is kept as a refusal with this reason."""
