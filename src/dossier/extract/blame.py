"""Who a sentence holds to account for a harm, and who blames: "accused the army of the
massacre", "the soldiers accused of the murder", "holds the front responsible for", "the rebels
blamed the police" (data/roles.yaml `blame_verbs`, `blame_words`). The accused are doers; the
accusers are not."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract.forces import force_of
from dossier.extract.phrases import conjuncts
from dossier.vocab.roles import RoleLexicon


def blamed(sentence: Span, lex: RoleLexicon) -> list[Token]:
    """Who a sentence holds to account for a harm it names: the object of "blame", "accuse",
    "hold responsible"; the subject of "accused of", "charged with", "responsible for", "behind";
    the doers "accused" or "charged" qualifies ("the soldiers accused of the massacre").
    Only in a sentence that names a harm, so "accused of corruption" is not read; where it names
    only an attack ("accused the army of the bombing"), only the state's forces are read."""
    harm = any(t.lemma_.lower() in lex.harm_verbs for t in sentence)
    if not harm and not any(attack_noun(t, lex) for t in sentence):
        return []
    found: list[Token] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in lex.blame_verbs and token.dep_ == "acl" and token.tag_ == "VBN":
            # "five soldiers accused of the massacre"; "individuals charged with it" are
            # mostly people the text names elsewhere.
            if token.head.lower_ in lex.strong_perpetrators | lex.state_members:
                found += conjuncts(token.head)
        elif lemma in lex.blame_verbs and token.pos_ == "VERB":
            deps = ("dobj", "nsubjpass") if lemma != "hold" else ("dobj",)
            found += [g for c in token.children if c.dep_ in deps for g in conjuncts(c)]
        elif lemma in lex.blame_words and token.head.lemma_ == "be":
            found += [g for c in token.head.children if c.dep_ == "nsubj" for g in conjuncts(c)]
        elif lemma in lex.blame_words and token.head.lemma_.lower() in lex.blame_verbs:
            # "holds the front responsible for": who is held to account is the word's subject
            found += [g for c in token.children if c.dep_ == "nsubj" for g in conjuncts(c)]
    return found if harm else [t for t in found if force_of(t, lex) is not None]


def holds_to_account(verb: Token, lex: RoleLexicon) -> bool:
    """ "holds the front responsible", "held the rebels responsible": a verb of holding someone
    to account, not of holding hostages."""
    return any(w.lower_ in lex.blame_words for c in verb.children for w in (c, *c.children))


def attack_noun(token: Token, lex: RoleLexicon) -> bool:
    """An attack told as a noun: "the dynamite attack", "the bombing"."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in lex.attack_verbs


def accuser(subject: Token, lex: RoleLexicon) -> bool:
    """Whether a subject is who blames, not who did it: "the rebels blamed the army for ...",
    "the rebels claimed ... and blamed the army"."""
    verb = subject.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    accused = [
        g
        for v in verbs
        if v.lemma_.lower() in lex.blame_verbs
        for c in v.children
        if c.dep_ == "dobj"
        for g in conjuncts(c)
    ]
    return any(force_of(g, lex) is not None for g in accused)
