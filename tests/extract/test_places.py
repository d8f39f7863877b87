"""Places: short reports written here, one behaviour each, the way field reports name places."""

from __future__ import annotations

import datetime as dt

from dossier.extract import extract
from dossier.extract.pipeline import load_pipeline
from dossier.extract.state import state
from dossier.model import Document, Place
from dossier.vocab.places import gazetteer


def _places(text: str) -> list[Place]:
    doc = load_pipeline()(text)
    return [p for _s, _e, p in state(doc).places]


def _event_place(text: str) -> Place:
    facts = extract(Document("t", text, "h", "t.txt", published=dt.date(2021, 5, 3)))
    (event,) = facts.events
    assert event.place is not None
    return event.place


def test_the_gazetteer_holds_villages_and_district_towns() -> None:
    (town,) = [c for c in gazetteer().lookup("Chimtal") if c.country == "Afghanistan"]
    assert town.kind == "city" and town.lat is not None and town.population < 15_000


def test_second_level_divisions_are_known() -> None:
    assert any(c.kind == "region" for c in gazetteer().lookup("Bagerhat"))


def test_a_name_closed_by_a_kind_word_is_a_place_the_ner_missed() -> None:
    place = _event_place("Gunmen killed two farmers in Chimtal district, Balkh, on Sunday.")
    assert (place.name, place.country, place.text) == ("Chimtal", "Afghanistan", "Chimtal district")


def test_an_unknown_district_takes_the_country_of_the_province_holding_it() -> None:
    place = _event_place("A roadside bomb killed three soldiers in Zorbakh district, Kunar.")
    assert (place.name, place.country, place.kind) == ("Zorbakh", "Afghanistan", "unknown")


def test_a_village_named_like_a_foreign_town_stays_in_the_country_of_the_text() -> None:
    text = (
        "Insurgents attacked a police post in Chora on Monday, killing two officers. "
        "Afghan officials in Kandahar and Helmand said the attackers fled toward Kabul."
    )
    (chora,) = [p for p in _places(text) if p.text == "Chora"]
    assert chora.country == "Afghanistan"


def test_a_shared_name_goes_to_the_country_of_the_rest_of_the_text() -> None:
    text = "Militants stormed Qalat on Friday. Afghan forces in Zabul said four guards died."
    (qalat,) = [p for p in _places(text) if p.text == "Qalat"]
    assert qalat.country == "Afghanistan" and qalat.name == "Qalat"


def test_a_spokesman_is_no_place() -> None:
    text = "Two soldiers were killed in Ghazni on Monday, spokesman Mujahid said in a statement."
    assert all(p.text != "Mujahid" for p in _places(text))


def test_every_known_town_has_coordinates() -> None:
    places = _places("Fighting was reported in Jalalabad and Kandahar, Afghan officials said.")
    assert places and all(p.lat is not None for p in places if p.kind == "city")


def test_a_great_city_is_meant_whatever_the_text_is_about() -> None:
    text = (
        "American officials in Washington said a blast hit Kabul on Thursday. The United States "
        "said US troops would stay. A US general and the American embassy confirmed it."
    )
    (kabul,) = [p for p in _places(text) if p.text == "Kabul"]
    assert kabul.country == "Afghanistan"


def test_a_list_of_capitals_holds_nothing() -> None:
    text = "Crowds gathered in Amman, Tunis and Tehran, while Lebanese and Israeli forces clashed."
    places = {p.text: p.country for p in _places(text)}
    assert places["Amman"] == "Jordan" and places["Tehran"] == "Iran"


def test_a_town_in_brackets_names_its_district_and_region() -> None:
    """A village the gazetteer lacks is placed at the town that holds it, which a coder can map;
    the village keeps the country of its holders."""
    text = "Gunmen killed four herders near Sabon Kaura (Bama, Borno) on Tuesday."
    assert (_event_place(text).name, _event_place(text).country) == ("Bama", "Nigeria")
    (village,) = [p for p in _places(text) if p.text == "Sabon Kaura"]
    assert (village.country, village.kind) == ("Nigeria", "unknown")


def test_the_division_named_after_its_seat_is_the_division() -> None:
    (place,) = _places("Fighting spread across Raqqa governorate in Syria overnight.")[:1]
    assert (place.name, place.kind, place.country) == ("Raqqa", "region", "Syria")


def test_a_town_the_attack_was_near_tells_more_than_its_division() -> None:
    text = "On Monday gunmen ambushed a patrol near Manbij, in the Aleppo governorate, killing two."
    place = _event_place(text)
    assert (place.name, place.kind) == ("Manbij", "city")


def test_where_the_attackers_came_from_is_not_where_they_struck() -> None:
    text = (
        "On Monday gunmen attacked an army post in Kupwara district, Jammu and Kashmir, India. "
        "The attackers came from Pakistan and killed one soldier."
    )
    facts = extract(Document("t", text, "h", "t.txt", published=dt.date(2021, 5, 3)))
    assert [e.place.country for e in facts.events if e.place] == ["India"]
    assert facts.events[0].killed is not None and facts.events[0].killed.low == 1


def test_a_town_named_after_a_word_of_place_is_found_where_the_ner_misses_it() -> None:
    """The NER takes some Lusophone and Arabic town names for people, or misses them; after
    "in" or "near" the gazetteer decides."""
    place = _event_place(
        "Insurgents in Mozambique stormed police posts in Mueda on Monday, killing six officers."
    )
    assert (place.name, place.country) == ("Mueda", "Mozambique")


def test_a_month_or_a_person_after_in_is_no_place() -> None:
    names = [p.name for p in _places("In March, officials met in Geneva with Ahmed Shah.")]
    assert "March" not in names and "Ahmed Shah" not in names


def test_the_divisions_in_brackets_hold_the_place_before_them() -> None:
    """A report lists the divisions that hold a village in brackets; the NER reads them as
    people or organisations, and a village named like a town abroad stays in their country."""
    (lima,) = [p for p in _places("On Sunday gunmen burned Lima (Filingue), killing two.")][:1]
    assert (lima.name, lima.country) == ("Lima", "Niger")


def test_an_adjective_says_who_fought_not_where() -> None:
    place = _event_place(
        "On Monday Russian instructors and soldiers raided Abala (Ouallam), killing three herders."
    )
    assert place.country == "Niger"


def test_a_division_named_with_a_direction_is_the_division() -> None:
    assert any(c.country == "Myanmar" for c in gazetteer().lookup("Kayah-South"))


def test_the_name_after_a_district_holds_it() -> None:
    """ "in Kajaki district, Helmand": the province after the comma places the district the
    gazetteer lacks; a quoted name keeps no quotes."""
    text = "Two guards were shot dead in the 'Zardak' area of Kajakay district, Nimroz."
    names = {p.name: p.country for p in _places(text)}
    assert names["Zardak"] == "Afghanistan" and names["Kajakay"] == "Afghanistan"


def test_a_division_goes_by_its_english_spelling_but_a_town_keeps_its_name() -> None:
    assert [c.kind for c in gazetteer().lookup("Middle Shabelle")][:1] == ["region"]
    assert gazetteer().lookup("Homs")[0].kind == "city"
