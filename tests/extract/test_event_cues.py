"""Short reports whose only account of the attack is a phrase the cue list must catch, or whose
date and place stand in an opening sentence of their own: each must still give its event."""

from __future__ import annotations

import datetime as dt

from dossier.extract import extract
from dossier.model import Document


def _doc(text: str, published: str = "2022-04-12") -> Document:
    return Document("t", text, "h", "t.txt", published=dt.date.fromisoformat(published))


def test_a_cue_that_names_whom_was_shot_matches_before_its_object() -> None:
    (event,) = extract(_doc("Assailants shot two shopkeepers in Kolda town, Senegal.")).events
    assert event.place is not None and event.place.name == "Kolda"


def test_an_opening_sentence_gives_the_date_and_place_of_the_death_told_after_it() -> None:
    text = (
        "On 2 April 2022, soldiers carried out a sweep in the village of Kolda (Kolda, Kolda). "
        "Two herders were killed and four others arrested."
    )
    (event,) = extract(_doc(text)).events
    assert event.date is not None and event.date.value == "2022-04-02"
    assert event.place is not None and event.place.name == "Kolda"
    assert event.killed is not None and event.killed.low == 2
    assert event.evidence.start == 0 and event.evidence.end == len(text)


def test_an_opening_sentence_alone_is_no_event() -> None:
    text = "On 2 April 2022, the governor visited Kolda. Attacks have become rarer since 2019."
    assert extract(_doc(text)).events == ()


def test_a_village_named_after_its_kind_word_and_before_its_holders_is_the_site() -> None:
    text = (
        "On 2 April 2022, soldiers reached a hamlet 4 km east of the village Toubere (Kolda, "
        "Kolda). The soldiers opened fire, killing two herders."
    )
    (event,) = extract(_doc(text)).events
    assert event.place is not None and event.place.name == "Kolda"
    assert event.site == "Toubere"


def test_a_hostage_killed_weeks_later_is_the_kidnapping_s_toll() -> None:
    text = (
        "Gunmen kidnapped two engineers in Kolda town, Senegal on 3 March 2022. One of the "
        "hostages was killed on 20 March 2022; the other was released."
    )
    (event,) = extract(_doc(text)).events
    assert event.type == "kidnapping" and event.date is not None
    assert event.date.value == "2022-03-03"
    assert event.killed is not None and event.killed.low == 1


def test_the_words_short_reports_use_for_fire_bodies_and_devices_are_events() -> None:
    """Exchanges of fire, shots and rockets fired, devices thrown or defused, property set on
    fire and bodies found are what monitors code; each is an event of its kind."""
    cases = {
        "On 3 April 2022, soldiers exchanged fire with bandits in Kolda town.": "clash",
        "On 3 April 2022, militiamen fired shots at a checkpoint in Kolda town.": "armed_assault",
        "On 3 April 2022, assailants fired on a patrol in Kolda town.": "armed_assault",
        "On 3 April 2022, assailants fired two rockets at Kolda town.": "missile_strike",
        "On 3 April 2022, an explosive device was defused in Kolda town.": "bombing",
        "On 3 April 2022, assailants set two buses on fire in Kolda town.": "attack",
        "On 3 April 2022, three bodies were discovered near Kolda town.": "attack",
    }
    for text, kind in cases.items():
        events = extract(_doc(text)).events
        assert [e.type for e in events] == [kind], (text, events)


def test_corpses_found_count_the_dead() -> None:
    text = "On 3 April 2022, gunmen raided Kolda town. Six corpses were found the next day."
    (event,) = extract(_doc(text)).events
    assert event.killed is not None and event.killed.low == 6
