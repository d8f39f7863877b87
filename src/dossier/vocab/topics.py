"""Profile topics (data/topics.yaml): the questions a reader asks of a group, with the cue words
that file a sentence under each. Extract files statements by them; the profile orders its
sections by them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

OTHER = "other"
IDENTITY = "identity"


@dataclass(frozen=True)
class Topic:
    topic: str
    title: str
    cues: re.Pattern[str]


@cache
def topics() -> tuple[Topic, ...]:
    data = yaml.safe_load(files("dossier.data").joinpath("topics.yaml").read_text("utf-8"))
    return tuple(
        Topic(t["topic"], t["title"], re.compile(r"\b(?:" + "|".join(t["cues"]) + r")\b", re.I))
        for t in data
    )


def topic_of(sentence: str) -> str:
    """The topic whose cues the sentence hits most; OTHER when it hits none."""
    best, hits = OTHER, 0
    for topic in topics():
        n = len(topic.cues.findall(sentence))
        if n > hits:
            best, hits = topic.topic, n
    return best
