"""The model's lemmatizer, each lemma remembered by what it is a function of.

spaCy's rule lemmatizer computes a token's lemma from its word, part of speech and morphology
alone, and keeps a cache keyed by those three; but it returns before that cache for most tokens
(every singular noun, base verb, plain adjective and proper noun goes through `is_base_form`,
which parses the morphology again for each occurrence), so it cost stock spaCy about as much as
the parser's transitions on short reports. This component keeps the model's lemmatizer and asks
it once per (word, part of speech, morphology), then sets the remembered lemma: the same lemma on
every token, as the lemmatizer sets one only where none is set (the attribute rules set a few)
unless told to overwrite. A lemmatizer whose lemmas are not a function of those three (a trained
one reads the context) is run as it is.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# The modes of spaCy's Lemmatizer whose lemma depends on the word, part of speech and
# morphology only.
_PURE_MODES = ("rule", "lookup")
# Lemmas remembered at most: news of a year holds a few hundred thousand distinct words.
_REMEMBERED = 500_000


class CachedLemmatizer:
    """The model's lemmatizer, asked once per word, part of speech and morphology."""

    def __init__(self, name: str = "lemmatizer") -> None:
        self.name = name
        self.model: Lemmatizer | None = None
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def adopt(self, model: Lemmatizer) -> None:
        """Lemmatize with the model's own lemmatizer (its tables, mode and settings), its
        lists of known lemmas made sets."""
        self.model = model
        self.lemmas.clear()
        if isinstance(model, Lemmatizer) and model.lookups.has_table("lemma_index"):
            model.lookups.set_table("lemma_index", _as_sets(model.lookups.get_table("lemma_index")))

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        if model is None:
            raise ValueError(f"{self.name}: no lemmatizer adopted from the model")
        # The model checks its tables on its first document; a mode outside _PURE_MODES has it
        # lemmatize every document itself.
        pure = isinstance(model, Lemmatizer) and model.mode in _PURE_MODES
        if not pure or not model._validated:
            return model(doc)
        try:
            self._lemmatize(doc, model)
            return doc
        except Exception as e:
            return model.get_error_handler()(self.name, model, [doc], e)  # type: ignore[no-any-return]

    def _lemmatize(self, doc: Doc, model: Lemmatizer) -> None:
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = self.lemmas
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not model.overwrite:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                if len(lemmas) >= _REMEMBERED:
                    lemmas.clear()  # a long run's memory stays flat
                found = lemmas[key] = strings.add(model.lemmatize(doc[i])[0])
            values[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], values[:, 3])


def _as_sets(index: Table) -> Table:
    """The rule lemmatizer's known lemmas per part of speech, as sets: it asks whether each
    candidate form is one of them, which on the lists the model holds (57,528 nouns) reads the
    whole list for every plural noun."""
    sets = Table(name=index.name)
    for pos, lemmas in index.items():
        sets[pos] = frozenset(lemmas) if isinstance(lemmas, list) else lemmas
    return sets


@Language.factory("dossier_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(name)
