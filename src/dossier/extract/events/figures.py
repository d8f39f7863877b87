"""Casualty figures: what each number in a sentence counts (killed, wounded, abducted, the
casualties lumped together, or the people of a surrender), and the one person of "a soldier was
killed". A figure keeps its source and the sentence that states it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract.events.spans import sentence_end, verb_lemma
from dossier.extract.numbers import COUNT as NUMBER
from dossier.extract.numbers import count_from
from dossier.model import FIGURE_KINDS, Count, Evidence, Figure
from dossier.vocab.events import Lexicon
from dossier.vocab.roles import role_lexicon

KILLED, WOUNDED, ABDUCTED, CASUALTIES, COUNT = FIGURE_KINDS
# Entity labels of numbers that count no one: "2 March", "10 percent", "$5 million".
_NOT_PEOPLE = ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY")


def kind_of_word(token: Token, lex: Lexicon) -> str | None:
    """The figure kind a word names ("killed" for "dead", "count" for "surrendered")."""
    lemma = verb_lemma(token)
    for kind, words in ((KILLED, lex.killed), (WOUNDED, lex.wounded), (ABDUCTED, lex.abducted)):
        if lemma in words or token.lower_ in words:
            return kind
    return COUNT if lemma in lex.count else None


def figure_kind(number: Token, lex: Lexicon) -> str | None:
    """What a number counts: the word right after its phrase ("21 wounded", "three dead",
    "13 officials were killed"), else the words its phrase hangs on ("killing 3 police")."""
    doc = number.doc
    noun = number.head if number.dep_ == "nummod" else number
    if noun.dep_ == "nsubj" and kind_of_word(noun.head, lex) == KILLED:
        return KILLED  # "one soldier injured in the attack later died"
    window = doc[number.i + 1 : min(len(doc), number.i + 9)]
    for i, t in enumerate(window):
        if t.is_punct or t.lower_ in ("and", "or", "but", "while") or t.like_num:
            break
        kind = kind_of_word(t, lex)
        if kind is not None:
            rest = window[i + 1 : i + 3]
            # "40 soldiers were killed and wounded" lumps both: a casualty count, not deaths.
            if rest and rest[0].lower_ == "and" and any(kind_of_word(r, lex) for r in rest[1:]):
                return CASUALTIES
            return kind
    head = number.head if number.dep_ in ("nummod", "quantmod", "compound", "amod") else number
    if number.dep_ in ("quantmod",) and head.dep_ == "nummod":
        head = head.head
    for t in (head, *list(head.ancestors)[:3]):
        if t.lower_ == "including":
            return None  # "including 13 US service members" is a part, not the total
        kind = kind_of_word(t, lex)
        if kind is not None:
            return kind
        if t.pos_ in ("VERB", "AUX"):
            # "the number of people killed has risen to 183", "the death toll rose to 45"
            tallies = (c for c in t.children if c.dep_ == "nsubj" and c.lemma_ in lex.tallies)
            for subject in tallies:
                kinds = {kind_of_word(w, lex) for w in subject.subtree} - {None, COUNT}
                if len(kinds) == 1:
                    return kinds.pop()
            break
    # "killed 8 and injured 21": the second figure hangs on its own verb through a conjunction.
    for child in head.children:
        if child.dep_ == "acl" and verb_lemma(child) in lex.killed:
            return KILLED
    return None


def figures(sentence: Span, lex: Lexicon, source: str | None) -> tuple[list[Figure], list[str]]:
    """The figures the sentence states, and the victims it lists as parts of one ("including
    13 US service members")."""
    reports: list[Figure] = []
    victims: list[str] = []
    text = sentence.text
    evidence = Evidence("", sentence.start_char, sentence_end(sentence), source)
    for match in NUMBER.finditer(text):
        count = count_from(match)
        if count is None:
            continue
        start = sentence.start_char + match.start(
            "n" if match["n"] else "vague" if match["vague"] else "low"
        )
        span = sentence.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            continue
        token = span[0]
        if token.ent_type_ in _NOT_PEOPLE:
            continue
        if token.like_num is False and not match["vague"] and not token.is_alpha:
            continue
        kind = figure_kind(token, lex)
        if kind is None:
            if any(t.lower_ == "including" for t in token.ancestors):
                noun = token.head
                victims.append(
                    sentence.doc[token.i : noun.i + 1].text if noun.i > token.i else match.group()
                )
            continue
        reports.append(Figure(kind, count, source, evidence))
    reports += _singular_figures(sentence, lex, evidence, reports)
    return reports, victims


def _singular_figures(
    sentence: Span, lex: Lexicon, evidence: Evidence, reports: list[Figure]
) -> list[Figure]:
    """ "A vigilante was killed", "killed a soldier": one person, counted as one."""
    people = role_lexicon().victims
    found: list[Figure] = []
    for token in sentence:
        kind = kind_of_word(token, lex)
        if kind not in (KILLED, WOUNDED, ABDUCTED) or token.pos_ != "VERB":
            continue
        if any(r.kind == kind for r in reports):
            continue
        for child in token.children:
            if child.dep_ not in ("nsubjpass", "dobj") or child.tag_ != "NN":
                continue
            article = [
                c for c in child.children if c.dep_ == "det" and c.lower_ in ("a", "an", "one")
            ]
            if article and child.lower_ in people:
                text = sentence.doc[article[0].i : child.i + 1].text
                found.append(Figure(kind, Count(1, 1, text), evidence.source, evidence))
    return found
