"""Victim and target categories (data/victims.yaml) named in sentences about attacks."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import state
from dossier.vocab.events import lexicon

TARGETING = re.compile(
    r"\b(?:target\w*|against|victims?|kill\w*|wound\w*|injur\w*|abduct\w*|kidnap\w*|attack\w*|struck|hit)\b",
    re.I,
)


@cache
def categories() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = yaml.safe_load(files("dossier.data").joinpath("victims.yaml").read_text("utf-8"))
    return tuple(
        (c["category"], re.compile(r"\b(?:" + "|".join(c["cues"]) + r")\b", re.I)) for c in data
    )


class Victims:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        triggers = [pattern for _, pattern in lexicon().types]
        seen: set[str] = set()
        for sentence in doc.sents:
            text = sentence.text
            if not TARGETING.search(text) and not any(p.search(text) for p in triggers):
                continue
            end = sentence.start_char + len(text.rstrip())
            for category, pattern in categories():
                if category not in seen and pattern.search(text):
                    seen.add(category)
                    found.victim_categories.append((category, sentence.start_char, end))
        return doc


@Language.factory("dossier_victims")
def make_victims(nlp: Language, name: str) -> Victims:
    return Victims()
