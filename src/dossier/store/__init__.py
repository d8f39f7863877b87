"""store: the only place that speaks SQL.

`Store` writes what extract and resolve produce and answers the questions analyse asks. Writes
are idempotent: a document already stored (same content hash) or a refusal already kept
(same path, line and reason) changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, Row, func, insert, select, update
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Session, aliased

from dossier.extract.fold import name_key
from dossier.model import Document, Event, Facts, Refusal, ReportedEvent
from dossier.store.db import make_engine, migrate
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


@dataclass(frozen=True)
class ActorSummary:
    name: str
    kind: str
    registered: bool
    documents: int
    mentions: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class StoredEvent:
    perpetrator: str | None
    incident: int  # reports of one attack share it
    document_id: str
    start: int
    end: int
    type: str
    suicide: bool
    date: str | None
    place: str | None
    country: str | None
    attribution: str
    attributed_by: str | None
    # (kind, source, low, high, text) for every figure reported
    figures: tuple[tuple[str, str | None, int | None, int | None, str], ...]


@dataclass(frozen=True)
class StoredRelation:
    subject: str
    type: str
    object: str
    document_id: str
    start: int
    end: int
    source: str | None


@dataclass
class DatedAlias:
    alias: str
    first: str | None  # publication dates, ISO
    last: str | None
    documents: set[str]
    first_use: Cited


@dataclass(frozen=True)
class Cited:
    """A stored span with its text and a label (a statement's topic, a claim's source, an
    anomaly's reason, a victim category), with its document for the citation."""

    document_id: str
    start: int
    end: int
    text: str
    topic: str = ""


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # ---- writing -------------------------------------------------------------------------

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

    # ---- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with Session(self.engine) as session:
            return {
                "documents": session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
                "refusals": session.scalar(select(func.count()).select_from(RefusalRow)) or 0,
                "actors": session.scalar(select(func.count()).select_from(ActorRow)) or 0,
                "mentions": session.scalar(select(func.count()).select_from(MentionRow)) or 0,
                "statements": session.scalar(select(func.count()).select_from(StatementRow)) or 0,
            }

    def actors(self, kinds: Iterable[str] | None = None) -> list[ActorSummary]:
        with Session(self.engine) as session:
            query = (
                select(
                    ActorRow.id,
                    ActorRow.name,
                    ActorRow.kind,
                    ActorRow.registered,
                    func.count(func.distinct(MentionRow.document_id)),
                    func.count(MentionRow.id),
                )
                .join(MentionRow, MentionRow.actor_id == ActorRow.id)
                .group_by(ActorRow.id)
                .order_by(func.count(MentionRow.id).desc(), ActorRow.name)
            )
            if kinds is not None:
                query = query.where(ActorRow.kind.in_(list(kinds)))
            rows = session.execute(query).all()
            aliases: dict[int, list[str]] = {}
            for actor_id, alias in session.execute(
                select(AliasRow.actor_id, AliasRow.alias).order_by(AliasRow.id)
            ):
                aliases.setdefault(actor_id, []).append(alias)
            return [
                ActorSummary(name, kind, registered, docs, mentions, tuple(aliases.get(id_, ())))
                for id_, name, kind, registered, docs, mentions in rows
            ]

    def actor_named(self, name: str) -> str | None:
        """The canonical name of the actor any of whose aliases (or its name) is `name`."""
        key = name_key(name)
        with Session(self.engine) as session:
            found = session.scalar(
                select(ActorRow.name)
                .join(AliasRow, AliasRow.actor_id == ActorRow.id)
                .where(AliasRow.key == key)
                .order_by(ActorRow.registered.desc())
                .limit(1)
            )
            if found is None:
                found = session.scalar(select(ActorRow.name).where(ActorRow.name == name))
            return found

    def actor_kind(self, name: str) -> tuple[str, bool, str | None]:
        with Session(self.engine) as session:
            row = session.execute(
                select(ActorRow.kind, ActorRow.registered, ActorRow.parent).where(
                    ActorRow.name == name
                )
            ).one()
            return row[0], row[1], row[2]

    def alias_history(self, name: str) -> list[DatedAlias]:
        """Every name the actor goes by in the store: first and last publication it was used in,
        how many documents, and its first use to cite."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    MentionRow.text,
                    DocumentRow.published,
                    MentionRow.document_id,
                    MentionRow.char_start,
                    MentionRow.char_end,
                )
                .join(ActorRow, MentionRow.actor_id == ActorRow.id)
                .join(DocumentRow, MentionRow.document_id == DocumentRow.id)
                .where(ActorRow.name == name, MentionRow.how != "anaphor")
                .order_by(DocumentRow.published.is_(None), DocumentRow.published, MentionRow.id)
            ).all()
        history: dict[str, DatedAlias] = {}
        for text, published, document_id, start, end in rows:
            key = name_key(text)
            day = published.isoformat() if published else None
            seen = history.get(key)
            if seen is None:
                history[key] = DatedAlias(
                    text, day, day, {document_id}, Cited(document_id, start, end, text)
                )
            else:
                seen.documents.add(document_id)
                if day and (seen.last is None or day > seen.last):
                    seen.last = day
        return list(history.values())

    def statements_about(self, name: str) -> list[Cited]:
        """Statements about an actor, oldest document first, in reading order within one."""
        return self._quoted(StatementRow, StatementRow.actor_id, StatementRow.topic, name)

    def documents(self, ids: Iterable[str]) -> dict[str, DocumentRow]:
        with Session(self.engine) as session:
            rows = session.scalars(select(DocumentRow).where(DocumentRow.id.in_(list(ids))))
            result = {row.id: row for row in rows}
            session.expunge_all()
            return result

    def document_text(self, document_id: str) -> str:
        with Session(self.engine) as session:
            text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
            if text is None:
                raise KeyError(document_id)
            return text

    def resolve_incidents(
        self,
        document_id: str,
        same: Callable[[ReportedEvent, ReportedEvent], bool],
        window_days: int,
    ) -> None:
        """Group the document's events with the reports of the same attacks in other documents.

        `same` decides (resolve.incidents.same_incident); this only finds the candidates (same
        perpetrator or none, dates in the window) and records each group under its smallest
        event id, merging groups that a new report ties together.
        """
        columns = (
            EventRow.id,
            EventRow.incident_id,
            ActorRow.name,
            EventRow.type,
            EventRow.date_value,
            EventRow.date_precision,
            EventRow.place_name,
            EventRow.place_kind,
            EventRow.country,
        )
        with Session(self.engine) as session, session.begin():
            # Plain column queries: through the connection, without the ORM's bookkeeping.
            connection = session.connection()
            new = connection.execute(
                select(*columns, EventRow.perpetrator_id)
                .outerjoin(ActorRow, EventRow.perpetrator_id == ActorRow.id)
                .where(EventRow.document_id == document_id)
            ).all()
            for event_id, _incident, *fields, perpetrator_id in new:
                date = fields[2]
                if not date:
                    continue
                # Simple conditions, one query each, so that every search walks the
                # (perpetrator, date) index instead of scanning the events.
                doers = (
                    [EventRow.perpetrator_id == perpetrator_id, EventRow.perpetrator_id.is_(None)]
                    if perpetrator_id is not None
                    else [sa_true()]
                )
                found: dict[int, Row] = {}
                for doer in doers:
                    for when in _date_window(date, window_days):
                        for row in connection.execute(
                            select(*columns, EventRow.document_id)
                            .outerjoin(ActorRow, EventRow.perpetrator_id == ActorRow.id)
                            .where(doer, when)
                        ):
                            if row[-1] != document_id:
                                found[row[0]] = row[:-1]
                candidates = list(found.values())
                key = _reported(*fields)
                matched = [c for c in candidates if same(key, _reported(*c[2:]))]
                if not matched:
                    continue  # an incident of its own: its id is the event's
                current = connection.scalar(
                    select(EventRow.incident_id).where(EventRow.id == event_id)
                )
                groups = {current or event_id} | {c[1] or c[0] for c in matched}
                connection.execute(
                    update(EventRow)
                    .where(EventRow.incident_id.in_(groups) | EventRow.id.in_(groups))
                    .values(incident_id=min(groups))
                )

    def events_of(self, name: str | None = None) -> list[StoredEvent]:
        """Events an actor is the perpetrator of (every event when `name` is None), in date
        order, each with all its figures."""
        with Session(self.engine) as session:
            query = (
                select(EventRow, ActorRow.name)
                .outerjoin(ActorRow, EventRow.perpetrator_id == ActorRow.id)
                .order_by(EventRow.date_value.is_(None), EventRow.date_value, EventRow.id)
            )
            if name is not None:
                query = query.where(ActorRow.name == name)
            rows = session.execute(query).all()
            return [
                StoredEvent(
                    perpetrator=perpetrator,
                    incident=r.incident_id or r.id,
                    document_id=r.document_id,
                    start=r.char_start,
                    end=r.char_end,
                    type=r.type,
                    suicide=r.suicide,
                    date=r.date_value,
                    place=r.place_name if r.place_kind != "country" else None,
                    country=r.country,
                    attribution=r.attribution,
                    attributed_by=r.attributed_by,
                    figures=tuple((f.kind, f.source, f.low, f.high, f.text) for f in r.figures),
                )
                for r, perpetrator in rows
            ]

    def relations_of(self, name: str) -> list[StoredRelation]:
        """Relations the actor is a side of, as (subject, type, object) with their spans."""
        subject, obj = aliased(ActorRow), aliased(ActorRow)
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    subject.name,
                    RelationRow.type,
                    obj.name,
                    RelationRow.document_id,
                    RelationRow.char_start,
                    RelationRow.char_end,
                    RelationRow.source,
                )
                .join(subject, RelationRow.subject_id == subject.id)
                .join(obj, RelationRow.object_id == obj.id)
                .where((subject.name == name) | (obj.name == name))
                .order_by(RelationRow.id)
            )
            return [StoredRelation(*row) for row in rows]

    def claims_about(self, name: str) -> list[Cited]:
        """What sources say about an actor: each sourced sentence, its source as `topic`."""
        return self._quoted(ClaimRow, ClaimRow.about_id, ClaimRow.source, name)

    def _quoted(self, table, actor_column, label_column, name: str) -> list[Cited]:  # type: ignore[no-untyped-def]
        """Spans of `table` about an actor with their quoted text and a label, oldest document
        first, in reading order within one: the one query statements and claims share."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    table.document_id,
                    table.char_start,
                    table.char_end,
                    func.substr(
                        DocumentRow.text, table.char_start + 1, table.char_end - table.char_start
                    ),
                    label_column,
                )
                .join(ActorRow, actor_column == ActorRow.id)
                .join(DocumentRow, table.document_id == DocumentRow.id)
                .where(ActorRow.name == name)
                .order_by(
                    DocumentRow.published.is_(None),
                    DocumentRow.published,
                    DocumentRow.id,
                    table.char_start,
                )
            )
            return [Cited(d, s, e, t, label) for d, s, e, t, label in rows]

    def target_mix(self, name: str) -> list[tuple[str, int, Cited]]:
        """Victim categories of the documents reporting the group's attacks: (category, number of
        documents, first mention to cite), most frequent first."""
        with Session(self.engine) as session:
            documents = (
                select(EventRow.document_id)
                .join(ActorRow, EventRow.perpetrator_id == ActorRow.id)
                .where(ActorRow.name == name)
            )
            rows = session.execute(
                select(
                    VictimCategoryRow.category,
                    VictimCategoryRow.document_id,
                    VictimCategoryRow.char_start,
                    VictimCategoryRow.char_end,
                )
                .where(VictimCategoryRow.document_id.in_(documents))
                .order_by(VictimCategoryRow.id)
            ).all()
        mix: dict[str, tuple[set[str], Cited]] = {}
        for category, document_id, start, end in rows:
            if category not in mix:
                mix[category] = (set(), Cited(document_id, start, end, category))
            docs = mix[category][0]
            docs.add(document_id)
        ranked = sorted(mix.items(), key=lambda item: (-len(item[1][0]), item[0]))
        return [(category, len(docs), first) for category, (docs, first) in ranked]

    def anomalies_in_documents_about(self, name: str) -> list[Cited]:
        """Anomalies of the documents that mention an actor; `topic` holds why."""
        with Session(self.engine) as session:
            documents = (
                select(MentionRow.document_id)
                .join(ActorRow, MentionRow.actor_id == ActorRow.id)
                .where(ActorRow.name == name)
            )
            rows = session.execute(
                select(
                    AnomalyRow.document_id,
                    AnomalyRow.char_start,
                    AnomalyRow.char_end,
                    AnomalyRow.text,
                    AnomalyRow.why,
                ).where(AnomalyRow.document_id.in_(documents))
            )
            return [Cited(d, s, e, t, why) for d, s, e, t, why in rows]

    def latest_year(self) -> int | None:
        """The year of the latest publication in the store: the year indices are computed as of."""
        with Session(self.engine) as session:
            latest = session.scalar(select(func.max(DocumentRow.published)))
            return latest.year if latest else None

    def refusals(self) -> list[Refusal]:
        with Session(self.engine) as session:
            rows = session.scalars(select(RefusalRow).order_by(RefusalRow.id))
            return [
                Refusal(r.path, r.reason, None if r.line < 0 else r.line, size=r.size) for r in rows
            ]


def _stored(session: Session, document: Document) -> bool:
    """Whether a document with the same text (by content hash) is already stored."""
    found = session.scalar(
        select(DocumentRow.id).where(DocumentRow.content_hash == document.content_hash)
    )
    return found is not None


def _date_window(value: str, window_days: int) -> list:  # type: ignore[type-arg]
    """SQL conditions, each index-friendly: dates a report dated `value` may share an incident
    with (a range around it, or the month or year it falls in)."""
    coarse = [value[:4]] + ([value[:7]] if len(value) >= 7 else [])
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        low = (day - dt.timedelta(days=window_days)).isoformat()
        high = (day + dt.timedelta(days=window_days)).isoformat()
    else:
        low, high = value, value + "-99"
    return [EventRow.date_value.between(low, high), EventRow.date_value.in_(coarse)]


def _reported(
    perpetrator: str | None,
    type: str,
    date: str | None,
    precision: str | None,
    place: str | None,
    place_kind: str | None,
    country: str | None,
) -> ReportedEvent:
    return ReportedEvent(
        perpetrator=perpetrator,
        type=type,
        date=date,
        precision=precision,
        place=place if place_kind != "country" else None,
        place_kind=place_kind,
        country=country,
    )


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
