"""The SQL of the incident search: read reports, find reports by date, record a grouping.
Which reports are one incident is decided in resolve/."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, Row, bindparam, or_, select, update

from dossier.model import ReportedEvent, StoredReport
from dossier.store.tables import ActorRow, EventRow


class IncidentSearch:
    """The queries of one document's incident search, in one transaction."""

    def __init__(self, connection: Connection) -> None:
        # Plain column queries through the connection, without the ORM's bookkeeping.
        self.connection = connection

    def reports_in(self, document_id: str) -> list[StoredReport]:
        return _nodes(self.connection.execute(_IN_DOCUMENT, {"doc": document_id}))

    def reports_dated(
        self, between: tuple[str, str], within: Iterable[str] = (), country: str | None = None
    ) -> list[StoredReport]:
        """Reports dated between the two bounds (ISO strings, so "2021-08" falls between
        "2021-07-30" and "2021-08-02") or exactly one of `within` (months or years); with
        `country`, only those in that country or in none (a report in another country is never
        the same attack, `places_agree`, so it need not be read).

        Simple conditions, one query each, so that every search walks the date index instead
        of scanning the events.
        """
        params = {"low": between[0], "high": between[1], "within": list(within)}
        params["country"] = country
        between_query, within_query = (_BETWEEN, _WITHIN) if country is None else _IN_COUNTRY
        found = {n.event_id: n for n in _nodes(self.connection.execute(between_query, params))}
        if params["within"]:
            for node in _nodes(self.connection.execute(within_query, params)):
                found[node.event_id] = node
        return list(found.values())

    def assign(self, incidents: dict[int, int], members: Iterable[StoredReport]) -> None:
        """Record the grouping of `members`: each in the incident `incidents` gives it, or an
        incident of its own (NULL) when it gives none. Only the reports whose incident changes
        are written: most reports of a new document stay alone."""
        alone = [m.event_id for m in members if m.incident is not None]
        alone = [event_id for event_id in alone if event_id not in incidents]
        for chunk in range(0, len(alone), 500):
            self.connection.execute(
                update(EventRow)
                .where(EventRow.id.in_(alone[chunk : chunk + 500]))
                .values(incident_id=None)
            )
        now = {m.event_id: m.incident for m in members}
        by_incident: dict[int, list[int]] = {}
        for event_id, incident_id in incidents.items():
            if now.get(event_id) != incident_id:
                by_incident.setdefault(incident_id, []).append(event_id)
        for incident_id, events in by_incident.items():
            self.connection.execute(
                update(EventRow).where(EventRow.id.in_(events)).values(incident_id=incident_id)
            )


class Incidents:
    engine: Engine

    @contextmanager
    def incident_search(self) -> Iterator[IncidentSearch]:
        """The incident search's queries, committed together when the block ends."""
        with self.engine.begin() as connection:
            yield IncidentSearch(connection)


_REPORTS = select(
    EventRow.id,
    EventRow.document_id,
    EventRow.char_start,
    ActorRow.name,
    EventRow.type,
    EventRow.date_value,
    EventRow.date_precision,
    EventRow.date_text,
    EventRow.place_name,
    EventRow.place_kind,
    EventRow.country,
    EventRow.lat,
    EventRow.lon,
    EventRow.cell_column,
    EventRow.site,
    EventRow.incident_id,
).outerjoin(ActorRow, EventRow.perpetrator_id == ActorRow.id)

_IN_DOCUMENT = _REPORTS.where(EventRow.document_id == bindparam("doc"))
# Built once, with parameters: the queries run for every event of every document.
_BETWEEN = _REPORTS.where(EventRow.date_value.between(bindparam("low"), bindparam("high")))
_WITHIN = _REPORTS.where(EventRow.date_value.in_(bindparam("within", expanding=True)))
_IN_COUNTRY = tuple(
    query.where(or_(EventRow.country == bindparam("country"), EventRow.country.is_(None)))
    for query in (_BETWEEN, _WITHIN)
)


def _nodes(rows: Iterable[Row]) -> list[StoredReport]:  # type: ignore[type-arg]
    nodes = []
    for (
        event_id,
        document_id,
        start,
        perpetrator,
        *what,
        kind,
        country,
        lat,
        lon,
        cell,
        site,
        incident,
    ) in rows:
        place = what.pop()
        type, date, precision, date_text = what
        report = ReportedEvent(
            perpetrator=perpetrator,
            type=type,
            date=date,
            precision=precision,
            # A country-level report names no place below the country.
            place=place if kind != "country" else None,
            place_kind=kind,
            country=country,
            lat=lat,
            lon=lon,
            date_text=date_text,
            site=site,
        )
        key = (date or "", document_id, start)
        nodes.append(StoredReport(event_id, document_id, key, report, cell is not None, incident))
    return nodes
