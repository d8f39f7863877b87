"""The danger index reproduces the Global Terrorism Index formula on hand-computed values."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dossier.analyse.danger import (
    count_incident,
    danger_index,
    gti_score,
    incident_score,
    rank,
)
from dossier.analyse.incidents import incidents_of
from dossier.model import Claimant, Count, Counted, Evidence, Figure, Report


@pytest.mark.parametrize(
    ("weighted_total", "score"),
    [(0, 0.0), (20_000, 10.0), (100, 4.66), (1_000, 6.976), (1_000_000, 10.0)],
)
def test_gti_score(weighted_total: float, score: float) -> None:
    assert gti_score(weighted_total) == pytest.approx(score, abs=0.0005)
    assert round(gti_score(weighted_total), 2) == round(score, 2)


def test_incident_score() -> None:
    assert incident_score(0, 0, 0) == 1
    assert incident_score(10, 4, 2) == 1 + 30 + 2 + 1


def test_index_weights_the_five_years_latest_first() -> None:
    # 2021: one incident, 33 deaths -> 100; 2020: one incident, 0 casualties -> 1;
    # 2016 is outside the window.
    incidents = [
        Counted(1, 2021, 33, 0, 0, False, incident_score(33, 0, 0)),
        Counted(2, 2020, 0, 0, 0, False, incident_score(0, 0, 0)),
        Counted(3, 2016, 500, 0, 0, False, incident_score(500, 0, 0)),
    ]
    index = danger_index(incidents, as_of=2021)
    assert [y.year for y in index.years] == [2021, 2020, 2019, 2018, 2017]
    assert [y.weight for y in index.years] == [0.52, 0.26, 0.13, 0.06, 0.03]
    assert index.weighted_total == pytest.approx(0.52 * 100 + 0.26 * 1)
    assert index.score == gti_score(0.52 * 100 + 0.26 * 1)
    assert {c.incident for c in index.counted} == {1, 2}


def test_no_incidents_scores_zero() -> None:
    index = danger_index([], as_of=2024)
    assert index.score == 0.0 and index.weighted_total == 0


def _report(incident: int, doc: str, killed: int, source: str) -> Report:
    return Report(
        incident=incident,
        type="bombing",
        evidence=Evidence(doc, 0, 1),
        perpetrator="al-Shabaab",
        date="2017-10-14",
        place="Mogadishu",
        country="Somalia",
        attribution="accused",
        figures=(Figure("killed", Count(killed, killed, str(killed)), source),),
    )


def test_rank_counts_each_incident_once_under_its_best_report() -> None:
    reports = [_report(1, "a", 300, "officials"), _report(1, "b", 587, "committee")]
    ranking = rank(incidents_of(reports), "group", as_of=2017)
    (ranked,) = ranking.rows
    assert ranked.name == "al-Shabaab"
    (counted,) = ranked.index.counted
    assert counted.deaths == 300 and counted.disputed
    assert counted.citations == (Evidence("a", 0, 1), Evidence("b", 0, 1))
    assert ranked.index.score == gti_score(0.52 * (1 + 3 * 300))
    # The row carries the totals of its window, so that no surface adds them up.
    assert (ranked.incidents, ranked.deaths, ranked.injured, ranked.hostages) == (1, 300, 0, 0)


def test_rank_leaves_out_what_falls_before_the_window() -> None:
    reports = [_report(1, "a", 300, "officials")]
    assert rank(incidents_of(reports), "country", as_of=2030).rows == ()
    assert rank(incidents_of(reports), "country", as_of=2017).rows[0].name == "Somalia"


def _figure(kind: str, n: int, source: str | None = None) -> Figure:
    return Figure(kind, Count(n, n, str(n)), source)


def test_a_breakdown_in_one_report_is_not_a_dispute() -> None:
    """ "18 killed ... 13 civilians and 5 soldiers": one source's total is its largest figure."""
    report = Report(
        incident=1,
        type="bombing",
        evidence=Evidence("a", 0, 1),
        perpetrator="al-Shabaab",
        date="2019-03-01",
        figures=(_figure("killed", 18), _figure("killed", 13), _figure("killed", 5)),
    )
    (incident,) = incidents_of([report])
    found = incident.killed
    assert found is not None
    assert (found.count, found.disputed) == (18, False)
    assert found.why == "18, the only figure given"


def test_two_sources_two_totals_count_the_lowest_credible_and_say_why() -> None:
    a = _report(1, "a", 40, "police")
    b = _report(1, "b", 55, "al-Shabaab")
    (incident,) = incidents_of([a, b])
    found = incident.killed
    assert found is not None
    assert found.count == 40 and found.disputed
    assert found.why == "40 (police), the lowest of 2 figures sources give"


def test_attackers_killed_add_to_the_deaths_and_are_shown_apart() -> None:
    report = Report(
        incident=1,
        type="armed_assault",
        evidence=Evidence("a", 0, 1),
        perpetrator="al-Shabaab",
        date="2019-03-01",
        figures=(_figure("killed", 6), _figure("attackers_killed", 3)),
    )
    (counted,) = [count_incident(i) for i in incidents_of([report])]
    assert counted is not None and (counted.deaths, counted.attackers) == (9, 3)
    assert not counted.disputed


def test_each_group_is_indexed_as_of_its_latest_incident() -> None:
    old = _report(1, "a", 10, "police")
    recent = replace(_report(2, "b", 10, "police"), perpetrator="ISKP", date="2024-05-01")
    ranking = rank(incidents_of([old, recent]), "group")
    years = {row.name: row.index.as_of for row in ranking.rows}
    assert years == {"al-Shabaab": 2017, "ISKP": 2024}
    assert ranking.as_of is None and all(row.index.score > 0 for row in ranking.rows)


def test_a_contested_attack_counts_for_no_claimant_and_is_listed_apart() -> None:
    rivals = (
        Claimant("Jaish al-Adl", "claimed", None, Evidence("c", 0, 9)),
        Claimant("Ansar al-Furqan", "claimed", None, Evidence("c", 10, 19)),
    )
    contested = replace(_report(3, "c", 12, "police"), perpetrator=None, claimants=rivals)
    own = replace(_report(4, "d", 2, "police"), perpetrator="Jaish al-Adl")
    ranking = rank(incidents_of([contested, own]), "group", as_of=2017)
    (row,) = ranking.rows
    assert row.name == "Jaish al-Adl" and row.deaths == 2
    assert [c.incident for c in row.index.contested] == [3]


def test_an_attack_by_state_forces_counts_for_no_group() -> None:
    """The text says the air force did it: the event is indexed under its country, and under
    no armed group, not even the one the story named before."""
    from dossier.extract import extract
    from dossier.model import Document

    text = (
        "the farabundo marti national liberation front said its units held the hills.  on "
        "14 november 1989 the air force bombed houses in the village of san jose las flores, "
        "el salvador, killing four peasants."
    )
    events = [e for e in extract(Document("t", text, "h", "t.txt")).events if e.targets]
    assert [(e.perpetrator, e.perpetrator_text) for e in events] == [(None, "air force")]
    (event,) = events
    report = Report(
        incident=1,
        type=event.type,
        evidence=Evidence("t", event.evidence.start, event.evidence.end),
        perpetrator=event.perpetrator,
        attribution=event.attribution,
        date="1989-11-14",
        country="El Salvador",
    )
    assert rank(incidents_of([report]), "group").rows == ()
    assert [r.name for r in rank(incidents_of([report]), "country").rows] == ["El Salvador"]
