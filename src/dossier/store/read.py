"""Reads: the questions analyse asks of the store, answered as records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, aliased

from dossier.model import Refusal
from dossier.store.tables import (
    ActorRow,
    AliasRow,
    AnomalyRow,
    ClaimRow,
    DocumentRow,
    EventRow,
    MentionRow,
    RefusalRow,
    RelationRow,
    StatementRow,
    VictimCategoryRow,
)
from dossier.vocab.fold import name_key


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


class Reads:
    engine: Engine

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
