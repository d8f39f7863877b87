"""What analyse returns: incidents, the danger index and the profile. Every surface (the CLI's
text, the web page, the API, the exports) renders these same records."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model.facts import Evidence, Figure
from dossier.model.stored import (
    DatedRelation,
    Designation,
    DocumentInfo,
    Quote,
    Report,
    StoredAttribute,
)


@dataclass(frozen=True)
class Attribution:
    """Who says who did an attack, as one report has it: `group` is said to have done it, with
    `stance` (one of STANCES) taken by `by` (the group itself when it claimed it, or the
    accuser or source; None when the text says so itself)."""

    group: str
    stance: str
    by: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Toll:
    """The figure an incident is counted at, of one kind, and why that one."""

    count: int
    figure: Figure | None
    disputed: bool
    why: str


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
    perpetrator: str | None  # None when unknown, or when unrelated groups contest it
    suicide: bool
    figures: tuple[Figure, ...]
    claimants: tuple[Attribution, ...]
    contested: bool = False  # unrelated groups claim it or are accused of it
    lat: float | None = None
    lon: float | None = None
    # The lowest credible total of each kind (`dossier.tolls.toll`), with the figure and why.
    killed: Toll | None = None
    attackers_killed: Toll | None = None
    wounded: Toll | None = None
    abducted: Toll | None = None
    # Who did it as a report names them, where no group did: a state's force ("the air force").
    doer: str | None = None

    @property
    def citations(self) -> tuple[Evidence, ...]:
        return tuple(r.evidence for r in self.reports)

    @property
    def groups(self) -> tuple[str, ...]:
        """Every group said to have done it, in the order first said."""
        return tuple(dict.fromkeys(a.group for a in self.claimants))


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
    figure: Figure | None = None  # the victims' death toll counted
    why: str = ""  # which figure was counted and why ("at least 183 (health officials), ...")
    attackers: int = 0  # the attackers' own dead, included in `deaths`


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
    # Incidents of the window that unrelated groups contest: listed, counted for none of them.
    contested: tuple[Counted, ...] = ()
    as_of_chosen: bool = False  # the year was asked for; else the year of the latest incident


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
    as_of: int | None  # None: each row as of the year of its own latest incident
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
    # The lines are clauses of one paragraph (the profile's opening answer), each cited.
    paragraph: bool = False


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
    # Every attribute stored of the group with its evidence, its relations each dated by the
    # document stating it, and its terrorist listings (registry data, cited by the list's page).
    attributes: tuple[StoredAttribute, ...] = ()
    relations: tuple[DatedRelation, ...] = ()
    designations: tuple[Designation, ...] = ()
