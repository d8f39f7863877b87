"""The registry of known actors (armed groups and the organisations around them), from data files.

The registry compiles every name into one regular expression run over the folded text: one pass,
longest name first, so "Islamic State Khorasan Province" wins over "Islamic State" at the same
position and "IS" never matches inside "IS-K".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import yaml

from dossier.model import ARMED_GROUP
from dossier.vocab.fold import fold, name_key

REGISTRY_FILES = ("groups.yaml", "organizations.yaml")


@cache
def stop_words() -> frozenset[str]:
    """English stop words (data/stop_words.txt, spaCy's list kept as data so that the registry
    loads without spaCy)."""
    text = files("dossier.data").joinpath("stop_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    parent: str | None = None
    founded: str | None = None
    region: str | None = None
    gtd: str | None = None


def is_acronym(name: str) -> bool:
    """Acronyms are matched case-sensitively: "IS" is a group, "is" is a verb.

    Covers all-caps names ("ISKP", "IS-K", "M-19") and short mixed-case ones ("LeT", "JeM").
    """
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return True
    if not any(c.islower() for c in letters):
        return True
    return " " not in name and len(name) <= 5 and sum(c.isupper() for c in letters) >= 2


def _pattern(name: str) -> str:
    words = re.split(r"[\s\-]+", fold(name).strip())
    body = r"[\s\-]+".join(re.escape(w) for w in words if w)
    return body if is_acronym(name) else f"(?i:{body})"


def _alternation(surfaces: list[str]) -> str:
    """One whole-word pattern for all `surfaces`, tried in their order at each position.

    The names are grouped by their first letter behind a lookahead, so that at a word the
    engine tries the few names that begin with its letter rather than every name of the
    registry; within a group the order, and so the longest-first choice, is unchanged.
    """
    groups: dict[str, list[str]] = {}
    for surface in surfaces:
        first = fold(surface).strip()[:1]
        groups.setdefault(first.lower(), []).append(_pattern(surface))
    branches = [
        f"(?={re.escape(first)}|{re.escape(first.upper())})(?:{'|'.join(patterns)})"
        for first, patterns in groups.items()
    ]
    return r"(?<![\w'])(?:" + "|".join(branches) + r")(?![\w])"


class Registry:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_name = {e.name: e for e in entries}
        self._exact: dict[str, Entry] = {}
        self._caseless: dict[str, Entry] = {}
        surfaces: set[str] = set()
        for entry in entries:
            for surface in (entry.name, *entry.aliases):
                surfaces.add(surface)
                if is_acronym(surface):
                    self._exact.setdefault(_exact_key(surface), entry)
                else:
                    self._caseless.setdefault(name_key(surface), entry)
        alternatives = sorted(surfaces, key=lambda s: (-len(s), s))
        self.matcher = re.compile(_alternation(alternatives))
        # For lower-cased text (wire archives, MUC): every name case-free, except acronyms that
        # are ordinary words once lower-cased ("IS", "LET").
        caseless = [s.lower() for s in alternatives if not _word_like(s)]
        self.caseless_matcher = re.compile(_alternation(caseless), re.IGNORECASE)

    def lookup(self, surface: str, caseless: bool = False) -> Entry | None:
        """The entry a surface form names, honouring case for acronyms unless `caseless`."""
        found = self._exact.get(_exact_key(surface))
        if found is None and caseless:
            found = self._exact.get(_exact_key(surface.upper()))
        return found or (
            None if is_acronym(surface) and not caseless else self._caseless.get(name_key(surface))
        )

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every registry name in `text` as (start, end, entry), non-overlapping."""
        found = []
        lowered = is_lower_cased(text)
        matcher = self.caseless_matcher if lowered else self.matcher
        for match in matcher.finditer(fold(text)):
            entry = self.lookup(match.group(), caseless=lowered)
            if entry is not None:
                found.append((match.start(), match.end(), entry))
        return found

    def armed_groups(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == ARMED_GROUP]


@lru_cache(maxsize=32)
def is_lower_cased(text: str) -> bool:
    """Text with (almost) no capitals: a lower-cased archive, where case says nothing."""
    sample = text[:5000]
    letters = sum(c.isalpha() for c in sample)
    return letters > 50 and sum(c.isupper() for c in sample) < letters / 200


def _word_like(surface: str) -> bool:
    return is_acronym(surface) and (len(surface) <= 2 or surface.lower() in stop_words())


def _exact_key(surface: str) -> str:
    return " ".join(fold(surface).replace("-", " ").split())


def _entry(record: dict, default_kind: str) -> Entry:
    return Entry(
        name=record["name"],
        kind=record.get("kind", default_kind),
        aliases=tuple(str(a) for a in record.get("aliases") or ()),
        parent=record.get("parent"),
        founded=str(record["founded"]) if record.get("founded") else None,
        region=record.get("region"),
        gtd=record.get("gtd"),
    )


@cache
def load_registry() -> Registry:
    entries: list[Entry] = []
    for filename in REGISTRY_FILES:
        text = files("dossier.data").joinpath(filename).read_text(encoding="utf-8")
        entries.extend(_entry(r, ARMED_GROUP) for r in yaml.safe_load(text) or [])
    return Registry(entries)
