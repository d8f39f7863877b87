"""Relations between groups, pinned on sentences written here: one per way news states a
relation (a hyphenated modifier, an apposition, a relation noun, a predicate, a verb), each
typed, with the stretch that states it as evidence; and sentences that name two groups, or a
group and a backer, without stating any relation between them."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract import extract
from dossier.model import RELATION_TYPES, STATE, Document, Facts
from dossier.vocab.relations import relation_cues


def _facts(text: str) -> Facts:
    return extract(Document("t", text, "h", "t.txt", published=dt.date(2024, 3, 1)))


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(r.subject, r.type, r.object) for r in _facts(text).relations}


STATED = [
    # Hyphenated modifiers: the side before the hyphen, the group the phrase names.
    ("Iran-backed Hezbollah fired rockets at a border post.", "Hezbollah", "backed_by", "Iran"),
    ("The Iranian-backed Houthi rebels fired a missile at a ship.", "Houthis", "backed_by", "Iran"),
    ("Tehran-backed Hezbollah shelled the hills.", "Hezbollah", "backed_by", "Iran"),
    ("The U.S.-backed Syrian Democratic Forces held the town.", "Syrian Democratic Forces",
     "backed_by", "United States"),
    ("The al-Qaeda-linked Ansar Dine seized the town.", "Ansar Dine", "linked_to", "al-Qaeda"),
    ("Hamas-allied Palestinian Islamic Jihad fired mortars.", "Palestinian Islamic Jihad",
     "allied_with", "Hamas"),
    ("The Houthis are an Iran-aligned movement.", "Houthis", "allied_with", "Iran"),
    ("Hezbollah, the Iran-backed group, fired rockets.", "Hezbollah", "backed_by", "Iran"),
    # Appositions and predicate nominals with a relation noun.
    ("Katiba Macina, an al-Qaeda affiliate, ambushed the convoy.", "Katiba Macina",
     "affiliated_with", "al-Qaeda"),
    ("Al-Shabaab, a branch of al-Qaeda, stormed the base.", "al-Shabaab", "branch_of", "al-Qaeda"),
    ("Al-Shabaab, al-Qaeda's affiliate in Somalia, shelled the port.", "al-Shabaab",
     "affiliated_with", "al-Qaeda"),
    ("The Islamic State Mozambique Province, the local franchise of the Islamic State, raided "
     "the village.", "Islamic State Mozambique Province", "branch_of", "Islamic State"),
    ("Ansaru, a splinter faction of Boko Haram, kidnapped the engineers.", "Ansaru",
     "split_from", "Boko Haram"),
    ("Ansaru is a breakaway group of Boko Haram.", "Ansaru", "split_from", "Boko Haram"),
    ("Hamas, an ally of Hezbollah, praised the strike.", "Hamas", "allied_with", "Hezbollah"),
    ("Hay'at Tahrir al-Sham, a former al-Qaeda affiliate, controls Idlib.",
     "Hay'at Tahrir al-Sham", "split_from", "al-Qaeda"),
    ("Al-Shabaab's rival Islamic State Somalia Province bombed the checkpoint.",
     "Islamic State Somalia Province", "rival_of", "al-Shabaab"),
    ("Jama'at Nusrat al-Islam wal-Muslimin was formed in 2017 as al-Qaeda's branch in the Sahel.",
     "Jama'at Nusrat al-Islam wal-Muslimin", "branch_of", "al-Qaeda"),
    ("Ansaru was formed in 2012. The group's parent organisation, al-Qaeda in the Islamic "
     "Maghreb, sent trainers.", "Ansaru", "branch_of", "al-Qaeda in the Islamic Maghreb"),
    # Predicates with their preposition, and verbs.
    ("The attack was carried out by Boko Haram, which is linked to the Islamic State.",
     "Boko Haram", "linked_to", "Islamic State"),
    ("The Haqqani Network is loyal to the Taliban.", "Haqqani Network", "affiliated_with",
     "Taliban"),
    ("The Houthis, supported by Iran, have attacked ships.", "Houthis", "backed_by", "Iran"),
    ("Iran arms the Houthis.", "Houthis", "backed_by", "Iran"),
    ("Abu Sayyaf has pledged allegiance to the Islamic State.", "Abu Sayyaf", "affiliated_with",
     "Islamic State"),
    ("Islamic State Somalia Province broke away from al-Shabaab in 2015.",
     "Islamic State Somalia Province", "split_from", "al-Shabaab"),
    ("Boko Haram and ISWAP are bitter rivals.", "Boko Haram", "rival_of",
     "Islamic State West Africa Province"),
    ("Hamas is backed by Qatar and Iran.", "Hamas", "backed_by", "Iran"),
    ("Hezbollah, Iran's main proxy in the region, fired rockets.", "Hezbollah", "backed_by",
     "Iran"),
    ("The ISIS affiliate ISWAP claimed the attack.", "Islamic State West Africa Province",
     "affiliated_with", "Islamic State"),
    ("Somali officials said a cell of al-Shabaab, the insurgents linked to al-Qaeda, planted "
     "the bomb.", "al-Shabaab", "linked_to", "al-Qaeda"),
    ("Critics said the deal had no commitment from the Taliban to break its ties with al-Qaeda.",
     "Taliban", "linked_to", "al-Qaeda"),
    ("Fighters from Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's affiliate in the "
     "Sahel, raided an army post on Sunday.", "Jama'at Nusrat al-Islam wal-Muslimin",
     "affiliated_with", "al-Qaeda"),
    ("JNIM, which was formed in 2017, has been competing with the Islamic State in the Greater "
     "Sahara for recruits.", "Jama'at Nusrat al-Islam wal-Muslimin", "rival_of",
     "Islamic State in the Greater Sahara"),
    ("The Houthis, Hamas and Hezbollah, Iran's proxies, have all fired at Israel.", "Hamas",
     "backed_by", "Iran"),
    ("The raid was claimed by Abu Sayyaf, which pledged allegiance to the Islamic State in 2014.",
     "Abu Sayyaf", "affiliated_with", "Islamic State"),
    # Hedged: what is believed is still stated (who believes it is the source where named).
    ("The raid was blamed on Ansaru, believed to be linked to al-Qaeda in the Islamic Maghreb.",
     "Ansaru", "linked_to", "al-Qaeda in the Islamic Maghreb"),
    ("Ansaru, a group with links to al-Qaeda, kidnapped the engineers.", "Ansaru", "linked_to",
     "al-Qaeda"),
    ("Hezbollah is widely seen as Iran's most powerful proxy.", "Hezbollah", "backed_by", "Iran"),
    # "its": the name it is coordinated with, or the subject of its clause.
    ("Al-Shabaab and its rival Islamic State Somalia Province both claimed attacks.",
     "Islamic State Somalia Province", "rival_of", "al-Shabaab"),
    ("The Islamic State said its affiliate ISWAP carried out the raid.",
     "Islamic State West Africa Province", "affiliated_with", "Islamic State"),
    ("ISWAP attacked its rival Boko Haram near the lake.", "Boko Haram", "rival_of",
     "Islamic State West Africa Province"),
    # Groups the registry does not know.
    ("A group calling itself the Sahel Liberation Front, an affiliate of al-Qaeda, claimed the "
     "ambush.", "Sahel Liberation Front", "affiliated_with", "al-Qaeda"),
    ("Fighters from the Eastern Front militia, backed by Iran, shelled the town.", "Eastern Front",
     "backed_by", "Iran"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "subject", "kind", "obj"), STATED)
def test_relation_is_read_with_its_evidence(text: str, subject: str, kind: str, obj: str) -> None:
    facts = _facts(text)
    relation = next(
        r for r in facts.relations if (r.subject, r.type, r.object) == (subject, kind, obj)
    )
    quote = text[relation.evidence.start : relation.evidence.end]
    names = {a.name: a for a in facts.actors}
    for side in (subject, obj):
        # The quote holds a mention of each side ("the group" included): the stretch that
        # states the relation, not the whole sentence.
        ev = relation.evidence
        assert any(ev.start <= m.evidence.start < ev.end for m in names[side].mentions), quote
    assert len(quote) < len(text)


def test_a_list_shares_the_relation_stated_after_it() -> None:
    triples = _triples("Ansar Dine and Katiba Macina, both affiliated with al-Qaeda, merged.")
    assert ("Ansar Dine", "affiliated_with", "al-Qaeda") in triples
    assert ("Katiba Macina", "affiliated_with", "al-Qaeda") in triples


def test_a_name_in_the_possessive_states_its_parent() -> None:
    facts = _facts("The Islamic State's West Africa Province claimed the ambush.")
    (relation,) = facts.relations
    assert (relation.subject, relation.type, relation.object) == (
        "Islamic State West Africa Province",
        "branch_of",
        "Islamic State",
    )
    assert facts.document.text[relation.evidence.start : relation.evidence.end] == (
        "Islamic State's West Africa Province"
    )


def test_a_name_the_phrase_calls_a_group_is_an_armed_group() -> None:
    # The NER takes such Arabic names for people; "an Iran-backed militia" says what it is.
    facts = _facts("Kataib Sayyid al-Shuhada, an Iran-backed militia, denied involvement.")
    assert {(r.subject, r.type, r.object) for r in facts.relations} == {
        ("Kataib Sayyid al-Shuhada", "backed_by", "Iran")
    }
    assert {a.name: a.kind for a in facts.actors}["Kataib Sayyid al-Shuhada"] == "armed_group"


def test_a_backing_state_is_an_actor_of_kind_state() -> None:
    facts = _facts("Rwanda-backed M23 rebels seized the town of Bunagana.")
    assert ("M23", "backed_by", "Rwanda") in {
        (r.subject, r.type, r.object) for r in facts.relations
    }
    assert {a.name: a.kind for a in facts.actors}["Rwanda"] == STATE


def test_who_states_the_relation_is_its_source() -> None:
    facts = _facts("According to the UN, the Houthis are backed by Iran.")
    assert [r.evidence.source for r in facts.relations] == ["UN"]
    facts = _facts("Ansaru, believed by US officials to be an affiliate of al-Qaeda, struck.")
    assert [(r.subject, r.type, r.object, r.evidence.source) for r in facts.relations] == [
        ("Ansaru", "affiliated_with", "al-Qaeda", "US officials")
    ]


NOT_STATED = [
    # A modifier that describes no named group, or names no group or state before its hyphen.
    "Police arrested members of an ISIS-affiliated cell in the capital.",
    "Tehran-backed militias in Iraq claimed the drone attack on Hezbollah positions.",
    "Al-Shabaab, which aims to topple the Western-backed government, attacked the base.",
    "Reporting by SDF-linked outlets said 50 Islamic State gunmen took part.",
    "Jaish-e-Mohammed, a Pakistan-based militant group, claimed the bombing.",
    "The Islamic State's Somali affiliate claimed the bombing of the Hamas office.",
    # Two groups in one sentence, nothing said of how they relate.
    "Hamas and Hezbollah fighters attacked the outpost.",
    "The Taliban said al-Qaeda had no presence in Afghanistan.",
    "Lashkar-e-Taiba and Jaish-e-Mohammed, both Pakistan-based groups, were blamed.",
    "Boko Haram attacked the town, killing people with ties to ISWAP.",
    "The attackers had links to al-Qaeda, the police chief said, after Boko Haram raided the town.",
    "Al-Shabaab fighters killed five soldiers and Islamic State militants killed two civilians "
    "linked to the army.",
    "Ansar Dine, Katiba Macina and the Sahara branch of al-Qaeda in the Islamic Maghreb merged.",
    "The Saudi-led coalition struck Houthi positions.",
    "Police detained two Hamas members, the Iran-backed group's leaders said.",
    # A person is no group: "a commander loyal to", "an ally of" say nothing of a group.
    "Abu Omar, a commander loyal to the Islamic State, was killed.",
    "Muqtada al-Sadr, an ally of Hezbollah, spoke on Friday.",
    "Hezbollah killed an ally of Hamas.",
    "Hezbollah said Israel struck its ally Hamas.",
    "Hamas, a former ally of Hezbollah, condemned the strike.",
    "Al-Shabaab threatened to break away from al-Qaeda.",
    "Hezbollah killed a commander, an affiliate of Hamas said.",
    "Boko Haram attacked a splinter group of ISWAP near the lake.",
    # A singular apposition after a list describes its last name only.
    "Hamas and Hezbollah, a group backed by Iran, fired rockets.",
    # A cue the nearest group owns: the group named first is not its subject.
    "Al-Shabaab attacked the town while ISWAP, a branch of the Islamic State, raided a base.",
]


@pytest.mark.parametrize("text", NOT_STATED)
def test_no_relation_where_none_is_stated(text: str) -> None:
    triples = _triples(text)
    if text.startswith("Al-Shabaab attacked the town while"):
        assert triples == {("Islamic State West Africa Province", "branch_of", "Islamic State")}
    elif text.startswith("Hamas and Hezbollah, a group"):
        assert triples == {("Hezbollah", "backed_by", "Iran")}
    else:
        assert triples == set()


def test_a_splinter_is_no_branch() -> None:
    assert _triples("Ansaru, a splinter faction of Boko Haram, kidnapped the engineers.") == {
        ("Ansaru", "split_from", "Boko Haram")
    }


def test_every_cue_names_a_type_of_the_closed_vocabulary() -> None:
    cues = relation_cues()
    assert cues.types <= set(RELATION_TYPES)
    assert cues.state_types <= cues.types


def test_a_modifier_before_a_noun_and_the_name_after_it_relates_that_name() -> None:
    """ "The Hamas-allied faction Palestinian Islamic Jihad": the parser makes the name a second
    subject beside the noun, not its apposition; the relation is still the name's."""
    facts = extract(
        Document(
            "t",
            "The Hamas-allied faction Palestinian Islamic Jihad fired rockets on Monday.",
            "h",
            "t.txt",
            published=dt.date(2023, 1, 10),
        )
    )
    assert ("Palestinian Islamic Jihad", "allied_with", "Hamas") in {
        (r.subject, r.type, r.object) for r in facts.relations
    }
