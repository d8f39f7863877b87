"""Events, relations, claims and victim categories: on the seed against its gold, and on
articles written here to pin one behaviour each."""

from __future__ import annotations

import datetime as dt

from dossier.extract import extract
from dossier.extract.events.merge import PLACE_RANK, PRECISION_RANK, STANCE_RANK
from dossier.extract.events.perpetrators import BRANCH_RELATIONS
from dossier.model import DATE_PRECISIONS, PLACE_KINDS, RELATION_TYPES, STANCES, Document
from dossier.vocab.places import gazetteer
from tests.conftest import SHARED, load_document


def _doc(text: str, published: str = "2023-01-20") -> Document:
    return Document("t", text, "h", "t.txt", published=dt.date.fromisoformat(published))


def test_seed_attack_matches_gold(seed_document: Document, seed_gold: dict) -> None:
    facts = extract(seed_document)
    gold = seed_gold["events"][0]
    attack = next(e for e in facts.events if e.type != "surrender")
    assert attack.type == gold["type"] and attack.suicide is gold["suicide"]
    assert attack.date is not None and attack.date.value == gold["date"]
    assert attack.place is not None and attack.place.name == gold["place"]
    assert attack.place.country == gold["country"]
    assert attack.perpetrator == gold["perpetrator"] and attack.attribution == gold["attribution"]
    assert attack.killed is not None and attack.killed.low == gold["killed"]["more_than"] + 1
    assert "13 US service members" in attack.victims
    surrender = next(e for e in facts.events if e.type == "surrender")
    assert surrender.count is not None and surrender.count.low == 1401


def test_merge_ranks_every_stance_precision_and_place_kind() -> None:
    assert set(STANCE_RANK) == set(STANCES)
    assert set(PRECISION_RANK) == set(DATE_PRECISIONS)
    assert set(PLACE_RANK) == set(PLACE_KINDS)
    assert set(BRANCH_RELATIONS) <= set(RELATION_TYPES)


def test_seed_relations_match_gold(seed_document: Document, seed_gold: dict) -> None:
    facts = extract(seed_document)
    found = {(r.subject, r.type, r.object) for r in facts.relations}
    for gold in seed_gold["relations"]:
        triple = (gold["subject"], gold["type"], gold["object"])
        reverse = (gold["object"], gold["type"], gold["subject"])
        assert triple in found or (gold["type"] == "rival_of" and reverse in found), triple
    linked = next(r for r in facts.relations if r.type == "linked_to")
    assert linked.evidence.source == "intelligence community"


def test_seed_victim_categories_all_found(seed_document: Document, seed_gold: dict) -> None:
    facts = extract(seed_document)
    assert set(seed_gold["victim_categories"]) <= {v.category for v in facts.victim_categories}
    for victim in facts.victim_categories:
        ev = victim.evidence
        assert ev.document_id == seed_document.id and ev.start < ev.end


def test_claims_name_their_source(seed_document: Document) -> None:
    facts = extract(seed_document)
    sources = {(c.source, c.about) for c in facts.claims}
    assert (
        "Center for Strategic and International Studies",
        "Islamic State Khorasan Province",
    ) in sources
    for claim in facts.claims:
        ev = claim.evidence
        assert ev.document_id == seed_document.id and ev.start < ev.end


def test_conflicting_figures_are_kept_with_their_sources() -> None:
    facts = extract(
        _doc(
            "Gunmen attacked a police post in Bannu on Thursday, killing three officers, "
            "police said. The Pakistani Taliban said in a statement that its fighters "
            "killed nine policemen in the attack."
        )
    )
    (event,) = facts.events
    figures = {(f.source, f.count.low) for f in event.reports if f.kind == "killed"}
    assert ("police", 3) in figures and ("Tehrik-i-Taliban Pakistan", 9) in figures
    assert event.perpetrator == "Tehrik-i-Taliban Pakistan"
    assert event.date is not None and event.date.value == "2023-01-19"


def test_each_figure_cites_the_sentence_that_states_it() -> None:
    document = _doc(
        "Gunmen attacked a police post in Bannu on Thursday, killing three officers, "
        "police said. The Pakistani Taliban said in a statement that its fighters "
        "killed nine policemen in the attack.  "
    )
    (event,) = extract(document).events
    quotes = set()
    for figure in event.reports:
        assert figure.evidence is not None and figure.evidence.source == figure.source
        quote = document.text[figure.evidence.start : figure.evidence.end]
        assert figure.count.text in quote and quote == quote.strip()
        quotes.add(quote)
    assert quotes == {
        "Gunmen attacked a police post in Bannu on Thursday, killing three officers, police said.",
        "The Pakistani Taliban said in a statement that its fighters killed nine policemen in "
        "the attack.",
    }


def test_parent_claim_for_a_branch() -> None:
    facts = extract(
        _doc(
            "Islamic State said on Tuesday that ISWAP fighters ambushed a military patrol "
            "near Monguno, killing 12 soldiers.",
            "2021-03-03",
        )
    )
    (event,) = facts.events
    assert event.perpetrator == "Islamic State West Africa Province"
    assert event.type == "ambush"


def test_generalities_are_not_events() -> None:
    facts = extract(
        _doc(
            "Al-Shabaab has carried out many bloody attacks over the years. "
            "Its attacks are a threat to the region."
        )
    )
    assert facts.events == ()


def test_plural_doers_or_weapons_beside_a_verb_tell_one_attack() -> None:
    for text in (
        "Gunmen opened fire on traders in Kano city, Kano state, Nigeria. Four traders were "
        "killed in the attack.",
        "An explosives-laden truck detonated in Kirkuk city, Iraq. Four people were killed in "
        "the blast.",
    ):
        (event,) = extract(_doc(text)).events
        assert event.killed is not None and event.killed.low == 4


def test_real_articles_extract_events_with_evidence() -> None:
    for path in sorted((SHARED / "eval").glob("*.txt")):
        document = load_document(path)
        facts = extract(document)
        assert facts.events, path.name
        for event in facts.events:
            ev = event.evidence
            assert ev.document_id == document.id and 0 <= ev.start < ev.end <= len(document.text)


def test_places_resolve_with_country_context() -> None:
    places = gazetteer()
    assert places.lookup("Niger")[0].kind == "country"
    assert places.lookup("Kabul")[0].country == "Afghanistan"
    assert places.lookup("Nangarhar")[0].kind == "region"
    facts = extract(_doc("A bomb exploded in Kabul on Monday, Afghan officials said."))
    (event,) = facts.events
    assert event.place is not None and event.place.country == "Afghanistan"
    assert event.place.lat is not None


def test_a_group_named_as_what_was_attacked_is_not_the_perpetrator() -> None:
    facts = extract(
        _doc(
            "Nigerian troops killed twelve ISWAP fighters near Monguno on Tuesday, the army "
            "said. Five ISWAP commanders were killed in the raid.",
            published="2023-03-02",
        )
    )
    assert facts.events, "the raid is an event"
    assert all(e.perpetrator != "Islamic State West Africa Province" for e in facts.events)


def test_the_words_conflict_reports_use_for_violence_are_events() -> None:
    """Landmines, gunfights, artillery shells, beatings and shootings that only wound are the
    daily matter of conflict monitoring; each is an event of its kind."""
    cases = {
        "A truck hit a landmine near Gao on Sunday, killing two drivers.": "bombing",
        "A gunfight between two armed factions left three dead in Bria on Monday.": "clash",
        "Soldiers fired artillery shells at a village in Sagaing on Friday.": "shelling",
        "Militiamen beat 4 farmers in Bossangoa on Tuesday.": "attack",
        # A shooting is an armed assault, as GTD's coders type it.
        "Border guards shot and injured a trader near Benapole on Thursday.": "armed_assault",
        "Assailants attacked a checkpoint in Kunduz on Monday and a firefight followed.": (
            "armed_assault"
        ),
    }
    for text, kind in cases.items():
        events = extract(_doc(text)).events
        assert [e.type for e in events] == [kind], (text, events)


def test_a_trigger_sentence_that_tells_nothing_particular_adds_to_the_attack_just_told() -> None:
    """ "The attackers carried rifles and grenades": no attack of its own, but the weapons of the
    one before it."""
    text = (
        "Gunmen stormed a police post in Kolda town, Senegal on Monday. The attackers carried "
        "rifles and grenades."
    )
    (event,) = extract(_doc(text, published="2022-04-12")).events
    assert set(event.weapon) == {"rifles", "grenades"}


def test_an_exact_toll_wins_over_at_least_the_same_number() -> None:
    """ "Killing at least one" in the lede and "only one soldier died" in a quote later: the
    quote tells the toll exactly, and a clause with its own subject ("but the raiders took nine
    trucks") does not make the dead the doers."""
    facts = extract(
        _doc(
            "Fighters stormed an army post in Dalwa on Sunday, killing at least one person. "
            '"Our men fell back - only one soldier died - but the raiders took nine trucks," '
            "an officer said."
        )
    )
    (event,) = facts.events
    assert event.killed is not None and (event.killed.low, event.killed.high) == (1, 1)


def test_a_known_town_in_the_body_places_an_attack_a_headline_puts_in_an_unknown_region() -> None:
    facts = extract(
        _doc(
            "Six guards killed in militant attack in Upper Kashmir\n\n"
            "Gunmen attacked a convoy in Pampore town on Saturday, killing six guards."
        )
    )
    (event,) = facts.events
    assert event.place is not None and event.place.name == "Pampore"
    assert event.place.country == "India"


def test_a_region_written_with_an_ampersand_is_the_region_not_its_first_town() -> None:
    facts = extract(_doc("Gunmen killed two guards in Jammu & Kashmir on Saturday."))
    (event,) = facts.events
    assert event.place is not None and event.place.kind == "region"
    assert event.place.country == "India"


def test_villages_of_a_town_name_an_area_so_the_village_the_body_names_places_the_attack() -> None:
    facts = extract(
        _doc(
            "Gunmen kill farmer in attack on Chibok villages\n\n"
            "Gunmen killed a farmer in Kautikari on Tuesday."
        )
    )
    (event,) = facts.events
    assert event.place is not None and event.place.name == "Kautikari"


def test_a_second_attack_at_another_town_the_same_time_is_its_own_incident() -> None:
    facts = extract(
        _doc(
            "On Tuesday night, militants attacked an army post in Raqqa city. "
            "Around the same time, the group also claimed an ambush on a patrol near Tabqa. "
            "Residents said the attack inside Raqqa city lasted an hour.",
            published="2019-10-10",
        )
    )
    by_place = {e.place.name: e for e in facts.events if e.place}
    assert set(by_place) == {"Raqqa", "Tabqa"}
    assert by_place["Tabqa"].type == "ambush"
    assert by_place["Tabqa"].date is not None and by_place["Tabqa"].date.value == "2019-10-08"


def test_a_group_that_reports_its_own_dead_is_not_the_doer() -> None:
    facts = extract(
        _doc("On Tuesday, Hezbollah said five of its fighters were killed in south Lebanon.")
    )
    (event,) = facts.events
    assert event.perpetrator is None
    assert event.killed is not None and event.killed.low == 5
    # The part of the country the text names is the place, a region of it.
    assert event.place is not None and (event.place.name, event.place.kind) == (
        "south Lebanon",
        "region",
    )
    assert event.place.country == "Lebanon"


def test_a_named_prison_places_the_attack_at_its_name() -> None:
    facts = extract(
        _doc("Gunmen attacked guards near Dalwa prison in Niger on Monday, killing one.")
    )
    (event,) = facts.events
    assert event.place is not None and event.place.name == "Dalwa"
    assert event.place.country == "Niger"


def test_an_attack_whose_toll_fell_in_the_fighting_is_an_armed_assault() -> None:
    facts = extract(
        _doc(
            "Militants attacked a convoy in Pampore on Saturday. "
            "A spokesman said 13 officials were killed in the fighting that lasted an hour."
        )
    )
    (event,) = facts.events
    assert event.type == "armed_assault"


def test_a_parent_claiming_for_one_of_several_branches_credits_that_branch() -> None:
    """The article names two Islamic State provinces; the one the parent claims for is the
    doer of the attack the parent's statement claims."""
    facts = extract(
        _doc(
            "The Islamic State claimed fighters from its West Africa Province carried out the "
            "attacks. The Islamic State statement also claimed an attack on soldiers near Dalwa "
            "prison on Monday. The Islamic State in the Greater Sahara is active in the west.",
            published="2019-05-16",
        )
    )
    (event,) = facts.events
    assert event.perpetrator == "Islamic State West Africa Province"


def test_the_prison_named_before_places_an_attack_told_without_a_place() -> None:
    facts = extract(
        _doc(
            "Guards at Dalwa prison in Niger repelled gunmen on Monday. "
            "The prison was previously attacked in October 2016.",
            published="2019-05-16",
        )
    )
    earlier = next(e for e in facts.events if e.date and e.date.value == "2016-10")
    assert earlier.place is not None and earlier.place.name == "Dalwa"


def test_a_strike_in_gaza_is_placed_in_the_gaza_strip_not_at_the_towns_that_protested() -> None:
    facts = extract(
        _doc(
            "A strike on a Gaza Strip hospital on Tuesday killed at least 500 people. "
            "The strike provoked protests on the streets of Amman, Tunis, Beirut and Tehran.",
            published="2023-10-18",
        )
    )
    (event,) = facts.events
    assert event.place is not None and (event.place.name, event.place.kind) == (
        "Gaza Strip",
        "region",
    )
    assert event.place.country == "Palestinian Territory"


def test_a_group_calling_itself_a_name_claims_as_that_name() -> None:
    facts = extract(
        _doc(
            "Gunmen killed 12 civilians at a market in the town of Djibo on Thursday. "
            "A group calling itself the Sahel Liberation Front claimed responsibility.",
            published="2023-06-16",
        )
    )
    (event,) = facts.events
    assert (event.perpetrator, event.attribution) == ("Sahel Liberation Front", "claimed")
    assert [c.name for c in event.claimants] == ["Sahel Liberation Front"]
    # "the town of Djibo" is a place, whatever the tagger guessed; no actor is made of it.
    assert event.place is not None and event.place.name == "Djibo"
    assert "Djibo" not in {a.name for a in facts.actors}


def test_a_country_the_tagger_takes_for_a_person_is_no_actor() -> None:
    facts = extract(
        _doc(
            "Gunmen killed 12 civilians in Djibo on Thursday. Burkina Faso has been battling "
            "an insurgency since 2015.",
            published="2023-06-16",
        )
    )
    assert not {"Burkina Faso", "Mali"} & {a.name for a in facts.actors}


def test_a_village_named_after_of_keeps_its_article_and_stops_at_the_full_stop() -> None:
    facts = extract(
        _doc(
            "Gunmen killed two farmers in the village of Dar al-Salam on Monday. The army said "
            "it was searching the area.",
        )
    )
    (event,) = facts.events
    assert event.place is not None and event.place.name == "Dar al-Salam"


def test_an_attack_told_in_passing_keeps_its_toll_and_the_story_goes_back_to_the_first() -> None:
    """ "The attack came two days after gunmen killed two soldiers in X": the earlier attack is
    an incident of its own, cited by its own clause; its toll is not the bombing's, and what the
    story says next is the bombing's again."""
    text = (
        "A suicide bomber killed nine officers at a police station in Bannu on Sunday. "
        "The attack came two days after gunmen killed two soldiers at a checkpoint in "
        "North Waziristan. Jamaat-ul-Ahrar claimed responsibility for the bombing."
    )
    facts = extract(_doc(text, published="2024-03-04"))
    by_place = {e.place.name: e for e in facts.events if e.place}
    bannu, earlier = by_place["Bannu"], by_place["North Waziristan"]
    assert bannu.killed is not None and bannu.killed.low == 9
    assert bannu.perpetrator == "Jamaat-ul-Ahrar"
    assert earlier.killed is not None and earlier.killed.low == 2
    assert text[earlier.evidence.start : earlier.evidence.end].startswith("after gunmen")


def test_a_toll_told_in_the_present_perfect_on_the_day_it_was_said_is_dated_to_that_month() -> None:
    # The day the group spoke is not the day its fighters fell: "have been killed" is some time
    # before, so the attack is dated to the month, not to the Tuesday.
    text = (
        "On Tuesday, the Front said four of its fighters have been killed near Kidal in "
        "northern Mali."
    )
    (event,) = extract(_doc(text, published="2024-03-14")).events
    assert (event.date.value, event.date.precision) == ("2024-03", "month")


def test_a_toll_told_in_the_past_on_the_day_it_was_said_keeps_that_day() -> None:
    # "had staged an attack ..., killing": news dates such a report's attack on the day told.
    text = (
        "Police in Kidal said Thursday that gunmen had staged an attack on a checkpoint, "
        "killing two guards."
    )
    (event,) = extract(_doc(text, published="2024-03-14")).events
    assert (event.date.value, event.date.precision) == ("2024-03-14", "day")


def test_the_day_a_group_called_for_protests_does_not_date_the_strike_it_condemned() -> None:
    text = (
        "Later on Monday, the movement called for protests to condemn a strike on a market "
        "in Gao. The strike has killed at least 30 people."
    )
    (event,) = extract(_doc(text, published="2024-03-14")).events
    assert (event.date.value, event.date.precision) == ("2024-03", "month")
