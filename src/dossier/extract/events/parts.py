"""What a sentence's harm words count, shared by the number figures (`figures`) and the one
person named or marked by an article (`harmed`): the figure kinds and the `Part` both build."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dossier.extract.events.spans import verb_lemma
from dossier.model import FIGURE_KINDS, Count
from dossier.vocab.events import Lexicon

KILLED, WOUNDED, ABDUCTED, CASUALTIES, COUNT, ATTACKERS_KILLED = FIGURE_KINDS


@dataclass(frozen=True)
class Part:
    """People counted by one phrase of a sentence: `first` is the number or article word,
    `noun` the head of what it counts (the number itself where it stands alone); `attackers`
    when they are the attackers themselves."""

    kind: str
    count: Count
    first: Token
    noun: Token
    attackers: bool = False


def added(counts: list[Count], text: str) -> Count:
    """Counts added up, each bound unknown when any count leaves it unknown."""
    lows = [c.low for c in counts]
    highs = [c.high for c in counts]
    low = sum(n for n in lows if n is not None) if None not in lows else None
    high = sum(n for n in highs if n is not None) if None not in highs else None
    return Count(low, high, text)


def kind_of_word(token: Token, lex: Lexicon) -> str | None:
    """The figure kind a word names ("killed" for "dead", "count" for "surrendered"): killed
    before wounded before abducted, by the word's lemma or its form."""
    lemma = verb_lemma(token)
    by_lemma, by_form = lex.harm_kinds.get(lemma), lex.harm_kinds.get(token.lower_)
    if by_lemma is not None or by_form is not None:
        return min(r for r in (by_lemma, by_form) if r is not None)[1]
    return COUNT if lemma in lex.count else None
