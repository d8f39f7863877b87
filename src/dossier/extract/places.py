"""Places: countries, divisions and towns, offline, resolved by what the text says around them.

The gazetteer (vocab/places.py) gives the candidates of each name; place_names.py finds the names
and which holds which. A name shared by places in several countries is resolved, in order:
- by the place the text puts it in ("Chawkay district, Kunar": the Chawkay of Kunar's country,
  and of Kunar's province where the gazetteer can tell);
- by the country the rest of the text is in (countries and adjectives it names, places whose
  name is as good as unique);
- by population.
A small place whose only candidates lie in countries the text never names, while the text is
firmly elsewhere, is a village of that elsewhere the gazetteer lacks, not a foreign capital.
A place the gazetteer does not know ("Dalwa") keeps its name, and the country of the place that
holds it if any (else the events take the country of its sentence, or of the article).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.place_names import Named, place_names
from dossier.extract.state import DocState, doc_text, state
from dossier.model import Place
from dossier.vocab.fold import fold, name_key
from dossier.vocab.place_words import place_words
from dossier.vocab.places import (
    Candidate,
    Gazetteer,
    bare_key,
    bare_name,
    country_part,
    gazetteer,
    kind_word,
)

# A text is firmly in a country once it names it (or its places) this many times.
FIRMLY = 2
# A town this big is meant even in a text about elsewhere ("Tehran" in a report on Lebanon).
KNOWN = 100_000
# A town is as good as unique when no namesake abroad has a tenth of its people.
UNIQUE = 10
# The weight of a people's adjective in the text's country, against 1 for a country's name.
ADJECTIVE = 0.5


def choose(candidates: tuple[Candidate, ...], context: Counter[str]) -> Candidate:
    """The candidate in the most-named country of the article, else the most populous."""
    return max(candidates, key=lambda c: (context[c.country], c.population))


def _dominant(candidates: tuple[Candidate, ...]) -> str | None:
    """The country a name is in whatever the text: its only one, or that of a place that
    dwarfs its namesakes abroad ("Kabul")."""
    if not candidates:
        return None
    first = candidates[0]
    abroad = [c.population for c in candidates if c.country != first.country]
    # A country or division of that name abroad makes it no less this one's.
    division = first.kind in ("country", "region") and not any(
        c.kind == first.kind for c in candidates if c.country != first.country
    )
    if not abroad or division:
        return first.country
    return first.country if first.population >= UNIQUE * max(abroad) > 0 else None


def _spelling(name: Named, candidate: Candidate) -> str:
    """The text's own spelling of a town or division ("Tarmiyah", not "Aţ Ţārmīyah": a reader
    and a coder both know the place by the report's words); a country by its name."""
    if candidate.kind == "country":
        return candidate.name
    return bare_name(name.text)


def _resolve(
    name: Named,
    candidates: tuple[Candidate, ...],
    holder: Place | None,
    holder_text: str | None,
    context: Counter[str],
    placed: Counter[str],
    places: Gazetteer,
) -> Place | None:
    text = name.text.strip()
    small = kind_word(text) or kind_word(text.rstrip("s"))
    # "the Chibok villages", "the Kurram towns": the settlements around a place, an area that
    # holds a village the text names, not the town itself.
    several = small in place_words().settlements and kind_word(text) is None
    if small in places.division_words or several:
        # "Idlib governorate": the division, named after its seat where the gazetteer lacks it.
        divisions = tuple(c for c in candidates if c.kind == "region")
        candidates = divisions or tuple(replace(c, kind="region") for c in candidates)
    # "X district, Y", "X, Y province", "X (Y, Z)", "X, Country" hold X in Y; "Amman, Tunis and
    # Tehran" is a list, and there the holder only breaks a tie.
    certain = holder is not None and (
        name.bracketed
        or small
        or holder.kind == "country"
        or kind_word(holder.text)
        or (holder.kind == "region" and not name.listed)
    )
    held = False
    if holder is not None and holder.country:
        inside = tuple(c for c in candidates if c.country == holder.country)
        if certain and not inside:
            return _unknown(name, holder.country, places)
        near = tuple(c for c in inside if holder_text and places.near(c, holder_text))
        candidates = near or inside or candidates
        held = bool(inside)
    if candidates and not held:
        # "Kabul" in a text full of Americans is still Kabul, not a hamlet of Missouri.
        dominant = _dominant(candidates)
        best = choose(tuple(c for c in candidates if c.country == dominant) or candidates, context)
        # A name the town goes by only among its other names ("Chora" for Chios), a village or
        # a small town, in a country no other place of the text is in, while they are firmly
        # in another: a place of that other country the gazetteer lacks. "Tehran" named in a
        # text about Lebanon stays Tehran. "Russian mercenaries" puts no place in Russia.
        alias = name_key(bare_name(text)) != name_key(best.name)
        own = 1 if dominant == best.country else 0
        top = [(k, v) for k, v in placed.most_common(2) if k != best.country][:1]
        elsewhere = bool(top) and top[0][1] >= FIRMLY and placed[best.country] <= own
        if best.kind == "city" and (alias or small or best.population < KNOWN) and elsewhere:
            return _unknown(name, top[0][0], places)
        candidates = (best,)
    if not candidates:
        return _unknown(name, None, places)
    c = choose(candidates, context)
    if c.kind == "country" and country_part(text):
        # "south Lebanon": the part of the country the text names, a region of it.
        return Place(" ".join(text.split()), c.country, text, kind="region")
    return Place(_spelling(name, c), c.country, text, c.lat, c.lon, kind=c.kind)


def _unknown(name: Named, country: str | None, places: Gazetteer) -> Place | None:
    text = name.text.strip()
    if name.how not in ("GPE", "LOC", "kind", "bracket") or not text[:1].isupper():
        return None
    if bare_key(text) in places.not_places or not bare_key(text):
        return None
    return Place(bare_name(text), country, text, kind="unknown")


class Places:
    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels

    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        places = gazetteer()
        context, placed = _word_context(doc_text(doc), found, places)
        words = Counter(context)
        named = place_names(doc, self.labels, found, places)
        candidates = []
        counted = set()
        for n in named:
            found_here = places.lookup(n.text)
            if n.how == "region":
                found_here = tuple(c for c in found_here if c.kind == "region")
            candidates.append(found_here)
            country = _dominant(found_here)
            # Each name once: "Kashmir" said three times is still one place.
            if country and bare_key(n.text) not in counted:
                counted.add(bare_key(n.text))
                context[country] += 2 if found_here[0].kind == "country" else 1
                placed[country] += 1
        resolved: list[Place | None] = [None] * len(named)
        # The holder is resolved before what it holds: from the last name of a chain backwards.
        for i in reversed(range(len(named))):
            n = named[i]
            holder_index = n.inside
            holder = resolved[holder_index] if holder_index is not None else None
            holder_text = named[holder_index].text if holder_index is not None else None
            if n.how == "region" and not candidates[i]:
                continue
            resolved[i] = _resolve(n, candidates[i], holder, holder_text, context, placed, places)
        for n, place in zip(named, resolved, strict=True):
            if place is not None:
                found.places.append((n.start, n.end, place))
                if n.how in _SURE:
                    _drop_guesses(found, n.start, n.end)
        found.places.sort(key=lambda p: p[0])
        found.country_context = _settled(words, named, resolved)
        return doc


# How a name is found when the text itself says it is a place ("the town of Djibo", "Dema
# village", "in Montepuez" of a town the gazetteer knows, a region by its name).
_SURE = ("kind", "located", "region", "bracket")


def _drop_guesses(found: DocState, start: int, end: int) -> None:
    """The NER's guess that a place is an organisation or a person ("the town of Djibo" tagged
    ORG) yields to the place; a registered actor's name does not."""
    found.mentions[:] = [
        m
        for m in found.mentions
        if not (
            m.how == "ner"
            and m.start < end
            and start < m.end
            and not found.actors[m.actor].registered
        )
    ]


def _word_context(text: str, found: DocState, places: Gazetteer) -> tuple[Counter, Counter]:
    """The countries the text names, and those it names as places (not by an adjective).

    Every country name or adjective counts, tagged or not ("Niger Army", "Afghan officials"),
    an adjective for half: "Russian mercenaries", "a Nigerian soldier" say who fought, not where.
    """
    context: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    group_spans = [(m.start, m.end) for m in found.group_mentions()]
    for match in places.country_words.finditer(fold(text)):
        # "Niger Army" speaks of Niger; "Tehrik-i-Taliban Pakistan" is a name.
        if not any(s <= match.start() < e for s, e in group_spans):
            key = name_key(match.group())
            country = places.country_of_word[key]
            if key in places.adjectives:
                context[country] += ADJECTIVE
            else:
                context[country] += 1
                placed[country] += 1
    return context, placed


def _settled(words: Counter, named: list[Named], resolved: list[Place | None]) -> Counter:
    """The text's countries once its places are resolved, for the events that name none: a
    village held in a Malian region counts for Mali, not for the Turkish town of its name."""
    context = Counter(words)
    counted = set()
    for n, place in zip(named, resolved, strict=True):
        if place is not None and place.country and bare_key(n.text) not in counted:
            counted.add(bare_key(n.text))
            context[place.country] += 2 if place.kind == "country" else 1
    return context


@Language.factory("dossier_places", default_config={"labels": ["GPE", "LOC", "FAC", "NORP"]})
def make_places(nlp: Language, name: str, labels: list[str]) -> Places:
    # The gazetteer and the place words load with the pipeline, not with its first document.
    gazetteer()
    place_words()
    return Places(tuple(labels))
