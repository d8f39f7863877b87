"""The facts contract of `dossier extract --format jsonl` (shared/FACTS.md), schema 1.

Field names are stable: add fields freely, never rename or drop one without raising SCHEMA.
"""

from __future__ import annotations

from typing import Any

from dossier.model import Attribute, Count, Duplicate, Event, Evidence, Facts, Refusal

SCHEMA = 1


def _span(evidence: Evidence, path: str) -> dict[str, Any]:
    """A span of the document's text, or a cell of an export row: the file, row and column."""
    if evidence.is_cell:
        return {"file": path, "row": evidence.row, "column": evidence.column}
    return {"start": evidence.start, "end": evidence.end}


def _count(count: Count | None) -> dict[str, Any] | None:
    return None if count is None else {"low": count.low, "high": count.high, "text": count.text}


def _reports(event: Event, kind: str, path: str) -> list[dict[str, Any]]:
    return [
        {"source": f.source, **(_count(f.count) or {})}
        | ({"evidence": _span(f.evidence, path)} if f.evidence else {})
        for f in event.reports
        if f.kind == kind
    ]


def _event(e: Event, path: str) -> dict[str, Any]:
    date, place = e.date, e.place
    return {
        "type": e.type,
        "suicide": e.suicide,
        "date": None
        if date is None
        else {"value": date.value, "precision": date.precision, "text": date.text, "end": date.end},
        "place": None
        if place is None
        else {
            "name": place.name,
            "country": place.country,
            "kind": place.kind,
            "lat": place.lat,
            "lon": place.lon,
            "text": place.text,
        },
        "site": e.site,
        "perpetrator": e.perpetrator,
        "perpetrator_text": e.perpetrator_text,
        "perpetrator_individuals": list(e.perpetrator_individuals),
        "attribution": e.attribution,
        "attributed_by": e.attributed_by,
        "killed": _count(e.killed),
        "wounded": _count(e.wounded),
        "count": _count(e.count),
        # Every figure with its source: conflicting reports are kept side by side.
        "killed_reports": _reports(e, "killed", path),
        "wounded_reports": _reports(e, "wounded", path),
        "casualties_reports": _reports(e, "casualties", path),
        "abducted_reports": _reports(e, "abducted", path),
        # The attackers' own dead, apart from their victims (`killed` counts everyone).
        "attackers_killed_reports": _reports(e, "attackers_killed", path),
        "targets": list(e.targets),
        "victims": list(e.victims),
        "weapon": list(e.weapon),
        # Every group said to have claimed it; with rival claimants `perpetrator` is null.
        "claimants": [
            {
                "name": c.name,
                "attribution": c.attribution,
                "source": c.source,
                "evidence": _span(c.evidence, path),
            }
            for c in e.claimants
        ],
        "evidence": _span(e.evidence, path),
        "source": e.evidence.source,
    }


def facts_record(facts: Facts) -> dict[str, Any]:
    document = facts.document
    path = document.path
    return {
        "schema": SCHEMA,
        "document": {
            "id": document.id,
            "path": document.path,
            "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "url": document.url,
            "source": document.source,
        },
        "actors": [
            {
                "name": actor.name,
                "kind": actor.kind,
                "registered": actor.registered,
                "aliases": list(actor.aliases),
                "mentions": [
                    {**_span(m.evidence, path), "text": m.text, "how": m.how}
                    for m in actor.mentions
                ],
            }
            for actor in facts.actors
        ],
        "events": [_event(e, path) for e in facts.events],
        "relations": [
            {
                "subject": r.subject,
                "type": r.type,
                "object": r.object,
                "evidence": _span(r.evidence, path),
                "source": r.evidence.source,
            }
            for r in facts.relations
        ],
        "victim_categories": [v.category for v in facts.victim_categories],
        "claims": [
            {"source": c.source, "about": c.about, "evidence": _span(c.evidence, path)}
            for c in facts.claims
        ],
        "statements": [
            {"about": s.about, "topic": s.topic, "evidence": _span(s.evidence, path)}
            for s in facts.statements
        ],
        "anomalies": [
            {"text": a.text, "why": a.why, "evidence": _span(a.evidence, path)}
            for a in facts.anomalies
        ],
        "attributes": [_attribute(a, path) for a in facts.attributes],
    }


def _attribute(a: Attribute, path: str) -> dict[str, Any]:
    """A founding, name, leader, strength or assessor of a group, with the words stating it."""
    date = a.date
    return {
        "about": a.about,
        "kind": a.kind,
        "value": a.value,
        "role": a.role,
        "fate": a.fate,
        "date": None
        if date is None
        else {"value": date.value, "precision": date.precision, "text": date.text, "end": date.end},
        "count": _count(a.count),
        "evidence": _span(a.evidence, path),
        "source": a.evidence.source,
    }


def refusal_record(refusal: Refusal) -> dict[str, Any]:
    refused: dict[str, Any] = {"path": refusal.path, "reason": refusal.reason}
    if refusal.line is not None:
        refused["line"] = refusal.line
    if refusal.row is not None:
        refused["row"] = refusal.row
    return {"schema": SCHEMA, "refused": refused}


def duplicate_record(duplicate: Duplicate) -> dict[str, Any]:
    """An input that repeats a document already printed, naming that document."""
    repeated: dict[str, Any] = {"path": duplicate.path, "of": duplicate.of, "kind": duplicate.kind}
    if duplicate.row is not None:
        repeated["row"] = duplicate.row
    return {"schema": SCHEMA, "duplicate": repeated}
