"""The cues by which a text defines an alias, and the lower-case words a proper name may hold
(data/aliases.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class AliasCues:
    # "(also known as ...": matched at the start of a parenthesis.
    lead: re.Pattern[str]
    # ", also known as ...": found after a name.
    inline: re.Pattern[str]
    connectors: frozenset[str]


@cache
def alias_cues() -> AliasCues:
    data = yaml.safe_load(files("dossier.data").joinpath("aliases.yaml").read_text("utf-8"))
    return AliasCues(
        lead=re.compile(data["aka_lead"], re.IGNORECASE),
        inline=re.compile(data["aka_inline"], re.IGNORECASE),
        connectors=frozenset(data["connectors"]),
    )
