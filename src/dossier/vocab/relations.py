"""The relation cues (data/relations.yaml): a pattern per relation type over a sentence whose
group mentions are placeholders, the types that hold both ways, and who states the relation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class RelationCues:
    # (type, pattern) in the file's order; {A} and {B} stand for the two group mentions.
    patterns: tuple[tuple[str, str], ...]
    # Relations that hold both ways (stored once).
    symmetric: frozenset[str]
    # Phrases naming who states the relation ("according to ..."), with a `source` group.
    sources: tuple[re.Pattern[str], ...]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(kind for kind, _ in self.patterns)


@cache
def relation_cues() -> RelationCues:
    data = yaml.safe_load(files("dossier.data").joinpath("relations.yaml").read_text("utf-8"))
    return RelationCues(
        patterns=tuple((r["type"], r["pattern"]) for r in data["patterns"]),
        symmetric=frozenset(data["symmetric"]),
        sources=tuple(re.compile(p, re.I) for p in data["source"]),
    )
