"""Incidents: the stored reports of one attack, read together.

Resolution (resolve/incidents.py) decides which reports tell the same attack and the store gives
them one incident id; here they become one `Incident`, told by the report that says most, with
every figure and every attribution of every report kept side by side.
"""

from __future__ import annotations

from collections.abc import Iterable

from dossier.model import Attribution, Figure, Incident, Report


def best_report(reports: Iterable[Report]) -> Report:
    """The report of an incident that says most: a date, a finer date, a town."""
    return max(reports, key=lambda r: (r.date is not None, len(r.date or ""), r.place is not None))


def incident(incident_id: int, reports: list[Report]) -> Incident:
    """One incident from its reports. A figure given alike twice (same kind, count and source)
    is kept once, as first given; an attribution likewise (same stance, same accuser)."""
    best = best_report(reports)
    figures: dict[tuple[object, ...], Figure] = {}
    claimants: dict[tuple[str, str | None], Attribution] = {}
    for report in reports:
        for figure in report.figures:
            figures.setdefault((figure.kind, figure.count, figure.source), figure)
        by = report.attributed_by or report.perpetrator
        claimants.setdefault(
            (report.attribution, by), Attribution(report.attribution, by, report.evidence)
        )
    return Incident(
        id=incident_id,
        reports=tuple(reports),
        type=best.type,
        date=best.date,
        place=best.place,
        country=best.country,
        perpetrator=best.perpetrator,
        suicide=any(r.suicide for r in reports),
        figures=tuple(figures.values()),
        claimants=tuple(claimants.values()),
    )


def incidents_of(reports: Iterable[Report]) -> list[Incident]:
    """Reports grouped by incident, in the order their first report comes."""
    grouped: dict[int, list[Report]] = {}
    for report in reports:
        grouped.setdefault(report.incident, []).append(report)
    return [incident(incident_id, these) for incident_id, these in grouped.items()]
