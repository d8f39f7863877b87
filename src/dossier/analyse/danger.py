"""The danger index of a group, by the Global Terrorism Index method, with its parts shown.

Each incident scores 1 + 3 x deaths + 0.5 x injured + 0.5 x hostages. Incident scores are
summed per year; the five years up to the year of the index are weighted 0.52, 0.26, 0.13, 0.06,
0.03 (that year first); the index is the logarithm, base (20000 + 1) ** (1/10), of the weighted
total plus one, capped at 10 and given to three decimals. A weighted total of 20,000 scores 10.

Deaths of an incident that sources dispute are the lowest figure a credible source gives (the
group's own claims are not credible when anyone else gives a figure); the incident says so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from dossier.analyse.incidents import incidents_of
from dossier.errors import EmptyStore
from dossier.model import Counted, DangerIndex, Incident, Ranked, Ranking, Year
from dossier.store import Store
from dossier.tolls import lowest_credible
from dossier.vocab.events import lexicon

WEIGHTS = (0.52, 0.26, 0.13, 0.06, 0.03)
BASE = (20000 + 1) ** (1 / 10)
CAP = 10.0
FORMULA = (
    "incident score = 1 + 3 x deaths + 0.5 x injured + 0.5 x hostages; "
    "weighted total = sum of yearly totals x (0.52, 0.26, 0.13, 0.06, 0.03), latest year first; "
    "index = log base (20000+1)^(1/10) of (weighted total + 1), capped at 10"
)


def incident_score(deaths: int, injured: int, hostages: int) -> float:
    return 1 + 3 * deaths + 0.5 * injured + 0.5 * hostages


def gti_score(weighted_total: float) -> float:
    """0 incidents score 0; a weighted total of 100 scores 4.66, 1,000 scores 6.98, 20,000 10."""
    if weighted_total <= 0:
        return 0.0
    return round(min(CAP, math.log(weighted_total + 1, BASE)), 3)


def _toll(incident: Incident, kind: str) -> tuple[int, bool]:
    """(the figure counted, whether sources disagree) of one kind, over every report's figures,
    the same figure twice included: two reports that agree are two sources, not a dispute."""
    figures = [f for report in incident.reports for f in report.figures if f.kind == kind]
    lowest = lowest_credible(figures, incident.perpetrator)
    lows = {f.count.low for f in figures if f.count.low is not None}
    counted = lowest.count.low if lowest is not None else None
    return counted or 0, len(lows) > 1


def count_incident(incident: Incident) -> Counted | None:
    """The incident as the index counts it, or None when it cannot be (no date, not an attack)."""
    if not incident.date or incident.type in lexicon().non_attacks:
        return None
    deaths, disputed = _toll(incident, "killed")
    injured, _ = _toll(incident, "wounded")
    hostages, _ = _toll(incident, "abducted")
    return Counted(
        incident=incident.id,
        year=int(incident.date[:4]),
        deaths=deaths,
        injured=injured,
        hostages=hostages,
        disputed=disputed,
        score=incident_score(deaths, injured, hostages),
        citations=incident.citations,
    )


def danger_index(incidents: Iterable[Counted], as_of: int) -> DangerIndex:
    """The index as of a year, from the incidents of the five years up to it."""
    window = {as_of - k: w for k, w in enumerate(WEIGHTS)}
    counted = tuple(i for i in incidents if i.year in window)
    years = []
    for year, weight in window.items():
        these = [i for i in counted if i.year == year]
        years.append(
            Year(
                year=year,
                weight=weight,
                incidents=len(these),
                deaths=sum(i.deaths for i in these),
                injured=sum(i.injured for i in these),
                hostages=sum(i.hostages for i in these),
                total=sum(i.score for i in these),
            )
        )
    weighted = round(sum(y.weighted for y in years), 3)
    return DangerIndex(gti_score(weighted), as_of, tuple(years), weighted, counted, FORMULA)


def rank(incidents: Iterable[Incident], by: str, as_of: int) -> Ranking:
    """Danger indices per group (the perpetrator) or per country (where the attack was), as of
    a year, highest first; a name none of whose incidents falls in the five years is left out.
    An incident counts once, under the place and perpetrator of the report that says most."""
    counted: dict[str, list[Counted]] = {}
    for incident in incidents:
        name = incident.perpetrator if by == "group" else incident.country
        scored = count_incident(incident)
        if name and scored is not None:
            counted.setdefault(name, []).append(scored)
    rows = []
    for name, these in counted.items():
        index = danger_index(these, as_of)
        if index.counted:
            rows.append(
                Ranked(
                    name=name,
                    index=index,
                    incidents=sum(y.incidents for y in index.years),
                    deaths=sum(y.deaths for y in index.years),
                    injured=sum(y.injured for y in index.years),
                    hostages=sum(y.hostages for y in index.years),
                )
            )
    rows.sort(key=lambda r: (-r.index.score, r.name))
    return Ranking(by, as_of, tuple(rows))


def ranking(store: Store, by: str, as_of: int | None = None) -> Ranking:
    """The ranking of the store's incidents, as of `as_of` (default: the year of the latest
    publication in the store)."""
    reports = store.events_of()
    year = as_of or store.latest_year()
    if year is None or not reports:
        raise EmptyStore("the store holds no dated events; ingest articles first")
    return rank(incidents_of(reports), by, year)
