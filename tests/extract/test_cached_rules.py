"""dossier's attribute ruler and lemmatizer set exactly what the model's own set, token by token.

They only remember what the model's rules give: the ruler by a token's tag, dependency, space
flag and word, the lemmatizer by its word, part of speech and morphology. So on real reports, on
texts that meet the rules over two tokens ("y'all", "there is", "gon na") or with a regular
expression ("nothin'"), and on a second pass where everything comes from memory, each must agree
with the model's on every tag, part of speech, morphology, lemma and dependency.
"""

from __future__ import annotations

import csv

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dossier.extract.attribute_rules import CachedAttributeRuler
from dossier.extract.lemmas import CachedLemmatizer
from dossier.extract.pipeline import load_model, load_pipeline
from tests.conftest import SEED, SHARED

ACLED = SHARED / "eval" / "reports" / "acled-dev.csv"
RULES_OF_TWO = [
    "Y'all ain't seen it; there is no way, gon na stop, let's go, c'mon, gotta run.",
    "There were two blasts and there's a third.  I said it to you, and you told it to me.",
    "They got nothin' left and nuthin' to lose.",
    "Nothin' changed.",  # a rule's regular expression is all the document meets
]
SET = [TAG, POS, MORPH, LEMMA, DEP]


@pytest.fixture(scope="module")
def model() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def parsed(model: Language) -> list[Doc]:
    """Docs parsed up to the ruler: the input both rulers see."""
    with ACLED.open(encoding="utf-8", newline="") as handle:
        notes = [row["notes"] for row in csv.DictReader(handle) if row.get("notes")][:300]
    texts = [*RULES_OF_TWO, SEED.read_text("utf-8"), *notes]
    return list(model.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))


def test_the_cached_ruler_sets_what_the_models_ruler_sets(
    model: Language, parsed: list[Doc]
) -> None:
    stock: AttributeRuler = model.get_pipe("attribute_ruler")
    cached = CachedAttributeRuler(model.vocab)
    cached.adopt(stock)
    for _ in range(2):  # learning, then from memory
        for doc in parsed:
            expected, got = stock(doc.copy()), cached(doc.copy())
            assert (expected.to_array(SET) == got.to_array(SET)).all(), doc.text


def test_the_cached_lemmatizer_sets_what_the_models_lemmatizer_sets(
    model: Language, parsed: list[Doc]
) -> None:
    ruled = [model.get_pipe("attribute_ruler")(doc.copy()) for doc in parsed]
    cached = CachedLemmatizer()
    # Its own copy of the model's lemmatizer: adopting one turns its lists of lemmas into sets.
    cached.adopt(load_model(exclude=("ner",)).get_pipe("lemmatizer"))
    stock = model.get_pipe("lemmatizer")
    for _ in range(2):  # learning, then from memory
        for doc in ruled:
            expected, got = stock(doc.copy()), cached(doc.copy())
            assert [t.lemma_ for t in expected] == [t.lemma_ for t in got], doc.text


def test_the_pipeline_runs_the_cached_components_with_the_models_rules(model: Language) -> None:
    nlp = load_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, CachedAttributeRuler)
    assert ruler.patterns == model.get_pipe("attribute_ruler").patterns
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, CachedLemmatizer)
    assert lemmatizer.model is not None and lemmatizer.model.mode == "rule"
