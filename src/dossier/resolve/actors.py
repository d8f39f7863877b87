"""Name each actor of a document by the canonical actor it is across the corpus.

A registered group is already canonical. An unregistered actor joins the stored actor that
already goes by one of its names (an acronym mined in one article and spelt out in another);
otherwise it is new under its own name.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

from dossier.extract.fold import name_key
from dossier.model import Facts


def canonical_names(facts: Facts, known: Mapping[str, str]) -> dict[str, str]:
    """Actor name in `facts` -> canonical name; `known` maps alias keys to canonical names."""
    result: dict[str, str] = {}
    for actor in facts.actors:
        if actor.registered:
            result[actor.name] = actor.name
            continue
        result[actor.name] = next(
            (known[key] for key in map(name_key, (actor.name, *actor.aliases)) if key in known),
            actor.name,
        )
    return result


def remember(facts: Facts, canonical: Mapping[str, str], known: MutableMapping[str, str]) -> None:
    """Add the names `facts` used to `known`, so later documents of a batch resolve to them."""
    for actor in facts.actors:
        for alias in (actor.name, *actor.aliases):
            known.setdefault(name_key(alias), canonical[actor.name])
