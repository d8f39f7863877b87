"""Which stored reports are one incident: the candidate search around `same_incident`.

A new document's event is compared only with reports that could be the same attack: by the same
perpetrator or by none (any perpetrator, when the event names none), dated within the window.
A match joins the groups on both sides under the smallest event id, so that a report tying two
groups together merges them, and an incremental ingest ends where a full run does.
"""

from __future__ import annotations

import datetime as dt

from dossier.resolve.incidents import WINDOW_DAYS, same_incident
from dossier.store import Store
from dossier.store.incidents import ANYONE, Anyone, StoredReport


def group_incidents(store: Store, document_id: str, window_days: int = WINDOW_DAYS) -> None:
    """Group the document's events with the reports of the same attacks in other documents."""
    with store.incident_search() as search:
        for event in search.reports_in(document_id):
            report = event.report
            if not report.date:
                continue
            between, within = date_window(report.date, window_days)
            doers: list[str | Anyone | None] = (
                [report.perpetrator, None] if report.perpetrator is not None else [ANYONE]
            )
            found: dict[int, StoredReport] = {}
            for doer in doers:
                for other in search.reports_dated(doer, between, within, excluding=document_id):
                    found[other.event_id] = other
            matched = [o for o in found.values() if same_incident(report, o.report)]
            if not matched:
                continue  # an incident of its own: its id is the event's
            # Read again: an earlier event of this document may have merged it already.
            current = search.incident_of(event.event_id)
            groups = {current or event.event_id} | {o.incident_id or o.event_id for o in matched}
            search.merge(groups)


def date_window(value: str, window_days: int) -> tuple[tuple[str, str], list[str]]:
    """The dates a report dated `value` may share an incident with: a range around it, and the
    month and year it falls in (reports dated only that coarsely)."""
    coarse = [value[:4]] + ([value[:7]] if len(value) >= 7 else [])
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        low = (day - dt.timedelta(days=window_days)).isoformat()
        high = (day + dt.timedelta(days=window_days)).isoformat()
    else:
        low, high = value, value + "-99"
    return (low, high), coarse
