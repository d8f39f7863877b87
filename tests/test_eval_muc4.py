"""The MUC-4 scorer follows the published metric, and `python -m eval muc4` writes predictions
in the benchmark's format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dossier.model import Count, Document, Event, Evidence, Facts
from eval.muc4 import ROLES, normalise, predict, score
from tests.conftest import ROOT, SHARED


def _gold(**roles: list[list[list]]) -> dict:
    return {"docid": "d1", "doctext": "", "extracts": {r: roles.get(r, []) for r in ROLES}}


def test_normalise_drops_case_punctuation_and_articles() -> None:
    assert normalise('The "Santo Tomas" presidential farm.') == "santo tomas presidential farm"


def test_any_mention_of_a_gold_entity_matches_once() -> None:
    gold = _gold(PerpOrg=[[["farabundo marti national liberation front", 3], ["fmln", 9]]])
    predicted = {"d1": {"pred_extracts": {"PerpOrg": [["FMLN"], ["the fmln"]]}}}
    result = score(predicted, [gold])["PerpOrg"]
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)  # one-to-one: the second is extra


def test_every_string_of_a_predicted_entity_must_match() -> None:
    gold = _gold(Weapon=[[["bomb", 1]]])
    predicted = {"d1": {"pred_extracts": {"Weapon": [["bomb", "rifle"]]}}}
    result = score(predicted, [gold])["Weapon"]
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)


def test_command_writes_predictions(tmp_path: Path) -> None:
    dev = SHARED / "eval" / "muc4" / "dev.jsonl"
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(dev.open().readlines()[:3]))
    out = tmp_path / "pred.json"
    result = subprocess.run(
        [sys.executable, "-m", "eval", "muc4", str(sample), "--predictions", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "micro" in result.stdout
    predictions = json.loads(out.read_text())
    assert len(predictions) == 3
    for prediction in predictions.values():
        assert set(prediction["pred_extracts"]) == set(ROLES)
        for entities in prediction["pred_extracts"].values():
            assert all(isinstance(e, list) and all(isinstance(m, str) for m in e) for e in entities)


def _facts(text: str, *events: Event) -> Facts:
    return Facts(Document("d1", text, "h", "t"), events=events)


def _event(**fields: object) -> Event:
    return Event(type=str(fields.pop("type", "bombing")), evidence=Evidence("d1", 0, 1), **fields)


def test_doers_keep_their_number_and_lose_their_hedge() -> None:
    text = "Police said two gunmen fled; alleged urban commandos were blamed."
    facts = _facts(
        text,
        _event(perpetrator_individuals=("gunmen", "alleged urban commandos"), targets=("bank",)),
    )
    assert predict(facts)["PerpInd"] == [["two gunmen"], ["urban commandos"]]


def test_the_tail_of_a_longer_number_is_no_count_of_doers() -> None:
    text = "About 2,000 gunmen are said to roam the hills."
    facts = _facts(text, _event(perpetrator_individuals=("gunmen",), targets=("bank",)))
    assert predict(facts)["PerpInd"] == [["gunmen"]]


def test_one_bare_doer_noun_per_report() -> None:
    facts = _facts("", _event(perpetrator_individuals=("rebels", "guerrillas", "armed men")))
    assert predict(facts)["PerpInd"] == [["rebels"], ["armed men"]]


def test_weapons_only_of_an_event_that_harmed_someone_or_something() -> None:
    fighting = _event(type="armed_assault", weapon=("mortars",), victims=("4 soldiers",))
    bombing = _event(weapon=("car bomb",), targets=("hotel",))
    assert predict(_facts("", fighting))["Weapon"] == []
    assert predict(_facts("", bombing))["Weapon"] == [["car bomb"]]


def test_a_group_is_the_perpetrator_when_said_or_shown() -> None:
    def org(**fields: object) -> list[list[str]]:
        return predict(_facts("", _event(perpetrator_text="the front", **fields)))["PerpOrg"]

    assert org(attribution="claimed") == [["the front"]]
    assert org(attribution="confirmed", targets=("bridge",)) == [["the front"]]
    assert org(perpetrator_individuals=("rebels",)) == [["the front"]]
    assert org(targets=("bridge",), weapon=("dynamite",)) == [["the front"]]
    assert org(attribution="confirmed") == []  # named beside an event that harmed nothing
    assert org(weapon=("dynamite",)) == []


def test_clashes_are_no_incidents() -> None:
    facts = _facts("", _event(type="clash", perpetrator_individuals=("guerrillas",)))
    assert all(not fillers for fillers in predict(facts).values())


def test_air_force_and_navy_buildings_are_military_targets() -> None:
    facts = _facts("", _event(targets=("air force headquarters", "navy club", "pharmacy")))
    assert predict(facts)["Target"] == [["pharmacy"]]


def test_forces_told_only_by_their_members_are_no_organisation() -> None:
    soldiers = _event(
        perpetrator_text="soldiers", perpetrator_individuals=("soldiers",), attribution="confirmed"
    )
    army = _event(
        perpetrator_text="army",
        perpetrator_individuals=("army troops",),
        attribution="confirmed",
        targets=("houses",),
    )
    assert predict(_facts("", soldiers))["PerpOrg"] == []
    assert predict(_facts("", army))["PerpOrg"] == [["army"]]


def test_a_so_called_group_is_listed_without_the_hedge() -> None:
    facts = _facts("", _event(perpetrator_individuals=("so-called nelson mandela cell",)))
    assert predict(facts)["PerpInd"] == [["nelson mandela cell"]]


def test_a_mention_told_shorter_is_the_same_entity() -> None:
    targets = ("cano limon-covenas pipeline", "cano limon-covenas oil pipeline", "oil terminal")
    facts = _facts("", _event(targets=targets))
    assert predict(facts)["Target"] == [["cano limon-covenas oil pipeline"], ["oil terminal"]]


def test_a_state_force_with_a_toll_is_its_perpetrator() -> None:
    """A force is named as doer only where the text says it did it, so a toll is harm enough;
    an armed group named beside a toll is not."""
    toll = Count(6, 6, "six")
    force = _event(perpetrator_text="armed forces", attribution="confirmed", killed=toll)
    group = _event(
        perpetrator="FMLN", perpetrator_text="fmln", attribution="confirmed", killed=toll
    )
    assert predict(_facts("", force))["PerpOrg"] == [["armed forces"]]
    assert predict(_facts("", group))["PerpOrg"] == []


def test_a_collective_noun_alone_names_no_doers() -> None:
    event = _event(perpetrator_individuals=("group", "units", "group of armed men", "gunmen"))
    assert predict(_facts("", event))["PerpInd"] == [["group of armed men"], ["gunmen"]]


def test_victims_counted_in_words_are_counts_not_names() -> None:
    event = _event(victims=("two officers", "13 us service members", "hector oqueli"))
    assert predict(_facts("", event))["Victim"] == [["hector oqueli"]]
