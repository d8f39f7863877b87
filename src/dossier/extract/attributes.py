"""What a text states a group is made of: its founding, names, leaders and strength, and who
assesses it (model.Attribute, kinds in ATTRIBUTE_KINDS; cue words in data/attributes.yaml).

Each value is read where the sentence ties it to a group mention (an anaphor such as "the group"
counts): "IS-K was founded in January 2015" (founded), "... by former members of the Pakistani
Taliban" (founder, and origin: the group named in that phrase), "(also known as ISISK, IS-K or
ISKP)" (names), "Dr Abdullah Gaznavi, a spokesman for LeT" (leader), "consisted of hundreds of
Pakistani Taliban fighters" (strength), "according to ... the Institute for Economics and Peace"
(source). The evidence of a value runs from the group mention to the end of the words that state
the value, so its quote is the claim itself; its `source` is the sentence's speaker. A count is a
strength only in a sentence that gives a size ("has", "consisted of", "an estimated"); a toll or
an attack party ("killed 34 militants", "50 gunmen were involved") never is. Surrenders the
events component read become strength records of the people who left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.numbers import COUNT, count_from
from dossier.extract.state import DocState, Found, doc_text, state
from dossier.model import ORGANIZATION, PERSON, Attribute, DateValue, Evidence
from dossier.vocab.attributes import AttributeCues, attribute_cues

# "Tehrik-i-Taliban Pakistan (TTP)": the short name a text gives in brackets after the long one.
_ACRONYM = re.compile(r"\s*\(\s*([A-Z][\w’'-]{1,14})\s*\)")
_QUOTES = "\"'“”‘’ "
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\bor\b|\band\b)\s*")
_NAME_END = re.compile(r"[)\].;:]|,\s+(?:a|an|the|which|who|is|was|has)\b|\s[-–—]\s|\n")


class Sentence:
    """One sentence with what the components before found in it."""

    def __init__(self, span: Span, found: DocState, text: str) -> None:
        self.span = span
        self.start = span.start_char
        self.end = span.start_char + len(span.text.rstrip())
        self.text = text[self.start : self.end]
        self.groups = [m for m in found.group_mentions() if self.start <= m.start < self.end]
        self.dates = [d for d in found.dates if self.start <= d[0] < self.end]
        self.places = [p for p in found.places if self.start <= p[0] < self.end]
        self.source = found.speakers.get(self.start)

    def before(self, position: int) -> Found | None:
        """The group named last before `position`."""
        earlier = [m for m in self.groups if m.end <= position]
        return earlier[-1] if earlier else None

    def date_near(self, position: int) -> DateValue | None:
        if not self.dates:
            return None
        return min(self.dates, key=lambda d: abs(d[0] - position))[2]


class Attributes:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        if not found.group_mentions():
            return doc
        text = doc_text(doc)
        cues = attribute_cues()
        persons = [
            (_widened(text, e.sent.start_char, e.start_char, found), e.end_char)
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
            out += _leaders(sentence, found, text, cues, persons)
            out += _strength(sentence, text, cues)
            out += _sources(sentence, found, text, cues)
        out += _surrenders(found, text, cues)
        seen: set[tuple[str, str, str, str | None]] = set()
        for attribute in out:
            key = (attribute.about, attribute.kind, attribute.value.lower(), attribute.role)
            if key not in seen:
                seen.add(key)
                found.attributes.append(attribute)
        return doc


_TITLED = re.compile(
    r"(?:\b(?!(?:The|A|An|In|On|At|As|But|And|When|After|Its|His|Her)\b)[A-Z][\w'’.-]*\s){1,3}$"
)


def _widened(text: str, floor: int, start: int, found: DocState) -> int:
    """A person's name with the capitalised words just before it that the NER left out
    ("Sheikh Abdiasis" of "Sheikh Abdiasis Abu Musab"), never over another name."""
    words = _TITLED.search(text, floor, start)
    if words is None or found.overlaps(words.start(), start):
        return start
    return words.start()


def _cited(sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence("", start, end, sentence.source)


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
        between = text[group.end : verb.start()]
        if len(between) > 40 or not cues.founding_links.fullmatch(between):
            continue
        after = text[verb.end() : verb.end() + 4]
        if not re.match(r"\s+(?:in|on|by|at|during|around|as|from|near|out)\b|[,.;]", after):
            continue  # "formed an alliance": an object, not a founding
        end = _clause(text, verb.end(), sentence.end, cues)
        about = group.actor
        for start, stop, date in sentence.dates:
            if verb.end() <= start < end and re.search(
                r"\b(?:in|on|during|around|by)\s+(?:the\s+)?(?:\w+\s+)?$", text[verb.end() : start]
            ):
                yield Attribute(
                    about, "founded", date.text, _cited(sentence, group.start, stop), date
                )
                break
        for start, stop, place in sentence.places:
            if verb.end() <= start < end and re.search(r"\bin\s+(?:the\s+)?$", text[:start]):
                yield Attribute(
                    about, "founding_place", place.name, _cited(sentence, group.start, stop)
                )
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
        evidence = _cited(
            sentence, group.start, by.end() + len(text[by.end() : phrase_end].rstrip())
        )
        origins = [m for m in sentence.groups if by.end() <= m.start < phrase_end]
        people = [(s, e) for s, e in persons if by.end() <= s < phrase_end]
        for s, e in people:
            yield Attribute(about, "founder", text[s:e], _cited(sentence, group.start, e))
        if not people:
            yield Attribute(about, "founder", phrase, evidence)
        for m in origins:
            if m.actor != about:
                yield Attribute(about, "origin", m.actor, evidence)


def _named(found: DocState, start: int) -> str | None:
    return next((m.actor for m in found.mentions if m.start == start), None)


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
        if acronym and not found.overlaps(acronym.start(1), acronym.end(1)) or (
            acronym and _named(found, acronym.start(1)) == group.actor
        ):
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
            for piece in _NAME_SPLIT.split(text[match.end() : end]):
                at = text.find(piece, cursor, end) if piece else -1
                name = _clean_name(piece)
                if at < 0 or not name or len(name) > 80 or not name[0].isupper():
                    continue
                cursor = at + len(piece)
                evidence = Evidence("", group.start, at + len(piece.rstrip(_QUOTES)))
                yield Attribute(group.actor, "name", name, evidence, date, role=role)
            break


def _person_at(persons: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The person named exactly at [start, ...) or ending exactly at end."""
    for s, e in persons:
        if s == start or e == end:
            return s, e
    return None


def _leaders(
    sentence: Sentence,
    found: DocState,
    text: str,
    cues: AttributeCues,
    persons: list[tuple[int, int]],
) -> Iterator[Attribute]:
    role = cues.role_phrase
    # (regex over the text after a group mention, side) and the same before it.
    after_group = re.compile(rf"(?:'s|’s)?\s+{role}\s*,?\s+", re.I)
    before_group = re.compile(rf"{role}\s+(?:of|for|with|in)\s+(?:the\s+)?$", re.I)
    for group in sentence.groups:
        if group.how == "anaphor" and not text[group.start : group.end].lower().startswith("its"):
            continue
        stated: list[tuple[tuple[int, int], re.Match[str], int, int]] = []
        # "IS-K leader Hafiz Saeed Khan", "al Shabaab's military spokesman, Sheikh ..."
        match = after_group.match(text, group.end, sentence.end)
        if match:
            person = _person_at(persons, match.end(), -1)
            if person:
                stated.append((person, match, group.start, person[1]))
        window = text[max(sentence.start, group.start - 80) : group.start]
        match = before_group.search(window)
        if match:
            role_start = group.start - len(window) + match.start()
            # "Dr Abdullah Gaznavi, a spokesman for LeT"
            lead = re.search(r",\s*$", text[sentence.start : role_start])
            person = _person_at(persons, -1, lead.start() + sentence.start) if lead else None
            if person:
                stated.append((person, match, person[0], group.end))
            # "the emir of ISWAP, Abu Musab al-Barnawi"
            tail = re.match(r",?\s+", text[group.end : sentence.end])
            person = _person_at(persons, group.end + tail.end(), -1) if tail else None
            if person:
                stated.append((person, match, role_start, person[1]))
        # "Sheikh Abdiasis Abu Musab, al Shabaab's military spokesman"
        lead = re.search(r",\s*(?:the\s+)?$", text[sentence.start : group.start])
        possessive = re.compile(rf"(?:'s|’s)\s+{role}\b", re.I).match(text, group.end)
        if lead and possessive:
            person = _person_at(persons, -1, sentence.start + lead.start())
            if person:
                stated.append((person, possessive, person[0], possessive.end()))
        for (p_start, p_end), match, start, end in stated:
            kind = cues.role_of(match["role"])
            modifiers = match.group().lower()
            fate = cues.fates["former"] if re.search(r"\bformer\b", modifiers) else None
            fate = cues.fates["late"] if re.search(r"\blate\b", modifiers) else fate
            said = cues.fate.search(text, p_end, min(sentence.end, p_end + 60))
            near = cues.fate.search(text, max(sentence.start, start - 30), start)
            for hit in (said, near):
                if hit:
                    fate = cues.fates[" ".join(hit.group().lower().split())]
                    end = max(end, hit.end())
                    start = min(start, hit.start())
            yield Attribute(
                group.actor,
                "leader",
                text[p_start:p_end],
                _cited(sentence, start, end),
                sentence.date_near(start),
                role=kind,
                fate=fate,
            )


def _strength(sentence: Sentence, text: str, cues: AttributeCues) -> Iterator[Attribute]:
    for match in COUNT.finditer(text, sentence.start, sentence.end):
        if any(s <= match.start() < e for s, e, _ in sentence.dates):
            continue
        noun = cues.members.match(text, match.end(), sentence.end)
        if noun is None:
            continue
        count = count_from(match)
        if count is None or count.low is None:
            continue
        left = max(sentence.start, match.start() - 70)
        right = min(sentence.end, noun.end() + 40)
        leaving = cues.leaving_cue.search(
            text, max(sentence.start, match.start() - 30), match.start()
        )
        if cues.toll.search(text, left, right) and not leaving:
            continue
        size = cues.size.search(text, left, match.start())
        if not size and not leaving:
            continue
        group = sentence.before(match.start()) or next(
            (m for m in sentence.groups if m.start >= match.start()), None
        )
        if group is None:
            continue
        start = min(group.start, (leaving or size).start())
        if leaving:
            role = cues.leaving[leaving.group().lower()]
        elif cues.at_founding.search(text, left, match.start()):
            role = "at founding"
        else:
            role = "estimate"
        yield Attribute(
            group.actor,
            "strength",
            text[match.start() : noun.end()],
            _cited(sentence, start, noun.end()),
            sentence.date_near(match.start()),
            count,
            role=role,
        )


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


def _surrenders(found: DocState, text: str, cues: AttributeCues) -> Iterator[Attribute]:
    """Fighters who left a group in a surrender the events component read: the evidence is the
    words from the surrender to the people counted, the date the one nearest them."""
    for event in found.events:
        if event.type != "surrender" or event.count is None or event.perpetrator is None:
            continue
        span = event.evidence
        at = text.find(event.count.text, span.start, span.end)
        if at < 0:
            continue
        cues_before = list(cues.leaving_cue.finditer(text, max(span.start, at - 40), at))
        leaving = cues_before[-1] if cues_before else None
        noun = cues.members.match(text, at + len(event.count.text), span.end)
        start = leaving.start() if leaving else at
        end = noun.end() if noun else at + len(event.count.text)
        # The date may open the next sentence ("... surrendered. In late 2019, ...").
        dates = [d for d in found.dates if span.start <= d[0] < max(span.end, end + 80)]
        date = min(dates, key=lambda d: abs(d[0] - end))[2] if dates else event.date
        yield Attribute(
            event.perpetrator,
            "strength",
            text[at:end],
            Evidence("", start, end, span.source),
            date,
            event.count,
            role="surrendered",
        )


@Language.factory("dossier_attributes")
def make_attributes(nlp: Language, name: str) -> Attributes:
    return Attributes()
