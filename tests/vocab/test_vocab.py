"""The lexicons load typed, name only the closed vocabularies of model.py, and load without spaCy
(the store, resolve, analyse and the surfaces read them without a language pipeline)."""

from __future__ import annotations

import subprocess
import sys

from dossier.model import EVENT_TYPES, PLACE_KINDS, RELATION_TYPES, STANCES
from dossier.vocab.actor_kinds import actor_kind_rules
from dossier.vocab.aliases import alias_cues
from dossier.vocab.anaphora import anaphora_words
from dossier.vocab.claims import speech_verbs
from dossier.vocab.events import lexicon
from dossier.vocab.places import gazetteer
from dossier.vocab.relations import relation_cues
from dossier.vocab.roles import given_names, role_lexicon
from dossier.vocab.victims import victim_cues

VOCAB_MODULES = (
    "dossier.vocab",
    "dossier.vocab.actor_kinds",
    "dossier.vocab.aliases",
    "dossier.vocab.anaphora",
    "dossier.vocab.claims",
    "dossier.vocab.events",
    "dossier.vocab.fold",
    "dossier.vocab.places",
    "dossier.vocab.registry",
    "dossier.vocab.relations",
    "dossier.vocab.roles",
    "dossier.vocab.topics",
    "dossier.vocab.victims",
)


def test_event_types_are_the_closed_vocabulary_in_its_order() -> None:
    lex = lexicon()
    assert tuple(kind for kind, _ in lex.types) == EVENT_TYPES
    assert tuple(lex.order) == EVENT_TYPES
    for kinds in (lex.non_attacks, lex.generic, lex.suicidal):
        assert kinds <= set(EVENT_TYPES)
    assert set(lex.suicide_as) | set(lex.suicide_as.values()) <= set(EVENT_TYPES)


def test_attribution_cues_name_stances() -> None:
    assert {stance for stance, _ in lexicon().attribution} <= set(STANCES)


def test_event_words_are_read_as_words() -> None:
    lex = lexicon()
    assert "say" in lex.speech and "spokesman" not in lex.official_heads
    assert "toll" in lex.tallies and "surrender" in lex.count
    assert lex.anaphoric.search("in the wake of yesterday's bombing")
    assert lex.reference_point.search("southwest of the capital ")


def test_relation_types_are_within_the_closed_vocabulary() -> None:
    cues = relation_cues()
    assert cues.types <= set(RELATION_TYPES)
    assert cues.symmetric <= set(RELATION_TYPES)


def test_gazetteer_kinds_are_place_kinds() -> None:
    places = gazetteer()
    kinds = {
        c.kind for c in places.lookup("Kabul") + places.lookup("Borno") + places.lookup("Niger")
    }
    assert kinds <= set(PLACE_KINDS)
    assert places.country_of_word["afghan"] == "Afghanistan"


def test_other_lexicons_load() -> None:
    assert "attack" in role_lexicon().attack_verbs
    assert given_names()
    assert "group" in anaphora_words().heads
    assert actor_kind_rules()
    assert alias_cues().inline.match(", also known as Harakat al-Shabaab")
    cues = victim_cues()
    assert cues.targeting.search("they targeted a market")
    assert cues.communities.fullmatch("Hazara")


def test_word_lists_hold_words() -> None:
    """YAML reads a bare `on`, `y` or `no` as a boolean: every listed word must stay a string."""
    lists = [
        speech_verbs(),
        alias_cues().connectors,
        given_names(),
        *(value for value in vars(role_lexicon()).values() if isinstance(value, frozenset)),
        *(value for value in vars(lexicon()).values() if isinstance(value, frozenset)),
        *(value for value in vars(anaphora_words()).values()),
    ]
    assert all(isinstance(word, str) for words in lists for word in words)
    assert {
        "on",
        "in",
    } <= role_lexicon().place_prepositions and "y" in role_lexicon().name_particles


def test_vocab_loads_without_spacy() -> None:
    imports = "; ".join(f"import {module}" for module in VOCAB_MODULES)
    loads = (
        "dossier.vocab.events.lexicon(); dossier.vocab.roles.role_lexicon(); "
        "dossier.vocab.relations.relation_cues(); dossier.vocab.victims.victim_cues(); "
        "dossier.vocab.anaphora.anaphora_words(); dossier.vocab.actor_kinds.actor_kind_rules(); "
        "dossier.vocab.claims.speech_verbs(); dossier.vocab.aliases.alias_cues(); "
        "dossier.vocab.places.bare_key('northern Borno State')"
    )
    check = "import sys; assert 'spacy' not in sys.modules, 'vocab imported spacy'"
    subprocess.run([sys.executable, "-c", f"{imports}; {loads}; {check}"], check=True)
