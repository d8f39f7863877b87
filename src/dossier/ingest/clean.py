"""Clean body text: one paragraph per block, boilerplate lines and repeated paragraphs dropped.

The clean text is what every evidence offset points into, so cleaning happens once, here,
before extraction, and what it removes is returned rather than thrown away.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.vocab.boilerplate import boilerplate_patterns

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


def is_boilerplate(paragraph: str) -> bool:
    return boilerplate_patterns().fullmatch(paragraph) is not None


# A short paragraph printed more than once is page furniture (a photo caption, a pull quote):
# every copy goes. A longer repeated paragraph is article text printed twice: the first stays.
FURNITURE_CHARS = 300


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the clean text (paragraphs joined by blank lines) and the paragraphs dropped."""
    paragraphs = [
        _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    paragraphs = [p for p in paragraphs if p]
    paragraphs, tail = _split_tail(paragraphs)
    copies = Counter(p.casefold() for p in paragraphs)
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for i, paragraph in enumerate(paragraphs):
        key = paragraph.casefold()
        furniture = copies[key] > 1 and len(paragraph) <= FURNITURE_CHARS and i > 0
        if key in seen or furniture or is_boilerplate(paragraph):
            dropped.append(paragraph)
            continue
        seen.add(key)
        kept.append(paragraph)
    return "\n\n".join(kept), (*dropped, *tail)


# A lone rule ("-", "—", "* * *") in the second half of a page ends the article when only short
# paragraphs follow it: related-story teasers, tags, section labels.
_RULE = re.compile(r"[\W_]{1,5}")
TAIL_SHARE = 0.5
TAIL_PARAGRAPH_CHARS = 200


def _split_tail(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    for i, paragraph in enumerate(paragraphs):
        if i < len(paragraphs) * TAIL_SHARE or not _RULE.fullmatch(paragraph):
            continue
        rest = paragraphs[i + 1 :]
        if all(len(p) <= TAIL_PARAGRAPH_CHARS for p in rest):
            return paragraphs[:i], paragraphs[i:]
    return paragraphs, []
