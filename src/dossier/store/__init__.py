"""store: the only place that speaks SQL.

`Store` writes what extract and resolve produce (`write.py`) and answers the questions analyse
asks (`read.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine, Row, select, update
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Session

from dossier.model import ReportedEvent
from dossier.store.db import make_engine, migrate
from dossier.store.read import Reads
from dossier.store.tables import ActorRow, EventRow
from dossier.store.write import Writes

__all__ = ["Store"]


class Store(Writes, Reads):
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

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
