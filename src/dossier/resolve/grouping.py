"""Which stored reports are one incident: the neighbourhood a new document touches, grouped
again as a whole.

A new document's reports may join, split or re-attach groups around them, so the grouping is
recomputed for their whole neighbourhood: the precise reports that agree with them, and with
those, and so on (the connected reports under `same_incident`), and every vague report that
fits any of them, with the precise reports those fit in turn. `cluster` groups the
neighbourhood as a pure function of its reports, so an incremental ingest ends where a full run
does: a neighbourhood is grouped again whenever a report joins it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection

from dossier.model import StoredReport
from dossier.resolve.incidents import WINDOW_DAYS, cluster, fits, precise, same_incident
from dossier.store import Store
from dossier.store.incidents import IncidentSearch

# A bound on one neighbourhood, against pathological stores (thousands of reports of one day
# and town); real neighbourhoods hold a handful of reports.
MOST = 2000


def group_incidents(store: Store, document_id: str) -> None:
    """Group the document's events with the reports of the same attacks in other documents."""
    with store.incident_search() as search:
        group_document(search, document_id)


def group_in(connection: Connection, document_id: str) -> None:
    """`group_document` in a transaction already open (the one that stores the document)."""
    group_document(IncidentSearch(connection), document_id)


def group_document(search: IncidentSearch, document_id: str) -> None:
    """Group again the neighbourhood of the document's reports, and record it."""
    own = search.reports_in(document_id)
    if not any(r.report.date for r in own):
        return
    members = neighbourhood(search, own)
    search.assign(cluster(members.values()), members.values())


def neighbourhood(search: IncidentSearch, own: list[StoredReport]) -> dict[int, StoredReport]:
    """The reports whose grouping the document's reports may change."""
    members = {r.event_id: r for r in own}
    sharp = [r for r in own if precise(r.report)]
    vague = [r for r in own if not precise(r.report) and r.report.date]
    while (sharp or vague) and len(members) < MOST:
        # The precise reports connected to the new ones, and the vague reports that fit
        # them (whose best fit they may now be).
        while sharp and len(members) < MOST:
            report = sharp.pop()
            for other in search.reports_dated(
                *date_window(report.report.date or ""), report.report.country
            ):
                if other.event_id in members or not other.report.date:
                    continue
                if precise(other.report):
                    if same_incident(report.report, other.report):
                        members[other.event_id] = other
                        sharp.append(other)
                elif fits(other.report, report.report) is not None:
                    members[other.event_id] = other
                    vague.append(other)
        # The precise reports a vague one fits: their groups compete for it.
        while vague and not sharp:
            report = vague.pop()
            for other in search.reports_dated(
                *date_window(report.report.date or ""), report.report.country
            ):
                if other.event_id in members or not precise(other.report):
                    continue
                if fits(report.report, other.report) is not None:
                    members[other.event_id] = other
                    sharp.append(other)
    return members


def date_window(value: str, window_days: int = WINDOW_DAYS) -> tuple[tuple[str, str], list[str]]:
    """The dates a report dated `value` may share an incident with: a range around it (for a
    month or a year, every day in it), and the month and year it falls in (reports dated only
    that coarsely)."""
    coarse = [value[:4]] + ([value[:7]] if len(value) >= 7 else [])
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        low = (day - dt.timedelta(days=window_days)).isoformat()
        high = (day + dt.timedelta(days=window_days)).isoformat()
    else:
        low, high = value, value + "-99"
    return (low, high), coarse
