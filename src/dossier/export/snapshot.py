"""What every export reads: the store's records and analyse's answers, read once.

Each format is a small module over this snapshot, so that a CSV table, a STIX object and a
graph node of one group say the same thing, and no format reads the store its own way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from dossier.analyse.danger import rank
from dossier.analyse.incidents import best_report, incidents_of
from dossier.model import (
    ARMED_GROUP,
    ActorSummary,
    Claim,
    DocumentInfo,
    Evidence,
    Incident,
    NamedAlias,
    Ranked,
    Relation,
    Report,
    StoredAttribute,
)
from dossier.store import Store


@dataclass(frozen=True)
class Snapshot:
    """The whole store as records: actors, aliases, every report and the incidents they make,
    relations, claims, documents, and each group's danger index (as of its latest incident)."""

    actors: tuple[ActorSummary, ...]
    aliases: tuple[NamedAlias, ...]
    reports: tuple[Report, ...]
    incidents: tuple[Incident, ...]
    relations: tuple[Relation, ...]
    claims: tuple[Claim, ...]
    documents: tuple[DocumentInfo, ...]
    indices: dict[str, Ranked] = field(default_factory=dict)
    # The text each report, relation and claim cites, for the formats that quote it.
    quotes: dict[Evidence, str] = field(default_factory=dict)
    # Each group's founding, names, leaders, strength and sources as each document states them.
    attributes: tuple[StoredAttribute, ...] = ()

    @property
    def groups(self) -> tuple[ActorSummary, ...]:
        return tuple(a for a in self.actors if a.kind == ARMED_GROUP)

    @property
    def latest(self) -> str:
        """The latest publication date in the store: the export's timestamp, so that two
        exports of one store are byte for byte equal (the clock is never read)."""
        return max((d.published for d in self.documents if d.published), default="1970-01-01")

    @cached_property
    def attacks(self) -> dict[str, list[Incident]]:
        """The incidents each group did or is said to have done (perpetrator or claimant)."""
        found: dict[str, list[Incident]] = defaultdict(list)
        for incident in self.incidents:
            for group in dict.fromkeys([incident.perpetrator, *incident.groups]):
                if group is not None:
                    found[group].append(incident)
        return found

    def seen(self, name: str) -> tuple[str | None, str | None]:
        """When a group was first and last seen: its incidents' dates and the publication
        dates of the documents that name it (ISO, possibly a month or a year)."""
        dates = [i.date for i in self.attacks.get(name, ()) if i.date]
        dates += self._named_on.get(name, [])
        return (min(dates), max(dates)) if dates else (None, None)

    @cached_property
    def _named_on(self) -> dict[str, list[str]]:
        """The publication dates of the documents where each actor's aliases were first seen."""
        published = {d.id: d.published for d in self.documents}
        found: dict[str, list[str]] = defaultdict(list)
        for alias in self.aliases:
            if on := published.get(alias.evidence.document_id):
                found[alias.actor].append(on)
        return found


def snapshot(store: Store) -> Snapshot:
    """Read the store once for an export."""
    reports = store.events_of()
    incidents = incidents_of(reports)
    ranked = rank(incidents, "group").rows if incidents else ()
    relations = store.relations_of(None)
    claims = store.every_claim()
    cited_ = [r.evidence for r in reports] + [x.evidence for x in [*relations, *claims]]
    return Snapshot(
        actors=tuple(sorted(store.actors(), key=lambda a: a.name)),
        aliases=tuple(store.every_alias()),
        reports=tuple(reports),
        incidents=tuple(sorted(incidents, key=lambda i: i.id)),
        relations=tuple(relations),
        claims=tuple(claims),
        documents=tuple(store.every_document()),
        indices={row.name: row for row in ranked},
        quotes=store.quotes(cited_),
        attributes=tuple(store.attributes_of(None)),
    )


def told_by(incident: Incident) -> Report:
    """The report that tells an incident (the one that says most), whose evidence it cites
    first."""
    return best_report(incident.reports)


def day(value: str | None) -> dt.date | None:
    """An ISO date as a date when it gives the day; a month or a year alone is no day."""
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def cited(evidence: Evidence | None) -> dict[str, object]:
    """Evidence as flat columns: the document, its span or cell, and the printed citation."""
    if evidence is None:
        return dict.fromkeys(("document_id", "start", "end", "row", "column", "citation"))
    span = not evidence.is_cell
    return {
        "document_id": evidence.document_id,
        "start": evidence.start if span else None,
        "end": evidence.end if span else None,
        "row": None if span else evidence.row,
        "column": None if span else evidence.column,
        "citation": evidence.citation,
    }
