"""`dossier incidents`: the store's incidents, filtered by group, country and date."""

from __future__ import annotations

from dossier.analyse.incidents import incidents_of, store_incidents
from dossier.analyse.names import find_actor
from dossier.model import Incident
from dossier.store import Store
from dossier.vocab.fold import name_key


def list_incidents(
    store: Store,
    group: str | None = None,
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
) -> list[Incident]:
    """Incidents in date order: of `group` (any of its names; its own and those it is said to
    have done with rivals contesting), in `country` (case-folded), on or after `since` and on or
    before `until` (ISO dates, months or years, compared at their own precision; undated
    incidents are left out then), of one `type` (one of EVENT_TYPES)."""
    name = find_actor(store, group) if group else None
    found = incidents_of(store.events_of(name)) if name else store_incidents(store)
    if country:
        wanted = name_key(country)
        found = [i for i in found if i.country and name_key(i.country) == wanted]
    if since:
        found = [i for i in found if i.date and i.date[: len(since)] >= since]
    if until:
        found = [i for i in found if i.date and i.date[: len(until)] <= until]
    if type:
        found = [i for i in found if i.type == type]
    return sorted(found, key=lambda i: (i.date is None, i.date or "", i.id))
