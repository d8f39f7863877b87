"""What ingest and extract produce: documents, refusals, and the facts of one document.

Every fact holds an `Evidence`, and `document.text[evidence.start:evidence.end]` is always its
quote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One article, as clean text plus the metadata ingest could find.

    `id` is readable (the file name without its extension, or the id a JSONL line gives) so that
    citations can be read by a person; `content_hash` identifies the text itself.
    """

    id: str
    text: str
    content_hash: str
    path: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    format: str = "text"
    # Paragraphs the cleaner removed (boilerplate, repeats), kept so that nothing is silently lost.
    dropped: tuple[str, ...] = ()
    # A row of an event export (ACLED, GTD): its cells by column, its row number in the file, and
    # the facts its coders recorded, each citing a cell (`Evidence.row`, `.column`).
    record: tuple[tuple[str, str], ...] = ()
    row: int | None = None
    coded: Coded | None = None

    def cell(self, column: str) -> str | None:
        """The value of one cell of the document's record."""
        return dict(self.record).get(column)


@dataclass(frozen=True)
class Refusal:
    """Input that could not become a Document, with the reason; stored in quarantine."""

    path: str
    reason: str
    line: int | None = None
    raw: bytes | None = None
    size: int | None = None
    row: int | None = None  # a data row of an export (the header not counted)

    @property
    def where(self) -> str:
        if self.row is not None:
            return f"{self.path} row {self.row}"
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def message(self) -> str:
        return f"refused {self.where}: {self.reason}"


@dataclass(frozen=True)
class Skipped:
    """Records of a container that are not articles, by kind ("request records": 3), so that a
    user sees what was passed over. Not a refusal: nothing is wrong with them, and they are not
    quarantined; `read_paths` hands them to its `on_skipped` callback."""

    path: str
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def message(self) -> str:
        kinds = ", ".join(f"{n} {what}" for what, n in self.counts)
        return f"skipped in {self.path}: {kinds}"


@dataclass(frozen=True)
class Duplicate:
    """An input that repeats a document already read: `of` is that document's id. Counted and
    kept, never extracted twice, so that every input is accounted for."""

    path: str
    of: str
    row: int | None = None
    kind: str = "exact"  # the same text, whitespace and case aside

    def message(self) -> str:
        where = f"{self.path} row {self.row}" if self.row is not None else self.path
        return f"duplicate {where}: repeats {self.of}"


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: a span [start, end) of a document's clean text, or a cell (`row`,
    `column`) of a structured record, such as a row of an ACLED or GTD export, whose document is
    `document_id`. Both render as one citation (`citation`); a span's quote is
    `document.text[start:end]`, a cell's is the cell's value."""

    document_id: str
    start: int
    end: int
    # Who the text attributes the fact to ("police said"); None is the document's own voice.
    source: str | None = None
    row: int | None = None
    column: str | None = None

    @property
    def is_cell(self) -> bool:
        return self.column is not None

    @property
    def citation(self) -> str:
        """`doc:START-END` for a span, `doc#ROW.COLUMN` for a cell."""
        if self.column is not None:
            return f"{self.document_id}#{self.row}.{self.column}"
        return f"{self.document_id}:{self.start}-{self.end}"

    def __str__(self) -> str:
        return f"[{self.citation}]"

    @classmethod
    def parse(cls, citation: str) -> Evidence:
        """The evidence a printed citation names, `doc:START-END` or `doc#ROW.COLUMN`, with or
        without its brackets; ValueError when it is neither. A document id may itself hold
        `:` or `#`, so the document is whatever comes before the last one."""
        bare = citation.strip("[]")
        span = re.fullmatch(r"(?P<doc>.+):(?P<start>\d+)-(?P<end>\d+)", bare, re.S)
        if span:
            return cls(span["doc"], int(span["start"]), int(span["end"]))
        cell = re.fullmatch(r"(?P<doc>.+)#(?P<row>\d+)\.(?P<column>[^.#]+)", bare, re.S)
        if cell:
            return cls(cell["doc"], 0, 0, row=int(cell["row"]), column=cell["column"])
        raise ValueError(f"{citation!r} is not a citation (DOCUMENT:START-END)")


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names (or refers back to) an actor.

    `how` says what found it: the registry, a mined alias ("acronym", "also_known_as"),
    an anaphor resolved to its antecedent ("anaphor"), the statistical NER ("ner"), or the
    gazetteer, for a state named as a side of a relation ("gazetteer").
    """

    text: str
    evidence: Evidence
    how: str

    @property
    def is_name(self) -> bool:
        return self.how != "anaphor"


@dataclass(frozen=True)
class Actor:
    """An actor as one document shows it: its canonical name, the names used, every mention."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    registered: bool = True
    parent: str | None = None


@dataclass(frozen=True)
class Count:
    """A figure with its uncertainty: "more than 170" is low=171, high=None."""

    low: int | None
    high: int | None
    text: str


@dataclass(frozen=True)
class DateValue:
    value: str | None  # ISO date, "YYYY-MM" or "YYYY"
    precision: str  # day, month, year, range, open_range
    text: str
    end: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    text: str
    lat: float | None = None
    lon: float | None = None
    kind: str = "city"  # country, region, city, unknown (a name the gazetteer lacks)


@dataclass(frozen=True)
class Figure:
    """One figure of an event as one source gives it (kind: one of FIGURE_KINDS), with the
    sentence that states it."""

    kind: str
    count: Count
    source: str | None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Claimant:
    """A group the text says did an attack, with its stance (one of STANCES: "claimed" for its
    own claim) and who reports it. When several unrelated groups claim one attack, each is a
    claimant and none is the event's perpetrator."""

    name: str
    attribution: str
    source: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    type: str
    evidence: Evidence
    date: DateValue | None = None
    place: Place | None = None
    site: str | None = None
    perpetrator: str | None = None
    perpetrator_text: str | None = None
    perpetrator_individuals: tuple[str, ...] = ()
    attribution: str = "unknown"
    attributed_by: str | None = None
    suicide: bool = False
    killed: Count | None = None
    wounded: Count | None = None
    targets: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()
    weapon: tuple[str, ...] = ()
    # Non-attack events ("the surrender of more than 1,400 fighters") count people, not deaths.
    count: Count | None = None
    # Every figure reported for the event with its source; conflicting figures stay side by side.
    reports: tuple[Figure, ...] = ()
    # Every group the text says claimed the attack, each with the sentence that says so.
    claimants: tuple[Claimant, ...] = ()


@dataclass(frozen=True)
class ReportedEvent:
    """What cross-document resolution compares of an event: who, what, when and where."""

    perpetrator: str | None
    type: str
    date: str | None
    precision: str | None
    place: str | None
    place_kind: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None
    date_text: str | None = None  # the words that give the date ("on 3 March", "Tuesday")
    site: str | None = None  # a settlement named inside the place


@dataclass(frozen=True)
class Relation:
    """`subject` `type` `object`, e.g. IS-K branch_of Islamic State; evidence.source says who
    holds it ("considered by the intelligence community")."""

    subject: str
    type: str
    object: str
    evidence: Evidence


@dataclass(frozen=True)
class Claim:
    """Who says something about an actor ("according to CSIS, IS-K ...")."""

    source: str
    about: str
    evidence: Evidence


@dataclass(frozen=True)
class Attribute:
    """One thing a text states about a group's make-up, as one record per value: `kind` is one
    of ATTRIBUTE_KINDS (founded, founding_place, founder, origin, name, leader, strength, area,
    source). `value` is the value as the text gives it (a date's words, a name, a person, a
    figure's words; for `origin` the canonical name of the group it came from), `role` says
    which (a leader's "spokesman", a name's "alias" or "former", a strength's "fighters" or
    "surrendered"), `fate` what became of a leader (killed, captured, replaced). The evidence is
    the stretch that states the value, and its `source` who says so."""

    about: str
    kind: str
    value: str
    evidence: Evidence
    date: DateValue | None = None
    count: Count | None = None
    role: str | None = None
    fate: str | None = None


@dataclass(frozen=True)
class Statement:
    """A sentence of a document about an actor, filed under the profile topic it answers.

    The profile is made of these: each is the author's (or its attributed source's) own words,
    so every line of a profile is a quote with its place in the document.
    """

    about: str
    topic: str
    evidence: Evidence


@dataclass(frozen=True)
class VictimCategory:
    """A kind of target or victim ("Hazara", "journalists") named in a sentence about attacks."""

    category: str
    evidence: Evidence


@dataclass(frozen=True)
class Anomaly:
    text: str
    why: str
    evidence: Evidence


@dataclass(frozen=True)
class Coded:
    """What the coders of an event export recorded in one row: the event, and the actors it
    names, every fact citing the cell that states it. Extract adds these to what it reads in the
    row's free text, so the two stand side by side."""

    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()


@dataclass(frozen=True)
class Facts:
    """Everything extract finds in one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
    victim_categories: tuple[VictimCategory, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()
    attributes: tuple[Attribute, ...] = ()
