"""Sentence starts at paragraph breaks, set before the parser so that it keeps them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dossier_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break of the clean text."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
