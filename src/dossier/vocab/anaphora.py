"""The words of a phrase that refers back to an armed group ("the group", "this terrorist
organization"), from data/anaphora.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class AnaphoraWords:
    determiners: frozenset[str]
    heads: frozenset[str]
    # Heads plural in form that refer to a group as a whole ("the militants").
    plural_heads: frozenset[str]


@cache
def anaphora_words() -> AnaphoraWords:
    data = yaml.safe_load(files("dossier.data").joinpath("anaphora.yaml").read_text("utf-8"))
    return AnaphoraWords(
        determiners=frozenset(data["determiners"]),
        heads=frozenset(data["heads"]),
        plural_heads=frozenset(data.get("plural_heads", ())),
    )
