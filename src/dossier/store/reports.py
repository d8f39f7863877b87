"""Reading reports of attacks back as records, in four plain queries (events, figures, role
fillers, claimants) rather than through the ORM: the index and the incident list read every
report of the store, and building ORM objects for each cost seconds on ten thousand documents.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import ColumnElement, Engine, func, select

from dossier.model import Claimant, Count, Evidence, Figure, Report
from dossier.store.tables import (
    ActorRow,
    EventClaimantRow,
    EventRoleRow,
    EventRow,
    FigureRow,
)


def _theirs(name: str) -> ColumnElement[bool]:
    """Every report of each incident the actor did or is said to have done, the reports that
    name no one or another claimant included."""
    claimed = (
        select(EventClaimantRow.event_id)
        .join(ActorRow, EventClaimantRow.actor_id == ActorRow.id)
        .where(ActorRow.name == name)
    )
    doer = select(ActorRow.id).where(ActorRow.name == name).scalar_subquery()
    incident = func.coalesce(EventRow.incident_id, EventRow.id)
    return incident.in_(
        select(incident).where((EventRow.perpetrator_id == doer) | EventRow.id.in_(claimed))
    )


class Reports:
    engine: Engine

    def version(self) -> tuple[int, int]:
        """What changes whenever reports do (a stored document adds events, and regrouping
        happens only then): the number of events and the largest event id. Cheap, so that a
        long-running reader (the web app) can keep answers until it changes."""
        with self.engine.connect() as connection:
            count, largest = connection.execute(
                select(func.count(EventRow.id), func.max(EventRow.id))
            ).one()
        return int(count or 0), int(largest or 0)

    def events_of(self, name: str | None = None) -> list[Report]:
        """Reports of the incidents an actor is the perpetrator or a claimant of, every report
        of each (every report when `name` is None), in date order, each with its figures, role
        fillers and claimants."""
        which = _theirs(name) if name is not None else None
        chosen = select(EventRow.id).where(which) if which is not None else None

        def of(table, *columns):  # type: ignore[no-untyped-def]
            query = select(table.event_id, *columns).order_by(table.id)
            return query.where(table.event_id.in_(chosen)) if chosen is not None else query

        events = (
            select(
                EventRow.id,
                EventRow.incident_id,
                EventRow.document_id,
                EventRow.char_start,
                EventRow.char_end,
                EventRow.type,
                EventRow.suicide,
                EventRow.date_value,
                EventRow.date_precision,
                EventRow.place_name,
                EventRow.place_kind,
                EventRow.country,
                EventRow.lat,
                EventRow.lon,
                EventRow.attribution,
                EventRow.attributed_by,
                EventRow.cell_row,
                EventRow.cell_column,
                ActorRow.name,
                EventRow.perpetrator_text,
            )
            .outerjoin(ActorRow, EventRow.perpetrator_id == ActorRow.id)
            .order_by(EventRow.date_value.is_(None), EventRow.date_value, EventRow.id)
        )
        if which is not None:
            events = events.where(which)
        with self.engine.connect() as connection:
            rows = connection.execute(events).all()
            documents = {row.id: row.document_id for row in rows}
            figures: dict[int, list[Figure]] = defaultdict(list)
            for event_id, kind, source, low, high, text, start, end, *cell in connection.execute(
                of(
                    FigureRow,
                    FigureRow.kind,
                    FigureRow.source,
                    FigureRow.low,
                    FigureRow.high,
                    FigureRow.text,
                    FigureRow.char_start,
                    FigureRow.char_end,
                    FigureRow.cell_row,
                    FigureRow.cell_column,
                )
            ):
                row_, column = cell
                cited = (
                    None
                    if start is None or end is None
                    else Evidence(documents[event_id], start, end, source, row_, column)
                )
                figures[event_id].append(Figure(kind, Count(low, high, text), source, cited))
            roles: dict[int, dict[str, tuple[str, ...]]] = defaultdict(dict)
            for event_id, role, text in connection.execute(
                of(EventRoleRow, EventRoleRow.role, EventRoleRow.text)
            ):
                roles[event_id][role] = (*roles[event_id].get(role, ()), text)
            claimants: dict[int, list[Claimant]] = defaultdict(list)
            for event_id, name_, stance, source, start, end in connection.execute(
                of(
                    EventClaimantRow,
                    EventClaimantRow.name,
                    EventClaimantRow.attribution,
                    EventClaimantRow.source,
                    EventClaimantRow.char_start,
                    EventClaimantRow.char_end,
                )
            ):
                cited = Evidence(documents[event_id], start, end, source)
                claimants[event_id].append(Claimant(name_, stance, source, cited))
        reports = []
        no_roles: dict[str, tuple[str, ...]] = {}
        # Plain tuples unpacked once: attribute access on result rows costs more than the
        # records themselves over a whole store.
        for (
            id_,
            incident_id,
            document_id,
            start,
            end,
            type_,
            suicide,
            date,
            precision,
            place,
            place_kind,
            country,
            lat,
            lon,
            attribution,
            attributed_by,
            cell_row,
            cell_column,
            perpetrator,
            perpetrator_text,
        ) in map(tuple, rows):
            played = roles.get(id_, no_roles)
            reports.append(
                Report(
                    incident=incident_id or id_,
                    type=type_,
                    evidence=Evidence(document_id, start, end, row=cell_row, column=cell_column),
                    perpetrator=perpetrator,
                    suicide=suicide,
                    date=date,
                    precision=precision,
                    # A place of country kind is the country.
                    place=place if place_kind != "country" else None,
                    country=country,
                    lat=lat,
                    lon=lon,
                    attribution=attribution,
                    attributed_by=attributed_by,
                    figures=tuple(figures.get(id_, ())),
                    targets=played.get("target", ()),
                    victims=played.get("victim", ()),
                    weapons=played.get("weapon", ()),
                    claimants=tuple(claimants.get(id_, ())),
                    doer=perpetrator_text if perpetrator is None else None,
                )
            )
        return reports
