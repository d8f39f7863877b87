"""What dossier's components write onto a spaCy Doc, and the helpers they share to write it.

Each output is a Doc extension of its own (`doc._.dossier_mentions`, `doc._.dossier_events`,
...) holding lists and dicts of records, which `Doc.to_bytes` carries (codec.py): so a Doc
round-trips, `nlp.pipe(n_process=2)` works, and a component reads what an earlier one wrote
without knowing which component that was. `DocState` is a typed view of those extensions:
`state(doc).events.append(...)` appends to the list the Doc holds.

Components run in the order pipeline.cfg gives. Mentions never overlap; the first component to
claim a stretch of text keeps it, which is why the registry runs before alias mining, and both
before the statistical NER.
"""

from __future__ import annotations

import bisect
import datetime as dt
import typing
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from spacy.tokens import Doc, Span

from dossier.extract import codec
from dossier.model import ARMED_GROUP, Attribute, Claim, DateValue, Event, Place, Relation


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

    def __post_init__(self) -> None:
        # A name read from the text may run over a line break or a double space; the actor's
        # name is shown in every profile and table, so it is one line of single spaces.
        object.__setattr__(self, "name", " ".join(self.name.split()))


codec.register(Found, ActorInfo)
_start = attrgetter("start")


class DocState:
    """The outputs of dossier's components on one Doc, each read from its extension on first use.

    A view lasts one component call (`state(doc)` makes a new one): what it has read it keeps,
    so a component's loops pay for plain attribute reads, not for spaCy's `doc._`.
    """

    mentions: list[Found]
    actors: dict[str, ActorInfo]
    # (actor, topic, start, end): a sentence about an actor, filed under a profile topic.
    statements: list[tuple[str, str, int, int]]
    # Sentences where an actor's alias is defined, by actor: the identity of the group.
    definitions: dict[str, set[int]]
    # Set before the pipeline runs: relative dates are resolved against it.
    published: dt.date | None
    # (start, end, normalised date) for every date expression.
    dates: list[tuple[int, int, DateValue]]
    # (start, end, place) for every resolved place name.
    places: list[tuple[int, int, Place]]
    # (start, end, why): slips a careful reader should notice.
    anomalies: list[tuple[int, int, str]]
    events: list[Event]
    relations: list[Relation]
    claims: list[Claim]
    # (category, start, end): the first sentence naming each victim category.
    victim_categories: list[tuple[str, int, int]]
    # Sentence start -> who the sentence is attributed to ("police said").
    speakers: dict[int, str]
    speaker_spans: dict[int, tuple[int, int]]
    # Countries the article names, weighted: the context for ambiguous places.
    country_context: Counter[str]
    # (start, end) of datelines and credit lines: no actor or place is read there.
    furniture: list[tuple[int, int]]
    # What texts state a group is made of: founding, names, leaders, strength, assessors.
    attributes: list[Attribute]

    def __init__(self, doc: Doc) -> None:
        object.__setattr__(self, "_doc", doc)

    def __getattr__(self, name: str) -> Any:
        output = OUTPUTS.get(name)
        if output is None:
            raise AttributeError(name)
        value = self.__dict__[name] = output.read(self._doc)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in OUTPUTS:
            raise AttributeError(f"DocState has no output {name!r}")
        setattr(self._doc._, OUTPUTS[name].extension, value)
        self.__dict__[name] = value

    def overlaps(self, start: int, end: int) -> bool:
        mentions = self.mentions
        i = bisect.bisect_left(mentions, end, key=_start)
        return i > 0 and mentions[i - 1].end > start

    def add_mention(self, start: int, end: int, actor: ActorInfo, how: str) -> bool:
        """Claim [start, end) for `actor`; False (and nothing written) if it is taken, or is
        furniture of the page (a dateline, a credit line)."""
        if start >= end or self.overlaps(start, end) or self.in_furniture(start, end):
            return False
        self.actors.setdefault(actor.name, actor)
        i = bisect.bisect_left(self.mentions, start, key=_start)
        self.mentions.insert(i, Found(start, end, actor.name, how))
        return True

    def in_furniture(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.furniture)

    def group_mentions(self) -> list[Found]:
        """Mentions of armed groups, in text order."""
        return [m for m in self.mentions if self.actors[m.actor].kind == ARMED_GROUP]

    def mention_before(self, position: int) -> Found | None:
        """The last mention that ends at or before `position`."""
        i = bisect.bisect_left(self.mentions, position, key=_start)
        if i == 0:
            return None
        found = self.mentions[i - 1]
        return found if found.end <= position else None


@dataclass(frozen=True)
class Output:
    """One field of DocState as a Doc extension, `doc._.dossier_<field>`."""

    extension: str
    hint: Any
    # The empty container a Doc starts with (None: the value stays None until set).
    empty: Callable[[], Any] | None
    restore: codec.Convert | None

    def read(self, doc: Doc) -> Any:
        value = getattr(doc._, self.extension)
        if value is None:
            if self.empty is None:
                return None
            value = self.empty()
        elif self.restore is None or not codec.decoded(value, self.hint):
            return value
        else:
            # Back from bytes: msgpack made its tuples lists and its Counter a dict.
            value = self.restore(value)
        setattr(doc._, self.extension, value)
        return value


def _output(name: str, hint: Any) -> Output:
    origin = typing.get_origin(hint)
    empty = origin if origin in (list, dict, Counter) else None
    return Output(f"dossier_{name}", hint, empty, codec.converter(hint))


OUTPUTS = {name: _output(name, hint) for name, hint in typing.get_type_hints(DocState).items()}
for _field in OUTPUTS.values():
    if not Doc.has_extension(_field.extension):
        # A default of None, never a shared empty list: spaCy hands the same default to every Doc.
        Doc.set_extension(_field.extension, default=None)


# The last documents' views, by the Doc's id. Each view holds its Doc, so no id here can be
# reused by another Doc while its entry lasts. The pipeline hands a Doc from component to
# component before it takes the next, so a few entries serve every component and `to_facts`,
# and each output is read from its extension once per document rather than once per component.
_VIEWS: dict[int, DocState] = {}
_KEEP = 16


def state(doc: Doc) -> DocState:
    view = _VIEWS.get(id(doc))
    if view is None:
        if len(_VIEWS) >= _KEEP:
            # All at once (one atomic step, safe beside another thread): a view dropped early
            # costs only a second read of its outputs, which the Doc still holds.
            _VIEWS.clear()
        view = _VIEWS[id(doc)] = DocState(doc)
    return view


def doc_text(doc: Doc) -> str:
    """The document's text, read once: spaCy's `Doc.text` joins every token anew on each call,
    which made the per-sentence stages quadratic in the length of an article."""
    text = doc.user_data.get("dossier_text")
    if text is None:
        text = doc.user_data["dossier_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text, cut from the document's text read once: `Span.text` makes a Token of
    every word and joins them anew on every call."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_end(sentence: Span) -> int:
    """The end of the sentence without its trailing whitespace: where its quote ends."""
    return sentence.start_char + len(span_text(sentence).rstrip())
