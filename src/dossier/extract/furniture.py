"""Datelines and credit lines: words of the wire, not of the story, so no actor and no place.

"KABUL, Afghanistan (AP) —" says where a reporter filed from and for whom, and "(Reporting by
...; Editing by ...)" who wrote it up; read as facts they make the agency an organisation, the
editors people and the filing city a place of the attack. The cleaner drops whole paragraphs of
page furniture (data/boilerplate.txt), but a dateline opens the first paragraph of the story and
a credit line often closes a paragraph of it, and a document can reach extract without the
cleaner (an API caller, an export read by eval). So this component, run right after the NER,
marks those stretches: it takes their names out of `doc.ents` (a date stays, the day a report
was filed), and later components claim nothing there (`DocState.furniture`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import doc_text, state
from dossier.vocab.boilerplate import boilerplate_patterns
from dossier.vocab.places import gazetteer

# An all-caps place, optionally followed by a country or state and a date, then an optional
# agency in brackets and a dash, at the start of a paragraph: "MOGADISHU (Reuters) -", "KABUL,
# Afghanistan (AP) —", "ABUJA, Nigeria, May 9 (Reuters) -", "NAIROBI —".
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*)"
    r"(?:, [A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*)*"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?)?"
    r"(?P<agency> ?\([\w .&'’\-]{1,40}\))?"
    r"(?P<dash>\s*[-–—]{1,2}\s)"
)
# A bracketed aside that closes a paragraph: "(Reporting by ...; Editing by ...)".
_CLOSING_ASIDE = re.compile(r"\(([^()]{3,300})\)\s*$")
# Entity labels that would become actors or places; DATE, CARDINAL and the rest stay.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def dateline(paragraph: str) -> int:
    """The length of the dateline opening `paragraph`, 0 if there is none. An agency in brackets
    makes one; without it, the all-caps words must name a place the gazetteer knows, so that an
    acronym opening a sentence ("ISWAP - the group ...") is not taken for one."""
    m = DATELINE.match(paragraph)
    if m is None:
        return 0
    if not m["agency"] and not gazetteer().lookup(m["place"].title()):
        return 0
    return m.end()


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline and credit line of the text, in order."""
    spans = []
    patterns = boilerplate_patterns()
    position = 0
    for paragraph in text.split("\n\n"):
        start, stripped = position, paragraph.strip()
        offset = start + paragraph.find(stripped[:1]) if stripped else start
        position += len(paragraph) + 2
        if not stripped:
            continue
        if patterns.fullmatch(stripped):
            spans.append((offset, offset + len(stripped)))
            continue
        length = dateline(stripped)
        if length:
            spans.append((offset, offset + length))
        aside = _CLOSING_ASIDE.search(stripped)
        if aside and patterns.fullmatch(aside.group(1).strip()):
            spans.append((offset + aside.start(), offset + len(stripped)))
    return spans


class Furniture:
    def __call__(self, doc: Doc) -> Doc:
        spans = furniture_spans(doc_text(doc))
        if not spans:
            return doc
        state(doc).furniture = spans

        def inside(start: int, end: int) -> bool:
            return any(s < end and start < e for s, e in spans)

        doc.ents = [
            e
            for e in doc.ents
            if e.label_ not in NAME_LABELS or not inside(e.start_char, e.end_char)
        ]
        return doc


@Language.factory("dossier_furniture")
def make_furniture(nlp: Language, name: str) -> Furniture:
    return Furniture()
