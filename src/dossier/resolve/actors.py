"""Name each actor of a document by the canonical actor it is across the corpus.

A registered group is already canonical. An unregistered actor joins the stored actor that
already goes by one of its names; failing that, one whose name it matches closely (a spelling
variant: "Macina Valley Liberation Fronts"), under guards: acronyms and short names never match
by spelling, a registry name is never merged into another, and the pairs in
data/not_same.yaml are never merged (data, so that a wrong merge is undone without code).
Otherwise it is a new actor under its own name, stored as unregistered.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

from rapidfuzz import fuzz, process

from dossier.model import Facts
from dossier.vocab.fold import name_key
from dossier.vocab.not_same import never_merged
from dossier.vocab.registry import is_acronym, load_registry

# A spelling variant scores at least this (token sort ratio, 0-100) against the known name.
FUZZY_THRESHOLD = 92
# Names shorter than this are too easily alike ("IS", "ISIS", "ISK"): exact matches only.
FUZZY_MIN_CHARS = 10


def may_merge(a: str, b: str) -> bool:
    return frozenset((name_key(a), name_key(b))) not in never_merged()


def _fuzzy(name: str, known: Mapping[str, str]) -> str | None:
    """The canonical name of a known actor whose name this one merely spells differently."""
    key = name_key(name)
    if is_acronym(name) or len(key) < FUZZY_MIN_CHARS:
        return None
    registry = load_registry()
    candidates = [k for k in known if len(k) >= FUZZY_MIN_CHARS]
    best = process.extractOne(key, candidates, scorer=fuzz.token_sort_ratio)
    if best is None or best[1] < FUZZY_THRESHOLD:
        return None
    target = known[best[0]]
    entry = registry.lookup(name)
    if entry is not None and entry.name != target:
        return None  # the registry says this name is another group's
    return target if may_merge(name, target) else None


def canonical_names(facts: Facts, known: Mapping[str, str]) -> dict[str, str]:
    """Actor name in `facts` -> canonical name; `known` maps alias keys to canonical names."""
    result: dict[str, str] = {}
    for actor in facts.actors:
        if actor.registered:
            result[actor.name] = actor.name
            continue
        exact = next(
            (known[key] for key in map(name_key, (actor.name, *actor.aliases)) if key in known),
            None,
        )
        if exact is not None and not may_merge(actor.name, exact):
            exact = None
        result[actor.name] = exact or _fuzzy(actor.name, known) or actor.name
    return result


def remember(facts: Facts, canonical: Mapping[str, str], known: MutableMapping[str, str]) -> None:
    """Add the names `facts` used to `known`, so later documents of a batch resolve to them."""
    for actor in facts.actors:
        for alias in (actor.name, *actor.aliases):
            known.setdefault(name_key(alias), canonical[actor.name])
