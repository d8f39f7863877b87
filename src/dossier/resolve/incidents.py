"""One incident per attack: reports of the same attack in different documents are grouped.

Two reports are of one incident when nothing tells them apart and something ties them together:
the same perpetrator (or one of them names none), compatible types, dates within a short window
(day reports) or in the same month, and the same place, or the same country where one of them
only names a country. The grouping is the connected components of this relation, so it does not
depend on the order documents arrive in: an incremental run gives what a full run gives.
"""

from __future__ import annotations

import datetime as dt

from dossier.model import ReportedEvent
from dossier.vocab.events import lexicon
from dossier.vocab.fold import name_key

WINDOW_DAYS = 2


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def dates_agree(a: ReportedEvent, b: ReportedEvent) -> bool | None:
    """True, False, or None when either report gives no date."""
    if not a.date or not b.date:
        return None
    if a.precision == b.precision == "day":
        first, second = _day(a.date), _day(b.date)
        if first and second:
            return abs((first - second).days) <= WINDOW_DAYS
    return (
        a.date[:7] == b.date[:7]
        if len(a.date) >= 7 and len(b.date) >= 7
        else a.date[:4] == b.date[:4]
    )


def places_agree(a: ReportedEvent, b: ReportedEvent) -> bool | None:
    """True, False, or None when either report gives no place."""
    if a.country and b.country and a.country != b.country:
        return False
    if not a.place or not b.place:
        return True if a.country and b.country else None
    if name_key(a.place) == name_key(b.place):
        return True
    # A region holds its towns; a country-level report agrees with any place in the country.
    coarse = {"region", "country"}
    if a.place_kind in coarse or b.place_kind in coarse:
        return a.country == b.country and a.country is not None
    return False


def same_incident(a: ReportedEvent, b: ReportedEvent) -> bool:
    if a.perpetrator and b.perpetrator and a.perpetrator != b.perpetrator:
        return False
    types = lexicon()
    if a.type != b.type and not ({a.type, b.type} & types.generic):
        return False
    if {a.type, b.type} & types.non_attacks and a.type != b.type:
        return False
    when, where = dates_agree(a, b), places_agree(a, b)
    if when is False or where is False:
        return False
    # Reports that give neither a date nor a place in common are not known to be one attack.
    return bool(when) and bool(where)
