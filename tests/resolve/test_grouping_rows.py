"""Incident grouping on real export rows: ACLED codes each violent row as an event of its own,
so a store of their notes must not chain rows of different places and days into one incident,
and the grouping must not depend on the order the rows are stored in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dossier.extract import extract_many
from dossier.model import Facts
from dossier.resolve.actors import canonical_names, remember
from dossier.resolve.grouping import group_incidents
from dossier.store import Store
from eval.reports import LAYOUTS, VIOLENT, documents, place_key
from tests.conftest import SHARED

ACLED = SHARED / "eval" / "reports" / "acled-dev.csv"
ROWS = 240


@pytest.fixture(scope="module")
def rows_and_facts() -> tuple[dict[str, dict[str, str]], list[Facts]]:
    if not ACLED.exists():
        pytest.fail(f"the ACLED development rows are missing: {ACLED}")
    with ACLED.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["event_type"] in VIOLENT][:ROWS]
    layout = LAYOUTS["acled"]
    facts = list(extract_many(documents(layout, rows, str(ACLED))))
    return {r[layout.id]: r for r in rows}, facts


def _grouped(path: Path, facts: list[Facts]) -> set[frozenset[str]]:
    store = Store(f"sqlite:///{path}")
    known = store.known_names()
    for one in facts:
        canonical = canonical_names(one, known)
        store.add(one, canonical)
        remember(one, canonical, known)
        group_incidents(store, one.document.id)
    incidents: dict[int, set[str]] = {}
    for report in store.events_of():
        incidents.setdefault(report.incident, set()).add(report.document_id)
    store.close()
    return {frozenset(ids) for ids in incidents.values()}


def test_rows_of_different_places_or_days_are_rarely_one_incident(
    rows_and_facts: tuple[dict[str, dict[str, str]], list[Facts]], tmp_path: Path
) -> None:
    rows, facts = rows_and_facts
    grouped = _grouped(tmp_path / "a.sqlite", facts)
    where = {i: (place_key(r["location"]), r["event_date_iso"]) for i, r in rows.items()}
    chained = [ids for ids in grouped if len({where[i] for i in ids}) > 1]
    # The rows that do join name the same town on the same day in their notes, while ACLED
    # codes nearby villages apart; no chain ever spans more than a few rows.
    assert len(chained) <= 0.05 * len(grouped), chained
    assert max(len(ids) for ids in grouped) <= 4


def test_the_grouping_does_not_depend_on_the_order_rows_arrive_in(
    rows_and_facts: tuple[dict[str, dict[str, str]], list[Facts]], tmp_path: Path
) -> None:
    _, facts = rows_and_facts
    forward = _grouped(tmp_path / "forward.sqlite", facts)
    shuffled = facts[1::2] + facts[0::2][::-1]
    assert _grouped(tmp_path / "shuffled.sqlite", shuffled) == forward
