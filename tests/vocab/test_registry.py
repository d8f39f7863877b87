"""The registry of armed groups (data/groups.yaml, data/organizations.yaml): well-formed entries,
names that point to one group only, and names that find groups in sentences without firing on
ordinary words."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from dossier.vocab.fold import fold, name_key
from dossier.vocab.registry import is_acronym, load_registry, stop_words

# Words that name a kind of actor, not an actor: never an alias on their own.
_GENERIC_WORDS = """
    army armies front movement group groups militia militias militants rebels insurgents
    guerrillas guerrilla fighters jihadists separatists party council brigade brigades forces
    organization organisation resistance mujahideen mujahidin extremists terrorists gunmen
    bandits herdsmen tribesmen cartel gang alliance coalition union league committee
"""
GENERIC = frozenset(_GENERIC_WORDS.split())
FOUNDED = re.compile(r"^\d{4}(-\d{2})?$|^\d{4}s$")


def _spelling(surface: str) -> str:
    """What the matcher tells apart: case and hyphen-or-space aside, apostrophes kept."""
    return " ".join(fold(surface).casefold().replace("-", " ").split())


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry()


def test_every_entry_has_a_unique_canonical_name(registry) -> None:  # type: ignore[no-untyped-def]
    names = [e.name for e in registry.entries]
    assert all(n and n.strip() == n for n in names)
    assert len(names) == len(set(names))
    assert len({name_key(n) for n in names}) == len(names)


def test_parents_founded_and_gtd_are_well_formed(registry) -> None:  # type: ignore[no-untyped-def]
    for entry in registry.entries:
        assert entry.parent is None or entry.parent in registry.by_name, entry.name
        assert entry.parent != entry.name
        assert entry.founded is None or FOUNDED.match(entry.founded), entry.name
    gtd = [e.gtd for e in registry.entries if e.gtd]
    assert len(gtd) == len(set(gtd))


def test_no_name_points_to_two_entries(registry) -> None:  # type: ignore[no-untyped-def]
    """Case-free: in a lower-cased archive every acronym of three letters or more matches
    whatever its case, so "JEM" and "JeM" would be one name there. Where two groups share a name
    (Sudan's Justice and Equality Movement and Jaish-e-Mohammed's "JEM", the three "SLA"s, the
    Ansar al-Sharia of Libya, Tunisia and Yemen), the shared name is left out of both."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in registry.entries:
        for surface in (entry.name, *entry.aliases):
            owners[name_key(surface)].add(entry.name)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared


def test_no_alias_is_a_stop_word_or_a_common_noun(registry) -> None:  # type: ignore[no-untyped-def]
    """An acronym that is a stop word ("IS") is matched by its case only, and skipped in
    lower-cased text; any other name must not be an ordinary word."""
    for entry in registry.entries:
        for surface in (entry.name, *entry.aliases):
            assert surface and surface.strip() == surface, entry.name
            assert surface.casefold() not in GENERIC, (entry.name, surface)
            assert is_acronym(surface) or surface.casefold() not in stop_words(), surface


def test_aliases_are_not_repeated_within_an_entry(registry) -> None:  # type: ignore[no-untyped-def]
    for entry in registry.entries:
        keys = [_spelling(s) for s in (entry.name, *entry.aliases) if not is_acronym(s)]
        assert len(keys) == len(set(keys)), entry.name


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        (
            "Naxalites ambushed a CRPF patrol in Sukma; the CPI (Maoist) later claimed it.",
            [
                "Communist Party of India (Maoist)",
                "Central Reserve Police Force",
                "Communist Party of India (Maoist)",
            ],
        ),
        (
            "Jabhat al-Nusra and Ahrar al-Sham fought the Free Syrian Army near Idlib.",
            ["al-Nusra Front", "Ahrar al-Sham", "Free Syrian Army"],
        ),
        (
            "The Real IRA, not the Provisional IRA, planted the bomb, police said.",
            ["Real Irish Republican Army", "Irish Republican Army"],
        ),
        (
            "Fighters of the TNLA and the MNDAA seized the town from the junta.",
            ["Ta'ang National Liberation Army", "Myanmar National Democratic Alliance Army"],
        ),
        (
            "Kata'ib Hezbollah and Asaib Ahl al-Haq are part of the Popular Mobilization Forces.",
            ["Kata'ib Hezbollah", "Asa'ib Ahl al-Haq", "Popular Mobilization Forces"],
        ),
        (
            "Ansar Bait al-Maqdis pledged allegiance and became Wilayat Sinai.",
            ["Ansar Bait al-Maqdis", "Islamic State Sinai Province"],
        ),
        (
            "Anti-balaka militias clashed with ex-Seleka fighters of the UPC in Bambari.",
            ["Anti-balaka", "Seleka", "Union for Peace in the Central African Republic"],
        ),
        (
            "The Islamic State in Iraq and Syria, not the Kuki-Chin National Front, did it.",
            ["Islamic State", "Kuki-Chin National Front"],
        ),
        (
            "SPLA-IO forces and the SPLM-N denied the report.",
            [
                "Sudan People's Liberation Movement-in-Opposition",
                "Sudan People's Liberation Movement-North",
            ],
        ),
    ],
)
def test_sentences_find_their_groups(registry, sentence: str, groups: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [entry.name for _, _, entry in registry.find(sentence)] == groups


@pytest.mark.parametrize(
    "sentence",
    [
        "The army said the front line held as rebels and militants moved on the town.",
        "Download the PDF of the report, published on 17 November by the agency.",
        "The SSP of Karachi and the ISI met the Somali National Army commander.",
        "Shane and Ira drove a Kia to the North Sinai province office of the AA.",
        "Let us mend the fences, the Islamic group's spokesman said at the People's Republic.",
        "Kenya's UDA and Pakistan's JI held rallies in Nairobi and Lahore.",
    ],
)
def test_sentences_find_no_group(registry, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert registry.find(sentence) == []
