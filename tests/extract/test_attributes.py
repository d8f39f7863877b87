"""Attributes of a group (founding, names, leaders, strength, assessors): the seed's, each cited
by the words that state it, and sentences written here for each way news states one, and for
counts that are tolls or attack parties, never a strength."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract import extract
from dossier.model import ATTRIBUTE_KINDS, Attribute, Document, Facts
from tests.conftest import SHARED, load_document

ISK = "Islamic State Khorasan Province"


def _facts(text: str) -> Facts:
    return extract(Document("t", text, "h", "t.txt", published=dt.date(2024, 3, 1)))


def _of(facts: Facts, kind: str) -> list[Attribute]:
    return [a for a in facts.attributes if a.kind == kind]


@pytest.fixture(scope="module")
def seed_facts(seed_document: Document) -> Facts:
    return extract(seed_document)


def test_every_attribute_is_cited_by_the_words_that_state_it(seed_facts: Facts) -> None:
    text = seed_facts.document.text
    assert seed_facts.attributes
    for a in seed_facts.attributes:
        assert a.kind in ATTRIBUTE_KINDS
        quote = text[a.evidence.start : a.evidence.end]
        assert a.evidence.document_id == seed_facts.document.id
        if a.kind in ("founded", "founder", "name", "strength"):
            assert a.value in quote, (a, quote)
        assert len(quote) < 160, quote


def test_seed_founding_is_january_2015_from_the_pakistani_taliban(seed_facts: Facts) -> None:
    text = seed_facts.document.text
    (founded,) = [a for a in _of(seed_facts, "founded") if a.about == ISK]
    assert founded.date is not None
    assert (founded.date.value, founded.date.precision) == ("2015-01", "month")
    assert text[founded.evidence.start : founded.evidence.end] == "IS-K was founded in January 2015"
    origins = [a for a in _of(seed_facts, "origin") if a.about == ISK]
    assert [a.value for a in origins] == ["Tehrik-i-Taliban Pakistan"]
    assert "Pakistani Taliban" in text[origins[0].evidence.start : origins[0].evidence.end]


def test_seed_strength_hundreds_at_founding_and_the_surrender(seed_facts: Facts) -> None:
    strengths = {a.role: a for a in _of(seed_facts, "strength") if a.about == ISK}
    start = strengths["at founding"]
    assert start.count is not None and start.value.startswith("hundreds")
    surrendered = strengths["surrendered"]
    assert surrendered.count is not None and surrendered.count.low == 1401
    quote = seed_facts.document.text[surrendered.evidence.start : surrendered.evidence.end]
    assert quote.startswith("surrender of more than 1,400")
    assert surrendered.date is not None and surrendered.date.value.startswith("2019")


def test_seed_names_iep_csis_and_the_ctc_as_assessors(seed_facts: Facts) -> None:
    sources = {a.value for a in _of(seed_facts, "source") if a.about == ISK}
    assert sources == {
        "Institute for Economics and Peace",
        "Center for Strategic and International Studies",
        "Combating Terrorism Center",
    }
    names = {a.value for a in _of(seed_facts, "name") if a.about == ISK}
    assert {"ISISK", "IS-K", "ISKP"} <= names


def test_news_spokesmen_are_leaders_with_their_whole_names() -> None:
    facts = extract(load_document(SHARED / "eval" / "somalia-shabaab-laanta-buuro.txt"))
    leaders = [(a.about, a.value, a.role) for a in _of(facts, "leader")]
    assert ("al-Shabaab", "Sheikh Abdiasis Abu Musab", "spokesman") in leaders
    facts = extract(load_document(SHARED / "eval" / "kashmir-let-pampore.txt"))
    leaders = [(a.about, a.value, a.role) for a in _of(facts, "leader")]
    assert leaders == [("Lashkar-e-Taiba", "Dr Abdullah Gaznavi", "spokesman")]


STATED = [
    ("Al-Shabaab was founded in 2006 in Mogadishu.", "founded", "2006"),
    ("Al-Shabaab was founded in 2006 in Mogadishu.", "founding_place", "Mogadishu"),
    ("Boko Haram was founded by Mohammed Yusuf in 2002.", "founder", "Mohammed Yusuf"),
    (
        "Hayat Tahrir al-Sham, formerly known as the Nusra Front, holds Idlib.",
        "name",
        "Nusra Front",
    ),
    (
        "In 2016 the Nusra Front renamed itself Jabhat Fateh al-Sham.",
        "name",
        "Jabhat Fateh al-Sham",
    ),
    ("Boko Haram leader Abubakar Shekau was killed in May 2021.", "leader", "Abubakar Shekau"),
    ("The emir of ISWAP, Abu Musab al-Barnawi, was captured.", "leader", "Abu Musab al-Barnawi"),
    ("The Taliban, led by Hibatullah Akhundzada, took Kabul.", "leader", "Hibatullah Akhundzada"),
    (
        "Al-Shabaab has between 5,000 and 7,000 fighters, according to US officials.",
        "strength",
        "between 5,000 and 7,000 fighters",
    ),
]


@pytest.mark.parametrize(("sentence", "kind", "value"), STATED)
def test_each_way_of_stating_an_attribute(sentence: str, kind: str, value: str) -> None:
    facts = _facts(sentence)
    values = [a.value for a in _of(facts, kind)]
    assert value in values, facts.attributes


def test_a_leaders_fate_and_role() -> None:
    (leader,) = _of(_facts("Boko Haram leader Abubakar Shekau was killed in May 2021."), "leader")
    assert (leader.role, leader.fate) == ("leader", "killed")
    assert leader.date is not None and leader.date.value == "2021-05"


NOT_STRENGTH = [
    "Troops killed 34 al-Shabaab militants on Sunday.",
    "Over 50 Islamic State gunmen were involved in the attack on Raqqa.",
    "Hezbollah said five of its fighters have been killed in south Lebanon.",
    "Al-Shabaab formed an alliance with local clans in 2010.",
]


def test_an_area_is_the_groups_only_when_the_parse_says_so() -> None:
    facts = _facts("Al-Qaeda accepted the pledge of a group of militants based in Afghanistan.")
    assert not _of(facts, "area"), facts.attributes


@pytest.mark.parametrize("sentence", NOT_STRENGTH)
def test_tolls_and_attack_parties_are_not_a_strength_or_founding(sentence: str) -> None:
    facts = _facts(sentence)
    assert not _of(facts, "strength") and not _of(facts, "founded"), facts.attributes
