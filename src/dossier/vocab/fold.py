"""Length-preserving folding of text for matching names.

"Jamā’at" and "Jama'at", "al–Qaeda" and "al-Qaeda" must match the same registry entry, but every
offset must still point into the original text. So each character folds to exactly one
character: diacritics are stripped, curly quotes and dashes straightened.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@cache
def _fold_char(char: str) -> str:
    if char in _QUOTES:
        return "'"
    if char in _DASHES:
        return "-"
    if char in "\u201c\u201d\u201e\u201f":
        return '"'
    if ord(char) < 128:
        return char
    base = unicodedata.normalize("NFD", char)[0]
    return base if ord(base) < 128 or base.isalpha() else char


def fold(text: str) -> str:
    """Same length as `text`, so a match at [i:j] in the fold is [i:j] in the original."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


def name_key(name: str) -> str:
    """The key two spellings of one name share: folded, case-free, hyphens and spaces alike,
    possessive 's dropped."""
    folded = fold(name).casefold().replace("-", " ")
    if folded.endswith("'s"):
        folded = folded[:-2]
    return " ".join(folded.replace("'", "").split())
