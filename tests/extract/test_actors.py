"""Actors and aliases: the registry, mined aliases, anaphora, and every span a real quote."""

from __future__ import annotations

from dossier.extract import extract
from dossier.extract.aliases import best_long_form
from dossier.model import ARMED_GROUP, Document, Facts
from dossier.vocab.fold import fold, name_key
from tests.conftest import CORPUS, SHARED, load_document


def _actor(facts: Facts, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in facts.actors if a.name == name)


def test_seed_finds_all_is_k_aliases_and_none_it_must_not(
    seed_document: Document, seed_gold: dict
) -> None:
    facts = extract(seed_document)
    gold_isk = seed_gold["actors"][0]
    isk = _actor(facts, gold_isk["canonical"])
    found = {name_key(a) for a in isk.aliases}
    assert {name_key(a) for a in gold_isk["aliases"]} <= found
    assert not found & {name_key(a) for a in gold_isk["must_not_alias"]}


def test_seed_armed_groups_match_gold(seed_document: Document, seed_gold: dict) -> None:
    facts = extract(seed_document)
    found = {a.name for a in facts.actors if a.kind == ARMED_GROUP}
    expected = {a["canonical"] for a in seed_gold["actors"] if a["kind"] == ARMED_GROUP}
    assert found == expected


def test_every_mention_is_its_quote(seed_document: Document) -> None:
    facts = extract(seed_document)
    for actor in facts.actors:
        for mention in actor.mentions:
            ev = mention.evidence
            assert ev.document_id == seed_document.id
            assert seed_document.text[ev.start : ev.end] == mention.text
    for statement in facts.statements:
        ev = statement.evidence
        assert 0 <= ev.start < ev.end <= len(seed_document.text)


def test_the_group_resolves_to_the_group_the_text_is_about(seed_document: Document) -> None:
    facts = extract(seed_document)
    isk = _actor(facts, "Islamic State Khorasan Province")
    anaphors = [m.text.lower() for m in isk.mentions if m.how == "anaphor"]
    assert "the group" in anaphors and "this terrorist group" in anaphors
    taliban = _actor(facts, "Taliban")
    assert not [m for m in taliban.mentions if m.how == "anaphor"]


def test_unknown_acronym_is_mined_and_reused() -> None:
    text = (
        "Fighters of the Macina Valley Liberation Front (MVLF) attacked a post. "
        "Later the MVLF said it would attack again."
    )
    facts = extract(Document("t", text, "h", "t.txt"))
    actor = _actor(facts, "Macina Valley Liberation Front")
    assert actor.kind == ARMED_GROUP and not actor.registered
    assert [m.text for m in actor.mentions] == ["Macina Valley Liberation Front", "MVLF", "MVLF"]


def test_registry_acronym_is_never_bound_to_another_group() -> None:
    text = "The Khorasan Fighters Movement (IS) claimed the raid."
    facts = extract(Document("t", text, "h", "t.txt"))
    assert "IS" not in {
        alias for a in facts.actors if a.name != "Islamic State" for alias in a.aliases
    }


def test_spelling_variants_and_diacritics_find_the_registry_entry() -> None:
    text = "Jamā’at Ahl as-Sunnah lid-Da’wah wa’l-Jihād, or Boko Haram, and al Shabaab fighters."
    facts = extract(Document("t", text, "h", "t.txt"))
    assert {a.name for a in facts.actors} >= {"Boko Haram", "al-Shabaab"}
    assert fold("Jamā’at") == "Jama'at" and len(fold(text)) == len(text)


def test_pakistani_taliban_is_not_the_taliban() -> None:
    document = load_document(SHARED / "eval" / "pakistan-ttp-khyber-outpost.txt")
    facts = extract(document)
    ttp = _actor(facts, "Tehrik-i-Taliban Pakistan")
    assert {"TTP", "Pakistani Taliban"} <= set(ttp.aliases)
    assert "Afghan Taliban" in _actor(facts, "Taliban").aliases


def test_long_form_of_acronym() -> None:
    assert best_long_form("LeT", "Islamist group Lashkar-e-Taiba") == "Lashkar-e-Taiba"
    assert best_long_form("IEP", "of the Institute for Economics and Peace") == (
        "Institute for Economics and Peace"
    )
    assert best_long_form("AP", "Gaza") is None


def test_corpus_documents_extract_without_error() -> None:
    from dossier.ingest import read_paths
    from dossier.settings import Settings

    documents = [d for d in read_paths([CORPUS], Settings()) if isinstance(d, Document)]
    assert len(documents) >= 20
    from dossier.extract import extract_many

    for facts in extract_many(documents):
        assert any(a.kind == ARMED_GROUP for a in facts.actors), facts.document.id
