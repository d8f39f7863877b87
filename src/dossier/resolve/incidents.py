"""One incident per attack: which reports of different documents tell the same attack.

Pairwise likeness does not make incidents: "same month and same country" links pairs, and the
pairs chain across a whole country. So reports are told apart by how precisely they are placed:

- A **precise** report gives the day and a place below the country. Two precise reports are one
  attack only when their days agree (the same day where both texts state it, "on 3 March";
  at most `WINDOW_DAYS` apart where a day is reckoned from publication, "on Tuesday",
  "yesterday", which slips by a day), their places agree by name, by
  distance (`NEAR_KM` between towns) or by one holding the other (a region and a town in it),
  their perpetrators agree or one names none, and their types are compatible. Precise reports
  are grouped by complete link: a report joins a group only when it agrees with every report
  already in it, so no chain of near pairs can join two far-apart attacks.
- A **vague** report (a month or a year, a country only, no place) agrees loosely with many
  attacks. It joins at most the one group it fits best, and only when that fit is unique; it
  never links two groups together.

`cluster` is a pure function of the set of reports (it orders them itself), so the grouping of
a neighbourhood does not depend on the order documents arrive in.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from dossier.model import ReportedEvent, StoredReport
from dossier.vocab.events import lexicon
from dossier.vocab.fold import name_key

WINDOW_DAYS = 2
NEAR_KM = 25.0  # two towns' reports of one attack: a suburb, a nearby village, the district seat
REGION_KM = 250.0  # a region's centre to a town inside it
_EARTH_KM = 6371.0
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_STATED = re.compile(
    rf"\b\d{{4}}-\d\d-\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})[a-z]*\b"
    rf"|\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b",
    re.IGNORECASE,
)


def precise(report: ReportedEvent) -> bool:
    """Dated to the day and placed below the country."""
    return (
        report.precision == "day"
        and report.date is not None
        and report.place is not None
        and report.place_kind != "country"
    )


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def distance_km(a: ReportedEvent, b: ReportedEvent) -> float | None:
    """Great-circle distance between the two places, None when either lacks coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: ReportedEvent, b: ReportedEvent) -> bool | None:
    """True when the places are one (by name, by distance, or a region holding a town), False
    when they are apart, None when it cannot be told (a place missing, or no coordinates and
    different names)."""
    if a.country and b.country and a.country != b.country:
        return False
    if not a.place or not b.place or a.place_kind == "country" or b.place_kind == "country":
        return None
    if a.site and b.site and name_key(a.site) != name_key(b.site):
        return False  # two villages the texts name inside one town
    if name_key(a.place) == name_key(b.place):
        return True
    km = distance_km(a, b)
    if km is None:
        return None
    regional = "region" in (a.place_kind, b.place_kind)
    return km <= (REGION_KM if regional else NEAR_KM)


def _date_gap(a: ReportedEvent, b: ReportedEvent) -> int | None:
    """Days between two day-dated reports; None unless both give the day."""
    first, second = _day(a.date), _day(b.date)
    return abs((first - second).days) if first and second else None


def stated_day(report: ReportedEvent) -> bool:
    """Whether the text states the day itself ("3 March 2020", "March 3", "2020-03-03") rather
    than reckoning it from the publication date ("Tuesday", "yesterday", no date words)."""
    return bool(report.date_text and _STATED.search(report.date_text))


def dates_agree(a: ReportedEvent, b: ReportedEvent) -> bool | None:
    """At the precision both give: the same day where both texts state it, days within the
    window where one is reckoned, else one period holding the other. None when either gives
    no date."""
    if not a.date or not b.date:
        return None
    gap = _date_gap(a, b)
    if gap is not None:
        return gap <= (0 if stated_day(a) and stated_day(b) else WINDOW_DAYS)
    shorter = min(len(a.date), len(b.date))
    return a.date[:shorter] == b.date[:shorter]


def types_agree(a: ReportedEvent, b: ReportedEvent) -> bool:
    """The same type, or one of them generic ("attack"); an attack is never a non-attack."""
    types = lexicon()
    if a.type == b.type:
        return True
    if {a.type, b.type} & types.non_attacks:
        return False
    return bool({a.type, b.type} & types.generic)


def _doers_agree(a: ReportedEvent, b: ReportedEvent) -> bool:
    return not (a.perpetrator and b.perpetrator and a.perpetrator != b.perpetrator)


def same_incident(a: ReportedEvent, b: ReportedEvent) -> bool:
    """Whether two precise reports tell one attack."""
    return (
        _doers_agree(a, b)
        and types_agree(a, b)
        and dates_agree(a, b) is True
        and places_agree(a, b) is True
    )


def likeness(a: ReportedEvent, b: ReportedEvent) -> float:
    """How closely two agreeing reports match: a named perpetrator, a type, a place name and
    the day in common each count; distance and days apart count against."""
    score = 0.0
    if a.perpetrator and a.perpetrator == b.perpetrator:
        score += 2
    if a.type == b.type:
        score += 1
    if a.place and b.place and name_key(a.place) == name_key(b.place):
        score += 1
    gap = _date_gap(a, b)
    if gap is not None:
        score += 1 - gap / (WINDOW_DAYS + 1)
    km = distance_km(a, b)
    if km is not None:
        score -= km / (10 * NEAR_KM)
    return score


def fits(vague: ReportedEvent, report: ReportedEvent) -> float | None:
    """How well a vague report fits a precise one, None when it does not: the date and place it
    gives agree at its precision, and it shares something specific with the report (the
    perpetrator by name, or the place), never a country and a month alone."""
    if not _doers_agree(vague, report) or not types_agree(vague, report):
        return None
    if dates_agree(vague, report) is not True:
        return None
    where = places_agree(vague, report)
    if where is False or (where is None and vague.country != report.country):
        return None
    named = bool(vague.perpetrator) and vague.perpetrator == report.perpetrator
    if not named and where is not True:
        return None
    return likeness(vague, report)


def _same_telling(a: StoredReport, b: StoredReport) -> bool:
    """Two reports of one document's text (which tells each attack once); an export row's coded
    event and its own text's report of the attack are two tellings."""
    return a.document_id == b.document_id and a.coded == b.coded


def cluster(nodes: Iterable[StoredReport]) -> dict[int, int]:
    """Each report's incident (the smallest event id of its group), for reports that are joined
    to others; a report alone is its own incident and is left out.

    Precise reports are grouped by complete link in their `key` order; then each vague report
    joins the one group it fits best, when no other group fits it as well.
    """
    ordered = sorted(nodes, key=lambda n: n.key)
    groups: list[list[StoredReport]] = []
    for node in (n for n in ordered if precise(n.report)):
        best, best_score = None, -math.inf
        for group in groups:
            if any(_same_telling(m, node) for m in group):
                continue  # a document tells each attack once
            if all(same_incident(node.report, m.report) for m in group):
                score = max(likeness(node.report, m.report) for m in group)
                if score > best_score:
                    best, best_score = group, score
        if best is None:
            groups.append([node])
        else:
            best.append(node)
    for node in (n for n in ordered if not precise(n.report) and n.report.date):
        scored = []
        for group in groups:
            if any(_same_telling(m, node) for m in group):
                continue
            fit = [
                f
                for m in group
                if precise(m.report) and (f := fits(node.report, m.report)) is not None
            ]
            if fit:
                scored.append((max(fit), group))
        scored.sort(key=lambda s: -s[0])
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            scored[0][1].append(node)
    incident: dict[int, int] = {}
    for group in groups:
        if len(group) > 1:
            first = min(n.event_id for n in group)
            incident.update({n.event_id: first for n in group})
    return incident
