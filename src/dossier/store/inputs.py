"""Writes and reads of inputs as inputs: refusals kept in quarantine, repeats kept with the
document they repeat, and the lookups that tell a repeat (by content hash, by id, by MinHash
band). Idempotent: a refusal or a duplicate already kept changes nothing."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Engine, bindparam, func, select
from sqlalchemy.orm import Session

from dossier.model import Document, Duplicate, Refusal
from dossier.near_duplicates import CANDIDATES, Signature
from dossier.store.db import one_writer
from dossier.store.tables import DocumentBandRow, DocumentRow, DuplicateRow, RefusalRow

_BY_CONTENT = select(DocumentRow.id).where(DocumentRow.content_hash == bindparam("content_hash"))


class Inputs:
    engine: Engine

    def stored_id(self, document: Document) -> str | None:
        """The id of the stored document with the same text (by content hash), if any."""
        return self.id_of_content(document.content_hash)

    def id_stored(self, document_id: str) -> str | None:
        """The id, when a document of that id is stored."""
        with Session(self.engine) as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.id == document_id))

    def id_of_content(self, content_hash: str) -> str | None:
        # Asked of every document read: a plain query, without an ORM session.
        with self.engine.connect() as connection:
            return connection.execute(_BY_CONTENT, {"content_hash": content_hash}).scalar()

    def add_duplicate(self, duplicate: Duplicate) -> bool:
        """Keep an input that repeats a stored document; False if it is kept already."""
        line = duplicate.row if duplicate.row is not None else -1
        row = DuplicateRow(
            path=duplicate.path, line=line, document_id=duplicate.of, kind=duplicate.kind
        )
        return self._keep_once(
            row,
            DuplicateRow.path == duplicate.path,
            DuplicateRow.line == line,
            DuplicateRow.document_id == duplicate.of,
        )

    def add_refusal(self, refusal: Refusal) -> bool:
        """Keep a refusal in quarantine; False if the same refusal is already kept."""
        # A refused export row is kept under its row number (the key needs one number).
        number = refusal.line if refusal.line is not None else refusal.row
        line = number if number is not None else -1
        row = RefusalRow(
            path=refusal.path,
            line=line,
            reason=refusal.reason,
            row=refusal.row,
            size=refusal.size,
            raw=refusal.raw,
        )
        return self._keep_once(
            row,
            RefusalRow.path == refusal.path,
            RefusalRow.line == line,
            RefusalRow.reason == refusal.reason,
        )

    def _keep_once(self, row: DuplicateRow | RefusalRow, *same: ColumnElement[bool]) -> bool:
        """Insert `row` unless a row of its table matching `same` is kept already."""
        with Session(self.engine) as session, session.begin():
            one_writer(session)
            if session.scalar(select(type(row).id).where(*same)) is not None:
                return False
            session.add(row)
            return True

    def near_candidates(self, band_keys: list[str]) -> dict[str, Signature]:
        """Stored documents sharing most MinHash bands with a text (at most `CANDIDATES`), with
        their signatures."""
        with Session(self.engine) as session:
            sharing = (
                select(DocumentBandRow.document_id)
                .where(DocumentBandRow.band.in_(band_keys))
                .group_by(DocumentBandRow.document_id)
                .order_by(func.count().desc(), DocumentBandRow.document_id)
                .limit(CANDIDATES)
            )
            rows = session.execute(
                select(DocumentRow.id, DocumentRow.minhash)
                .where(DocumentRow.id.in_(sharing))
                .where(DocumentRow.minhash.is_not(None))
            )
            return {id_: Signature(found[0], tuple(found[1:])) for id_, found in rows}
