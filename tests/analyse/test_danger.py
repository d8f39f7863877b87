"""The danger index reproduces the Global Terrorism Index formula on hand-computed values."""

from __future__ import annotations

import pytest

from dossier.analyse.danger import danger_index, gti_score, incident_score, rank
from dossier.analyse.incidents import incidents_of
from dossier.model import Count, Counted, Evidence, Figure, Report


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
