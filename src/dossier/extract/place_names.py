"""Where a text names places: the NER's spans, names closed by a kind word ("Chimtal district",
"Dema village", which the NER often misses in reports), and first-level regions by their written
name; and which of them the text puts inside which ("X district, Y province", "the X area of Y").

Kept apart from the resolution in places.py: finding the names is reading the text, choosing
among a name's candidates is reading the gazetteer.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from dossier.extract.state import DocState, doc_text
from dossier.model import PERSON
from dossier.vocab.fold import fold, name_key
from dossier.vocab.place_words import LONGER as _LONGER
from dossier.vocab.place_words import WORD, place_words
from dossier.vocab.places import Gazetteer
from dossier.vocab.victims import victim_cues

# Between a place and the place that holds it: "X district, Y", "X (Z) district of Y", "X in Y".
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?[A-Z]|and\s)")
# "X (Y, Z)" is the same: the town, then its district and region in brackets.
_INSIDE = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,|\s(?:of|in))\s*(?:the\s+)?|\s*\(\s*", re.IGNORECASE
)


# A direction right before a name: "south Lebanon", "north-eastern Nigeria".
_DIRECTION = re.compile(
    r"(?<![\w-])(?:(?:north|south)[\s-]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
    r"|central)\s+$",
    re.IGNORECASE,
)
# A capitalised word of a name, a dot only inside it: "Aita al-Shaab. The" ends at the full stop.
_W = WORD
# A capitalised name right after a word of place: "in Montepuez", "near Kismayo". The NER
# misses such names or takes them for people; the gazetteer decides.
_LOCATED = re.compile(
    r"\b(?:in|near|outside|around|into|at|(?P<kind>town|village|city|district|province|commune"
    r"|municipality|region)\s+of)\s+"
    rf"(?P<name>{_W}(?:\s+(?:{_W}|(?:al|el|ad|as|ash|an|ar|at|az)-{_W}"
    r"|(?:al|el|ad|as|de|del|do|dos|da|das|du|di|la|le)(?=\s+[A-Z]))){0,3})"
)
# A town at least this large is meant where the text puts a name it knows after "in".
_TOWN = 15_000
# A name, then in brackets the divisions that hold it, smallest first: "Kalma (Tawila, North
# Darfur)", "Sonapur union (Raipur upazila, Lakshmipur)". Each held name opens with a capital
# and a lower-case letter, so "(JNIM)", "(RPGs)" or "(2 killed)" is no list of places.
_HELD = r"[A-Z](?:[a-z]|'[A-Z])[\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|[a-z]+(?=\s*[,)]))){0,4}"
_HOLDERS = re.compile(
    rf"(?<=[\w\].'])\s*\(\s*(?:coded\s+(?:as|to)\s+)?({_HELD}(?:\s*,\s*{_HELD}){{0,3}})\s*\)"
)


def _meant(places: Gazetteer, name: str, countries: set[str]) -> bool:
    """Whether a name after a word of place is a place the gazetteer knows below country level,
    large enough, or in a country the text names, to be what the text means."""
    return any(
        c.kind != "country" and (c.population >= _TOWN or c.country in countries)
        for c in places.lookup(name)
    )


def _located_names(
    doc: Doc, found: DocState, places: Gazetteer, text: str, countries: set[str]
) -> list[Named]:
    """Names after a word of place ("in X", "near X"), over the folded `text`; `countries` are
    those the text names."""
    dated = [(s, e) for s, e, _ in found.dates]
    named = []
    for match in _LOCATED.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if name.endswith("'s"):
            end, name = end - 2, name[:-2]
        first = name.split()[0]
        if name_key(first) in place_words().not_names or name_key(name) in places.country_of_word:
            continue
        if any(s < end and start < e for s, e in dated) or claimed(found, start, end):
            continue
        if is_person(doc, start, end, found):
            continue
        if match["kind"]:
            # "the town of Djibo", "the village of Pemu": the text says it is a place.
            named.append(Named(start, end, doc_text(doc)[start:end], "kind"))
        elif _meant(places, name, countries):
            named.append(Named(start, end, doc_text(doc)[start:end], "located"))
    return named


# The name the brackets hold, after a word of place: "the village of Kura (Ngala, Borno)".
_BEFORE_HOLDERS = re.compile(
    r"\b(?:in|near|at|of|outside|around|from|into|and|between)\s+"
    r"([A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|(?:al|el|ad|as|de|du|la|le)(?=\s+[A-Z]))){0,3})\s*$"
)

# A capitalised name after a comma: the division that holds a name closed by a kind word.
# The name ends the clause: "Zamboanga del Norte province" is a longer name the kind word finds.
_AFTER_KIND = re.compile(
    r",\s+([A-Z][\w'-]*(?:[\s-]+[A-Z][\w'-]*){0,2})(?![\w'-])(?=\s*(?:[,.;:)]|$))"
)


def _holder_names(doc: Doc, found: DocState) -> list[Named]:
    """The divisions a report lists in brackets after a place, which the NER reads as people or
    organisations, or misses: each is a place holding the name before it."""
    text = doc_text(doc)
    named = []
    for match in _HOLDERS.finditer(fold(text)):
        if claimed(found, match.start() - 1, match.start()):
            continue  # "Islamic State (Sahel)": a branch's name, not a place's holders
        if place_words().kind_after.match(text, match.start()):
            continue  # "Chawkay (Suki) district": another name of the district
        start = match.start(1)
        before = _BEFORE_HOLDERS.search(
            text, max(0, match.start() - 60), match.start()
        ) or place_words().kind_before.search(text, max(0, match.start() - 60), match.start())
        if before:
            at, end = before.span(1)
            words = before.group(1).split()
            while words and name_key(words[0]) in place_words().not_names:
                at += len(words.pop(0)) + 1
            if words and not claimed(found, at, end) and not is_person(doc, at, end, found):
                named.append(Named(at, end, text[at:end], "bracket", bracketed=True))
        for part in match.group(1).split(","):
            at = text.index(part.strip(), start)
            end = at + len(part.strip())
            start = end
            if claimed(found, at, end) or name_key(part) in place_words().not_names:
                continue
            named.append(Named(at, end, text[at:end], "bracket", bracketed=True))
    return named


@dataclass
class Named:
    """A place name in the text; `inside` is the index of the name the text puts it in."""

    start: int
    end: int
    text: str
    # The NER's label, "kind" (closed by a kind word), "region", "located" (after "in") or
    # "bracket" (a holder listed in brackets).
    how: str
    inside: int | None = None
    # Held in brackets ("Niala (Djenne, Mopti)"): the holder is certain even without a kind word.
    bracketed: bool = False
    listed: bool = False


def is_person(doc: Doc, start: int, end: int, found: DocState) -> bool:
    """ "spokesman Mujahid", "Mujahid said", or the surname of a person the text names."""
    text = doc_text(doc)
    words = place_words()
    if words.person_before.search(text[max(0, start - 30) : start]):
        return True
    if words.person_after.match(text[end : end + 12]):
        return True
    key = name_key(text[start:end])
    return any(
        name_key(actor.name).split()[-1:] == [key]
        for actor in found.actors.values()
        if actor.kind == "person" and " " in actor.name
    )


def claimed(found: DocState, start: int, end: int) -> bool:
    """Whether a registered actor's mention covers the span: "Khorasan" in "Islamic State
    Khorasan Province", or a dateline or credit line does (the wire's words, not the story's).
    The NER's guesses ("Taji" as a person in "Taji town") yield to a kind word or a region's
    name."""
    if found.in_furniture(start, end):
        return True
    return any(
        m.start < end and start < m.end and found.actors[m.actor].registered for m in found.mentions
    )


def _kind_names(doc: Doc, found: DocState, places: Gazetteer) -> list[Named]:
    text = fold(doc_text(doc))
    words = place_words()
    named = []
    for match in words.kind_name.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        # "Syria's Idlib governorate": the country is said before the name.
        owner = name.rfind("'s ")
        if owner >= 0 and name_key(name[:owner]) in places.country_of_word:
            start += owner + 3
            name = text[start:end]
        division = match.group().split()[-1].rstrip("s").lower() in places.division_words
        if name_key(name) in places.country_of_word or (
            division and _people(doc, start, end) and not places.lookup(name)
        ):
            continue  # "a Lebanese village", "the Afghan province", "a Muslim province"
        # "The Chimtal district": a sentence's first word is no part of the name.
        first = name.split()[0]
        while name_key(first) in words.not_names and " " in name:
            start += len(first) + 1
            name = text[start:end]
            first = name.split()[0]
        if name_key(first) in words.not_names:
            continue
        if claimed(found, start, end) or is_person(doc, start, end, found):
            continue
        named.append(Named(start, match.end(), doc_text(doc)[start : match.end()], "kind"))
        # "in Sayyad district, Sar-e Pol": the name after the comma holds it, if it is a place.
        after = _AFTER_KIND.match(text, match.end())
        if after and words.kind_after.match(text, after.end()):
            after = None  # "X village, Cotabato province": the kind word finds it
        if after and places.lookup(after.group(1)) and not claimed(found, *after.span(1)):
            named.append(Named(*after.span(1), doc_text(doc)[slice(*after.span(1))], "located"))
    return named


def _people(doc: Doc, start: int, end: int) -> bool:
    """Whether the NER reads the whole name as a people or a faith ("a Muslim province"); it
    also reads some towns and villages so ("the Sopore town", "Dandi village"), so only a
    division's name the gazetteer lacks is taken for a people."""
    return any(e.label_ == "NORP" and e.start_char <= start and end <= e.end_char for e in doc.ents)


def place_names(
    doc: Doc, labels: tuple[str, ...], found: DocState, words: Gazetteer
) -> list[Named]:
    """Every place name the text gives, in order, each linked to the name that holds it."""
    text = doc_text(doc)
    folded = fold(text)
    named: list[Named] = []
    # "the Democratic Republic of the Congo", of which the NER may tag "Congo" alone.
    country_words = list(words.country_words.finditer(folded))
    countries = [m.span() for m in country_words]
    # A name closed by a kind word is read whole where the NER cut it ("Nawa-e Barakzayi").
    kind_named = _kind_names(doc, found, words)
    # Bracketed holders come first: the NER often reads them as people or organisations.
    named += _holder_names(doc, found)
    held = [(n.start, n.end) for n in named]
    for ent in doc.ents:
        if ent.label_ not in labels or ent.label_ == "NORP":
            continue
        # "Khorasan" in "Islamic State Khorasan Province" is part of a name, not a place;
        # so is "West Point" in "West Point's Counterterrorism Center".
        if found.overlaps(ent.start_char, ent.end_char) or _names_an_actor(doc, ent, found):
            continue
        if victim_cues().communities.fullmatch(ent.text.strip()):
            continue  # "Hazara": the people, here, not the district
        if is_person(doc, ent.start_char, ent.end_char, found):
            continue
        start, end = ent.start_char, ent.end_char
        country = next(((s, e) for s, e in countries if s <= start and end <= e), None)
        if country is not None:
            start, end = country
        else:
            kind = place_words().kind_after.match(text, end)
            end = kind.end() if kind else end
        if any(k.start <= start and end <= k.end for k in kind_named):
            continue
        if any(s < end and start < e for s, e in held):
            continue
        if not any(n.start == start and n.end == end for n in named):
            named.append(Named(start, end, text[start:end], ent.label_))
    taken = [(n.start, n.end) for n in named]
    named += [k for k in kind_named if not any(s < k.end and k.start < e for s, e in taken)]
    taken = [(n.start, n.end) for n in named]
    named_countries = {words.country_of_word[name_key(m.group())] for m in country_words}
    # A region's full name before a town's after "in": "in Jammu & Kashmir" is the region.
    surnames = {
        name.split()[-1] for name, a in found.actors.items() if a.kind == PERSON and " " in name
    }
    for match in words.region_words.finditer(folded):
        start, end = match.span()
        if claimed(found, start, end) or any(s < end and start < e for s, e in taken):
            continue
        if text[start:end] in surnames and found.overlaps(start, end):
            continue  # "Valle, a journalist": Alberto Lazaro del Valle, not the Valle region
        if _LONGER.search(text[max(0, start - 20) : start]):
            continue
        named.append(Named(start, end, text[start:end], "region"))
    taken = [(n.start, n.end) for n in named]
    located = _located_names(doc, found, words, folded, named_countries)
    named += [n for n in located if not any(s < n.end and n.start < e for s, e in taken)]
    named.sort(key=lambda n: n.start)
    for n in named:
        # "south Lebanon", "northern Mali": the part of a country is the place the text names.
        part = _DIRECTION.search(text, max(0, n.start - 20), n.start)
        if part and not claimed(found, part.start(), n.start):
            n.start, n.text = part.start(), text[part.start() : n.end]
    for i, (here, there) in enumerate(itertools.pairwise(named)):
        between = text[here.end : there.start]
        if holds(between):
            here.inside = i + 1
            here.bracketed = here.bracketed or "(" in between
            # "Amman, Tunis and Tehran": a list, where the next name holds nothing.
            here.listed = bool(_LISTED.match(text, there.end))
    return named


def holds(between: str) -> bool:
    """Whether the text between two place names puts the first inside the second: "X district,
    Y", "X (Y, Z)", "the X area of Y"."""
    return len(between) < 50 and bool(_INSIDE.fullmatch(between)) and "\n" not in between


def _names_an_actor(doc: Doc, ent, found) -> bool:  # type: ignore[no-untyped-def]
    after = doc_text(doc)[ent.end_char : ent.end_char + 4]
    gap = len(after) - len(after.lstrip("'’s "))
    return found.overlaps(ent.end_char + gap, ent.end_char + gap + 1) if gap else False
