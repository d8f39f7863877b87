"""What dossier's components write onto a spaCy Doc, and the helpers they share to write it.

Components run in a fixed order (see pipeline.py) and each adds to one `DocState`: mentions of
actors with the character span and what found them, the actors themselves, and statements.
Mentions never overlap; the first component to claim a stretch of text keeps it, which is why
the registry runs before alias mining, and both before the statistical NER.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dossier.model import ARMED_GROUP, Claim, DateValue, Event, Place, Relation


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    actor: str
    how: str


@dataclass(frozen=True)
class ActorInfo:
    name: str
    kind: str
    registered: bool
    parent: str | None = None


@dataclass
class DocState:
    mentions: list[Found] = field(default_factory=list)
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    # (actor, topic, start, end): a sentence about an actor, filed under a profile topic.
    statements: list[tuple[str, str, int, int]] = field(default_factory=list)
    # Sentences where an actor's alias is defined, by actor: the identity of the group.
    definitions: dict[str, set[int]] = field(default_factory=dict)
    # Set before the pipeline runs: relative dates are resolved against it.
    published: dt.date | None = None
    # (start, end, normalised date) for every date expression.
    dates: list[tuple[int, int, DateValue]] = field(default_factory=list)
    # (start, end, place) for every resolved place name.
    places: list[tuple[int, int, Place]] = field(default_factory=list)
    # (start, end, why): slips a careful reader should notice.
    anomalies: list[tuple[int, int, str]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # (category, start, end): the first sentence naming each victim category.
    victim_categories: list[tuple[str, int, int]] = field(default_factory=list)
    # Sentence start -> who the sentence is attributed to ("police said").
    speakers: dict[int, str] = field(default_factory=dict)
    speaker_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Countries the article names, weighted: the context for ambiguous places.
    country_context: Counter[str] = field(default_factory=Counter)
    _starts: list[int] = field(default_factory=list)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self.mentions[i - 1].end > start

    def add_mention(self, start: int, end: int, actor: ActorInfo, how: str) -> bool:
        """Claim [start, end) for `actor`; False (and nothing written) if it is taken."""
        if start >= end or self.overlaps(start, end):
            return False
        self.actors.setdefault(actor.name, actor)
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self.mentions.insert(i, Found(start, end, actor.name, how))
        return True

    def group_mentions(self) -> list[Found]:
        """Mentions of armed groups, in text order."""
        return [m for m in self.mentions if self.actors[m.actor].kind == ARMED_GROUP]

    def mention_before(self, position: int) -> Found | None:
        """The last mention that ends at or before `position`."""
        i = bisect.bisect_left(self._starts, position)
        if i == 0:
            return None
        found = self.mentions[i - 1]
        return found if found.end <= position else None


if not Doc.has_extension("dossier"):
    Doc.set_extension("dossier", default=None)


def state(doc: Doc) -> DocState:
    if doc._.dossier is None:
        doc._.dossier = DocState()
    return doc._.dossier


def doc_text(doc: Doc) -> str:
    """The document's text, read once: spaCy's `Doc.text` joins every token anew on each call,
    which made the per-sentence stages quadratic in the length of an article."""
    text = doc.user_data.get("dossier_text")
    if text is None:
        text = doc.user_data["dossier_text"] = doc.text
    return text
