"""What the store reads back: records, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model.facts import Attribute, Claimant, Evidence, Figure, Relation, ReportedEvent


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
    precision: str | None = None  # one of DATE_PRECISIONS
    place: str | None = None  # below country level; None when only a country is known
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    attribution: str = "unknown"
    attributed_by: str | None = None
    figures: tuple[Figure, ...] = ()
    targets: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    # Every group the report says claimed or was accused of it; rival claimants leave
    # `perpetrator` empty.
    claimants: tuple[Claimant, ...] = ()
    # Who did it as the text names them where they are no actor of the store: a state's own
    # force ("the air force"), which no armed group is credited with.
    doer: str | None = None

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
    url: str | None = None


@dataclass(frozen=True)
class NamedAlias:
    """A name an actor goes by, as the store keeps it: the first place it was seen, to cite."""

    actor: str
    alias: str
    evidence: Evidence


@dataclass(frozen=True)
class TargetCategory:
    """A kind of target or victim named in the documents that report a group's attacks: in how
    many documents, and its first mention to cite."""

    category: str
    documents: int
    first_use: Evidence


@dataclass(frozen=True)
class StoredReport:
    """A stored event as incident resolution sees it: `key` orders reports the same way
    whatever order they were stored in (date, document, position)."""

    event_id: int
    document_id: str
    key: tuple[str, str, int]
    report: ReportedEvent
    # An event an export's coders recorded (cited by a cell): the row's text may tell the same
    # attack again, and the two are one incident.
    coded: bool = False
    # The incident it is recorded in now (None: an incident of its own).
    incident: int | None = None


@dataclass(frozen=True)
class Marked:
    """A fact's span in a document, as the document page marks it: what kind of fact it is
    (mention, statement, event, figure, claimant, relation, claim, anomaly, victim) and a label
    saying which (the actor named, the topic, the event type...)."""

    kind: str
    label: str
    evidence: Evidence


@dataclass(frozen=True)
class DocumentText:
    """A stored document with its clean text and the span of every fact read in it, so that a
    reader can see which words each fact stands on."""

    info: DocumentInfo
    text: str
    url: str | None
    spans: tuple[Marked, ...]


@dataclass(frozen=True)
class RelationEdge:
    """A relation between two actors as the whole store states it: how many spans say so, and
    the first to cite."""

    subject: str
    type: str
    object: str
    mentions: int
    first: Evidence


@dataclass(frozen=True)
class StoredAttribute:
    """An attribute of a group as one stored document states it, with that document's
    publication date (ISO), by which a value read in several documents is dated."""

    attribute: Attribute
    published: str | None


@dataclass(frozen=True)
class DatedRelation:
    """A relation as one stored document states it, with the document's publication date."""

    relation: Relation
    published: str | None


@dataclass(frozen=True)
class Designation:
    """A terrorist listing of a group, registry data (data/designations.yaml): the list, who
    keeps it, when the group was put on it and taken off, the name the list gave it, and the
    list's own page as the source."""

    group: str
    list: str
    by: str
    listed: str
    url: str
    delisted: str | None = None
    listed_as: str | None = None
    note: str | None = None
