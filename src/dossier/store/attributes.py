"""Attributes of groups and relations over time: the rows `Writes.add` inserts for a document's
attributes, and the reads that answer them back as records dated by their documents."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dossier.model import (
    Attribute,
    Count,
    DatedRelation,
    DateValue,
    Evidence,
    Relation,
    StoredAttribute,
)
from dossier.store.read import relation_query
from dossier.store.tables import (
    ActorRow,
    AttributeRow,
    DocumentRow,
    RelationRow,
    date_columns,
)


def attribute_rows(
    attributes: tuple[Attribute, ...],
    actor_id: Callable[[str | None], int | None],
    canonical: dict[str, str],
    cited: Callable[[Evidence], dict[str, object]],
) -> list[dict[str, object]]:
    """One row per attribute of a stored actor; an origin names its group canonically."""
    rows = []
    for a in attributes:
        about = actor_id(a.about)
        if about is None:
            continue
        value = canonical.get(a.value, a.value) if a.kind == "origin" else a.value
        date, count = a.date, a.count
        rows.append(
            {
                "actor_id": about,
                "kind": a.kind,
                "value": value,
                "role": a.role,
                "fate": a.fate,
                **date_columns(date),
                "low": count.low if count else None,
                "high": count.high if count else None,
                "count_text": count.text if count else None,
                "source": a.evidence.source,
                **cited(a.evidence),
            }
        )
    return rows


class AttributeReads:
    engine: Engine

    def attributes_of(self, name: str | None) -> list[StoredAttribute]:
        """Every attribute stored of the actor (of every actor when `name` is None, for the
        exports), oldest document first, in reading order."""
        with Session(self.engine) as session:
            query = (
                select(AttributeRow, ActorRow.name, DocumentRow.published)
                .join(ActorRow, AttributeRow.actor_id == ActorRow.id)
                .join(DocumentRow, AttributeRow.document_id == DocumentRow.id)
                .order_by(
                    DocumentRow.published,
                    AttributeRow.document_id,
                    AttributeRow.char_start,
                    AttributeRow.id,
                )
            )
            if name is not None:
                query = query.where(ActorRow.name == name)
            return [
                _stored(row, about=about, published=published)
                for row, about, published in session.execute(query).all()
            ]

    def relations_dated(self, name: str) -> list[DatedRelation]:
        """The relations the actor is a side of, each with the publication date of the document
        that states it: the first and last date a relation is evidenced come from these."""
        with Session(self.engine) as session:
            rows = session.execute(
                relation_query(name, DocumentRow.published)
                .join(DocumentRow, RelationRow.document_id == DocumentRow.id)
                .order_by(DocumentRow.published, RelationRow.id)
            )
            return [
                DatedRelation(
                    Relation(s, kind, o, Evidence(doc, start, end, source)),
                    published.isoformat() if published else None,
                )
                for s, kind, o, doc, start, end, source, published in rows
            ]


def _stored(row: AttributeRow, about: str, published: object) -> StoredAttribute:
    date = None
    if row.date_precision is not None:
        date = DateValue(row.date_value, row.date_precision, row.date_text or "", row.date_end)
    count = None
    if row.count_text is not None:
        count = Count(row.low, row.high, row.count_text)
    attribute = Attribute(
        about,
        row.kind,
        row.value,
        Evidence(row.document_id, row.char_start, row.char_end, row.source),
        date,
        count,
        row.role,
        row.fate,
    )
    return StoredAttribute(attribute, published.isoformat() if published else None)  # type: ignore[attr-defined]
