"""Designations are registry data: every listed group is a registered group, every date an ISO
day, every list one of the three with its page."""

from __future__ import annotations

import datetime as dt

from dossier.vocab.designations import designations, designations_of
from dossier.vocab.registry import load_registry


def test_every_designation_names_a_registered_group_and_a_real_date() -> None:
    registry = load_registry()
    found = designations()
    assert len(found) >= 40
    for d in found:
        entry = registry.lookup(d.group)
        assert entry is not None and entry.name == d.group, d.group
        listed = dt.date.fromisoformat(d.listed)
        if d.delisted:
            assert dt.date.fromisoformat(d.delisted) > listed
        assert d.url.startswith("https://")
    assert {d.by for d in found} == {
        "US Department of State",
        "UN Security Council",
        "UK Home Office",
    }


def test_a_groups_listings_oldest_first() -> None:
    listed = designations_of("al-Qaeda")
    assert [d.listed for d in listed] == ["1999-10-08", "2001-03-29", "2001-10-06"]
    assert designations_of("No Such Front") == ()
