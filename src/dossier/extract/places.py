"""Places: countries, first-level regions and cities, offline, the article's country as context.

The gazetteer (vocab/places.py) gives the candidates of each name. An ambiguous name goes to the
candidate in the country the article is about (the country most named in it), then to the most
populous. A place the gazetteer does not know ("Pemu") keeps its
name and takes the country of its sentence, or of the article.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import doc_text, state
from dossier.model import Place
from dossier.vocab.fold import fold, name_key
from dossier.vocab.places import Candidate, bare_key, gazetteer
from dossier.vocab.victims import victim_cues


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
            if victim_cues().communities.fullmatch(text.strip()):
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
            if found.overlaps(start, end) or found.in_furniture(start, end):
                continue
            if any(s < end and start < e for s, e in taken):
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
