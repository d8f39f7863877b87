"""Pairs of names that are never one actor (data/not_same.yaml): a wrong merge of resolution is
undone by adding the pair, with no code."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from dossier.vocab.fold import name_key


@cache
def never_merged() -> frozenset[frozenset[str]]:
    """Each pair as a set of name keys, so that the order and spelling of a pair do not matter."""
    data = yaml.safe_load(files("dossier.data").joinpath("not_same.yaml").read_text("utf-8"))
    return frozenset(frozenset(name_key(n) for n in pair) for pair in data or [])
