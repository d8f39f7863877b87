"""Leaders and strength of a group as sentences state them (model.Attribute kinds `leader` and
`strength`; cue words in data/attributes.yaml), read by extract/attributes.py.

A leader is a person named beside a role and a group in one of the shapes news uses ("IS-K
leader Hafiz Saeed Khan", "Dr Abdullah Gaznavi, a spokesman for LeT", "the emir of ISWAP, Abu
Musab al-Barnawi", "Sheikh Abdiasis Abu Musab, al Shabaab's military spokesman"), with what
became of them when the sentence says so near the name. A count of fighters or members is a
strength only in a sentence that gives a size; a toll or an attack party never is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dossier.extract.attribute_sentence import Sentence, cited
from dossier.extract.numbers import COUNT, count_from
from dossier.extract.state import DocState
from dossier.model import Attribute, Evidence
from dossier.vocab.attributes import AttributeCues

_TITLED = re.compile(
    r"(?:\b(?!(?:The|A|An|In|On|At|As|But|And|When|After|Its|His|Her)\b)[A-Z][\w'’.-]*\s){1,3}$"
)


def widened(text: str, floor: int, start: int, found: DocState) -> int:
    """A person's name with the capitalised words just before it that the NER left out
    ("Sheikh Abdiasis" of "Sheikh Abdiasis Abu Musab"), never over another name."""
    words = _TITLED.search(text, floor, start)
    if words is None or found.overlaps(words.start(), start):
        return start
    return words.start()


def _person_at(persons: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The person named exactly at [start, ...) or ending exactly at end."""
    for s, e in persons:
        if s == start or e == end:
            return s, e
    return None


def leaders(
    sentence: Sentence,
    found: DocState,
    text: str,
    cues: AttributeCues,
    persons: list[tuple[int, int]],
) -> Iterator[Attribute]:
    role = cues.role_phrase
    # (regex over the text after a group mention, side) and the same before it.
    after_group = re.compile(rf"(?:'s|’s)?\s+{role}\s*(?:,|\s(?:is|was))?\s+", re.I)
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
            lead = re.search(
                r",?\s*(?:who\s+)?(?:(?:had|has)\s+been|was|is|became)?\s*$",
                text[sentence.start : role_start],
            )
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
                cited(sentence, start, end),
                sentence.date_near(start),
                role=kind,
                fate=fate,
            )


def led_by(
    sentence: Sentence, text: str, cues: AttributeCues, persons: list[tuple[int, int]]
) -> Iterator[Attribute]:
    """ "TTP was formed ... under the leadership of Baitullah Mehsud": the person leads the
    group named last before the cue in the sentence, with no other group between."""
    for match in cues.led_by.finditer(text, sentence.start, sentence.end):
        group = sentence.before(match.start())
        person = _person_at(persons, match.end(), -1)
        if group is None or person is None or match.start() - group.end > 160:
            continue
        role = cues.led_by_roles[" ".join(match["cue"].lower().split())]
        yield Attribute(
            group.actor,
            "leader",
            text[person[0] : person[1]],
            cited(sentence, sentence.named_first(group, text), person[1]),
            sentence.date_near(match.start()),
            role=role,
        )


def strength(sentence: Sentence, text: str, cues: AttributeCues) -> Iterator[Attribute]:
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
            cited(sentence, start, noun.end()),
            sentence.date_near(match.start()),
            count,
            role=role,
        )


def surrenders(found: DocState, text: str, cues: AttributeCues) -> Iterator[Attribute]:
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
        end = noun.end() if noun else at + len(event.count.text)
        after = None if leaving else cues.leaving_cue.search(text, end, min(span.end, end + 40))
        if leaving is None and after is None:
            start, end = span.start, span.end  # the sentence that tells the surrender
        else:
            start = leaving.start() if leaving else at
            end = after.end() if after else end
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
