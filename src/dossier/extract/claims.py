"""Who says it: the source of each sourced sentence, and the groups the sentence is about.

"According to the Center for Strategic and International Studies, IS-K ...", "police said",
"the group said in a statement", "Gaznavi claimed 13 ... were killed". The source is the named
person or organisation inside the speaking phrase when there is one ("police spokesman Bhavesh
Kumar Choudhary" is "Bhavesh Kumar Choudhary"), else the phrase itself ("a police spokesman").
Events take their figures' sources from here, so conflicting figures keep who gave them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.extract.state import DocState, sentence_end, span_text, state
from dossier.model import ARMED_GROUP, PERSON, Claim, Evidence
from dossier.vocab.claims import speech_verbs

_ACCORDING = re.compile(r"\baccording to\s+", re.I)
_STOP = re.compile(r"[,;:.()\n]|\b(?:that|which|who|as|in|on|at)\b")
_ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _name_in(span: Span, found: DocState) -> str:
    """The most specific name inside a speaking phrase."""
    for m in found.mentions:
        if span.start_char <= m.start and m.end <= span.end_char and m.how != "anaphor":
            info = found.actors.get(m.actor)
            if info is not None and info.kind != PERSON:
                return m.actor
    for ent in span.ents:
        if ent.label_ in _ENTITY_LABELS:
            return ent.text.removeprefix("the ").removeprefix("The ")
    text = span_text(span).strip()
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _actor_at(token: Token, found: DocState) -> str | None:
    for m in found.mentions:
        if m.start <= token.idx < m.end:
            return m.actor
    return None


def speaker(sentence: Span, found: DocState) -> tuple[str, int, int] | None:
    """(source, start, end) of the speaking phrase of a sentence, or None."""
    text = span_text(sentence)
    according = _ACCORDING.search(text)
    if according:
        rest = text[according.end() :]
        stop = _STOP.search(rest)
        phrase_end = according.end() + (stop.start() if stop else len(rest))
        start = sentence.start_char + according.end()
        span = sentence.doc.char_span(
            start, sentence.start_char + phrase_end, alignment_mode="expand"
        )
        if span is not None and span_text(span).strip():
            return _name_in(span, found), span.start_char, span.end_char
    speech = speech_verbs()
    for token in sentence:
        if token.lemma_ not in speech and token.lower_ not in speech:
            continue
        if token.pos_ not in ("VERB", "AUX"):
            continue
        # "is said to" names no speaker: only active subjects speak.
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.pos_ == "PRON":
            actor = _actor_at(subject, found)
            if actor is None:
                continue
            return actor, subject.idx, subject.idx + len(subject)
        span = sentence.doc[subject.left_edge.i : subject.right_edge.i + 1]
        person = _person(subject)
        if person is not None:
            # "Dr Abdullah Gaznavi, a spokesman for LeT, told ...": the person speaks, and the
            # span keeps "a spokesman for LeT" so that events see whose word it is.
            return person.text, span.start_char, span.end_char
        named = any(
            span.start_char <= m.start < span.end_char and m.how != "anaphor"
            for m in found.mentions
        )
        if subject.ent_type_ or named:
            # "a spokesman for al Shabaab said": the group speaks through its spokesman.
            return _name_in(span, found), span.start_char, span.end_char
        referred = _actor_at(subject, found)
        if referred is not None:
            return referred, span.start_char, span.end_char  # "the group said": the group
        # "Authorities in northwestern Pakistan said": the speaker is the authorities.
        phrase = re.sub(r"^(?:the|a|an)\s+", "", span_text(span).strip(), flags=re.I)
        return phrase, span.start_char, span.end_char
    return None


def _person(subject: Token) -> Span | None:
    """The person a subject names: itself, or its appositive ("the police chief, Imran Khan")."""
    for token in (subject, *(c for c in subject.children if c.dep_ == "appos")):
        if token.ent_type_ == "PERSON":
            ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
            return ent
    return None


def _role(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I).lower()


class Claims:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        groups = found.group_mentions()
        said_by = [(sentence, speaker(sentence, found)) for sentence in doc.sents]
        # "a police spokesman said" and later "police spokesman Bhavesh Kumar Choudhary said":
        # a role the article names elsewhere is that person.
        roles: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.start > 0:
                before = doc[max(ent.sent.start, ent.start - 3) : ent.start]
                if before and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in before):
                    roles.setdefault(_role(before.text), ent.text)
        for sentence, said in said_by:
            if said is None:
                continue
            source, start, end = said
            source = roles.get(_role(source), source)
            found.speakers[sentence.start_char] = source
            found.speaker_spans[sentence.start_char] = (start, end)
            about = []
            for m in groups:
                inside = sentence.start_char <= m.start < sentence.end_char
                if inside and not (start <= m.start < end) and m.actor not in about:
                    about.append(m.actor)
            speaker_info = found.actors.get(source)
            if not about and speaker_info is not None and speaker_info.kind == ARMED_GROUP:
                about.append(source)  # "the group said in a statement": it speaks of itself
            if not about:
                # "Gaznavi, a spokesman for LeT, said": he speaks of the group he speaks for.
                about = list(dict.fromkeys(m.actor for m in groups if start <= m.start < end))
            evidence = Evidence(
                "",
                sentence.start_char,
                sentence_end(sentence),
                source,
            )
            for actor in about:
                found.claims.append(Claim(source, actor, evidence))
        return doc


@Language.factory("dossier_claims")
def make_claims(nlp: Language, name: str) -> Claims:
    return Claims()
