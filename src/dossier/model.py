"""The records that flow from ingest to the surfaces.

Frozen and typed, with no behaviour beyond small derived properties. Every fact holds an
`Evidence`, and `document.text[evidence.start:evidence.end]` is always its quote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Actor kinds. Armed groups are what dossier profiles; the others appear as sources or parties.
ARMED_GROUP = "armed_group"
ORGANIZATION = "organization"
SECURITY_FORCE = "security_force"
PERSON = "person"
STATE = "state"

# Closed vocabularies, defined once: every stage, the store and every surface use these names.
# Event types, most specific first (the order data/events.yaml lists their cues in).
EVENT_TYPES = (
    "surrender",
    "kidnapping",
    "assassination",
    "drone_strike",
    "airstrike",
    "missile_strike",
    "shelling",
    "bombing",
    "ambush",
    "armed_assault",
    "clash",
    "attack",
)
# Who says a group did it: its own claim, an accusation, a suspicion, the text's own statement.
STANCES = ("claimed", "accused", "suspected", "confirmed", "unknown")
ATTRIBUTIONS = STANCES
# What a figure counts; "count" is people of a non-attack event (fighters who surrendered),
# "casualties" the killed and wounded lumped together.
FIGURE_KINDS = ("killed", "wounded", "abducted", "casualties", "count")
RELATION_TYPES = (
    "branch_of",
    "founded_from",
    "split_from",
    "rival_of",
    "allied_with",
    "linked_to",
    "recruits_from",
    "affiliated_with",
)
PLACE_KINDS = ("country", "region", "city", "unknown")
DATE_PRECISIONS = ("day", "month", "year", "range", "open_range")


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


@dataclass(frozen=True)
class Refusal:
    """Input that could not become a Document, with the reason; stored in quarantine."""

    path: str
    reason: str
    line: int | None = None
    raw: bytes | None = None
    size: int | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def message(self) -> str:
        return f"refused {self.where}: {self.reason}"


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
    an anaphor resolved to its antecedent ("anaphor"), or the statistical NER ("ner").
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


# ---- What the store reads back: records, never ORM rows ----------------------------------------


@dataclass(frozen=True)
class Report:
    """One document's report of an attack as stored, with the incident it belongs to: the
    reports of one attack in different documents share `incident`."""

    incident: int
    type: str
    evidence: Evidence
    perpetrator: str | None = None
    suicide: bool = False
    date: str | None = None
    place: str | None = None  # below country level; None when only a country is known
    country: str | None = None
    attribution: str = "unknown"
    attributed_by: str | None = None
    figures: tuple[Figure, ...] = ()
    targets: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()

    @property
    def document_id(self) -> str:
        return self.evidence.document_id


@dataclass(frozen=True)
class Quote:
    """A stored span with the text it quotes and a label (a statement's topic, a claim's source,
    an anomaly's reason, a victim category)."""

    evidence: Evidence
    text: str
    label: str = ""


@dataclass(frozen=True)
class AliasUse:
    """A name an actor goes by in the store: the first and last publication dates it was used
    on (ISO), the documents that use it, and its first use to cite."""

    alias: str
    first: str | None
    last: str | None
    documents: tuple[str, ...]
    first_use: Evidence


@dataclass(frozen=True)
class ActorSummary:
    name: str
    kind: str
    registered: bool
    documents: int
    mentions: int
    aliases: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document as a reader sees it in a list of sources."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    path: str


@dataclass(frozen=True)
class TargetCategory:
    """A kind of target or victim named in the documents that report a group's attacks: in how
    many documents, and its first mention to cite."""

    category: str
    documents: int
    first_use: Evidence


# ---- What analyse returns: every surface renders these ----------------------------------------


@dataclass(frozen=True)
class Attribution:
    """Who says who did an attack, as one report has it: `stance` (one of STANCES) taken by `by`
    (the group itself when it claimed it, or the accuser)."""

    stance: str
    by: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Incident:
    """One attack as every stored report tells it. Date, place and type are those of the report
    that says most (`analyse.incidents.best_report`); figures stay side by side, each with its
    source, never averaged."""

    id: int
    reports: tuple[Report, ...]
    type: str
    date: str | None
    place: str | None
    country: str | None
    perpetrator: str | None
    suicide: bool
    figures: tuple[Figure, ...]
    claimants: tuple[Attribution, ...]

    @property
    def citations(self) -> tuple[Evidence, ...]:
        return tuple(r.evidence for r in self.reports)


@dataclass(frozen=True)
class Counted:
    """One incident as the danger index counts it."""

    incident: int
    year: int
    deaths: int
    injured: int
    hostages: int
    disputed: bool  # sources gave different death tolls; the lowest credible one is counted
    score: float
    citations: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Year:
    """One year of the index window: its incidents summed, and the weight the index gives it."""

    year: int
    weight: float
    incidents: int
    deaths: int
    injured: int
    hostages: int
    total: float  # sum of the incident scores of the year

    @property
    def weighted(self) -> float:
        return self.weight * self.total


@dataclass(frozen=True)
class DangerIndex:
    """A danger index with every part that makes it, so that a reader can redo the sum."""

    score: float
    as_of: int
    years: tuple[Year, ...]
    weighted_total: float
    counted: tuple[Counted, ...]
    formula: str


@dataclass(frozen=True)
class Ranked:
    """One row of a ranking: a group or a country, its index and the totals of its window."""

    name: str
    index: DangerIndex
    incidents: int
    deaths: int
    injured: int
    hostages: int


@dataclass(frozen=True)
class Ranking:
    """Groups or countries (`by`) ranked by danger index as of a year, highest first."""

    by: str
    as_of: int
    rows: tuple[Ranked, ...]


@dataclass(frozen=True)
class Line:
    """A line of a profile. A quoted line is the cited sentence itself; a composed line states a
    fact extracted from the cited sentences ("X is a branch of Y")."""

    text: str
    citations: tuple[Evidence, ...]
    quoted: bool = True


@dataclass(frozen=True)
class Section:
    topic: str
    title: str
    lines: tuple[Line, ...]
    omitted: int = 0  # lines left out by the section limit


@dataclass(frozen=True)
class Profile:
    """The cited profile of a group. `quotes` holds the text of every citation of its lines, so
    that a surface can show the quote under a line without reading the store."""

    name: str
    kind: str
    registered: bool
    sections: tuple[Section, ...]
    documents: tuple[DocumentInfo, ...]
    quotes: tuple[Quote, ...] = ()
