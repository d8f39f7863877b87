"""Resolve "the group", "this terrorist group", "the organization" to the armed group meant.

A phrase is a candidate when a determiner opens it, its head noun is one of the anaphora heads
(data/anaphora.yaml), and no proper noun sits inside it ("the Islamic State group" is a name,
not an anaphor). The antecedent is the armed group with the highest score over the sentence so
far and the two before it: the subject of a main clause weighs most, a modifier ("IS-K members")
least, nearer sentences more than farther ones, and the document's most-named group gets a bonus
in proportion to its share of the mentions. Without any armed group in that window, the most
named group of the document is taken, and without one at all the phrase is left alone.
"""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.extract.state import Found, state
from dossier.vocab.anaphora import anaphora_words

WINDOW_SENTENCES = 3
RECENCY = (1.0, 0.8, 0.6)
ROLE_WEIGHT = {"root_subject": 3.0, "subject": 1.5, "argument": 1.0, "modifier": 0.5}
SALIENCE_WEIGHT = 1.5


def anaphors(doc: Doc, named_at: set[int]) -> list[Span]:
    """Candidate anaphors; `named_at` holds the start offsets of names already found."""
    words = anaphora_words()
    determiners, heads, plural_heads = words.determiners, words.heads, words.plural_heads
    spans = []
    for token in doc:
        lower = token.lower_
        if lower not in heads or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.tag_ in ("NNS", "NNPS") and lower not in plural_heads:
            continue
        left = token.left_edge
        if left.lower_ not in determiners or left.i > token.i:
            continue
        inside = doc[left.i : token.i + 1]
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP") for t in inside):
            continue
        if any(child.dep_ == "prep" and child.lower_ == "of" for child in token.rights):
            continue  # "the group of seven villages"
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.pos_ == "PROPN" or after.idx in named_at):
            continue  # "the terrorist organization IS": the name follows the description
        spans.append(inside)
    return spans


def _role(token: Token) -> str:
    for t in (token, *token.ancestors):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return "root_subject" if t.head.dep_ == "ROOT" else "subject"
        if t.dep_ in ("compound", "poss", "amod"):
            return "modifier"
        if t.dep_ in ("dobj", "pobj", "attr", "appos", "conj"):
            return "argument"
    return "argument"


class Anaphora:
    def __init__(self, window_sentences: int, salience_weight: float) -> None:
        self.window_sentences = window_sentences
        self.salience_weight = salience_weight

    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        groups = found.group_mentions()
        if not groups:
            return doc
        counts = Counter(m.actor for m in groups)
        total = sum(counts.values())
        salience = {actor: n / total for actor, n in counts.items()}
        most_named = counts.most_common(1)[0][0]
        sentences = list(doc.sents)
        sentence_of = {s.start_char: i for i, s in enumerate(sentences)}
        for span in anaphors(doc, {m.start for m in found.mentions}):
            here = sentence_of.get(span.sent.start_char, 0)
            actor = self._antecedent(doc, groups, sentences, here, span, salience) or most_named
            if found.add_mention(span.start_char, span.end_char, found.actors[actor], "anaphor"):
                # A resolved anaphor is itself an antecedent for the next one: chains.
                bisect.insort(
                    groups,
                    Found(span.start_char, span.end_char, actor, "anaphor"),
                    key=lambda m: m.start,
                )
        return doc

    def _antecedent(
        self,
        doc: Doc,
        groups: list[Found],
        sentences: list[Span],
        here: int,
        span: Span,
        salience: dict[str, float],
    ) -> str | None:
        first = sentences[max(0, here - self.window_sentences + 1)].start_char
        scores: Counter[str] = Counter()
        for mention in groups:
            if mention.start < first or mention.start >= span.start_char:
                continue
            distance = here - _sentence_index(sentences, mention.start, here)
            name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            # A name split into tokens ("IS", "-", "K") plays the strongest role any of them has.
            roles = [_role(t) for t in name] if name is not None else ["argument"]
            role = max(roles, key=ROLE_WEIGHT.__getitem__)
            scores[mention.actor] += ROLE_WEIGHT[role] * RECENCY[min(distance, len(RECENCY) - 1)]
        if not scores:
            return None
        for actor in scores:
            scores[actor] += self.salience_weight * salience.get(actor, 0.0)
        return scores.most_common(1)[0][0]


def _sentence_index(sentences: list[Span], char: int, upto: int) -> int:
    for i in range(upto, -1, -1):
        if sentences[i].start_char <= char:
            return i
    return 0


@Language.factory(
    "dossier_anaphora",
    default_config={"window_sentences": WINDOW_SENTENCES, "salience_weight": SALIENCE_WEIGHT},
)
def make_anaphora(
    nlp: Language, name: str, window_sentences: int, salience_weight: float
) -> Anaphora:
    return Anaphora(window_sentences, salience_weight)
