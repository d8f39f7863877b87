"""The rows a batch of documents becomes, table by table, and their multi-row inserts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from dossier.model import Event, Evidence, Facts, Figure
from dossier.near_duplicates import Signature
from dossier.store.attributes import attribute_rows
from dossier.store.tables import (
    AliasRow,
    AnomalyRow,
    AttributeRow,
    Base,
    ClaimRow,
    EventClaimantRow,
    EventRoleRow,
    EventRow,
    FigureRow,
    MentionRow,
    RelationRow,
    StatementRow,
    VictimCategoryRow,
    date_columns,
)
from dossier.vocab.fold import name_key


@dataclass(frozen=True)
class Resolved:
    """A document's facts ready to store: its actors' canonical names (from resolve) and its
    MinHash (None for a text too short for one, or an export row)."""

    facts: Facts
    canonical: dict[str, str]
    minhash: Signature | None = None


class Rows:
    """The rows of a batch, table by table, inserted together at the end; events first, as
    their figures, role fillers and claimants need the ids the events get."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tables: dict[type[Base], list[dict[str, object]]] = {}
        self.events: list[dict[str, object]] = []
        self.of_events: list[tuple[Event, Callable[[str | None], int | None], dict[str, str]]]
        self.of_events = []

    def add(self, table: type[Base], rows: list[dict[str, object]]) -> None:
        self.tables.setdefault(table, []).extend(rows)

    def insert(self) -> None:
        for table, rows in self.tables.items():
            insert_rows(self.session, table, rows)
        if not self.events:
            return
        events = insert(EventRow.__table__).returning(
            EventRow.__table__.c.id, sort_by_parameter_order=True
        )
        event_ids = self.session.connection().execute(events, self.events).scalars().all()
        figures: list[dict[str, object]] = []
        roles: list[dict[str, object]] = []
        claimants: list[dict[str, object]] = []
        for event_id, (event, actor_id, canonical) in zip(event_ids, self.of_events, strict=True):
            figures += _figure_values(event, event_id)
            roles += _role_values(event, event_id)
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
        insert_rows(self.session, FigureRow, figures)
        insert_rows(self.session, EventRoleRow, roles)
        insert_rows(self.session, EventClaimantRow, claimants)


def add_facts(
    rows: Rows,
    item: Resolved,
    doc_id: str,
    actors: dict[str, int],
    known: dict[int, set[str]],
) -> None:
    """One document's rows; `known` (each actor's alias keys) learns the aliases it adds."""
    facts, canonical = item.facts, item.canonical

    def cited(evidence: Evidence) -> dict[str, object]:
        """Where a fact is said: this document (whatever id its evidence gives, as `_free_ids`
        may have changed it) and the span."""
        return {"document_id": doc_id, "char_start": evidence.start, "char_end": evidence.end}

    mentions, aliases = [], []
    for actor in facts.actors:
        row_id = actors[canonical.get(actor.name, actor.name)]
        for mention in actor.mentions:
            span = cited(mention.evidence) | cell(mention.evidence)
            mentions.append({"actor_id": row_id, "text": mention.text, "how": mention.how, **span})
            key = name_key(mention.text)
            if mention.is_name and key not in known[row_id]:
                known[row_id].add(key)
                aliases.append({"actor_id": row_id, "alias": mention.text, "key": key, **span})
    rows.add(MentionRow, mentions)
    rows.add(AliasRow, aliases)

    def actor_id(name: str | None) -> int | None:
        return actors.get(canonical.get(name, name)) if name else None

    rows.add(
        StatementRow,
        [
            {"actor_id": actor_id(s.about), "topic": s.topic, **cited(s.evidence)}
            for s in facts.statements
        ],
    )
    for event in facts.events:
        rows.events.append(_event_values(event, doc_id, actor_id(event.perpetrator)))
        rows.of_events.append((event, actor_id, canonical))
    relations = [(actor_id(r.subject), actor_id(r.object), r) for r in facts.relations]
    rows.add(
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
    rows.add(AttributeRow, attribute_rows(facts.attributes, actor_id, canonical, cited))
    rows.add(
        VictimCategoryRow,
        [{"category": v.category, **cited(v.evidence)} for v in facts.victim_categories],
    )
    rows.add(
        AnomalyRow, [{"text": a.text, "why": a.why, **cited(a.evidence)} for a in facts.anomalies]
    )
    claims = [(actor_id(c.about), c) for c in facts.claims]
    rows.add(
        ClaimRow,
        [
            {"about_id": about, "source": c.source, **cited(c.evidence)}
            for about, c in claims
            if about is not None
        ],
    )


def document_values(item: Resolved, doc_id: str) -> dict[str, object]:
    document, minhash = item.facts.document, item.minhash
    return {
        "id": doc_id,
        "content_hash": document.content_hash,
        "path": document.path,
        "title": document.title,
        "published": document.published,
        "url": document.url,
        "source": document.source,
        "language": document.language,
        "format": document.format,
        "text": document.text,
        "dropped": list(document.dropped),
        "record": dict(document.record) or None,
        "row": document.row,
        "minhash": [minhash.shingles, *minhash.values] if minhash else None,
    }


def cell(evidence: Evidence | None) -> dict[str, object]:
    """The cell a piece of evidence cites, for the tables that keep cells beside spans."""
    if evidence is None or not evidence.is_cell:
        return {"cell_row": None, "cell_column": None}
    return {"cell_row": evidence.row, "cell_column": evidence.column}


def insert_rows(session: Session, table: type[Base], rows: list[dict[str, object]]) -> None:
    """One statement for all the rows of a table, not one object per row; through the
    connection, as SQL, without the ORM's bookkeeping of bulk inserts."""
    if rows:
        session.connection().execute(insert(table.__table__), rows)


def _figure_values(event: Event, event_id: int) -> list[dict[str, object]]:
    """An event's casualty figures; an event with a count but no figure keeps its count."""
    reported = event.reports
    if event.count is not None and not reported:
        reported = (Figure("count", event.count, None),)
    return [
        {
            "event_id": event_id,
            "kind": figure.kind,
            "source": figure.source,
            "low": figure.count.low,
            "high": figure.count.high,
            "text": figure.count.text,
            "char_start": figure.evidence.start if figure.evidence else None,
            "char_end": figure.evidence.end if figure.evidence else None,
            **cell(figure.evidence),
        }
        for figure in reported
    ]


def _role_values(event: Event, event_id: int) -> list[dict[str, object]]:
    fillers = {
        "target": event.targets,
        "victim": event.victims,
        "weapon": event.weapon,
        "perpetrator": event.perpetrator_individuals,
    }
    return [
        {"event_id": event_id, "role": role, "text": text}
        for role, texts in fillers.items()
        for text in texts
    ]


def _event_values(event: Event, document_id: str, perpetrator_id: int | None) -> dict[str, object]:
    date, place = event.date, event.place
    return {
        "document_id": document_id,
        "type": event.type,
        "suicide": event.suicide,
        **date_columns(date),
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
