"""A sentence as the attribute readers see it: its text, the group mentions, dates and places
in it and who it is attributed to; and the evidence of a value stated in it."""

from __future__ import annotations

import re

from spacy.tokens import Span

from dossier.extract.state import DocState, Found, sentence_end
from dossier.model import DateValue, Evidence


class Sentence:
    """One sentence with what the components before found in it."""

    def __init__(self, span: Span, found: DocState, text: str) -> None:
        self.span = span
        self.start = span.start_char
        self.end = sentence_end(span)
        self.text = text[self.start : self.end]
        self.groups = [m for m in found.group_mentions() if self.start <= m.start < self.end]
        self.dates = [d for d in found.dates if self.start <= d[0] < self.end]
        self.places = [p for p in found.places if self.start <= p[0] < self.end]
        self.source = found.speakers.get(self.start)

    def before(self, position: int) -> Found | None:
        """The group named last before `position`."""
        earlier = [m for m in self.groups if m.end <= position]
        return earlier[-1] if earlier else None

    def named_first(self, group: Found, text: str) -> int:
        """Where the group is first named in the run of its names just before a value ("Islamic
        State Khorasan Province, known by the initials IS-K, ISISK or ISKP, announced itself",
        "Tehrik-i-Taliban Pakistan (TTP) was formed")."""
        start = group.start
        for m in reversed([m for m in self.groups if m.end <= group.start]):
            apart = start - m.end > 80 or re.search(r"[;.]", text[m.end : start])
            if m.actor != group.actor or apart:
                break
            start = m.start
        return start

    def date_near(self, position: int) -> DateValue | None:
        if not self.dates:
            return None
        return min(self.dates, key=lambda d: abs(d[0] - position))[2]


def cited(sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence("", start, end, sentence.source)
