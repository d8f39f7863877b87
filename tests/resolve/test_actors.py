"""One canonical actor per group across documents, with guards against wrong merges."""

from __future__ import annotations

from dossier.model import Actor, Document, Evidence, Facts, Mention
from dossier.resolve.actors import canonical_names, may_merge, remember
from dossier.vocab.fold import name_key


def _facts(*names: str, registered: bool = False) -> Facts:
    document = Document("d", " ".join(names), "h", "d.txt")
    actors = tuple(
        Actor(n, "armed_group", (n,), (Mention(n, Evidence("d", 0, len(n)), "ner"),), registered)
        for n in names
    )
    return Facts(document, actors)


def test_a_spelling_variant_joins_the_known_actor() -> None:
    known: dict[str, str] = {}
    first = _facts("Macina Valley Liberation Front")
    remember(first, canonical_names(first, known), known)
    second = _facts("Macina Valley Liberation Fronts")
    assert canonical_names(second, known) == {
        "Macina Valley Liberation Fronts": "Macina Valley Liberation Front"
    }


def test_acronyms_and_short_names_never_match_by_spelling() -> None:
    known = {name_key("MVLF"): "Macina Valley Liberation Front", name_key("Gao Front"): "Gao Front"}
    assert canonical_names(_facts("MVLP"), known) == {"MVLP": "MVLP"}
    assert canonical_names(_facts("Gao Fronts"), known) == {"Gao Fronts": "Gao Fronts"}


def test_different_groups_with_close_names_stay_apart() -> None:
    known = {name_key("Islamic State West Africa Province"): "Islamic State West Africa Province"}
    variant = "Islamic State Central Africa Province"
    assert canonical_names(_facts(variant), known) == {variant: variant}


def test_a_wrong_merge_is_undone_by_data() -> None:
    assert not may_merge("Tehrik-i-Taliban Pakistan", "Taliban")
    assert not may_merge("Taliban", "Tehrik-i-Taliban Pakistan")  # either order
    assert not may_merge("Islamic State", "Islamic State Khorasan Province")
    assert may_merge("Gao Front", "Gao Fronts")


def test_registered_groups_are_their_own_canonical_name() -> None:
    facts = _facts("Islamic State", "Islamic State Khorasan Province", registered=True)
    assert canonical_names(facts, {}) == {
        "Islamic State": "Islamic State",
        "Islamic State Khorasan Province": "Islamic State Khorasan Province",
    }
