"""The attribute cues (data/attributes.yaml): the words by which news states a group's founding,
names, leaders and strength, and who assesses it, compiled to patterns once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml


def _words(phrases: list[str] | dict[str, str]) -> str:
    """An alternation of whole phrases, longest first, spaces matching any white space."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@dataclass(frozen=True)
class AttributeCues:
    # "(was) founded": a founding verb, with what may link it to the group before it.
    founding: re.Pattern[str]
    founding_links: re.Pattern[str]
    clause_end: re.Pattern[str]
    # A name cue after a group, with `kind` the role of the names it introduces.
    names: tuple[tuple[str, re.Pattern[str]], ...]
    name_gap: re.Pattern[str]
    # Lower-case words a name may hold ("Jama'at Nusrat al-Islam wal-Muslimin").
    name_particles: frozenset[str]
    # A role phrase ("a senior commander"), its word in `role`, mapped to the role kept.
    role_phrase: str
    roles: dict[str, str]
    fates: dict[str, str]
    led_by: re.Pattern[str]
    led_by_roles: dict[str, str]
    fate: re.Pattern[str]
    # What follows a count of a group's people: "of Pakistani Taliban fighters".
    members: re.Pattern[str]
    size: re.Pattern[str]
    leaving: dict[str, str]
    leaving_cue: re.Pattern[str]
    toll: re.Pattern[str]
    at_founding: re.Pattern[str]
    assessment: re.Pattern[str]
    area: re.Pattern[str]
    holder_nouns: frozenset[str]

    def role_of(self, word: str) -> str:
        return self.roles[" ".join(word.lower().split())]


@cache
def attribute_cues() -> AttributeCues:
    data = yaml.safe_load(files("dossier.data").joinpath("attributes.yaml").read_text("utf-8"))

    def whole(phrases: list[str] | dict[str, str]) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-])(?:{_words(phrases)})(?![\w-])", re.I)

    modifiers = _words(data["role_modifiers"])
    role_phrase = (
        rf"(?:(?:a|an|the|its|their|his|her)\s+)?(?:(?:{modifiers})\s+){{0,2}}"
        rf"(?P<role>{_words(data['roles'])})"
    )
    names = tuple(
        (kind, re.compile(rf"\s*[,(]?\s*(?:{_words(data[key])})\s*[:,]?\s+", re.I))
        for kind, key in (("former", "former_name"), ("new", "new_name"), ("alias", "alias"))
    )
    return AttributeCues(
        founding=re.compile(rf"(?<![\w-])(?P<verb>{_words(data['founding_verbs'])})\b", re.I),
        founding_links=re.compile(
            rf"\)?\s*(?:,\s*)?(?:(?:{_words(data['founding_links'])})\s+)*$", re.I
        ),
        clause_end=re.compile(rf"[;.()]|,\s|\s(?:{_words(data['clause_ends'])})\b", re.I),
        names=names,
        name_particles=frozenset(data["name_particles"]),
        # A parenthesised acronym or a "group" noun between a name and its name cue.
        name_gap=re.compile(r"(?:\s*\([^()]{1,20}\))?(?:\s+(?:group|movement|organi[sz]ation))?"),
        role_phrase=role_phrase,
        roles={" ".join(k.lower().split()): v for k, v in data["roles"].items()},
        led_by=re.compile(rf"(?<![\w-])(?P<cue>{_words(data['led_by'])})\s+", re.I),
        led_by_roles={" ".join(k.lower().split()): v for k, v in data["led_by"].items()},
        fates={" ".join(k.lower().split()): v for k, v in data["fates"].items()},
        fate=whole([f for f in data["fates"] if f not in ("former", "late")]),
        members=re.compile(
            r"\s+(?:of\s+)?(?:(?:its|their|the)\s+)?(?:[\w'’-]+\s+){0,3}?"
            rf"(?P<noun>{_words(data['members'])})(?![\w-])",
            re.I,
        ),
        size=whole(data["size_cues"]),
        leaving={k.lower(): v for k, v in data["leaving_cues"].items()},
        leaving_cue=whole(data["leaving_cues"]),
        toll=whole(data["toll_cues"]),
        at_founding=whole(data["at_founding"]),
        assessment=whole(data["assessments"]),
        area=whole(data["area_cues"]),
        holder_nouns=frozenset(data["holder_nouns"]),
    )
