"""Reads: the questions analyse asks of the store, answered as records."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session, aliased

from dossier.errors import NotFound
from dossier.model import (
    ARMED_GROUP,
    ActorSummary,
    AliasUse,
    DocumentInfo,
    Evidence,
    Quote,
    Refusal,
    Relation,
    TargetCategory,
)
from dossier.store.tables import (
    ActorRow,
    AliasRow,
    AnomalyRow,
    AttributeRow,
    ClaimRow,
    DocumentRow,
    DuplicateRow,
    EventClaimantRow,
    EventRow,
    FigureRow,
    MentionRow,
    RefusalRow,
    RelationRow,
    StatementRow,
    VictimCategoryRow,
)
from dossier.vocab.fold import name_key


def relation_query(name: str | None, *more: Any) -> Select:
    """Relations as (subject, type, object, document, start, end, source, *more), those the
    actor `name` is a side of (every one when None): the one query every relation read builds
    on."""
    subject, obj = aliased(ActorRow), aliased(ActorRow)
    query = (
        select(
            subject.name,
            RelationRow.type,
            obj.name,
            RelationRow.document_id,
            RelationRow.char_start,
            RelationRow.char_end,
            RelationRow.source,
            *more,
        )
        .join(subject, RelationRow.subject_id == subject.id)
        .join(obj, RelationRow.object_id == obj.id)
    )
    return query if name is None else query.where((subject.name == name) | (obj.name == name))


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

    def stats(self) -> dict[str, int]:
        """How much the store holds, table by table, so that two stores can be compared: inputs
        (documents, refusals, duplicates), actors and armed groups, what was read about them,
        and the events grouped into incidents."""
        incident = func.coalesce(EventRow.incident_id, EventRow.id)
        counted = {
            "documents": select(func.count()).select_from(DocumentRow),
            "refusals": select(func.count()).select_from(RefusalRow),
            "duplicates": select(func.count()).select_from(DuplicateRow),
            "actors": select(func.count()).select_from(ActorRow),
            "armed_groups": select(func.count())
            .select_from(ActorRow)
            .where(ActorRow.kind == ARMED_GROUP),
            "aliases": select(func.count()).select_from(AliasRow),
            "mentions": select(func.count()).select_from(MentionRow),
            "statements": select(func.count()).select_from(StatementRow),
            "events": select(func.count()).select_from(EventRow),
            "incidents": select(func.count(func.distinct(incident))),
            "figures": select(func.count()).select_from(FigureRow),
            "claimants": select(func.count()).select_from(EventClaimantRow),
            "relations": select(func.count()).select_from(RelationRow),
            "claims": select(func.count()).select_from(ClaimRow),
            "attributes": select(func.count()).select_from(AttributeRow),
        }
        with Session(self.engine) as session:
            return {name: session.scalar(query) or 0 for name, query in counted.items()}

    def actors(
        self, kinds: Iterable[str] | None = None, names: Iterable[str] | None = None
    ) -> list[ActorSummary]:
        """Actors (of `kinds`, or named `names`) with their counts and aliases, most mentioned
        first."""
        with Session(self.engine) as session:
            query = (
                select(
                    ActorRow.id,
                    ActorRow.name,
                    ActorRow.kind,
                    ActorRow.registered,
                    ActorRow.parent,
                    func.count(func.distinct(MentionRow.document_id)),
                    func.count(MentionRow.id),
                )
                .join(MentionRow, MentionRow.actor_id == ActorRow.id)
                .group_by(ActorRow.id)
                .order_by(func.count(MentionRow.id).desc(), ActorRow.name)
            )
            if kinds is not None:
                query = query.where(ActorRow.kind.in_(list(kinds)))
            aliases_query = select(AliasRow.actor_id, AliasRow.alias).order_by(AliasRow.id)
            if names is not None:
                query = query.where(ActorRow.name.in_(list(names)))
                aliases_query = aliases_query.join(ActorRow, AliasRow.actor_id == ActorRow.id)
                aliases_query = aliases_query.where(ActorRow.name.in_(list(names)))
            rows = session.execute(query).all()
            aliases: dict[int, list[str]] = {}
            for actor_id, alias in session.execute(aliases_query):
                aliases.setdefault(actor_id, []).append(alias)
            return [
                ActorSummary(
                    name, kind, registered, docs, mentions, tuple(aliases.get(id_, ())), parent
                )
                for id_, name, kind, registered, parent, docs, mentions in rows
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

    def actor(self, name: str) -> ActorSummary:
        """The actor whose canonical name is `name`."""
        found = self.actors(names=[name])
        if not found:
            raise NotFound(f"no actor named {name!r} in the store")
        return found[0]

    def alias_history(self, name: str) -> list[AliasUse]:
        """Every name the actor goes by in the store: first and last publication it was used in,
        the documents that use it, and its first use to cite."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    MentionRow.text,
                    DocumentRow.published,
                    MentionRow.document_id,
                    MentionRow.char_start,
                    MentionRow.char_end,
                    MentionRow.cell_row,
                    MentionRow.cell_column,
                )
                .join(ActorRow, MentionRow.actor_id == ActorRow.id)
                .join(DocumentRow, MentionRow.document_id == DocumentRow.id)
                .where(ActorRow.name == name, MentionRow.how != "anaphor")
                .order_by(DocumentRow.published.is_(None), DocumentRow.published, MentionRow.id)
            ).all()
        uses: dict[str, list[tuple[str, str | None, Evidence]]] = {}
        for text, published, document_id, start, end, row, column in rows:
            day = published.isoformat() if published else None
            cited = Evidence(document_id, start, end, row=row, column=column)
            uses.setdefault(name_key(text), []).append((text, day, cited))
        return [
            AliasUse(
                alias=these[0][0],
                first=these[0][1],  # publications come oldest first, undated last
                last=max((day for _, day, _ in these if day), default=None),
                documents=tuple(dict.fromkeys(e.document_id for _, _, e in these)),
                first_use=these[0][2],
            )
            for these in uses.values()
        ]

    def statements_about(self, name: str) -> list[Quote]:
        """Statements about an actor, oldest document first, in reading order within one."""
        return self._quoted(StatementRow, StatementRow.actor_id, StatementRow.topic, name)

    def documents(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.title,
                    DocumentRow.published,
                    DocumentRow.source,
                    DocumentRow.path,
                ).where(DocumentRow.id.in_(list(ids)))
            )
            return {
                id_: DocumentInfo(
                    id_, title, published.isoformat() if published else None, source, path
                )
                for id_, title, published, source, path in rows
            }

    def document_text(self, document_id: str) -> str:
        with Session(self.engine) as session:
            text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
            if text is None:
                raise KeyError(document_id)
            return text

    def quote(self, evidence: Evidence) -> str:
        """The text a span cites, or the value of the cell a cell cites; NotFound when its
        document (or the cell) is not stored."""
        return self.quotes([evidence])[evidence]

    def quotes(self, evidence: Iterable[Evidence]) -> dict[Evidence, str]:
        """What each piece of evidence cites, reading each document once; NotFound as `quote`."""
        wanted = list(evidence)
        with Session(self.engine) as session:
            rows = session.execute(
                select(DocumentRow.id, DocumentRow.text, DocumentRow.record).where(
                    DocumentRow.id.in_({e.document_id for e in wanted})
                )
            )
            found = {id_: (text, record or {}) for id_, text, record in rows}
        missing = sorted({e.document_id for e in wanted} - found.keys())
        if missing:
            raise NotFound(f"no document {missing[0]!r} in the store")
        quoted = {}
        for e in wanted:
            text, record = found[e.document_id]
            if e.is_cell:
                if e.column not in record:
                    raise NotFound(f"no cell {e.citation} in the store")
                quoted[e] = record[e.column]
            else:
                quoted[e] = text[e.start : e.end]
        return quoted

    def relations_of(self, name: str | None) -> list[Relation]:
        """Relations the actor is a side of (every relation when `name` is None), in the order
        stored, each with the span that states it."""
        with Session(self.engine) as session:
            query = relation_query(name).order_by(RelationRow.id)
            rows = session.execute(query)
            return [
                Relation(subject, type_, object_, Evidence(document, start, end, source))
                for subject, type_, object_, document, start, end, source in rows
            ]

    def claims_about(self, name: str) -> list[Quote]:
        """What sources say about an actor: each sourced sentence, its source as `label`."""
        return self._quoted(ClaimRow, ClaimRow.about_id, ClaimRow.source, name)

    def _quoted(self, table, actor_column, label_column, name: str) -> list[Quote]:  # type: ignore[no-untyped-def]
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
            return [Quote(Evidence(d, s, e), t, label) for d, s, e, t, label in rows]

    def target_mix(self, name: str) -> list[TargetCategory]:
        """Victim categories of the documents reporting the group's attacks, most frequent
        first."""
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
        mix: dict[str, tuple[set[str], Evidence]] = {}
        for category, document_id, start, end in rows:
            if category not in mix:
                mix[category] = (set(), Evidence(document_id, start, end))
            mix[category][0].add(document_id)
        ranked = sorted(mix.items(), key=lambda item: (-len(item[1][0]), item[0]))
        return [TargetCategory(category, len(docs), first) for category, (docs, first) in ranked]

    def anomalies_in_documents_about(self, name: str) -> list[Quote]:
        """Anomalies of the documents that mention an actor; `label` holds why."""
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
            return [Quote(Evidence(d, s, e), t, why) for d, s, e, t, why in rows]

    def refusals(self) -> list[Refusal]:
        with Session(self.engine) as session:
            rows = session.scalars(select(RefusalRow).order_by(RefusalRow.id))
            return [
                Refusal(
                    r.path,
                    r.reason,
                    None if r.line < 0 or r.row is not None else r.line,
                    size=r.size,
                    row=r.row,
                )
                for r in rows
            ]
