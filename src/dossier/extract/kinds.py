"""The kind of an actor the registry does not know, from the words in its name."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml

from dossier.model import ORGANIZATION
from dossier.vocab.fold import name_key


@cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    text = files("dossier.data").joinpath("actor_kinds.yaml").read_text(encoding="utf-8")
    rules = []
    for rule in yaml.safe_load(text):
        words = sorted((name_key(w) for w in rule["words"]), key=len, reverse=True)
        alternatives = "|".join(map(re.escape, words))
        rules.append((rule["kind"], re.compile(rf"\b(?:{alternatives})\b")))
    return tuple(rules)


def kind_of(name: str) -> str:
    key = name_key(name)
    for kind, pattern in _rules():
        if pattern.search(key):
            return kind
    return ORGANIZATION
