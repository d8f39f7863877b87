"""The reports of one document merged into incidents.

A `Candidate` is what one sentence says of an attack. Candidates that do not conflict (same or
unknown place, same or unknown date, same or unknown perpetrator) merge into one incident, in
reading order: a lede and the paragraphs that follow it describe one attack, while "the prison
was previously attacked in October 2016" is another. Figures keep their source: "8 killed,
police" and "13 killed, the group" are both kept as reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.extract.events.parts import COUNT
from dossier.extract.roles import Roles
from dossier.model import STANCES, Claimant, DateValue, Figure, Place
from dossier.vocab.events import lexicon
from dossier.vocab.places import kind_word

CLAIMED, ACCUSED, SUSPECTED, CONFIRMED, UNKNOWN = STANCES
# Stances from firmest to weakest: a firmer one replaces a weaker one for the same doer.
STANCE_RANK = {CLAIMED: 0, ACCUSED: 1, CONFIRMED: 2, SUSPECTED: 3, UNKNOWN: 4}
# Date precisions from finest to coarsest: the finer date of two reports is kept.
PRECISION_RANK = {"day": 0, "month": 1, "range": 2, "open_range": 3, "year": 4}
# Place kinds from smallest to largest: the smaller place of two reports is kept.
PLACE_RANK = {"city": 0, "unknown": 0, "region": 1, "country": 2}
SPECIFIC_PLACE = ("city", "region", "unknown")


@dataclass
class Candidate:
    type: str
    start: int
    end: int
    suicide: bool = False
    date: DateValue | None = None
    # The day the attack was reported or claimed: its date only when no other is given.
    reported: DateValue | None = None
    # Its harm is told in the present perfect ("five fighters have been killed"): some time
    # before the day it was reported, not that day.
    indefinite: bool = False
    place: Place | None = None
    # A settlement the text names inside the place the event is put at ("Agbon (Bante,
    # Collines)" is put at Bante): two reports at one town of different villages are apart.
    site: str | None = None
    country: str | None = None
    # The place is only a reference point ("southwest of Mogadishu"): any real place replaces it.
    near: bool = False
    # "a US drone strike", "the air force bombed ...": a state's attack, which no armed group is
    # to be credited with; `perpetrator_text` names the state or its force.
    state_doer: bool = False
    perpetrator: str | None = None
    perpetrator_text: str | None = None
    attribution: str = UNKNOWN
    attributed_by: str | None = None
    reports: list[Figure] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    roles: Roles = field(default_factory=Roles)
    # The text puts it on an occasion ("last night") even where no date can be computed.
    timed: bool = False
    # Groups the text names as what was attacked ("killed members of an IS-K cell").
    harmed: set[str] = field(default_factory=set)
    # Groups the text says claimed it, each with the sentence and who reports the claim.
    claimants: list[Claimant] = field(default_factory=list)
    # The sentence says it tells a second attack ("also", "another").
    another: bool = False

    def conflicts(self, other: Candidate, parent_of: dict[str, str]) -> bool:
        """Whether two candidates must be two incidents: different days (the day a report was
        made counts when a sentence has no date of its own), two different towns on dated
        reports (a region may hold the other's town), different countries, or different
        perpetrators."""
        non_attacks = lexicon().non_attacks
        if self.type in non_attacks or other.type in non_attacks:
            return self.type != other.type
        mine, theirs = self.date or self.reported, other.date or other.reported
        if mine and theirs and not self.outcome(other):
            if mine.value[:7] != theirs.value[:7]:
                return True
            if mine.precision == theirs.precision == "day" and mine.value != theirs.value:
                return True
        here, there = self.place, other.place
        if here and there:
            if here.country and there.country and here.country != there.country:
                return True
            towns = {here.kind, there.kind} <= {"city", "unknown"}
            if towns and self.date and other.date and here.name != there.name:
                return True
        if self.perpetrator and other.perpetrator and self.perpetrator != other.perpetrator:
            # A branch and its parent (ISWAP and the Islamic State claiming for it) agree.
            related = {parent_of.get(self.perpetrator), parent_of.get(other.perpetrator)}
            return not ({self.perpetrator, other.perpetrator} & related)
        return False

    def outcome(self, other: Candidate) -> bool:
        """Whether `other` may tell how this kidnapping ended ("the hostage was killed on June
        9"): a later day, and no town of its own other than this one's."""
        lasting = self.type in lexicon().lasting and other.type not in lexicon().lasting
        if not (lasting and self.date and other.date and other.date.value >= self.date.value):
            return False
        here, there = self.place, other.place
        towns = here and there and {here.kind, there.kind} <= set(SPECIFIC_PLACE)
        return not (towns and here.name != there.name)

    def concrete(self) -> bool:
        """An incident, not a generality: it has a date or a place below country level, or a
        doer (or the weapon it used) together with what it did to whom (a target, a victim, a
        figure), or it is a surrender with a count."""
        specific = self.place is not None and self.place.kind in SPECIFIC_PLACE
        if self.date is not None or specific or self.timed:
            return True
        attack = self.type not in lexicon().non_attacks
        if attack and self.roles.victims:
            return True  # "the murder of senator tomas herrera lago": one attack, one person
        if not attack:
            return any(r.kind == COUNT for r in self.reports)
        # "a car bomb destroyed the building": the weapon stands for the unnamed doer.
        doer = (
            self.perpetrator is not None
            or self.state_doer
            or bool(self.roles.perpetrators or self.roles.weapons)
        )
        done = bool(self.roles.targets or self.roles.victims or self.reports)
        return doer and done

    def forces_only(self) -> str | None:
        """The state force that did it where the state's forces are the only doers read ("the
        air force bombed ...", "five soldiers killed ..."), else None."""
        return self.roles.forces[0] if self.roles.forces and not self.roles.others else None

    def anchored(self) -> bool:
        specific = self.place is not None and self.place.kind != "country"
        return self.date is not None or specific

    def joins(self, other: Candidate, parent_of: dict[str, str]) -> bool:
        """Merge when nothing conflicts and something is shared, or `other` has no anchor of its
        own (a follow-up sentence: "the group claimed the attack")."""
        if self.conflicts(other, parent_of):
            return False
        here, there = self.place, other.place
        towns = here and there and {here.kind, there.kind} <= {"city", "unknown"}
        if other.another and towns and here.name != there.name:
            return False  # "IS also claimed an ambush near Tabqa": a second attack, elsewhere
        if not other.anchored():
            return True
        same_date = self.date and other.date and self.date.value == other.date.value
        same_place = self.place and other.place and self.place.name == other.place.name
        # A headline or lede without a date and the dated sentence after it are one attack.
        return bool(
            same_date or same_place or self.date is None or other.date is None
        ) or self.outcome(other)

    def absorb(self, other: Candidate, parent_of: dict[str, str]) -> None:
        # The generic "attack" (or "clash") is refined by a later sentence; a specific type stays.
        lex = lexicon()
        made = lex.combined.get(frozenset((self.type, other.type)))
        if made is not None:
            self.type = made[0]
        elif self.type in lex.generic and lex.order[other.type] < lex.order[self.type]:
            self.type = other.type
        self.suicide = self.suicide or other.suicide
        self.timed = self.timed or other.timed
        self.harmed |= other.harmed
        self.state_doer = self.state_doer and (other.state_doer or other.perpetrator is None)
        if self.date is None or (other.date and finer(other.date, self.date)):
            self.date = other.date
        self.reported = self.reported or other.reported
        self.indefinite = self.indefinite or other.indefinite
        if self.place is None or (other.place and self._finer_place(other)):
            self.place, self.near = other.place, other.near
        self.site = self.site or other.site
        self.country = self.country or other.country
        firmer = (
            other.perpetrator == self.perpetrator
            and STANCE_RANK[other.attribution] < STANCE_RANK[self.attribution]
        )
        branch = (
            other.perpetrator is not None
            and self.perpetrator is not None
            and parent_of.get(other.perpetrator) == self.perpetrator
        )
        # "X claimed the bombing" outweighs a group merely named near the attack.
        claim = other.attribution == CLAIMED and self.attribution in (CONFIRMED, UNKNOWN)
        firmer = firmer or (claim and other.perpetrator is not None)
        if branch:  # the branch is the more specific name for the same doer
            self.perpetrator, self.perpetrator_text = other.perpetrator, other.perpetrator_text
        elif other.perpetrator is not None and (self.perpetrator is None or firmer):
            self.perpetrator = other.perpetrator
            self.perpetrator_text = other.perpetrator_text
            self.attribution, self.attributed_by = other.attribution, other.attributed_by
        self._add_reports(other.reports)
        self.victims += [v for v in other.victims if v not in self.victims]
        self.roles.add(other.roles)
        named = {c.name for c in self.claimants}
        self.claimants += [c for c in other.claimants if c.name not in named]

    def _finer_place(self, other: Candidate) -> bool:
        """Whether `other` puts the attack at a finer place: a smaller kind, a real place for a
        reference point, or, of one kind, a town the gazetteer knows for a bare name it does not
        ("Indian Kashmir" in a headline, "in Pampore" after it)."""
        here, there = self.place, other.place
        assert here is not None and there is not None
        if self.near and not other.near:
            return True
        if PLACE_RANK[there.kind] != PLACE_RANK[here.kind]:
            return PLACE_RANK[there.kind] < PLACE_RANK[here.kind]
        # Only a bare name the gazetteer lacks gives way: "Tampad village" is as sure a place as
        # the "Midsayap municipality" a later sentence names.
        bare = here.kind == "unknown" and not kind_word(here.text)
        return bare and there.kind == "city" and not other.near

    def _add_reports(self, reports: list[Figure]) -> None:
        """Each report once; a figure without a source gives way to the same figure with one.
        Reports are compared by what they say (kind, count, source), not by the sentence."""
        for report in reports:
            if not any(_same_report(report, r) for r in self.reports):
                self.reports.append(report)
        sourced = {(r.kind, r.count.low, r.count.high) for r in self.reports if r.source}
        self.reports = [
            r
            for r in self.reports
            if r.source or (r.kind, r.count.low, r.count.high) not in sourced
        ]


def finer(a: DateValue, b: DateValue) -> bool:
    return PRECISION_RANK.get(a.precision, 9) < PRECISION_RANK.get(b.precision, 9)


def _same_report(a: Figure, b: Figure) -> bool:
    return (a.kind, a.count.low, a.count.high, a.source) == (
        b.kind,
        b.count.low,
        b.count.high,
        b.source,
    )
