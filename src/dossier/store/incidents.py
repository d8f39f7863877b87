"""The SQL of the incident search: read reports, find reports by perpetrator and date, merge
incidents. Which reports may be one incident is decided in resolve/grouping.py."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Engine, Row, bindparam, select, update
from sqlalchemy import true as sa_true

from dossier.model import ReportedEvent
from dossier.store.tables import ActorRow, EventRow


class Anyone(enum.Enum):
    """No condition on the perpetrator (`IncidentSearch.reports_dated(by=ANYONE)`)."""

    ANYONE = "anyone"


ANYONE = Anyone.ANYONE


@dataclass(frozen=True)
class StoredReport:
    """A stored event as the incident search sees it: its report, and the incident it is in
    so far (None while it is an incident of its own, whose id is then the event's)."""

    event_id: int
    incident_id: int | None
    document_id: str
    report: ReportedEvent


class IncidentSearch:
    """The queries of one document's incident search, in one transaction."""

    def __init__(self, connection: Connection) -> None:
        # Plain column queries through the connection, without the ORM's bookkeeping.
        self.connection = connection

    def reports_in(self, document_id: str) -> list[StoredReport]:
        return _reports(self.connection.execute(_IN_DOCUMENT, {"doc": document_id}))

    def reports_dated(
        self,
        by: str | Anyone | None,
        between: tuple[str, str],
        within: list[str],
        excluding: str,
    ) -> list[StoredReport]:
        """Reports by `by` (a perpetrator's name, None for no perpetrator, or ANYONE) dated
        between the two bounds or exactly one of `within` (a month or a year), outside the
        document `excluding`.

        Simple conditions, one query each, so that every search walks the (perpetrator, date)
        index instead of scanning the events.
        """
        doer = "anyone" if by is ANYONE else "nobody" if by is None else "named"
        params = {"low": between[0], "high": between[1], "within": within, "doc": excluding}
        if doer == "named":
            params["by"] = by
        found: dict[int, StoredReport] = {}
        for query in _DATED[doer]:
            for report in _reports(self.connection.execute(query, params)):
                found[report.event_id] = report
        return list(found.values())

    def incident_of(self, event_id: int) -> int | None:
        return self.connection.scalar(select(EventRow.incident_id).where(EventRow.id == event_id))

    def merge(self, incidents: set[int]) -> None:
        """Record the incidents (or events of their own) as one, under the smallest id."""
        self.connection.execute(
            update(EventRow)
            .where(EventRow.incident_id.in_(incidents) | EventRow.id.in_(incidents))
            .values(incident_id=min(incidents))
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
    EventRow.incident_id,
    EventRow.document_id,
    ActorRow.name,
    EventRow.type,
    EventRow.date_value,
    EventRow.date_precision,
    EventRow.place_name,
    EventRow.place_kind,
    EventRow.country,
).outerjoin(ActorRow, EventRow.perpetrator_id == ActorRow.id)

_IN_DOCUMENT = _REPORTS.where(EventRow.document_id == bindparam("doc"))

# Built once, with parameters: the queries run for every event of every document.
_DOERS: dict[str, ColumnElement[bool]] = {
    "anyone": sa_true(),
    "nobody": EventRow.perpetrator_id.is_(None),
    # A scalar subquery, evaluated once: the index is searched by the actor's id.
    "named": EventRow.perpetrator_id
    == select(ActorRow.id).where(ActorRow.name == bindparam("by")).scalar_subquery(),
}
_WHENS = (
    EventRow.date_value.between(bindparam("low"), bindparam("high")),
    EventRow.date_value.in_(bindparam("within", expanding=True)),
)
_DATED = {
    name: [_REPORTS.where(doer, when, EventRow.document_id != bindparam("doc")) for when in _WHENS]
    for name, doer in _DOERS.items()
}


def _reports(rows: Iterable[Row]) -> list[StoredReport]:  # type: ignore[type-arg]
    reports = []
    for event_id, incident_id, document_id, perpetrator, *what, place, place_kind, country in rows:
        type, date, precision = what
        report = ReportedEvent(
            perpetrator=perpetrator,
            type=type,
            date=date,
            precision=precision,
            # A country-level report names no place below the country.
            place=place if place_kind != "country" else None,
            place_kind=place_kind,
            country=country,
        )
        reports.append(StoredReport(event_id, incident_id, document_id, report))
    return reports
