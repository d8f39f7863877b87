"""One incident per attack across documents; the grouping does not depend on arrival order."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from dossier.flow import ingest_into
from dossier.model import ReportedEvent
from dossier.resolve.incidents import same_incident
from dossier.settings import Settings
from dossier.store import Store
from tests.conftest import CORPUS

# (group, date, documents reporting it): the corpus's attacks told twice.
MULTI_REPORT = [
    (
        "Islamic State Khorasan Province",
        "2021-08-26",
        {"kabul-airport-bombing", "kabul-airport-toll-rises"},
    ),
    (
        "Tehrik-i-Taliban Pakistan",
        "2014-12-16",
        {"ttp-peshawar-school", "wire-2014-12-16-peshawar"},
    ),
    ("al-Shabaab", "2017-10-14", {"shabaab-mogadishu-truck-bomb", "wire-2017-10-20-mogadishu"}),
    ("Boko Haram", "2014-04-14", {"chibok-abduction", "chibok-parents-wait"}),
    (
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "2018-03-02",
        {"jnim-ouagadougou-attack", "wire-2018-03-03-ouagadougou"},
    ),
]


def _incidents(store: Store, group: str) -> dict[int, set[str]]:
    grouped: dict[int, set[str]] = defaultdict(set)
    for event in store.events_of(group):
        grouped[event.incident].add(event.document_id)
    return grouped


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('incidents') / 'd.sqlite'}")
    ingest_into(store, [CORPUS], Settings())
    return store


@pytest.mark.parametrize(("group", "date", "documents"), MULTI_REPORT)
def test_each_multi_report_attack_is_one_incident(
    store: Store, group: str, date: str, documents: set[str]
) -> None:
    dated = [e for e in store.events_of(group) if e.date == date]
    incidents = {e.incident for e in dated}
    assert len(incidents) == 1, incidents
    assert documents <= {e.document_id for e in dated}


def test_conflicting_figures_stay_side_by_side(store: Store) -> None:
    kabul = [
        e for e in store.events_of("Islamic State Khorasan Province") if e.date == "2021-08-26"
    ]
    figures = {f.count.text for e in kabul for f in e.figures if f.kind == "killed"}
    assert {"more than 170", "at least 183"} <= figures


def test_incremental_equals_full_run(tmp_path: Path) -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
    half = len(files) // 2
    full = Store(f"sqlite:///{tmp_path / 'full.sqlite'}")
    ingest_into(full, files, Settings())
    step = Store(f"sqlite:///{tmp_path / 'step.sqlite'}")
    ingest_into(step, list(reversed(files[half:])), Settings())
    ingest_into(step, files[:half], Settings())
    for group, _, _ in MULTI_REPORT:
        partition_full = sorted(sorted(d) for d in _incidents(full, group).values())
        partition_step = sorted(sorted(d) for d in _incidents(step, group).values())
        assert partition_full == partition_step, group


def _report(**changes) -> ReportedEvent:  # type: ignore[no-untyped-def]
    base = dict(
        perpetrator="al-Shabaab",
        type="bombing",
        date="2017-10-14",
        precision="day",
        place="Mogadishu",
        place_kind="city",
        country="Somalia",
    )
    return ReportedEvent(**(base | changes))


def test_same_incident_rules() -> None:
    a = _report()
    assert same_incident(a, _report(date="2017-10-15"))  # a day apart
    assert not same_incident(a, _report(type="attack", place=None, place_kind="country"))
    assert not same_incident(a, _report(date="2017-10-25"))
    assert not same_incident(a, _report(perpetrator="Boko Haram"))
    assert not same_incident(a, _report(place="Kismayo"))
    assert not same_incident(a, _report(date=None, precision=None))
    assert not same_incident(a, _report(type="kidnapping"))
