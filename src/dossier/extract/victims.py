"""Victim and target categories (data/victims.yaml) named in sentences about attacks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import span_text, state
from dossier.vocab.events import lexicon
from dossier.vocab.victims import victim_cues


class Victims:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        cues = victim_cues()
        triggers = [pattern for _, pattern in lexicon().types]
        seen: set[str] = set()
        for sentence in doc.sents:
            text = span_text(sentence)
            if not cues.targeting.search(text) and not any(p.search(text) for p in triggers):
                continue
            end = sentence.start_char + len(text.rstrip())
            for category, pattern in cues.categories:
                if category not in seen and pattern.search(text):
                    seen.add(category)
                    found.victim_categories.append((category, sentence.start_char, end))
        return doc


@Language.factory("dossier_victims")
def make_victims(nlp: Language, name: str) -> Victims:
    return Victims()
