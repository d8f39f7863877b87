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
from dataclasses import dataclass

from dossier.store import StoredEvent

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


@dataclass(frozen=True)
class Counted:
    """One incident as the index counts it."""

    key: int
    year: int
    deaths: int
    injured: int
    hostages: int
    disputed: bool  # sources gave different death tolls; the lowest credible one is counted

    @property
    def score(self) -> float:
        return incident_score(self.deaths, self.injured, self.hostages)


@dataclass(frozen=True)
class Year:
    year: int
    weight: float
    incidents: int
    deaths: int
    injured: int
    hostages: int
    total: float  # sum of the incident scores of the year

    @property
    def weighted(self) -> float:
        return self.weight * self.total


@dataclass(frozen=True)
class DangerIndex:
    score: float
    as_of: int
    years: tuple[Year, ...]
    weighted_total: float
    counted: tuple[Counted, ...]
    formula: str = FORMULA


def lowest_credible(figures: list[tuple[str | None, int]], group: str) -> tuple[int, bool]:
    """(the figure counted, whether sources disagree) from (source, low bound) pairs: the
    lowest figure, leaving out the group's own claims when anyone else gives one."""
    if not figures:
        return 0, False
    others = [low for source, low in figures if source != group] or [low for _, low in figures]
    return min(others), len({low for _, low in figures}) > 1


def best_report(reports: list[StoredEvent]) -> StoredEvent:
    """The report of an incident that says most: a date, a town, figures."""
    return max(reports, key=lambda e: (e.date is not None, len(e.date or ""), e.place is not None))


def incidents_of(events: Iterable[StoredEvent]) -> list[list[StoredEvent]]:
    """Reports grouped by incident, in the order their first report comes."""
    grouped: dict[int, list[StoredEvent]] = {}
    for event in events:
        grouped.setdefault(event.incident, []).append(event)
    return list(grouped.values())


def count_incident(key: int, reports: list[StoredEvent]) -> Counted | None:
    """The incident as the index counts it, or None when it cannot be (no date, not an attack)."""
    best = best_report(reports)
    if not best.date or best.type == "surrender":
        return None
    group = best.perpetrator or ""
    figures: dict[str, list[tuple[str | None, int]]] = {}
    for report in reports:
        for kind, source, low, _high, _text in report.figures:
            if low is not None:
                figures.setdefault(kind, []).append((source, low))
    deaths, disputed = lowest_credible(figures.get("killed", []), group)
    injured, _ = lowest_credible(figures.get("wounded", []), group)
    hostages, _ = lowest_credible(figures.get("abducted", []), group)
    return Counted(key, int(best.date[:4]), deaths, injured, hostages, disputed)


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
    return DangerIndex(gti_score(weighted), as_of, tuple(years), weighted, counted)


@dataclass(frozen=True)
class Ranked:
    name: str  # a group, or a country
    index: DangerIndex


def rank(events: Iterable[StoredEvent], by: str, as_of: int) -> list[Ranked]:
    """Danger indices per group (the perpetrator) or per country (where the attack was), as of
    a year, highest first. An incident counts once, under the place and perpetrator of the report
    that says most about it."""
    counted: dict[str, list[Counted]] = {}
    for key, reports in enumerate(incidents_of(events)):
        best = best_report(reports)
        name = best.perpetrator if by == "group" else best.country
        incident = count_incident(key, reports)
        if name and incident is not None:
            counted.setdefault(name, []).append(incident)
    ranked = [Ranked(name, danger_index(these, as_of)) for name, these in counted.items()]
    return sorted(ranked, key=lambda r: (-r.index.score, r.name))
