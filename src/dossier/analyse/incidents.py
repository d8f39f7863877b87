"""Incidents: the stored reports of one attack, read together.

Resolution (resolve/incidents.py) decides which reports tell the same attack and the store gives
them one incident id; here they become one `Incident`, told by the report that says most, with
every figure and every attribution of every report kept side by side. An attack that unrelated
groups claim is contested: each is listed with its source, and none is its perpetrator.
"""

from __future__ import annotations

from collections.abc import Iterable

from dossier.attribution import contested, registry_parents
from dossier.model import Attribution, Figure, Incident, Report
from dossier.store import Store
from dossier.tolls import toll


def best_report(reports: Iterable[Report]) -> Report:
    """The report of an incident that says most: a date, a finer date, a town."""
    return max(reports, key=lambda r: (r.date is not None, len(r.date or ""), r.place is not None))


def attributions(reports: Iterable[Report]) -> tuple[Attribution, ...]:
    """Every group the reports say did it, with the stance, who says so and where; a group's
    own claim is said by the group. The same group, stance and sayer are kept once."""
    found: dict[tuple[str, str, str | None], Attribution] = {}
    for report in reports:
        said = []
        if report.perpetrator:
            by = report.attributed_by or (
                report.perpetrator if report.attribution == "claimed" else None
            )
            said.append(Attribution(report.perpetrator, report.attribution, by, report.evidence))
        for c in report.claimants:
            by = c.source or (c.name if c.attribution == "claimed" else None)
            said.append(Attribution(c.name, c.attribution, by, c.evidence))
        for attribution in said:
            found.setdefault((attribution.group, attribution.stance, attribution.by), attribution)
    return tuple(found.values())


def incident(incident_id: int, reports: list[Report]) -> Incident:
    """One incident from its reports. A figure given alike twice (same kind, count and source)
    is kept once, as first given."""
    best = best_report(reports)
    figures: dict[tuple[object, ...], Figure] = {}
    for report in reports:
        for figure in report.figures:
            figures.setdefault((figure.kind, figure.count, figure.source), figure)
    said = attributions(reports)
    groups = [a.group for a in said]
    disputed = contested(groups, registry_parents())
    named = [r.perpetrator for r in reports if r.perpetrator]
    perpetrator = None if disputed else (best.perpetrator or (named or groups or [None])[0])
    given = {f.kind for r in reports for f in r.figures}
    kinds = ("killed", "attackers_killed", "wounded", "abducted")
    tolls = {kind: toll(reports, kind, perpetrator) for kind in kinds if kind in given}
    return Incident(
        id=incident_id,
        reports=tuple(reports),
        type=best.type,
        date=best.date,
        place=best.place,
        country=best.country,
        perpetrator=perpetrator,
        suicide=any(r.suicide for r in reports),
        figures=tuple(figures.values()),
        claimants=said,
        contested=disputed,
        lat=best.lat,
        lon=best.lon,
        doer=None if perpetrator or disputed else next((r.doer for r in reports if r.doer), None),
        **tolls,
    )


def incidents_of(reports: Iterable[Report]) -> list[Incident]:
    """Reports grouped by incident, in the order their first report comes."""
    grouped: dict[int, list[Report]] = {}
    for report in reports:
        grouped.setdefault(report.incident, []).append(report)
    return [incident(incident_id, these) for incident_id, these in grouped.items()]


_KEPT: dict[str, tuple[tuple[int, int], list[Incident]]] = {}


def store_incidents(store: Store) -> list[Incident]:
    """Every incident of the store, kept between calls while the store's reports are unchanged
    (`Store.version`): the ranking, the incident list and the map of a long-running server then
    read the store once per change, not once per page."""
    version = store.version()
    kept = _KEPT.get(store.url)
    if kept is not None and kept[0] == version:
        return kept[1]
    found = incidents_of(store.events_of())
    _KEPT[store.url] = (version, found)
    return found
