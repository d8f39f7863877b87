"""One harmed person without a number: "a fighter was killed", "killed the village chief",
"Abbas was killed", "killing him and 14 others". Each counts as one, and takes its place in
the enumeration it belongs to, so "the mayor and his two bodyguards" is a toll of three.

Only a singular noun with an article, a demonstrative or a possessive, a person's name, or "him"
and "her" count: a bare plural ("killed civilians") states no figure, and a figure where none was
stated is a false death.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract.events.parts import ABDUCTED, KILLED, WOUNDED, Part, kind_of_word
from dossier.extract.state import state
from dossier.model import Count
from dossier.vocab.events import Lexicon

_ARTICLES = ("a", "an", "one", "the", "this", "that", "another")
_PRONOUNS = ("him", "her")
# Pronouns of one person as the subject of "was killed" or "died": "He was killed".
_SUBJECT_PRONOUNS = ("he", "she")
# Entity labels the tagger gives a person's name it does not know ("Marcellana was killed").
_NAME_LABELS = ("PERSON", "", "ORG", "NORP")
# Verbs whose subject is the one harmed: "the driver died".
_INTRANSITIVE = ("die", "perish", "succumb")


def singular_parts(sentence: Span, lex: Lexicon, taken: set[int]) -> list[Part]:
    """The people harmed one by one in the sentence; `taken` are tokens a number already
    counts."""
    found: dict[tuple[int, str], Part] = {}
    kinds = [(token, kind_of_word(token, lex)) for token in sentence]
    for token, kind in kinds:
        if kind not in (KILLED, WOUNDED, ABDUCTED):
            continue
        for person in _harmed(token, lex):
            for noun in (person, *person.conjuncts):
                outside = not sentence.start <= noun.i < sentence.end
                if noun.i in taken or (noun.i, kind) in found or outside:
                    continue
                part = _one(noun, kind, lex)
                if part is not None:
                    found[noun.i, kind] = part
    if any(p.kind == KILLED for p in found.values()) or any(k == KILLED for _t, k in kinds):
        for noun in _besides(sentence, lex):
            if noun.i not in taken:
                found[noun.i, KILLED] = Part(KILLED, Count(1, 1, noun.text), noun, noun, True)
    return list(found.values())


def _besides(sentence: Span, lex: Lexicon) -> list[Token]:
    """ "In addition to the bomber, three people were killed": the attacker died too."""
    found = []
    for token in sentence:
        if token.lower_ != "addition" or token.head.lower_ != "in":
            continue
        for prep in (c for c in token.children if c.lower_ == "to"):
            found += [
                c
                for c in prep.children
                if c.dep_ == "pobj" and c.tag_ == "NN" and c.lower_ in lex.attacker_nouns
            ]
    return found


def _harmed(word: Token, lex: Lexicon) -> list[Token]:
    """The people a harm word is done to: the object or passive subject of its verb ("killed
    the chief", "a man was shot dead", "shot and killed a herder"), the subject of "died", the
    noun "dead" qualifies ("shot dead the councilor"), the noun a participle qualifies ("a man
    killed in an airstrike")."""
    if word.lower_ in lex.death_words:
        if word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"):
            return [word.head]  # "shot dead the councilor"
        verb = next((t for t in word.ancestors if t.pos_ == "VERB"), None)
        if verb is None:
            return []
    elif word.pos_ == "VERB" and word.lower_ != "missing":
        verb = word  # "missing" is a state, not a deed done to someone named
    else:
        return []
    deps = ("nsubjpass", "dobj")
    if verb.lemma_.lower() in _INTRANSITIVE:
        deps = ("nsubj", "nsubjpass")
    # One object per verb: a second is the tagger's misreading of a name further on ("killed
    # a member ... in Ukhiya (Cox's Bazar)"); its conjuncts carry an enumeration.
    people = [c for c in verb.children if c.dep_ in deps and _worded(c)][:1]
    if not people and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "shot and killed the chief": the object hangs on the first verb.
        people = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj")]
    if not people:
        # "killed and mutilated a farmer": the object hangs on the last verb.
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            people += [c for c in conj.children if c.dep_ in ("nsubjpass", "dobj")]
    reduced = verb is word and verb.dep_ == "acl" and verb.tag_ == "VBN"
    if not people and reduced and verb.head.pos_ == "NOUN":
        people = [verb.head]  # "and a pastoralist man killed in an airstrike"
    return people


def _one(noun: Token, kind: str, lex: Lexicon) -> Part | None:
    """One person, when the noun is a singular person marked as one, a name, or a pronoun."""
    if any(c.dep_ in ("nummod", "quantmod") for c in noun.children):
        return None
    if not _worded(noun):
        return None  # "05/26/2013" tagged a person
    if any(t.lower_ in ("including", "among") for t in noun.ancestors):
        return None  # a part of a toll told beside it
    first = noun
    subject = noun.dep_ in ("nsubj", "nsubjpass")
    if noun.lower_ in _PRONOUNS or (subject and noun.lower_ in _SUBJECT_PRONOUNS):
        pass
    elif noun.tag_ == "NNP" and noun.ent_type_ in _NAME_LABELS and not _group_named(noun):
        # A name: "Abbas was killed" (a surname alone is often left untagged).
        first = noun.doc[noun.left_edge.i] if noun.left_edge.tag_ == "NNP" else noun
    elif noun.ent_type_ == "PERSON" and noun.pos_ != "PRON":
        first = noun.doc[noun.left_edge.i] if noun.left_edge.ent_type_ == "PERSON" else noun
    elif noun.tag_ == "NN" and _harmed_one(noun, kind, lex):
        # "the Markounda city imam": the article may hang on a word of the noun's compound.
        marks = [
            c
            for c in noun.doc[noun.left_edge.i : noun.i]
            if (c.dep_ == "det" and c.lower_ in _ARTICLES) or c.dep_ == "poss"
        ]
        if not marks:
            return None
        first = min(marks, key=lambda t: t.i)
    else:
        return None
    attackers = noun.lower_ in lex.attacker_nouns or noun.lemma_.lower() in lex.attacker_nouns
    text = noun.doc[first.i : noun.i + 1].text
    return Part(kind, Count(1, 1, text), first, noun, attackers)


def _worded(token: Token) -> bool:
    """Whether the token has letters: a date such as "05/26/2013" is tagged a person or an
    object at times."""
    return any(ch.isalpha() for ch in token.text)


def _group_named(noun: Token) -> bool:
    """Whether the word is part of an armed group's or a place's name: neither is one person
    ("killed ... in Ukhiya upazila (Cox's Bazar)" where the tagger makes the place an object)."""
    found = state(noun.doc)
    spans = [(m.start, m.end) for m in found.group_mentions()]
    spans += [(start, end) for start, end, _place in found.places]
    return any(start <= noun.idx < end for start, end in spans)


def _harmed_one(noun: Token, kind: str, lex: Lexicon) -> bool:
    """Whether a singular noun harmed is a person: one of the person nouns, or, for the killed
    and the wounded, any noun but a thing or an animal ("killed a boda-boda operator"); what
    is seized or captured is often a thing, so the abducted must be known people."""
    if person_word(noun, lex):
        return True
    tally = noun.lemma_.lower() in lex.tallies  # "downplay the number of fighters killed"
    thing = noun.lower_ in lex.not_people or bool(noun.ent_type_)
    return kind != ABDUCTED and not thing and not tally


def person_word(noun: Token, lex: Lexicon) -> bool:
    """Whether the noun names people ("fighter", "soldiers")."""
    return noun.lower_ in lex.people or noun.lemma_.lower() in lex.people
