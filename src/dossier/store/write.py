"""Writes: a document's facts, refusals. Idempotent: a document already stored (same content
hash) or a refusal already kept (same path, line and reason) changes nothing."""

from __future__ import annotations

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from dossier.model import Document, Event, Facts, Refusal
from dossier.store.tables import (
    ActorRow,
    AliasRow,
    AnomalyRow,
    ClaimRow,
    DocumentRow,
    EventRow,
    FigureRow,
    MentionRow,
    RefusalRow,
    RelationRow,
    StatementRow,
    VictimCategoryRow,
)
from dossier.vocab.fold import name_key


class Writes:
    engine: Engine

    def has_document(self, document: Document) -> bool:
        with Session(self.engine) as session:
            return _stored(session, document)

    def known_names(self) -> dict[str, str]:
        """Every alias key in the store -> the canonical name of its actor (for resolve)."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(AliasRow.key, ActorRow.name).join(ActorRow, AliasRow.actor_id == ActorRow.id)
            )
            return {key: name for key, name in rows}

    def add_refusal(self, refusal: Refusal) -> bool:
        """Keep a refusal in quarantine; False if the same refusal is already kept."""
        line = refusal.line if refusal.line is not None else -1
        with Session(self.engine) as session, session.begin():
            exists = session.scalar(
                select(RefusalRow.id).where(
                    RefusalRow.path == refusal.path,
                    RefusalRow.line == line,
                    RefusalRow.reason == refusal.reason,
                )
            )
            if exists is not None:
                return False
            session.add(
                RefusalRow(
                    path=refusal.path,
                    line=line,
                    reason=refusal.reason,
                    size=refusal.size,
                    raw=refusal.raw,
                )
            )
            return True

    def add(self, facts: Facts, canonical: dict[str, str]) -> bool:
        """Store a document and its facts, actors named by `canonical` (from resolve).

        False, and nothing written, when a document with the same content is already stored.
        """
        document = facts.document
        with Session(self.engine) as session, session.begin():
            if _stored(session, document):
                return False
            doc_id = _free_id(session, document.id, document.content_hash)
            session.add(
                DocumentRow(
                    id=doc_id,
                    content_hash=document.content_hash,
                    path=document.path,
                    title=document.title,
                    published=document.published,
                    url=document.url,
                    source=document.source,
                    language=document.language,
                    format=document.format,
                    text=document.text,
                    dropped=list(document.dropped),
                )
            )
            session.flush()
            rows = _actor_rows(session, facts, canonical)
            known: dict[int, set[str]] = {row.id: set() for row in rows.values()}
            for actor_id_, key in session.execute(
                select(AliasRow.actor_id, AliasRow.key).where(AliasRow.actor_id.in_(list(known)))
            ):
                known[actor_id_].add(key)
            mentions, aliases = [], []
            for actor in facts.actors:
                row = rows[canonical.get(actor.name, actor.name)]
                for mention in actor.mentions:
                    ev = mention.evidence
                    span = {"document_id": doc_id, "char_start": ev.start, "char_end": ev.end}
                    mentions.append(
                        {"actor_id": row.id, "text": mention.text, "how": mention.how, **span}
                    )
                    key = name_key(mention.text)
                    if mention.is_name and key not in known[row.id]:
                        known[row.id].add(key)
                        aliases.append(
                            {"actor_id": row.id, "alias": mention.text, "key": key, **span}
                        )
            # Bulk inserts: one statement per table, not one object per row.
            if mentions:
                session.execute(insert(MentionRow), mentions)
            if aliases:
                session.execute(insert(AliasRow), aliases)
            ids = {name: row.id for name, row in rows.items()}

            def actor_id(name: str | None) -> int | None:
                return ids.get(canonical.get(name, name)) if name else None

            statements = [
                {
                    "actor_id": actor_id(s.about),
                    "document_id": doc_id,
                    "topic": s.topic,
                    "char_start": s.evidence.start,
                    "char_end": s.evidence.end,
                }
                for s in facts.statements
            ]
            if statements:
                session.execute(insert(StatementRow), statements)
            for event in facts.events:
                session.add(_event_row(event, doc_id, actor_id(event.perpetrator)))
            for relation in facts.relations:
                subject, obj = actor_id(relation.subject), actor_id(relation.object)
                if subject is None or obj is None:
                    continue
                ev = relation.evidence
                session.add(
                    RelationRow(
                        subject_id=subject,
                        type=relation.type,
                        object_id=obj,
                        document_id=doc_id,
                        char_start=ev.start,
                        char_end=ev.end,
                        source=ev.source,
                    )
                )
            for victim in facts.victim_categories:
                session.add(
                    VictimCategoryRow(
                        document_id=doc_id,
                        category=victim.category,
                        char_start=victim.evidence.start,
                        char_end=victim.evidence.end,
                    )
                )
            for anomaly in facts.anomalies:
                ev = anomaly.evidence
                session.add(
                    AnomalyRow(
                        document_id=doc_id,
                        char_start=ev.start,
                        char_end=ev.end,
                        text=anomaly.text,
                        why=anomaly.why,
                    )
                )
            for claim in facts.claims:
                about = actor_id(claim.about)
                if about is not None:
                    ev = claim.evidence
                    session.add(
                        ClaimRow(
                            about_id=about,
                            source=claim.source,
                            document_id=doc_id,
                            char_start=ev.start,
                            char_end=ev.end,
                        )
                    )
            return True


def _stored(session: Session, document: Document) -> bool:
    """Whether a document with the same text (by content hash) is already stored."""
    found = session.scalar(
        select(DocumentRow.id).where(DocumentRow.content_hash == document.content_hash)
    )
    return found is not None


def _event_row(event: Event, document_id: str, perpetrator_id: int | None) -> EventRow:
    date, place = event.date, event.place
    row = EventRow(
        document_id=document_id,
        type=event.type,
        suicide=event.suicide,
        date_value=date.value if date else None,
        date_end=date.end if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        place_name=place.name if place else None,
        place_kind=place.kind if place else None,
        country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        perpetrator_id=perpetrator_id,
        perpetrator_text=event.perpetrator_text,
        attribution=event.attribution,
        attributed_by=event.attributed_by,
        char_start=event.evidence.start,
        char_end=event.evidence.end,
    )
    row.figures = [
        FigureRow(
            kind=f.kind, source=f.source, low=f.count.low, high=f.count.high, text=f.count.text
        )
        for f in event.reports
    ]
    if event.count is not None and not event.reports:
        c = event.count
        row.figures.append(
            FigureRow(kind="count", source=None, low=c.low, high=c.high, text=c.text)
        )
    return row


def _free_id(session: Session, wanted: str, content_hash: str) -> str:
    """`wanted`, or `wanted` with a hash suffix when another text already holds that id."""
    if session.get(DocumentRow, wanted) is None:
        return wanted
    return f"{wanted}~{content_hash[:8]}"


def _actor_rows(session: Session, facts: Facts, canonical: dict[str, str]) -> dict[str, ActorRow]:
    """The stored actor of every actor of `facts`, by canonical name, created where new; a
    registered actor upgrades an unregistered row of the same name. Two queries, not two per
    actor."""
    wanted = {canonical.get(a.name, a.name): a for a in facts.actors}
    rows = {
        row.name: row
        for row in session.scalars(select(ActorRow).where(ActorRow.name.in_(list(wanted))))
    }
    for name, actor in wanted.items():
        row = rows.get(name)
        if row is None:
            row = ActorRow(
                name=name, kind=actor.kind, registered=actor.registered, parent=actor.parent
            )
            session.add(row)
            rows[name] = row
        elif actor.registered and not row.registered:
            row.registered, row.kind, row.parent = True, actor.kind, actor.parent
    session.flush()
    return rows
