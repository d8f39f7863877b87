"""The kind of an actor the registry does not know, from the words in its name."""

from __future__ import annotations

from dossier.model import ORGANIZATION
from dossier.vocab.actor_kinds import actor_kind_rules
from dossier.vocab.fold import name_key


def kind_of(name: str) -> str:
    key = name_key(name)
    for kind, pattern in actor_kind_rules():
        if pattern.search(key):
            return kind
    return ORGANIZATION
