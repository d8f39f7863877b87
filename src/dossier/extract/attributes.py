"""What a text states a group is made of: its founding, names, leaders and strength, and who
assesses it (model.Attribute, kinds in ATTRIBUTE_KINDS; cue words in data/attributes.yaml).

Each value is read where the sentence ties it to a group mention (an anaphor such as "the group"
counts): "IS-K was founded in January 2015" (founded), "... by former members of the Pakistani
Taliban" (founder, and origin: the group named in that phrase), "(also known as ISISK, IS-K or
ISKP)" (names), "Dr Abdullah Gaznavi, a spokesman for LeT" (leader), "consisted of hundreds of
Pakistani Taliban fighters" (strength), "according to ... the Institute for Economics and Peace"
(source). The evidence of a value runs from the group mention to the end of the words that state
the value, so its quote is the claim itself; its `source` is the sentence's speaker (names have
none: the text itself names the group). Leaders and strength are read in people.py; surrenders
the events component read become strength records of the people who left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from dossier.extract.attribute_sentence import Sentence, cited
from dossier.extract.people import leaders, led_by, strength, surrenders, widened
from dossier.extract.state import DocState, Found, doc_text, state
from dossier.model import ORGANIZATION, PERSON, Attribute, Evidence
from dossier.vocab.attributes import AttributeCues, attribute_cues

# "Tehrik-i-Taliban Pakistan (TTP)": the short name a text gives in brackets after the long one.
_ACRONYM = re.compile(r"\s*\(\s*([A-Z][\w’'-]{1,14})\s*\)")
_APPOSITION = re.compile(r"^,\s[^;.,]{0,60}(?:,[^;.,]{0,30}){0,3}(?=,)")
# What may open a founding date: "in January 2015", "around 2006", "in the summer of 2014".
_DATE_LEAD = re.compile(r"\b(?:in|on|during|around|by|since)\s+(?:the\s+)?(?:\w+\s+(?:of\s+)?)?$")
_QUOTES = "\"'“”‘’ "
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\bor\b)\s*")
_AND = re.compile(r"\s+and\s+")
_NAME_END = re.compile(r"[)\].;:]|,\s+(?:a|an|the|which|who|is|was|has)\b|\s[-–—]\s|\n")


class Attributes:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        if not found.group_mentions():
            return doc
        text = doc_text(doc)
        cues = attribute_cues()
        persons = [
            (widened(text, e.sent.start_char, e.start_char, found), e.end_char)
            for e in doc.ents
            if e.label_ == "PERSON"
        ]
        persons += [
            (m.start, m.end)
            for m in found.mentions
            if m.how != "anaphor" and found.actors[m.actor].kind == PERSON
        ]
        persons = sorted(set(persons))
        out: list[Attribute] = []
        for span in doc.sents:
            sentence = Sentence(span, found, text)
            if not sentence.groups or sentence.text.endswith("?"):
                continue
            out += _founding(sentence, found, text, cues, persons)
            out += _names(sentence, found, text, cues)
            out += leaders(sentence, found, text, cues, persons)
            out += led_by(sentence, text, cues, persons)
            out += strength(sentence, text, cues)
            out += _sources(sentence, found, text, cues)
            out += _area(sentence, text, cues)
        out += surrenders(found, text, cues)
        seen: set[tuple[str, str, str, str | None]] = set()
        for attribute in out:
            key = (attribute.about, attribute.kind, attribute.value.lower(), attribute.role)
            if key not in seen:
                seen.add(key)
                found.attributes.append(attribute)
        return doc


def _clause(text: str, start: int, limit: int, cues: AttributeCues) -> int:
    """Where the clause that starts at `start` ends (at most `limit`)."""
    stop = cues.clause_end.search(text, start, limit)
    return stop.start() if stop else limit


def _founding(
    sentence: Sentence,
    found: DocState,
    text: str,
    cues: AttributeCues,
    persons: list[tuple[int, int]],
) -> Iterator[Attribute]:
    for verb in cues.founding.finditer(text, sentence.start, sentence.end):
        group = sentence.before(verb.start())
        if group is None:
            continue
        # "X, known by the initials Y, announced itself": an apposition may come between.
        between = _APPOSITION.sub("", text[group.end : verb.start()], count=1)
        if len(between) > 40 or not cues.founding_links.fullmatch(between):
            continue
        after = text[verb.end() : verb.end() + 12]
        if not re.match(r"\s+(?:in|on|by|at|during|around|as|from|near|out)\b|[,.;]", after):
            continue  # "formed an alliance": an object, not a founding
        end = _clause(text, verb.end(), sentence.end, cues)
        about = group.actor
        opening = sentence.named_first(group, text)
        for start, stop, date in sentence.dates:
            gap = text[verb.end() : start]
            if verb.end() <= start < end and (not gap.strip() or _DATE_LEAD.search(gap)):
                yield Attribute(about, "founded", date.text, cited(sentence, opening, stop), date)
                break
        for start, stop, place in sentence.places:
            near = start - verb.end() <= 40
            if (
                near
                and verb.end() <= start < end
                and re.search(r"\bin\s+(?:the\s+)?$", text[:start])
            ):
                yield Attribute(about, "founding_place", place.name, cited(sentence, opening, stop))
                break
        by = re.compile(r"\bby\s+").search(text, verb.end(), end + 1)
        if by is None:
            by = re.compile(r"\bby\s+").search(text, verb.end(), sentence.end)
            if by is None or by.start() - verb.end() > 60:
                continue
        stop = cues.clause_end.search(text, by.end(), sentence.end)
        phrase_end = stop.start() if stop else sentence.end
        phrase = text[by.end() : phrase_end].strip()
        if not phrase:
            continue
        evidence = cited(sentence, opening, by.end() + len(text[by.end() : phrase_end].rstrip()))
        origins = [m for m in sentence.groups if by.end() <= m.start < phrase_end]
        people = [(s, e) for s, e in persons if by.end() <= s < phrase_end]
        for s, e in people:
            yield Attribute(about, "founder", text[s:e], cited(sentence, opening, e))
        if not people:
            yield Attribute(about, "founder", phrase, evidence)
        for m in origins:
            if m.actor != about:
                yield Attribute(about, "origin", m.actor, evidence)


def _named(found: DocState, start: int) -> str | None:
    return next((m.actor for m in found.mentions if m.start == start), None)


def _pieces(names: str) -> list[str]:
    """ "ISISK, IS-K or ISKP", "IS-K and ISKP"; but "Support of Islam and Muslims" is one."""
    pieces = []
    for piece in _NAME_SPLIT.split(names):
        parts = _AND.split(piece)
        pieces += parts if all(" " not in p.strip() for p in parts) else [piece]
    return pieces


def _looks_like_name(name: str, cues: AttributeCues) -> bool:
    """Capitalised words, with the particles names hold ("Jama'at Nusrat al-Islam wal-Muslimin")."""
    words = name.split()
    return (
        0 < len(words) <= 8
        and (name[0].isupper() or name[:3] == "al-")
        and all(w[0].isupper() or w.lower() in cues.name_particles or w[:3] == "al-" for w in words)
    )


def _clean_name(name: str) -> str:
    name = name.strip(_QUOTES)
    return re.sub(r"^(?:the|simply)\s+", "", name, flags=re.I).strip(_QUOTES)


def _names(
    sentence: Sentence, found: DocState, text: str, cues: AttributeCues
) -> Iterator[Attribute]:
    """A name cue right after a group mention ("X, formerly known as Y", "X (also known as Y or
    Z)"), or, for a renaming, after the group named before it in the sentence."""
    for group in sentence.groups:
        if group.how == "anaphor":
            continue
        acronym = _ACRONYM.match(text, group.end, sentence.end)
        named = acronym and (acronym.start(1), acronym.end(1))
        if named and (not found.overlaps(*named) or _named(found, named[0]) == group.actor):
            evidence = Evidence("", group.start, acronym.end())
            yield Attribute(group.actor, "name", acronym[1], evidence, role="acronym")
        gap = cues.name_gap.match(text, group.end, sentence.end)
        after = gap.end() if gap else group.end
        for role, cue in cues.names:
            match = cue.match(text, after, sentence.end)
            if match is None and role == "new":
                match = cue.search(text, group.end, min(sentence.end, group.end + 60))
                if match and sentence.before(match.start()) is not group:
                    match = None
            if match is None:
                continue
            stop = _NAME_END.search(text, match.end(), sentence.end)
            end = stop.start() if stop else sentence.end
            date = sentence.date_near(match.start()) if role != "alias" else None
            cursor = match.end()
            for piece in _pieces(text[match.end() : end]):
                at = text.find(piece, cursor, end) if piece else -1
                name = _clean_name(piece)
                if at < 0 or not _looks_like_name(name, cues):
                    break  # the list of names has ended: "..., announced itself"
                cursor = at + len(piece)
                evidence = Evidence("", group.start, at + len(piece.rstrip(_QUOTES)))
                yield Attribute(group.actor, "name", name, evidence, date, role=role)
            break


def _holder(sentence: Sentence, position: int, holder_nouns: frozenset[str]) -> Found | None:
    """The group a cue at `position` says something of, by the parse: climbing from the cue to
    the clause it belongs to, the first group named on the way, or the subject of that clause
    when a group is ("IS-K is the branch of the IS group operating in Afghanistan": IS-K;
    "militants based in eastern Afghanistan": none)."""

    def named(token: Token) -> Found | None:
        return next((m for m in sentence.groups if m.start <= token.idx < m.end), None)

    span = sentence.span.doc.char_span(position, position + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    while token is not None:
        if (found := named(token)) is not None:
            return found
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return named(subjects[0])
        if token.head.i == token.i:
            return None
        head = token.head
        describes = token.dep_ in ("acl", "relcl", "amod")
        if describes and named(head) is None and head.lower_ not in holder_nouns:
            return None  # "militants based in ...": it speaks of the militants
        token = head
    return None


_AREA_END = re.compile(r"[;.]|,\s|\b(?:until|by|when|after|before|while|but|from)\b")


def _area(sentence: Sentence, text: str, cues: AttributeCues) -> Iterator[Attribute]:
    """The places of the clause after an area cue ("operating in", "ruled", "control of
    territory in"), for the group the parse says the cue is about."""
    for cue in cues.area.finditer(text, sentence.start, sentence.end):
        group = _holder(sentence, cue.start(), cues.holder_nouns)
        if group is None:
            continue
        stop_at = _AREA_END.search(text, cue.end(), min(sentence.end, cue.end() + 100))
        end = stop_at.start() if stop_at else min(sentence.end, cue.end() + 100)
        for start, stop, place in sentence.places:
            if cue.end() <= start < end:
                opening = min(sentence.named_first(group, text), cue.start())
                date = sentence.date_near(stop) if sentence.dates else None
                evidence = cited(sentence, opening, stop)
                yield Attribute(group.actor, "area", place.name, evidence, date)


def _sources(
    sentence: Sentence, found: DocState, text: str, cues: AttributeCues
) -> Iterator[Attribute]:
    """ "according to the Center for Strategic and International Studies, IS-K ...": the
    organisation whose assessment of the groups of the sentence the text reports."""
    for cue in cues.assessment.finditer(text, sentence.start, sentence.end):
        stop = re.compile(r"[,;.]\s|\s[-–—]\s").search(text, cue.end(), sentence.end)
        end = stop.start() if stop else sentence.end
        named = [
            m
            for m in found.mentions
            if cue.end() <= m.start < end
            and m.how != "anaphor"
            and found.actors[m.actor].kind == ORGANIZATION
        ]
        if not named:
            continue
        organisation = named[-1].actor
        about = {m.actor for m in sentence.groups if not (cue.start() <= m.start < end)}
        for group in sorted(about):
            evidence = Evidence("", cue.start(), end, organisation)
            yield Attribute(group, "source", organisation, evidence)


@Language.factory("dossier_attributes")
def make_attributes(nlp: Language, name: str) -> Attributes:
    return Attributes()
