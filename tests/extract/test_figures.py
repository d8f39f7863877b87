"""Casualty figures as a reader counts them: parts add up to one toll, a sub-count is no rival
toll, one person named or marked by an article counts as one, and a campaign's toll is no
attack's."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract import extract
from dossier.model import Count, Document, Event


def _events(text: str) -> list[Event]:
    document = Document("t", text, "h", "t", published=dt.date(2022, 5, 10))
    return list(extract(document).events)


def _killed(text: str) -> Count | None:
    events = _events(text)
    assert events, "the attack is an event"
    return events[0].killed


def _kinds(text: str) -> set[tuple[str, int | None]]:
    return {(f.kind, f.count.low) for e in _events(text) for f in e.reports}


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Gunmen shot and killed a fighter in Kunduz on Monday.", 1),
        ("Two men were found dead in Gao on Monday after the raid.", 2),
        ("A shopkeeper was shot to death in Mandera on Monday.", 1),
        ("The attack in Kismayo on Monday caused 6 fatalities.", 6),
        ("Gunmen attacked a bus in Mosul on Monday, killing Ali Hassan and Omar Said.", 2),
        ("Gunmen shot dead the village chief in Djibo on Monday.", 1),
        ("Militants executed two hostages near Boni on Monday.", 2),
        # "and a man killed in an airstrike": one more dead of the same verb, added.
        ("Two fighters were killed in Douma on Monday and a herder killed in an airstrike.", 3),
        ("Three bodies of men taken from the market were found near Nara on Monday.", 3),
    ],
)
def test_one_death_toll_from_words_articles_and_names(text: str, low: int) -> None:
    killed = _killed(text)
    assert killed is not None and killed.low == low


def test_parts_of_an_enumeration_add_up() -> None:
    killed = _killed("Militants raided a camp in Menaka on Monday. Three guards and two men died.")
    assert killed is not None and (killed.low, killed.high) == (5, 5)
    assert killed.text == "Three guards and two men"


def test_a_breakdown_after_a_toll_is_no_rival_toll() -> None:
    text = (
        "A bomb exploded at a market in Maiduguri on Monday, killing 18 people, 12 traders "
        "and 6 buyers."
    )
    assert _kinds(text) == {("killed", 18)}


def test_including_is_a_part() -> None:
    text = "A car bomb in Mogadishu on Monday killed 20 people, including 4 policemen."
    assert _kinds(text) == {("killed", 20)}


def test_attackers_are_their_own_figure_and_add_to_the_dead() -> None:
    text = (
        "Gunmen stormed a hotel in Bamako on Monday, killing 9 guests. Troops later shot "
        "dead 3 assailants."
    )
    assert ("attackers_killed", 3) in _kinds(text) and ("killed", 9) in _kinds(text)
    killed = _killed(text)
    assert killed is not None and killed.low == 12


def test_a_toll_over_years_is_no_attack_toll() -> None:
    text = "Militants attacked a convoy in Borno on Monday. The conflict has killed 30,000 people."
    assert all(f.count.low != 30000 for e in _events(text) for f in e.reports)


def test_animals_are_not_people() -> None:
    text = "Raiders attacked herders near Kerou on Monday and killed 40 cows."
    assert all(e.killed is None for e in _events(text))


def test_a_range_keeps_both_bounds() -> None:
    text = "Fighters ambushed a patrol near Pogo on Monday. Between 4 and 9 soldiers died."
    killed = _killed(text)
    assert killed is not None and (killed.low, killed.high) == (4, 9)


def test_a_coded_toll_of_zero_is_the_lowest() -> None:
    text = (
        "On 3 May 2022, 3 soldiers were killed in an ambush by militants in Kunduz. "
        "Fatalities coded as 0."
    )
    killed = _killed(text)
    assert killed is not None and killed.low == 0


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # The doers are not the dead.
        ("On Monday, 12 gunmen shot and killed a teacher in Kano.", 1),
        # "one" inside a word counts no one.
        ("A drone strike hit a compound in Kunar on Monday, killing 4 militants.", 4),
        # A leader and a number of his men are one toll.
        ("Troops raided a camp in Bria on Monday. The rebel leader and 9 of his men died.", 10),
        # Hostages who are killed are dead, not abducted.
        ("Gunmen seized a bus in Diyala on Monday. Three hostages were killed later.", 3),
        # The bomber dies with his victims.
        (
            "A suicide bomber struck a market in Kabul on Monday. In addition to the bomber, 6 "
            "people were killed.",
            7,
        ),
        ("Gunmen opened fire on a van in Karachi on Monday. Both officers were killed.", 2),
        ("Militants ambushed a patrol in Ghor on Monday; 3-5 policemen were killed.", 3),
    ],
)
def test_who_is_counted(text: str, low: int) -> None:
    killed = _killed(text)
    assert killed is not None and killed.low == low


def test_a_split_after_a_toll_is_its_breakdown() -> None:
    text = (
        "Rebels attacked a convoy near Bambari on Monday. Six people died, four among the "
        "soldiers and two among civilians."
    )
    assert _kinds(text) == {("killed", 6)}


def test_a_toll_across_several_attacks_is_none_of_them() -> None:
    text = "A bomb exploded in Basra on Monday. Nine people died across both blasts."
    assert all(e.killed is None for e in _events(text))


def test_the_seized_are_people_only() -> None:
    text = "Militants attacked a base in Gao on Monday and seized several vehicles."
    assert all(f.kind != "abducted" for e in _events(text) for f in e.reports)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # Members chained by apposition or as a second subject are one enumeration.
        ("On Monday, 3 militiamen, 1 soldier, and 1 guard were killed in an attack in Gao.", 5),
        # The number hangs on a name before the noun it counts.
        (
            "A bomb hit a convoy in Herat on Monday. Two United Nations (UN) guards and one "
            "driver were killed.",
            3,
        ),
        # "shot and killed": the joined verb says what befell the subjects.
        ("On Monday, 1 guard and 2 farmers were shot and killed by gunmen in Gao.", 3),
    ],
)
def test_an_enumeration_is_one_toll(text: str, low: int) -> None:
    killed = _killed(text)
    assert killed is not None and killed.low == low


def test_alternatives_are_rival_readings_not_parts() -> None:
    text = "Rebels clashed with troops in Ndele on Monday. Zero, one or two people were killed."
    killed = _killed(text)
    assert killed is not None and killed.low == 0


def test_attackers_in_an_enumeration_stay_apart_from_a_lower_toll() -> None:
    text = (
        "Militants stormed a base in Gao on Monday. 30 soldiers and 4 assailants were killed. "
        "The army said 9 soldiers were killed."
    )
    kinds = _kinds(text)
    assert ("attackers_killed", 4) in kinds
    killed = _killed(text)
    assert killed is not None and killed.low == 13


def test_a_numeric_date_is_no_person() -> None:
    text = "05/26/2013: A gunman shot and killed a police commander in Mukalla, Yemen."
    killed = _killed(text)
    assert killed is not None and killed.low == 1


@pytest.mark.parametrize(
    "text",
    [
        # A name the tagger does not know as a person is still one.
        "Gunmen opened fire on Tomas Quillabamba in Cusco city, Peru. Quillabamba was killed.",
        # The article hangs on a word of the noun's compound.
        "On Monday, soldiers shot and killed the Boali town imam in Boali.",
        # A pronoun as the one killed.
        "On Monday, gunmen fired at a trader in a market in Kano. He was killed in the attack.",
    ],
)
def test_one_person_named_marked_or_told_by_a_pronoun(text: str) -> None:
    killed = _killed(text)
    assert killed is not None and killed.low == 1
