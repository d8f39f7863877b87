"""The events lexicon (data/events.yaml): trigger cues per event type, stance cues, and the words
that say what a figure counts and who spoke, did or was accused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from dossier.vocab.roles import role_lexicon


@dataclass(frozen=True)
class Lexicon:
    # Trigger cues per type, from specific to generic, as listed in the data file.
    types: tuple[tuple[str, re.Pattern[str]], ...]
    suicide: re.Pattern[str]
    attribution: tuple[tuple[str, re.Pattern[str]], ...]
    killed: frozenset[str]
    wounded: frozenset[str]
    abducted: frozenset[str]
    count: frozenset[str]
    # Each harm word with the first of killed, wounded, abducted that lists it, and that kind's
    # place in the order: a word's kind is one lookup (`extract.events.parts.kind_of_word`).
    harm_kinds: dict[str, tuple[int, str]]
    # "last night", "early this morning": the text places the event on an occasion.
    occasion: re.Pattern[str]
    # Each type's rank, 0 the most specific: a later sentence may refine a generic type.
    order: dict[str, int]
    # Events that are not attacks: their figure is a count of people (surrenders).
    non_attacks: frozenset[str]
    # Types a later sentence's specific type refines ("attack", "clash").
    generic: frozenset[str]
    # Types a suicide cue can mark, and what a suicide event of a type becomes.
    suicidal: frozenset[str]
    suicide_as: dict[str, str]
    # Two types told of one incident and the type they make together, and the cue that must be
    # in a sentence for it to tell both at once.
    combined: dict[frozenset[str], tuple[str, re.Pattern[str]]]
    # Types whose outcome comes later ("the hostage was killed on 9 June"): one incident.
    lasting: frozenset[str]
    tallies: frozenset[str]
    # Figure words beyond the harm verbs: what makes a harm a death ("shot dead"), who counts as
    # one person ("a fighter"), who the attackers are, what is not people ("40 cows"), what makes
    # a figure a part of another ("including"), and a toll over a period ("since 2009").
    death_words: frozenset[str]
    person_nouns: frozenset[str]
    # Every noun of people: the person nouns and the roles lexicon's victim nouns, joined once
    # here rather than on every number a sentence holds.
    people: frozenset[str]
    attacker_nouns: frozenset[str]
    not_people: frozenset[str]
    part_cues: frozenset[str]
    period: re.Pattern[str]
    speech: frozenset[str]
    attack_verbs: frozenset[str]
    claiming: frozenset[str]
    # Verbs whose subject claims an attack when their object is one of `responsibility`
    # ("took responsibility", "accepted credit").
    owning: frozenset[str]
    responsibility: frozenset[str]
    accusing: frozenset[str]
    official_heads: frozenset[str]
    # Words before a place that make it a reference point ("southwest of", "15 km from").
    reference_point: re.Pattern[str]
    # "the attack", "yesterday's bombing": a phrase that refers back to an attack already told.
    anaphoric: re.Pattern[str]
    # "also", "another": the sentence tells a second attack beside the one told.
    another: re.Pattern[str]
    # "the attack came two days after ...": a sentence referring back that tells another attack.
    sequel: re.Pattern[str]
    # "around the same time": the attack is on the day of the one told before it.
    same_time: re.Pattern[str]
    # "no group has claimed the attack": a denial, whose claim cues are not a claim.
    unclaimed: re.Pattern[str]


def _any(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(cues) + r")(?![\w])", re.I)


_WORD_LISTS = (
    "killed",
    "wounded",
    "abducted",
    "count",
    "tallies",
    "death_words",
    "person_nouns",
    "attacker_nouns",
    "not_people",
    "part_cues",
    "speech",
    "attack_verbs",
    "claiming",
    "owning",
    "responsibility",
    "accusing",
    "official_heads",
)


@cache
def lexicon() -> Lexicon:
    data = yaml.safe_load(files("dossier.data").joinpath("events.yaml").read_text("utf-8"))
    types = data["types"]
    harm_kinds: dict[str, tuple[int, str]] = {}
    for rank, kind in enumerate(("killed", "wounded", "abducted")):
        for word in data[kind]:
            harm_kinds.setdefault(word, (rank, kind))
    return Lexicon(
        harm_kinds=harm_kinds,
        types=tuple((t["type"], _any(t["cues"])) for t in types),
        suicide=_any(data["suicide"]),
        attribution=tuple((k, _any(v)) for k, v in data["attribution"].items()),
        occasion=_any(data["occasion"]),
        order={t["type"]: i for i, t in enumerate(types)},
        non_attacks=frozenset(t["type"] for t in types if t.get("attack") is False),
        generic=frozenset(t["type"] for t in types if t.get("generic")),
        suicidal=frozenset(t["type"] for t in types if t.get("suicide")),
        suicide_as={t["type"]: t["suicide_as"] for t in types if "suicide_as" in t},
        lasting=frozenset(t["type"] for t in types if t.get("lasting")),
        combined={frozenset(c["types"]): (c["makes"], _any([c["cue"]])) for c in data["combined"]},
        reference_point=re.compile(data["reference_point"], re.I),
        unclaimed=_any(data["unclaimed"]),
        another=_any(data["another"]),
        same_time=_any(data["same_time"]),
        sequel=_any(data["sequel"]),
        period=re.compile("|".join(data["period"]), re.I),
        anaphoric=re.compile(
            r"\b(?:the|this|that|yesterday's|today's|\w+day's)\s+(?:\w+\s+)?"
            r"(?:" + "|".join(data["anaphoric"]) + r")\b",
            re.I,
        ),
        people=frozenset(data["person_nouns"]) | role_lexicon().victims,
        **{name: frozenset(data[name]) for name in _WORD_LISTS},
    )
