"""The word lists the role stage reads (data/roles.yaml) and given names (data/given_names.txt),
loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class RoleLexicon:
    attack_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    perpetrators: frozenset[str]
    strong_perpetrators: frozenset[str]
    targets: frozenset[str]
    victims: frozenset[str]
    weapons: re.Pattern[str]
    harm_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    weapon_not_used: frozenset[str]
    blame_verbs: frozenset[str]
    vague_weapons: frozenset[str]
    vague_modifiers: frozenset[str]
    doer_verbs: frozenset[str]
    place_words: frozenset[str]
    owned_places: frozenset[str]
    titles: frozenset[str]
    blame_words: frozenset[str]
    saints: frozenset[str]
    name_particles: frozenset[str]
    quantifiers: frozenset[str]
    place_prepositions: frozenset[str]
    collective_nouns: frozenset[str]
    state_forces: re.Pattern[str]
    state_members: frozenset[str]
    force_parts: frozenset[str]
    irregular_words: frozenset[str]


# RoleLexicon field -> its word list in data/roles.yaml.
_WORD_LISTS = {
    "attack_verbs": "attack_verbs",
    "harm_verbs": "harm_verbs",
    "perpetrators": "perpetrator_nouns",
    "strong_perpetrators": "perpetrator_nouns_strong",
    "targets": "target_nouns",
    "victims": "victim_nouns",
    "harm_nouns": "harm_nouns",
    "speech_verbs": "speech_verbs",
    "weapon_not_used": "weapon_not_used",
    "blame_verbs": "blame_verbs",
    "blame_words": "blame_words",
    "vague_weapons": "vague_weapons",
    "vague_modifiers": "vague_modifiers",
    "doer_verbs": "doer_verbs",
    "place_words": "place_words",
    "owned_places": "owned_places",
    "titles": "titles",
    "saints": "saints",
    "name_particles": "name_particles",
    "quantifiers": "quantifiers",
    "place_prepositions": "place_prepositions",
    "collective_nouns": "collective_nouns",
    "state_members": "state_members",
    "force_parts": "force_parts",
    "irregular_words": "irregular_words",
}


@cache
def role_lexicon() -> RoleLexicon:
    data = yaml.safe_load(files("dossier.data").joinpath("roles.yaml").read_text("utf-8"))
    # Longest first: "dynamite charges" before "dynamite".
    weapons = sorted(data["weapons"], key=len, reverse=True)
    forces = sorted(data["state_forces"], key=len, reverse=True)
    return RoleLexicon(
        weapons=re.compile(r"(?:" + "|".join(weapons) + r")", re.I),
        # The end of a doer's phrase: "the salvadoran army", not "army officers".
        state_forces=re.compile(r"\b(?:" + "|".join(map(re.escape, forces)) + r")$", re.I),
        **{name: frozenset(data[key]) for name, key in _WORD_LISTS.items()},
    )


@cache
def given_names() -> frozenset[str]:
    text = files("dossier.data").joinpath("given_names.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def common_nouns() -> frozenset[str]:
    """Nouns the lexicons use for people and things ("senator", "guerrillas", "office"): never
    part of a person's name."""
    lex = role_lexicon()
    return lex.victims | lex.perpetrators | lex.targets
