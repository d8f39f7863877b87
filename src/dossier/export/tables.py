"""The snapshot as flat tables, one per record, for the CSV and Parquet exports.

Each column has a type (`INT`, `FLOAT`, `TEXT`, `BOOL`, `DATE`), every one nullable, so that
Parquet keeps integers as integers with nulls and a CSV reader is told what to parse (the CSV
folder's `schema.json`, in pandas' dtype names). Evidence is always the same six columns:
`document_id`, `start`, `end` (a span) or `row`, `column` (a cell), and `citation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dossier.export.snapshot import Snapshot, cited, day, told_by
from dossier.model import Report, Toll

INT, FLOAT, TEXT, BOOL, DATE = "int", "float", "text", "bool", "date"
EVIDENCE = (
    ("document_id", TEXT),
    ("start", INT),
    ("end", INT),
    ("row", INT),
    ("column", TEXT),
    ("citation", TEXT),
)
# pandas' nullable dtypes for each column type (dates are parsed, see `schema.json`).
PANDAS = {INT: "Int64", FLOAT: "Float64", TEXT: "string", BOOL: "boolean", DATE: "date"}
JOIN = "; "


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict[str, object], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


def _table(name: str, columns: Iterable[tuple[str, str]], rows: Iterable[dict]) -> Table:  # type: ignore[type-arg]
    columns = tuple(columns)
    rows = tuple(rows)
    for row in rows:  # a column missing from a row is a bug here, not a null there
        assert set(row) == {n for n, _ in columns}, (name, set(row) ^ {n for n, _ in columns})
    return Table(name, columns, rows)


def _joined(values: Iterable[str]) -> str | None:
    values = list(values)
    return JOIN.join(values) if values else None


def _toll(toll: Toll | None) -> int | None:
    return None if toll is None else toll.count


def actors(snap: Snapshot) -> Table:
    """Every actor, with its danger index (armed groups with dated attacks) and when it was
    first and last seen; its evidence is the first use of its first stored alias."""
    first_alias = {}
    for alias in snap.aliases:
        first_alias.setdefault(alias.actor, alias.evidence)
        rows = []
    for actor in snap.actors:
        ranked = snap.indices.get(actor.name)
        first, last = snap.seen(actor.name)
        rows.append(
            {
                "name": actor.name,
                "kind": actor.kind,
                "registered": actor.registered,
                "parent": actor.parent,
                "aliases": _joined(actor.aliases),
                "documents": actor.documents,
                "mentions": actor.mentions,
                "incidents": len(snap.attacks.get(actor.name, ())),
                "danger_index": ranked.index.score if ranked else None,
                "danger_as_of": ranked.index.as_of if ranked else None,
                "first_seen": first,
                "last_seen": last,
                **cited(first_alias.get(actor.name)),
            }
        )
    columns = (
        ("name", TEXT),
        ("kind", TEXT),
        ("registered", BOOL),
        ("parent", TEXT),
        ("aliases", TEXT),
        ("documents", INT),
        ("mentions", INT),
        ("incidents", INT),
        ("danger_index", FLOAT),
        ("danger_as_of", INT),
        ("first_seen", TEXT),
        ("last_seen", TEXT),
        *EVIDENCE,
    )
    return _table("actors", columns, rows)


def aliases(snap: Snapshot) -> Table:
    rows = ({"actor": a.actor, "alias": a.alias, **cited(a.evidence)} for a in snap.aliases)
    return _table("aliases", (("actor", TEXT), ("alias", TEXT), *EVIDENCE), rows)


DATED = (("date", DATE), ("date_value", TEXT), ("year", INT), ("date_precision", TEXT))


def _dated(value: str | None, precision: str | None) -> dict[str, object]:
    """A date as a date where it gives the day, and always as written (a month, a year)."""
    return {
        "date": day(value),
        "date_value": value,
        "year": int(value[:4]) if value else None,
        "date_precision": precision,
    }


PLACED = (("place", TEXT), ("country", TEXT), ("lat", FLOAT), ("lon", FLOAT))


def incidents(snap: Snapshot) -> Table:
    """One row per incident: what the report that says most tells, the lowest credible toll of
    each kind, and every report's citation (`citations`); the evidence columns cite the
    report that tells it."""
    rows = []
    for i in snap.incidents:
        told = told_by(i)
        rows.append(
            {
                "incident_id": i.id,
                "type": i.type,
                **_dated(i.date, told.precision),
                "place": i.place,
                "country": i.country,
                "lat": i.lat,
                "lon": i.lon,
                "perpetrator": i.perpetrator,
                "groups": _joined(i.groups),
                "contested": i.contested,
                "suicide": i.suicide,
                "killed": _toll(i.killed),
                "killed_disputed": i.killed.disputed if i.killed else None,
                "attackers_killed": _toll(i.attackers_killed),
                "wounded": _toll(i.wounded),
                "abducted": _toll(i.abducted),
                "reports": len(i.reports),
                "documents": len({r.document_id for r in i.reports}),
                "citations": _joined(e.citation for e in i.citations),
                **cited(told.evidence),
            }
        )
    columns = (
        ("incident_id", INT),
        ("type", TEXT),
        *DATED,
        *PLACED,
        ("perpetrator", TEXT),
        ("groups", TEXT),
        ("contested", BOOL),
        ("suicide", BOOL),
        ("killed", INT),
        ("killed_disputed", BOOL),
        ("attackers_killed", INT),
        ("wounded", INT),
        ("abducted", INT),
        ("reports", INT),
        ("documents", INT),
        ("citations", TEXT),
        *EVIDENCE,
    )
    return _table("incidents", columns, rows)


def events(snap: Snapshot) -> Table:
    """Each report of an attack as its document tells it, with the incident it belongs to."""

    def row(r: Report) -> dict[str, object]:
        return {
            "incident_id": r.incident,
            "type": r.type,
            **_dated(r.date, r.precision),
            "place": r.place,
            "country": r.country,
            "lat": r.lat,
            "lon": r.lon,
            "perpetrator": r.perpetrator,
            "attribution": r.attribution,
            "attributed_by": r.attributed_by,
            "suicide": r.suicide,
            "targets": _joined(r.targets),
            "victims": _joined(r.victims),
            "weapons": _joined(r.weapons),
            **cited(r.evidence),
        }

    columns = (
        ("incident_id", INT),
        ("type", TEXT),
        *DATED,
        *PLACED,
        ("perpetrator", TEXT),
        ("attribution", TEXT),
        ("attributed_by", TEXT),
        ("suicide", BOOL),
        ("targets", TEXT),
        ("victims", TEXT),
        ("weapons", TEXT),
        *EVIDENCE,
    )
    return _table("events", columns, (row(r) for r in snap.reports))


def figures(snap: Snapshot) -> Table:
    """Every figure of every report, with its source, never averaged; `event` is the citation
    of the report it belongs to."""
    rows = (
        {
            "incident_id": r.incident,
            "event": r.evidence.citation,
            "kind": f.kind,
            "low": f.count.low,
            "high": f.count.high,
            "text": f.count.text,
            "source": f.source,
            **cited(f.evidence),
        }
        for r in snap.reports
        for f in r.figures
    )
    columns = (
        ("incident_id", INT),
        ("event", TEXT),
        ("kind", TEXT),
        ("low", INT),
        ("high", INT),
        ("text", TEXT),
        ("source", TEXT),
        *EVIDENCE,
    )
    return _table("figures", columns, rows)


def claimants(snap: Snapshot) -> Table:
    """Every group a report says did the attack, its stance and who says so."""
    rows = (
        {
            "incident_id": r.incident,
            "event": r.evidence.citation,
            "group": c.name,
            "stance": c.attribution,
            "source": c.source,
            **cited(c.evidence),
        }
        for r in snap.reports
        for c in r.claimants
    )
    columns = (
        ("incident_id", INT),
        ("event", TEXT),
        ("group", TEXT),
        ("stance", TEXT),
        ("source", TEXT),
        *EVIDENCE,
    )
    return _table("claimants", columns, rows)


def relations(snap: Snapshot) -> Table:
    rows = (
        {
            "subject": r.subject,
            "type": r.type,
            "object": r.object,
            "source": r.evidence.source,
            **cited(r.evidence),
        }
        for r in snap.relations
    )
    columns = (("subject", TEXT), ("type", TEXT), ("object", TEXT), ("source", TEXT), *EVIDENCE)
    return _table("relations", columns, rows)


def claims(snap: Snapshot) -> Table:
    rows = ({"source": c.source, "about": c.about, **cited(c.evidence)} for c in snap.claims)
    return _table("claims", (("source", TEXT), ("about", TEXT), *EVIDENCE), rows)


def attributes(snap: Snapshot) -> Table:
    """Each group's founding, names, leaders, strength and sources as one document states
    them, with the date the text gives (else none) and the count, low and high."""
    rows = (
        {
            "group": a.attribute.about,
            "kind": a.attribute.kind,
            "value": a.attribute.value,
            "role": a.attribute.role,
            "fate": a.attribute.fate,
            **_dated(
                a.attribute.date.value if a.attribute.date else None,
                a.attribute.date.precision if a.attribute.date else None,
            ),
            "low": a.attribute.count.low if a.attribute.count else None,
            "high": a.attribute.count.high if a.attribute.count else None,
            "published": day(a.published),
            "source": a.attribute.evidence.source,
            **cited(a.attribute.evidence),
        }
        for a in snap.attributes
    )
    columns = (
        ("group", TEXT),
        ("kind", TEXT),
        ("value", TEXT),
        ("role", TEXT),
        ("fate", TEXT),
        *DATED,
        ("low", INT),
        ("high", INT),
        ("published", DATE),
        ("source", TEXT),
        *EVIDENCE,
    )
    return _table("attributes", columns, rows)


def documents(snap: Snapshot) -> Table:
    rows = (
        {
            "document_id": d.id,
            "title": d.title,
            "published": day(d.published),
            "source": d.source,
            "url": d.url,
            "path": d.path,
        }
        for d in snap.documents
    )
    columns = (
        ("document_id", TEXT),
        ("title", TEXT),
        ("published", DATE),
        ("source", TEXT),
        ("url", TEXT),
        ("path", TEXT),
    )
    return _table("documents", columns, rows)


def tables(snap: Snapshot) -> tuple[Table, ...]:
    """Every table, in the order a reader meets them."""
    builders = (
        actors,
        aliases,
        incidents,
        events,
        figures,
        claimants,
        relations,
        claims,
        attributes,
    )
    return (*(build(snap) for build in builders), documents(snap))
