"""The event exports' layouts and vocabularies (data/exports.yaml), typed: which header marks
which export, how its event types map to dossier's, and how its actor names are read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from dossier.model import ORGANIZATION, SECURITY_FORCE
from dossier.vocab.actor_kinds import actor_kind_rules
from dossier.vocab.fold import name_key
from dossier.vocab.registry import load_registry

_BRACKETED = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class Layout:
    name: str  # "acled", "gtd": the prefix of its documents' ids
    header: frozenset[str]
    id: str
    text: str
    types: dict[str, object]
    suicide: frozenset[str]


@dataclass(frozen=True)
class NamedActor:
    """An export's actor as dossier knows it: the registry's name where it is a registered
    group, else the export's own name without its bracketed qualifier."""

    name: str
    kind: str
    registered: bool
    parent: str | None = None


@cache
def _data() -> dict:
    return yaml.safe_load(files("dossier.data").joinpath("exports.yaml").read_text("utf-8"))


@cache
def layouts() -> tuple[Layout, ...]:
    data = _data()
    return tuple(
        Layout(
            name,
            frozenset(data[name]["header"]),
            data[name]["id"],
            data[name]["text"],
            data[name]["types"],
            frozenset(data[name].get("suicide", ())),
        )
        for name in ("acled", "gtd")
    )


def layout_of(columns: list[str]) -> Layout | None:
    """The export layout whose header columns are all present (case-folded), if any."""
    present = {c.strip().casefold() for c in columns}
    return next((lay for lay in layouts() if lay.header <= present), None)


def event_type(layout: Layout, kind: str, sub_kind: str = "") -> str | None:
    """dossier's type for an export's event type (and sub-type), None when it is no attack."""
    mapped = layout.types.get(kind.strip())
    if isinstance(mapped, dict):
        return mapped.get(sub_kind.strip(), mapped.get("*"))
    return mapped if isinstance(mapped, str) else None


def named_actor(text: str) -> NamedActor | None:
    """The actor an export's actor cell names; None for an unnamed doer or a crowd."""
    actors = _data()["actors"]
    bare = _BRACKETED.sub("", " ".join(text.split()))
    if not bare or bare in actors["unknown"] or bare.startswith(tuple(actors["not_doers"])):
        return None
    registry = load_registry()
    short, _, long = bare.partition(":")
    qualifier = _BRACKETED.search(" ".join(text.split()))
    # "Islamic State (Sahel)" is the Islamic State's Sahel branch where the registry has one.
    where = qualifier.group().strip(" ()") if qualifier else ""
    branches = (
        [f"{bare} {where} Province", f"{bare} {where}", f"{bare} in {where}"] if where else []
    )
    for candidate in (*branches, bare, short.strip(), long.strip()):
        entry = registry.lookup(candidate, caseless=True) if candidate else None
        if entry is not None:
            return NamedActor(entry.name, entry.kind, True, entry.parent)
    if bare.startswith(tuple(actors["security_force"])):
        return NamedActor(bare, SECURITY_FORCE, False)
    if any(bare.startswith(u) for u in actors["unknown"]):
        return None
    name = (long or short).strip() if ":" in bare else bare
    kind = _kind(name)
    return NamedActor(name, kind, False)


def _kind(name: str) -> str:
    """An unregistered actor's kind by the words of its name (data/actor_kinds.yaml), as extract
    types the names it reads."""
    key = name_key(name)
    for kind, pattern in actor_kind_rules():
        if pattern.search(key):
            return kind
    return ORGANIZATION
