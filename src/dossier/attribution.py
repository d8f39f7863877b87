"""Whose attack it is when several groups are named: one rule for extract (an event's
perpetrator) and analyse (the incident the danger index credits to a group), which may not
import each other.

Groups that are one another's branch or parent (IS-K and the Islamic State) claiming one attack
agree; unrelated groups claiming it contest it, and then no one of them is its perpetrator.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from dossier.vocab.registry import load_registry


def contested(claimants: Iterable[str], parent_of: dict[str, str]) -> bool:
    """Whether groups that are not one another's branch or parent claim the same attack."""
    names = set(claimants)
    roots = {parent_of.get(name, name) for name in names}
    return len(roots) > 1 and len(names) > 1


@cache
def registry_parents() -> dict[str, str]:
    """Each registered branch's parent, by canonical name."""
    return {e.name: e.parent for e in load_registry().entries if e.parent}
