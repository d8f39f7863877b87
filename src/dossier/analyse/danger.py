"""The danger index of a group, by the Global Terrorism Index method, with its parts shown.

Each incident scores 1 + 3 x deaths + 0.5 x injured + 0.5 x hostages. Incident scores are
summed per year; the five years up to the year of the index are weighted 0.52, 0.26, 0.13, 0.06,
0.03 (that year first); the index is the logarithm, base (20000 + 1) ** (1/10), of the weighted
total plus one, capped at 10 and given to three decimals. A weighted total of 20,000 scores 10.

Deaths of an incident that sources dispute are the lowest total a credible source gives (the
group's own claims are not credible when anyone else gives a figure); the incident says which
figure it counted and why. The index of a group is as of the year of its latest incident unless
a year is asked for, and an attack unrelated groups contest counts for none of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from dossier.analyse.incidents import store_incidents
from dossier.errors import EmptyStore
from dossier.model import Counted, DangerIndex, Incident, Ranked, Ranking, Year
from dossier.store import Store
from dossier.tolls import NO_FIGURE
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


def count_incident(incident: Incident) -> Counted | None:
    """The incident as the index counts it, or None when it cannot be (no date, not an attack).
    Deaths are the victims' and the attackers' own (as GTD counts them), each at its lowest
    credible total."""
    if not incident.date or incident.type in lexicon().non_attacks:
        return None
    killed = incident.killed or NO_FIGURE
    attackers = incident.attackers_killed or NO_FIGURE
    injured = incident.wounded or NO_FIGURE
    hostages = incident.abducted or NO_FIGURE
    deaths = killed.count + attackers.count
    return Counted(
        incident=incident.id,
        year=int(incident.date[:4]),
        deaths=deaths,
        injured=injured.count,
        hostages=hostages.count,
        disputed=killed.disputed,
        score=incident_score(deaths, injured.count, hostages.count),
        citations=incident.citations,
        figure=killed.figure,
        why=killed.why + (f"; and {attackers.why} attackers killed" if attackers.count else ""),
        attackers=attackers.count,
    )


def danger_index(
    incidents: Iterable[Counted],
    as_of: int | None = None,
    contested: Iterable[Counted] = (),
) -> DangerIndex:
    """The index as of a year (default: the year of the latest incident), from the incidents of
    the five years up to it; `contested` incidents are listed, not counted."""
    incidents = list(incidents)
    chosen = as_of is not None
    as_of = as_of if as_of is not None else max((i.year for i in incidents), default=0)
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
    rivals = tuple(i for i in contested if i.year in window)
    return DangerIndex(
        gti_score(weighted), as_of, tuple(years), weighted, counted, FORMULA, rivals, chosen
    )


def rank(incidents: Iterable[Incident], by: str, as_of: int | None = None) -> Ranking:
    """Danger indices per group (the perpetrator) or per country (where the attack was), highest
    first, each as of `as_of` or else the year of its own latest incident; a name none of whose
    incidents falls in its five years is left out. An incident counts once, under the place and
    perpetrator of the report that says most; one that unrelated groups contest counts for none
    of them and is listed apart under each."""
    counted: dict[str, list[Counted]] = {}
    disputed: dict[str, list[Counted]] = {}
    for incident in incidents:
        scored = count_incident(incident)
        if scored is None:
            continue
        if by == "group" and incident.contested:
            for group in incident.groups:
                disputed.setdefault(group, []).append(scored)
            continue
        name = incident.perpetrator if by == "group" else incident.country
        if name:
            counted.setdefault(name, []).append(scored)
    rows = []
    for name, these in counted.items():
        index = danger_index(these, as_of, disputed.get(name, ()))
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
    """The ranking of the store's incidents, each row as of `as_of` (default: the year of the
    row's own latest incident)."""
    incidents = store_incidents(store)
    if not incidents:
        raise EmptyStore("the store holds no attacks yet; ingest articles first (dossier ingest)")
    if not any(i.date for i in incidents):
        raise EmptyStore(
            f"none of the store's {len(incidents)} attacks is dated, and the index counts "
            "attacks by year; ingest again with --published DATE for articles that give no date"
        )
    return rank(incidents, by, as_of)
