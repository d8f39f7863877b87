"""Writes: a document's facts, refusals, duplicates. Idempotent: a document already stored (same
content hash), a refusal already kept (same path, line and reason) or a duplicate already kept
changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.orm import Session

from dossier.model import Document, Event, Evidence, Facts, Figure
from dossier.near_duplicates import Signature, bands
from dossier.store.attributes import attribute_rows
from dossier.store.db import one_writer
from dossier.store.tables import (
    ActorRow,
    AliasRow,
    AnomalyRow,
    AttributeRow,
    Base,
    ClaimRow,
    DocumentBandRow,
    DocumentRow,
    EventClaimantRow,
    EventRoleRow,
    EventRow,
    FigureRow,
    MentionRow,
    RelationRow,
    StatementRow,
    VictimCategoryRow,
)
from dossier.vocab.fold import name_key


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
        """Store a document and its facts, actors named by `canonical` (from resolve), and run
        `then` (the incident grouping) with the connection and the stored id, in the same
        transaction: a run killed part-way leaves each document wholly stored or not at all.

        False, and nothing written, when a document with the same content is already stored.
        """
        document = facts.document
        with Session(self.engine) as session, session.begin():
            one_writer(session)
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
                    record=dict(document.record) or None,
                    row=document.row,
                    minhash=[minhash.shingles, *minhash.values] if minhash else None,
                )
            )
            session.flush()
            if minhash is not None:
                _insert(
                    session,
                    DocumentBandRow,
                    [{"document_id": doc_id, "band": key} for key in bands(minhash)],
                )
            rows = _actor_rows(session, facts, canonical)
            known: dict[int, set[str]] = {row.id: set() for row in rows.values()}
            for actor_id_, key in session.execute(
                select(AliasRow.actor_id, AliasRow.key).where(AliasRow.actor_id.in_(list(known)))
            ):
                known[actor_id_].add(key)

            def cited(evidence: Evidence) -> dict[str, object]:
                """Where a fact is said: this document (whatever id its evidence gives, as
                `_free_id` may have changed it) and the span."""
                return {
                    "document_id": doc_id,
                    "char_start": evidence.start,
                    "char_end": evidence.end,
                }

            mentions, aliases = [], []
            for actor in facts.actors:
                row = rows[canonical.get(actor.name, actor.name)]
                for mention in actor.mentions:
                    span = cited(mention.evidence) | cell(mention.evidence)
                    mentions.append(
                        {"actor_id": row.id, "text": mention.text, "how": mention.how, **span}
                    )
                    key = name_key(mention.text)
                    if mention.is_name and key not in known[row.id]:
                        known[row.id].add(key)
                        aliases.append(
                            {"actor_id": row.id, "alias": mention.text, "key": key, **span}
                        )
            _insert(session, MentionRow, mentions)
            _insert(session, AliasRow, aliases)
            ids = {name: row.id for name, row in rows.items()}

            def actor_id(name: str | None) -> int | None:
                return ids.get(canonical.get(name, name)) if name else None

            _insert(
                session,
                StatementRow,
                [
                    {"actor_id": actor_id(s.about), "topic": s.topic, **cited(s.evidence)}
                    for s in facts.statements
                ],
            )
            _add_events(session, facts.events, doc_id, actor_id, canonical)
            relations = [(actor_id(r.subject), actor_id(r.object), r) for r in facts.relations]
            _insert(
                session,
                RelationRow,
                [
                    {
                        "subject_id": subject,
                        "type": r.type,
                        "object_id": obj,
                        "source": r.evidence.source,
                        **cited(r.evidence),
                    }
                    for subject, obj, r in relations
                    if subject is not None and obj is not None
                ],
            )
            _insert(
                session,
                VictimCategoryRow,
                [{"category": v.category, **cited(v.evidence)} for v in facts.victim_categories],
            )
            _insert(
                session,
                AnomalyRow,
                [{"text": a.text, "why": a.why, **cited(a.evidence)} for a in facts.anomalies],
            )
            claims = [(actor_id(c.about), c) for c in facts.claims]
            _insert(
                session,
                ClaimRow,
                [
                    {"about_id": about, "source": c.source, **cited(c.evidence)}
                    for about, c in claims
                    if about is not None
                ],
            )
            _insert(
                session, AttributeRow, attribute_rows(facts.attributes, actor_id, canonical, cited)
            )
            if then is not None:
                session.flush()
                then(session.connection(), doc_id)
            return True


def cell(evidence: Evidence | None) -> dict[str, object]:
    """The cell a piece of evidence cites, for the tables that keep cells beside spans."""
    if evidence is None or not evidence.is_cell:
        return {"cell_row": None, "cell_column": None}
    return {"cell_row": evidence.row, "cell_column": evidence.column}


def _stored(session: Session, document: Document) -> bool:
    """Whether a document with the same text (by content hash) is already stored."""
    found = session.scalar(
        select(DocumentRow.id).where(DocumentRow.content_hash == document.content_hash)
    )
    return found is not None


def _insert(session: Session, table: type[Base], rows: list[dict[str, object]]) -> None:
    """One statement for all the rows of a table, not one object per row."""
    if rows:
        session.execute(insert(table), rows)


def _add_events(
    session: Session,
    events: tuple[Event, ...],
    document_id: str,
    actor_id: Callable[[str | None], int | None],
    canonical: dict[str, str],
) -> None:
    """The events, then their figures, role fillers and claimants under the ids the events
    were given."""
    if not events:
        return
    ids = session.scalars(
        insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True),
        [_event_values(event, document_id, actor_id(event.perpetrator)) for event in events],
    ).all()
    figures: list[dict[str, object]] = []
    roles: list[dict[str, object]] = []
    claimants: list[dict[str, object]] = []
    for event_id, event in zip(ids, events, strict=True):
        reported = event.reports
        if event.count is not None and not reported:
            reported = (Figure("count", event.count, None),)
        for figure in reported:
            span = figure.evidence
            figures.append(
                {
                    "event_id": event_id,
                    "kind": figure.kind,
                    "source": figure.source,
                    "low": figure.count.low,
                    "high": figure.count.high,
                    "text": figure.count.text,
                    "char_start": span.start if span else None,
                    "char_end": span.end if span else None,
                    **cell(span),
                }
            )
        fillers = {
            "target": event.targets,
            "victim": event.victims,
            "weapon": event.weapon,
            "perpetrator": event.perpetrator_individuals,
        }
        roles += [
            {"event_id": event_id, "role": role, "text": text}
            for role, texts in fillers.items()
            for text in texts
        ]
        claimants += [
            {
                "event_id": event_id,
                "actor_id": actor_id(c.name),
                "name": canonical.get(c.name, c.name),
                "attribution": c.attribution,
                "source": c.source,
                "char_start": c.evidence.start,
                "char_end": c.evidence.end,
            }
            for c in event.claimants
        ]
    _insert(session, FigureRow, figures)
    _insert(session, EventRoleRow, roles)
    _insert(session, EventClaimantRow, claimants)


def _event_values(event: Event, document_id: str, perpetrator_id: int | None) -> dict[str, object]:
    date, place = event.date, event.place
    return {
        "document_id": document_id,
        "type": event.type,
        "suicide": event.suicide,
        "date_value": date.value if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
        "place_name": place.name if place else None,
        "place_kind": place.kind if place else None,
        "site": event.site,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "perpetrator_id": perpetrator_id,
        "perpetrator_text": event.perpetrator_text,
        "attribution": event.attribution,
        "attributed_by": event.attributed_by,
        "char_start": event.evidence.start,
        "char_end": event.evidence.end,
        **cell(event.evidence),
    }


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
