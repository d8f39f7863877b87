"""The reports of one attack become one incident, told by the report that says most, with every
figure and every attribution kept."""

from __future__ import annotations

from dossier.analyse.incidents import best_report, incidents_of
from dossier.model import Claimant, Count, Evidence, Figure, Report


def _report(doc: str, incident: int = 1, **fields) -> Report:  # type: ignore[no-untyped-def]
    return Report(incident=incident, type="bombing", evidence=Evidence(doc, 0, 9), **fields)


def test_one_incident_per_id_told_by_the_report_that_says_most() -> None:
    vague = _report("wire", date="2021-08", country="Afghanistan", suicide=True)
    precise = _report("local", date="2021-08-26", place="Kabul", country="Afghanistan")
    other = _report("elsewhere", incident=2, date="2022-01-01")
    first, second = incidents_of([vague, other, precise])
    assert best_report([vague, precise]) is precise
    assert (first.id, first.date, first.place, first.suicide) == (1, "2021-08-26", "Kabul", True)
    assert first.reports == (vague, precise)
    assert first.citations == (Evidence("wire", 0, 9), Evidence("local", 0, 9))
    assert second.id == 2 and second.reports == (other,)


def test_figures_stay_side_by_side_and_claimants_are_named() -> None:
    us = Figure("killed", Count(171, None, "more than 170"), "US")
    health = Figure("killed", Count(183, 183, "at least 183"), "Afghan health officials")
    claimed = _report(
        "a", perpetrator="IS-K", attribution="claimed", figures=(us,), date="2021-08-26"
    )
    accused = _report(
        "b", perpetrator="IS-K", attribution="accused", attributed_by="US", figures=(us, health)
    )
    (incident,) = incidents_of([claimed, accused])
    assert incident.figures == (us, health)
    assert [(c.group, c.stance, c.by) for c in incident.claimants] == [
        ("IS-K", "claimed", "IS-K"),
        ("IS-K", "accused", "US"),
    ]
    assert incident.perpetrator == "IS-K" and not incident.contested


def test_rival_claimants_contest_an_attack_and_none_is_its_perpetrator() -> None:
    one = Claimant("Jaish al-Adl", "claimed", None, Evidence("a", 40, 80))
    two = Claimant("Ansar al-Furqan", "claimed", None, Evidence("a", 81, 120))
    rivals = _report("a", date="2023-02-01", claimants=(one, two))
    police = _report("b", date="2023-02-01", perpetrator="Jaish al-Adl", attribution="accused")
    (incident,) = incidents_of([rivals, police])
    assert incident.contested and incident.perpetrator is None
    assert incident.groups == ("Jaish al-Adl", "Ansar al-Furqan")


def test_a_branch_and_its_parent_claiming_one_attack_do_not_contest_it() -> None:
    branch = Claimant("Islamic State Khorasan Province", "claimed", None, Evidence("a", 0, 9))
    parent = Claimant("Islamic State", "claimed", None, Evidence("a", 10, 19))
    (incident,) = incidents_of([_report("a", claimants=(branch, parent))])
    assert not incident.contested
    assert incident.perpetrator == "Islamic State Khorasan Province"
