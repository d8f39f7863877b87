"""Victim and target categories (data/victims.yaml), and the words that make a sentence one
about attacks or targeting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class VictimCues:
    targeting: re.Pattern[str]
    # (category, its cues) in the file's order.
    categories: tuple[tuple[str, re.Pattern[str]], ...]
    # The cues of peoples and faiths (categories named with a capital), to match a whole name.
    communities: re.Pattern[str]


def _words(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(cues) + r")\b", re.I)


@cache
def victim_cues() -> VictimCues:
    data = yaml.safe_load(files("dossier.data").joinpath("victims.yaml").read_text("utf-8"))
    categories = data["categories"]
    peoples = [cue for c in categories if c["category"][:1].isupper() for cue in c["cues"]]
    return VictimCues(
        targeting=_words(data["targeting"]),
        categories=tuple((c["category"], _words(c["cues"])) for c in categories),
        communities=re.compile(r"(?:" + "|".join(peoples) + r")", re.I),
    )
