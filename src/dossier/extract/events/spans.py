"""Small readings of the parse that every events module shares."""

from __future__ import annotations

from spacy.tokens import Span, Token


def inside(span: Span, start: int) -> bool:
    """Whether the character offset `start` falls within `span`."""
    return span.start_char <= start < span.end_char


def verb_lemma(token: Token) -> str:
    """The lemma, or the word itself where the lemmatizer gave none."""
    return token.lemma_.lower() or token.lower_
