"""Writes: documents with their facts, a batch per transaction (its rows built in `rows.py`).
Idempotent: a document already stored (same content hash) changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from dossier.errors import NotStored
from dossier.model import Document, Facts
from dossier.near_duplicates import Signature, bands
from dossier.store.db import one_writer
from dossier.store.rows import Resolved, Rows, add_facts, document_values, insert_rows
from dossier.store.tables import (
    ActorRow,
    AliasRow,
    DocumentBandRow,
    DocumentRow,
)


class Writes:
    engine: Engine

    def known_names(self) -> dict[str, str]:
        """Every alias key in the store -> the canonical name of its actor (for resolve)."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(AliasRow.key, ActorRow.name).join(ActorRow, AliasRow.actor_id == ActorRow.id)
            )
            return {key: name for key, name in rows}

    def add(
        self,
        facts: Facts,
        canonical: dict[str, str],
        then: Callable[[Connection, str], None] | None = None,
        minhash: Signature | None = None,
    ) -> bool:
        """Store one document: `add_many` of one. False, and nothing written, when a document
        with the same content is already stored."""
        return self.add_many([Resolved(facts, canonical, minhash)], then)[0]

    def add_many(
        self,
        batch: Sequence[Resolved],
        then: Callable[[Connection, str], None] | None = None,
    ) -> list[bool]:
        """Store documents and their facts, actors named by their `canonical` names (from
        resolve), in one transaction, then run `then` (the incident grouping) for each stored
        document in order, in the same transaction: a run killed part-way leaves each batch
        wholly stored or not at all.

        Each table gets one multi-row insert for the whole batch; the documents are taken in
        order (ids, actors, aliases), so the store is the one storing them one by one gives.
        Each document's incidents are grouped once the whole batch is in: a neighbourhood is
        grouped as a pure function of its reports, so that ends where grouping each document
        as it is stored does.
        Per document, whether it was stored: False for one whose content is stored already.
        """
        if not batch:
            return []
        try:
            return self._add_many(batch, then)
        except (DataError, IntegrityError) as error:
            raise NotStored(f"not stored: {str(error.orig).strip()}") from error

    def _add_many(
        self, batch: Sequence[Resolved], then: Callable[[Connection, str], None] | None
    ) -> list[bool]:
        with Session(self.engine) as session, session.begin():
            one_writer(session)
            hashes = [item.facts.document.content_hash for item in batch]
            stored = set(
                session.scalars(
                    select(DocumentRow.content_hash).where(DocumentRow.content_hash.in_(hashes))
                )
            )
            fresh = [item for item in batch if item.facts.document.content_hash not in stored]
            ids = _free_ids(session, [item.facts.document for item in fresh])
            insert_rows(
                session,
                DocumentRow,
                [document_values(item, id_) for item, id_ in zip(fresh, ids, strict=True)],
            )
            insert_rows(
                session,
                DocumentBandRow,
                [
                    {"document_id": id_, "band": key}
                    for item, id_ in zip(fresh, ids, strict=True)
                    if item.minhash is not None
                    for key in bands(item.minhash)
                ],
            )
            rows = Rows(session)
            actors = _actor_ids(session, fresh)
            known = _alias_keys(session, set(actors.values()))
            for item, doc_id in zip(fresh, ids, strict=True):
                add_facts(rows, item, doc_id, actors, known)
            rows.insert()
            if then is not None:
                connection = session.connection()
                for doc_id in ids:
                    then(connection, doc_id)
        return [item.facts.document.content_hash not in stored for item in batch]


def _free_ids(session: Session, documents: list[Document]) -> list[str]:
    """Each document's id, or its id with a hash suffix when another text (stored, or earlier
    in the batch) already holds it."""
    wanted = [d.id for d in documents]
    taken = set(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(wanted))))
    ids = []
    for document in documents:
        id_ = document.id
        if id_ in taken:
            id_ = f"{id_}~{document.content_hash[:8]}"
        taken.add(id_)
        ids.append(id_)
    return ids


def _actor_ids(session: Session, batch: list[Resolved]) -> dict[str, int]:
    """The stored actor of every actor of the batch, by canonical name, created where new; a
    registered actor upgrades an unregistered row of the same name. One query to find them,
    one insert of the new ones."""
    found: dict[str, dict[str, object]] = {}
    for item in batch:
        wanted = {item.canonical.get(a.name, a.name): a for a in item.facts.actors}
        for name, actor in wanted.items():
            now = found.get(name)
            if now is None:
                found[name] = {
                    "name": name,
                    "kind": actor.kind,
                    "registered": actor.registered,
                    "parent": actor.parent,
                }
            elif actor.registered and not now["registered"]:
                now.update(kind=actor.kind, registered=True, parent=actor.parent)
    ids: dict[str, int] = {}
    for id_, name, registered in session.execute(
        select(ActorRow.id, ActorRow.name, ActorRow.registered).where(
            ActorRow.name.in_(list(found))
        )
    ):
        ids[name] = id_
        values = found.pop(name)
        if values["registered"] and not registered:
            session.execute(
                update(ActorRow)
                .where(ActorRow.id == id_)
                .values(registered=True, kind=values["kind"], parent=values["parent"])
            )
    if found:
        new = session.scalars(
            insert(ActorRow).returning(ActorRow.id, sort_by_parameter_order=True),
            list(found.values()),
        ).all()
        ids.update(zip(found, new, strict=True))
    return ids


def _alias_keys(session: Session, actor_ids: set[int]) -> dict[int, set[str]]:
    """Each actor's stored alias keys."""
    known: dict[int, set[str]] = {id_: set() for id_ in actor_ids}
    for id_, key in session.execute(
        select(AliasRow.actor_id, AliasRow.key).where(AliasRow.actor_id.in_(list(actor_ids)))
    ):
        known[id_].add(key)
    return known
