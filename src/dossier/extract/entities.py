"""People and organisations the registry does not know, from spaCy's statistical NER.

They matter as sources and parties ("police spokesman Bhavesh Kumar Choudhary said"); an
organisation whose name reads like an armed group becomes an unregistered armed group.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.kinds import kind_of
from dossier.extract.state import ActorInfo, state
from dossier.model import PERSON
from dossier.vocab.fold import name_key
from dossier.vocab.places import gazetteer

_LEADING = ("the ", "The ")


def _trimmed(ent: Span) -> tuple[int, int, str]:
    start, text = ent.start_char, ent.text
    for lead in _LEADING:
        if text.startswith(lead):
            start, text = start + len(lead), text[len(lead) :]
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2]
    return start, start + len(text), text


def _plausible(text: str) -> bool:
    # spaCy tags all-caps datelines ("KABUL") as organisations; one capitalised word of a
    # lower-cased text is no name either.
    if len(text) < 2 or not any(c.isupper() for c in text):
        return False
    return not (text.isupper() and " " not in text and len(text) > 5)


class NamedEntities:
    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels

    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        countries = gazetteer().country_of_word
        people: dict[str, str] = {}  # surname -> full name, so "Biden" is "Joe Biden"
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            start, end, text = _trimmed(ent)
            if not _plausible(text) or found.overlaps(start, end):
                continue
            if name_key(text) in countries:
                continue  # "Burkina Faso has been battling ...": a country, not a person
            if ent.label_ == "PERSON":
                words = text.split()
                name = people.get(text, text) if len(words) == 1 else text
                if len(words) > 1:
                    people.setdefault(words[-1], text)
                actor = ActorInfo(name, PERSON, registered=False)
            else:
                actor = ActorInfo(text, kind_of(text), registered=False)
            found.add_mention(start, end, actor, "ner")
        return doc


@Language.factory("dossier_entities", default_config={"labels": ["PERSON", "ORG"]})
def make_named_entities(nlp: Language, name: str, labels: list[str]) -> NamedEntities:
    return NamedEntities(tuple(labels))
