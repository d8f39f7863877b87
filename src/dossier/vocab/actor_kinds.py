"""The words that tell the kind of an actor the registry does not know (data/actor_kinds.yaml)."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml

from dossier.vocab.fold import name_key


@cache
def actor_kind_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern over a name key) in the file's order: the first rule that matches wins.
    Longest words first, so a phrase wins over a word inside it."""
    text = files("dossier.data").joinpath("actor_kinds.yaml").read_text(encoding="utf-8")
    rules = []
    for rule in yaml.safe_load(text):
        words = sorted((name_key(w) for w in rule["words"]), key=len, reverse=True)
        alternatives = "|".join(map(re.escape, words))
        rules.append((rule["kind"], re.compile(rf"\b(?:{alternatives})\b")))
    return tuple(rules)
