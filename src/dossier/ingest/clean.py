"""Clean body text: one paragraph per block, boilerplate lines and repeated paragraphs dropped.

The clean text is what every evidence offset points into, so cleaning happens once, here,
before extraction, and what it removes is returned rather than thrown away.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


@cache
def boilerplate_patterns() -> re.Pattern[str]:
    text = files("dossier.data").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    rules = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(f"(?:{rule})" for rule in rules), re.IGNORECASE)


def is_boilerplate(paragraph: str) -> bool:
    return boilerplate_patterns().fullmatch(paragraph) is not None


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the clean text (paragraphs joined by blank lines) and the paragraphs dropped."""
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        paragraph = _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
        if not paragraph:
            continue
        key = paragraph.casefold()
        if key in seen or is_boilerplate(paragraph):
            dropped.append(paragraph)
            continue
        seen.add(key)
        kept.append(paragraph)
    return "\n\n".join(kept), tuple(dropped)
