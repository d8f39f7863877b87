"""Grouping reports into incidents on constructed cases: no chains, vague reports attach to one
best match at most, and the result does not depend on the order reports come in."""

from __future__ import annotations

import itertools
import random

from dossier.model import ReportedEvent, StoredReport
from dossier.resolve.incidents import cluster, dates_agree, fits, places_agree, stated_day

# Three towns on one road, about 20 km apart each (the first and last 40 km apart).
WEST, MIDDLE, EAST = (34.50, 69.00), (34.50, 69.22), (34.50, 69.44)


def report(
    doc: str,
    date: str | None = "2023-05-10",
    place: str | None = "Westville",
    at: tuple[float, float] | None = WEST,
    perpetrator: str | None = "Taliban",
    type: str = "bombing",
    kind: str = "city",
    date_text: str | None = "10 May 2023",
    event: int | None = None,
) -> StoredReport:
    precision = None if date is None else {10: "day", 7: "month", 4: "year"}[len(date)]
    lat, lon = at if at else (None, None)
    ev = ReportedEvent(
        perpetrator, type, date, precision, place, kind, "Afghanistan", lat, lon, date_text
    )
    return StoredReport(event or abs(hash(doc)) % 10_000, doc, (date or "", doc, 0), ev)


def groups(reports: list[StoredReport]) -> set[frozenset[str]]:
    """The incidents as sets of documents, each report alone included."""
    incident = cluster(reports)
    by: dict[int, set[str]] = {}
    for r in reports:
        by.setdefault(incident.get(r.event_id, r.event_id), set()).add(r.document_id)
    return {frozenset(d) for d in by.values()}


def test_two_reports_of_one_attack_are_one_incident() -> None:
    a = report("a", event=1)
    b = report("b", place="Middleton", at=MIDDLE, perpetrator=None, type="attack", event=2)
    assert groups([a, b]) == {frozenset("ab")}


def test_near_pairs_do_not_chain_far_reports() -> None:
    """West-Middle and Middle-East are each near; West and East are not: never all three."""
    west = report("w", event=1)
    middle = report("m", place="Middleton", at=MIDDLE, event=2)
    east = report("e", place="Eastham", at=EAST, event=3)
    for order in itertools.permutations([west, middle, east]):
        found = groups(list(order))
        assert frozenset("wme") not in found
        assert len(found) == 2


def test_stated_days_must_be_equal_reckoned_days_may_slip() -> None:
    stated = report("a")
    assert not dates_agree(stated.report, report("b", date="2023-05-11", date_text="11 May").report)
    reckoned = report("c", date="2023-05-11", date_text="Thursday")
    assert dates_agree(stated.report, reckoned.report)
    assert stated_day(stated.report) and not stated_day(reckoned.report)


def test_places_agree_by_name_distance_or_a_region_holding_a_town() -> None:
    west = report("a").report
    assert places_agree(west, report("b", place="Middleton", at=MIDDLE).report)
    assert not places_agree(west, report("c", place="Eastham", at=EAST).report)
    region = report("d", place="Westshire", at=EAST, kind="region").report
    assert places_agree(west, region)
    unknown = report("e", place="Qala Bagh", at=None, kind="unknown").report
    assert places_agree(west, unknown) is None


def test_a_vague_report_joins_its_one_best_match() -> None:
    a = report("a", event=1)
    b = report("b", event=2, place="Middleton", at=MIDDLE, perpetrator=None, type="attack")
    vague = report("v", date="2023-05", place=None, at=None, kind="country", event=3)
    assert fits(vague.report, a.report) is not None
    assert fits(vague.report, b.report) is None  # a month and a country alone tie it to nothing
    assert groups([a, b, vague]) == {frozenset("abv")}


def test_a_vague_report_never_links_two_incidents() -> None:
    kabul = report("a", event=1)
    herat = report("b", event=2, place="Eastham", at=EAST, date="2023-05-20", date_text="20 May")
    vague = report("v", date="2023-05", place=None, at=None, kind="country", event=3)
    found = groups([kabul, herat, vague])
    # It fits both equally, so it joins neither, and the two attacks stay apart.
    assert found == {frozenset("a"), frozenset("b"), frozenset("v")}


def test_a_document_tells_each_attack_once() -> None:
    one = report("a", event=1)
    two = report("a", event=2, place="Middleton", at=MIDDLE)
    assert groups([one, two]) == {frozenset("a")} and len(cluster([one, two])) == 0


def test_other_perpetrators_types_or_countries_stay_apart() -> None:
    a = report("a", event=1)
    assert len(groups([a, report("b", perpetrator="ISKP", event=2)])) == 2
    assert len(groups([a, report("c", type="kidnapping", event=3)])) == 2


def test_the_grouping_does_not_depend_on_order() -> None:
    reports = [
        report("a", event=1),
        report("b", event=2, place="Middleton", at=MIDDLE, perpetrator=None),
        report("c", event=3, place="Eastham", at=EAST),
        report("d", event=4, place="Eastham", at=EAST, date="2023-05-11", date_text="Thursday"),
        report("v", event=5, date="2023-05", place="Eastham", at=EAST),
        report("w", event=6, date="2023", place=None, at=None, kind="country"),
    ]
    expected = cluster(reports)
    for seed in range(20):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled) == expected
