"""The words that tell a place name in a report (data/countries.yaml): the kind words that close
a name the NER missed ("Chimtal district", "Dema village"), the words before or after a name
that make it a person's ("spokesman Mujahid", "Mujahid said"), and the words no place name
starts with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from dossier.vocab.fold import name_key
from dossier.vocab.roles import role_lexicon

# A capitalised name closed by a lower-case kind word, with an optional bracketed other name:
# "Andar (Shalgar) district", "Narang Wa Badil districts", "the Gerdani area".
# A dot only inside a word ("U.S"): "Monday. The prison" is two sentences, not one name.
_WORD = r"[A-Z](?:[\w'-]|\.(?=\w))*"
WORD = _WORD  # the same word wherever a place name is read (place_names.py)
_LINK = r"(?:wa|e|i|ye|al|el|ul|ur|ash|as|ad|az|an|bin|de|del|do|dos|das|da|du|di|des|la|le)"
# Before a region's name, a word that makes it the end of a longer name ("Zamboanga del Norte").
LONGER = re.compile(rf"(?:{_WORD}|{_LINK})\s+$")
_BRACKET = r"(?:\s*\([^()]{1,40}\))?"


@dataclass(frozen=True)
class PlaceWords:
    kind_name: re.Pattern[str]
    # A kind word right after a name the NER found: "Tambalang town".
    kind_after: re.Pattern[str]
    # A name right after a kind word, ending where brackets open: "the village Kura (".
    kind_before: re.Pattern[str]
    # Words after which a name is a person's: "spokesman Mujahid", "Governor Zulum".
    person_before: re.Pattern[str]
    # Words after which a name is a person's too: "Mujahid said".
    person_after: re.Pattern[str]
    not_names: frozenset[str]
    # Kind words of one settlement ("village"), whose plural names an area.
    settlements: frozenset[str]
    # "the prison", "the village": a place of that kind named before; the kind in group 1.
    the_kind: re.Pattern[str]


@cache
def place_words() -> PlaceWords:
    data = yaml.safe_load(files("dossier.data").joinpath("countries.yaml").read_text("utf-8"))
    kinds = "|".join(k.replace(" ", r"[\s-]") for k in data["small_place_kinds"])
    titles = sorted(set(role_lexicon().titles) | set(data["person_words"]), key=len, reverse=True)
    return PlaceWords(
        kind_name=re.compile(
            rf"(?<![\w-])({_WORD}(?:\s+(?:{_WORD}|{_LINK}(?=\s+[A-Z]))){{0,3}}){_BRACKET}"
            rf"\s+(?:{kinds})s?(?![\w-])"
        ),
        kind_after=re.compile(rf"{_BRACKET}\s+(?:{kinds})s?(?![\w-])"),
        kind_before=re.compile(rf"(?<![\w-])(?:{kinds})\s+({_WORD}(?:\s+{_WORD}){{0,3}})\s*$"),
        person_before=re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in titles) + r")\.?\s+$", re.IGNORECASE
        ),
        person_after=re.compile(r"^\s+(?:" + "|".join(data["speech_after"]) + r")\b"),
        not_names=frozenset(name_key(w) for w in data["not_name_starts"]),
        settlements=frozenset(data["settlements"]),
        the_kind=re.compile(r"\b[Tt]he\s+(" + "|".join(data["referred_kinds"]) + r")\b"),
    )
