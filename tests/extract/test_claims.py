"""Who claims an attack: a claim told anywhere in the text, rival claimants kept side by side
with none taken for the perpetrator, and denials that are not claims. Texts written here."""

from __future__ import annotations

import datetime as dt
import json

from dossier.export.facts_json import facts_record
from dossier.extract import extract
from dossier.model import Document, Event


def _event(text: str) -> Event:
    facts = extract(Document("t", text, "h", "t.txt", published=dt.date(2023, 5, 5)))
    assert len(facts.events) == 1, facts.events
    return facts.events[0]


def test_a_claim_in_a_later_sentence_names_the_perpetrator() -> None:
    text = (
        "A suicide bomber struck a mosque in Kabul on Friday, killing 20 worshippers. "
        "Hours later, the Islamic State took responsibility in a statement."
    )
    event = _event(text)
    assert (event.perpetrator, event.attribution) == ("Islamic State", "claimed")
    (claimant,) = event.claimants
    assert claimant.name == "Islamic State"
    assert text[claimant.evidence.start : claimant.evidence.end].startswith("Hours later")


def test_rival_claimants_are_all_kept_and_none_is_the_perpetrator() -> None:
    text = (
        "A bomb exploded near a police station in Quetta on Friday, killing three officers. "
        "The Pakistani Taliban claimed the bombing, but Lashkar-e-Jhangvi also claimed "
        "responsibility."
    )
    event = _event(text)
    assert event.perpetrator is None and event.attribution == "claimed"
    assert [c.name for c in event.claimants] == ["Tehrik-i-Taliban Pakistan", "Lashkar-e-Jhangvi"]
    record = facts_record(extract(Document("t", text, "h", "t.txt", published=dt.date(2023, 5, 5))))
    claimants = record["events"][0]["claimants"]
    assert [c["name"] for c in claimants] == ["Tehrik-i-Taliban Pakistan", "Lashkar-e-Jhangvi"]
    assert all(c["attribution"] == "claimed" for c in claimants)
    json.dumps(record)


def test_two_groups_claiming_in_one_sentence_are_both_claimants() -> None:
    event = _event(
        "Gunmen killed five soldiers in Borno on Tuesday. Both Boko Haram and the Islamic "
        "State West Africa Province claimed the attack."
    )
    assert event.perpetrator is None
    assert {c.name for c in event.claimants} == {
        "Boko Haram",
        "Islamic State West Africa Province",
    }


def test_a_denied_claim_is_no_claim() -> None:
    event = _event(
        "Militants attacked a checkpoint in Kunar on Sunday, killing four guards. No group has "
        "claimed the attack, but officials blamed the Taliban."
    )
    assert (event.perpetrator, event.attribution) == ("Taliban", "accused")
    assert event.claimants == ()


def test_a_single_claim_keeps_its_perpetrator() -> None:
    event = _event(
        "A car bomb killed 12 people at a market in Mogadishu on Monday. Al-Shabaab claimed "
        "responsibility for the attack."
    )
    assert (event.perpetrator, event.attribution) == ("al-Shabaab", "claimed")
    assert [c.name for c in event.claimants] == ["al-Shabaab"]


def test_the_accuser_is_who_blames_the_group() -> None:
    event = _event(
        "A truck bomb killed 40 people at a junction in Mogadishu on Saturday. No group claimed "
        "the bombing, but the interior ministry blamed al-Shabaab."
    )
    assert (event.perpetrator, event.attribution) == ("al-Shabaab", "accused")
    assert event.attributed_by == "interior ministry"
