"""Events: attacks (and surrenders) with type, date, place, perpetrator and stance, and counts.

Each sentence with a trigger (data/events.yaml) is a candidate; its date, place, perpetrator and
figures come from the sentence's own dates, places, group mentions and parse. Candidates that do
not conflict (same or unknown place, same or unknown date, same or unknown perpetrator) merge
into one incident, in reading order: a lede and the paragraphs that follow it describe one
attack, while "the prison was previously attacked in October 2016" is another. An incident needs
a date, a place below country level, or a doer together with what it did to whom; without them
it is a generality ("IS-K has carried out many attacks"), not an event, and is dropped. Figures
keep their source: "8 killed, police" and "13 killed, the group" are both kept as reports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dossier.extract.names import full_name, fullest
from dossier.extract.numbers import COUNT, VAGUE, count_from
from dossier.extract.places import gazetteer
from dossier.extract.role_words import role_lexicon
from dossier.extract.roles import Roles, roles_of
from dossier.extract.state import DocState, Found, doc_text, state
from dossier.model import ARMED_GROUP, Count, DateValue, Event, Evidence, Figure, Place
from dossier.vocab.fold import fold, name_key

SPECIFIC_PLACE = ("city", "region", "unknown")
_REFERENCE = re.compile(
    r"(?:\b(?:north|south|east|west)(?:ern|east|west)?(?:ern)?\s+of|\b(?:km|kilometres|kilometers|"
    r"miles)\)?\s+(?:\w+\s+)?(?:from|of)|\bnear|\boutside|\bfrom)\s+(?:the\s+)?(?:\w+\s+)?(?:capital\s+)?$",
    re.I,
)
_ANAPHORIC = re.compile(
    r"\b(?:the|this|that|yesterday's|today's|\w+day's)\s+(?:\w+\s+)?"
    r"(?:attack|bombing|blast|assault|raid|ambush|incident|explosion|strike)\b",
    re.I,
)
PLACE_RANK = {"city": 0, "unknown": 0, "region": 1, "country": 2}


@dataclass(frozen=True)
class Lexicon:
    types: tuple[tuple[str, re.Pattern[str]], ...]
    suicide: re.Pattern[str]
    attribution: tuple[tuple[str, re.Pattern[str]], ...]
    killed: frozenset[str]
    wounded: frozenset[str]
    abducted: frozenset[str]
    # "last night", "early this morning": the text places the event on an occasion.
    occasion: re.Pattern[str]
    # Types from specific to generic, as listed in the data file.
    order: dict[str, int]


def _any(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(cues) + r")(?![\w])", re.I)


@cache
def lexicon() -> Lexicon:
    data = yaml.safe_load(files("dossier.data").joinpath("events.yaml").read_text("utf-8"))
    return Lexicon(
        types=tuple((t["type"], _any(t["cues"])) for t in data["types"]),
        suicide=_any(data["suicide"]),
        attribution=tuple((k, _any(v)) for k, v in data["attribution"].items()),
        killed=frozenset(data["killed"]),
        wounded=frozenset(data["wounded"]),
        abducted=frozenset(data["abducted"]),
        occasion=_any(data["occasion"]),
        order={t["type"]: i for i, t in enumerate(data["types"])},
    )


@dataclass
class Candidate:
    type: str
    start: int
    end: int
    suicide: bool = False
    date: DateValue | None = None
    # The day the attack was reported or claimed: its date only when no other is given.
    reported: DateValue | None = None
    place: Place | None = None
    country: str | None = None
    # The place is only a reference point ("southwest of Mogadishu"): any real place replaces it.
    near: bool = False
    # "a US drone strike": a state's attack, which no armed group is to be credited with.
    state_doer: bool = False
    perpetrator: str | None = None
    perpetrator_text: str | None = None
    attribution: str = "unknown"
    attributed_by: str | None = None
    reports: list[Figure] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    roles: Roles = field(default_factory=Roles)
    # The text puts it on an occasion ("last night") even where no date can be computed.
    timed: bool = False
    # Groups the text names as what was attacked ("killed members of an IS-K cell").
    harmed: set[str] = field(default_factory=set)

    def conflicts(self, other: Candidate, parent_of: dict[str, str]) -> bool:
        """Whether two candidates must be two incidents: different days (the day a report was
        made counts when a sentence has no date of its own), two different towns on dated
        reports (a region may hold the other's town), different countries, or different
        perpetrators."""
        if self.type == "surrender" or other.type == "surrender":
            return self.type != other.type
        mine, theirs = self.date or self.reported, other.date or other.reported
        if mine and theirs:
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

    def concrete(self) -> bool:
        """An incident, not a generality: it has a date or a place below country level, or a
        doer (or the weapon it used) together with what it did to whom (a target, a victim, a
        figure), or it is a surrender with a count."""
        specific = self.place is not None and self.place.kind in SPECIFIC_PLACE
        if self.date is not None or specific or self.timed:
            return True
        if self.type != "surrender" and self.roles.victims:
            return True  # "the murder of senator tomas herrera lago": one attack, one person
        if self.type == "surrender":
            return any(r.kind == "count" for r in self.reports)
        # "a car bomb destroyed the building": the weapon stands for the unnamed doer.
        doer = self.perpetrator is not None or bool(self.roles.perpetrators or self.roles.weapons)
        done = bool(self.roles.targets or self.roles.victims or self.reports)
        return doer and done

    def anchored(self) -> bool:
        specific = self.place is not None and self.place.kind != "country"
        return self.date is not None or specific

    def joins(self, other: Candidate, parent_of: dict[str, str]) -> bool:
        """Merge when nothing conflicts and something is shared, or `other` has no anchor of its
        own (a follow-up sentence: "the group claimed the attack")."""
        if self.conflicts(other, parent_of):
            return False
        if not other.anchored():
            return True
        same_date = self.date and other.date and self.date.value == other.date.value
        same_place = self.place and other.place and self.place.name == other.place.name
        # A headline or lede without a date and the dated sentence after it are one attack.
        return bool(same_date or same_place or self.date is None or other.date is None)

    def absorb(self, other: Candidate, parent_of: dict[str, str]) -> None:
        # The generic "attack" (or "clash") is refined by a later sentence; a specific type stays.
        order = lexicon().order
        if self.type in ("attack", "clash") and order[other.type] < order[self.type]:
            self.type = other.type
        self.suicide = self.suicide or other.suicide
        self.timed = self.timed or other.timed
        self.harmed |= other.harmed
        self.state_doer = self.state_doer and (other.state_doer or other.perpetrator is None)
        if self.date is None or (other.date and _finer(other.date, self.date)):
            self.date = other.date
        self.reported = self.reported or other.reported
        if self.place is None or (
            other.place
            and (
                PLACE_RANK[other.place.kind] < PLACE_RANK[self.place.kind]
                or (self.near and not other.near)
            )
        ):
            self.place, self.near = other.place, other.near
        self.country = self.country or other.country
        firmer = (
            other.perpetrator == self.perpetrator
            and STANCE[other.attribution] < STANCE[self.attribution]
        )
        branch = (
            other.perpetrator is not None and parent_of.get(other.perpetrator) == self.perpetrator
        )
        # "X claimed the bombing" outweighs a group merely named near the attack.
        claim = other.attribution == "claimed" and self.attribution in ("confirmed", "unknown")
        firmer = firmer or (claim and other.perpetrator is not None)
        if branch:  # the branch is the more specific name for the same doer
            self.perpetrator, self.perpetrator_text = other.perpetrator, other.perpetrator_text
        elif other.perpetrator is not None and (self.perpetrator is None or firmer):
            self.perpetrator = other.perpetrator
            self.perpetrator_text = other.perpetrator_text
            self.attribution, self.attributed_by = other.attribution, other.attributed_by
        for report in other.reports:
            if not any(_same_report(report, r) for r in self.reports):
                self.reports.append(report)
        sourced = {(r.kind, r.count.low, r.count.high) for r in self.reports if r.source}
        self.reports = [
            r
            for r in self.reports
            if r.source or (r.kind, r.count.low, r.count.high) not in sourced
        ]
        self.victims += [v for v in other.victims if v not in self.victims]
        self.roles.add(other.roles)


STANCE = {"claimed": 0, "accused": 1, "confirmed": 2, "suspected": 3, "unknown": 4}
PRECISION = {"day": 0, "month": 1, "range": 2, "open_range": 3, "year": 4}


def _finer(a: DateValue, b: DateValue) -> bool:
    return PRECISION.get(a.precision, 9) < PRECISION.get(b.precision, 9)


def _same_report(a: Figure, b: Figure) -> bool:
    return (a.kind, a.count.low, a.count.high, a.source) == (
        b.kind,
        b.count.low,
        b.count.high,
        b.source,
    )


def _in(span: Span, start: int) -> bool:
    return span.start_char <= start < span.end_char


def _verb_lemma(token: Token) -> str:
    return token.lemma_.lower() or token.lower_


def _kind_of_word(token: Token, lex: Lexicon) -> str | None:
    lemma = _verb_lemma(token)
    for kind, words in (
        ("killed", lex.killed),
        ("wounded", lex.wounded),
        ("abducted", lex.abducted),
    ):
        if lemma in words or token.lower_ in words:
            return kind
    return "count" if lemma == "surrender" else None


def _figure_kind(number: Token, lex: Lexicon) -> str | None:
    """What a number counts: the word right after its phrase ("21 wounded", "three dead",
    "13 officials were killed"), else the words its phrase hangs on ("killing 3 police")."""
    doc = number.doc
    noun = number.head if number.dep_ == "nummod" else number
    if noun.dep_ == "nsubj" and _kind_of_word(noun.head, lex) == "killed":
        return "killed"  # "one soldier injured in the attack later died"
    window = doc[number.i + 1 : min(len(doc), number.i + 9)]
    for i, t in enumerate(window):
        if t.is_punct or t.lower_ in ("and", "or", "but", "while") or t.like_num:
            break
        kind = _kind_of_word(t, lex)
        if kind is not None:
            rest = window[i + 1 : i + 3]
            # "40 soldiers were killed and wounded" lumps both: a casualty count, not deaths.
            if rest and rest[0].lower_ == "and" and any(_kind_of_word(r, lex) for r in rest[1:]):
                return "casualties"
            return kind
    head = number.head if number.dep_ in ("nummod", "quantmod", "compound", "amod") else number
    if number.dep_ in ("quantmod",) and head.dep_ == "nummod":
        head = head.head
    for t in (head, *list(head.ancestors)[:3]):
        if t.lower_ == "including":
            return None  # "including 13 US service members" is a part, not the total
        kind = _kind_of_word(t, lex)
        if kind is not None:
            return kind
        if t.pos_ in ("VERB", "AUX"):
            # "the number of people killed has risen to 183", "the death toll rose to 45"
            tallies = ("toll", "number", "figure", "count", "tally")
            for subject in (c for c in t.children if c.dep_ == "nsubj" and c.lemma_ in tallies):
                kinds = {_kind_of_word(w, lex) for w in subject.subtree} - {None, "count"}
                if len(kinds) == 1:
                    return kinds.pop()
            break
    # "killed 8 and injured 21": the second figure hangs on its own verb through a conjunction.
    for child in head.children:
        if child.dep_ == "acl" and _verb_lemma(child) in lex.killed:
            return "killed"
    return None


def _figures(sentence: Span, lex: Lexicon, source: str | None) -> tuple[list[Figure], list[str]]:
    reports: list[Figure] = []
    victims: list[str] = []
    text = sentence.text
    for match in COUNT.finditer(text):
        count = count_from(match)
        if count is None:
            continue
        start = sentence.start_char + match.start(
            "n" if match["n"] else "vague" if match["vague"] else "low"
        )
        span = sentence.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            continue
        token = span[0]
        if token.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"):
            continue
        if token.like_num is False and not match["vague"] and not token.is_alpha:
            continue
        kind = _figure_kind(token, lex)
        if kind is None:
            if any(t.lower_ == "including" for t in token.ancestors):
                noun = token.head
                victims.append(
                    sentence.doc[token.i : noun.i + 1].text if noun.i > token.i else match.group()
                )
            continue
        reports.append(Figure(kind, count, source))
    reports += _singular_figures(sentence, lex, source, reports)
    return reports, victims


def _singular_figures(
    sentence: Span, lex: Lexicon, source: str | None, reports: list[Figure]
) -> list[Figure]:
    """ "A vigilante was killed", "killed a soldier": one person, counted as one."""
    people = role_lexicon().victims
    found: list[Figure] = []
    for token in sentence:
        kind = _kind_of_word(token, lex)
        if kind not in ("killed", "wounded", "abducted") or token.pos_ != "VERB":
            continue
        if any(r.kind == kind for r in reports):
            continue
        for child in token.children:
            if child.dep_ not in ("nsubjpass", "dobj") or child.tag_ != "NN":
                continue
            article = [
                c for c in child.children if c.dep_ == "det" and c.lower_ in ("a", "an", "one")
            ]
            if article and child.lower_ in people:
                text = sentence.doc[article[0].i : child.i + 1].text
                found.append(Figure(kind, Count(1, 1, text), source))
    return found


def _trigger(token: Token, lex: Lexicon) -> bool:
    """Whether the word is an event trigger of the lexicon ("ambush", "bombed")."""
    return any(pattern.search(token.text) for _, pattern in lex.types)


def _attack_word(token: Token, lex: Lexicon) -> bool:
    """A trigger, or a verb that carries out attacks ("staged", "carried out")."""
    return _verb_lemma(token) in ATTACK_LEMMAS or _trigger(token, lex)


def _role_score(token: Token, lex: Lexicon) -> int:
    """How strongly a group token reads as the doer: the subject (or the attackers' modifier:
    "ISWAP fighters ambushed") of an attack verb scores 3, an agent ("claimed by X", "by X") 3,
    the subject of a speech verb (a claimant: "ISIS said ...") 1, anything else 1."""
    chain = [token, *list(token.ancestors)[:3]]
    for i, t in enumerate(chain):
        if t.dep_ == "agent" or (t.dep_ == "pobj" and t.head.lower_ == "by"):
            # "claimed by X", "attacked by X"; not "held by X"
            verb = t.head.head if t.dep_ == "pobj" else t.head
            return 3 if _attack_word(verb, lex) or _verb_lemma(verb) == "claim" else 1
        if t.dep_ in ("dobj", "nsubjpass") and _attack_word(t.head, lex):
            return 0  # "killed members of an IS-K cell", "ISWAP fighters were killed": the harmed
        if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ == "from"):
            verb = t.head
            lemma = _verb_lemma(verb)
            claims_event = lemma == "claim" and any(
                c.dep_ == "dobj" and _trigger(c, lex) for c in verb.children
            )
            if claims_event:
                return 3  # "IS claimed an ambush": it claims its own attack
            if lemma in SPEECH_LEMMAS:
                return 1
            if _attack_word(verb, lex):
                return 3
            return 2 if i == 0 else 1
        if t.dep_ == "dobj" and _verb_lemma(t.head) in ("blame", "accuse", "suspect"):
            return 3
        if t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "targeting"):
            return 0  # the target, not the doer
    return 1


SPEECH_LEMMAS = {"say", "claim", "tell", "state", "announce", "report", "describe"}
ATTACK_LEMMAS = {"carry", "launch", "stage", "conduct", "kill", "target", "strike", "hit"}


OFFICIAL_HEADS = {
    "official",
    "authority",
    "government",
    "ministry",
    "minister",
    "police",
    "governor",
    "administration",
    "intelligence",
    "army",
    "military",
}  # not "spokesman": a group's spokesman speaks for the group


def _mention_roles(sentence: Span, mentions: list[Found], lex: Lexicon) -> list[tuple[Found, int]]:
    """Each group mention in the sentence with how strongly it reads as the doer (the best of
    its words); 0 means the sentence names it as what was attacked."""
    scored = []
    for m in mentions:
        if not _in(sentence, m.start):
            continue
        span = sentence.doc.char_span(m.start, m.end, alignment_mode="expand")
        role = max((_role_score(t, lex) for t in span), default=1) if span is not None else 1
        scored.append((m, role))
    return scored


def _perpetrator(
    sentence: Span,
    scored: list[tuple[Found, int]],
    mentions: list[Found],
    trigger: int,
    found: DocState,
) -> tuple[str, str] | None:
    """The group the sentence says did it (`scored` by `_mention_roles`): the doer of the
    trigger, else the nearest group."""
    inside = scored
    speaker = found.speaker_spans.get(sentence.start_char)
    if speaker is not None:
        # "local Taliban officials said": the officials speak; they did not carry it out.
        head = sentence.doc.char_span(*speaker, alignment_mode="expand")
        if head is not None and head.root.lemma_.lower() in OFFICIAL_HEADS:
            inside = [(m, role) for m, role in inside if not speaker[0] <= m.start < speaker[1]]
    doc = sentence.doc
    best: tuple[float, Found] | None = None
    for m, role in inside:
        if role == 0:
            continue  # the group is what was attacked
        score = role - abs(m.start - trigger) / 1000
        if best is None or score > best[0]:
            best = (score, m)
    if best is None:
        return None
    chosen = best[1]
    if chosen.how == "anaphor":
        # "the group claimed it": name the group as the text last named it.
        named = [m for m in mentions if m.actor == chosen.actor and m.how != "anaphor"]
        earlier = [m for m in named if m.start < chosen.start]
        chosen = (earlier or named or [chosen])[-1 if earlier else 0]
    return chosen.actor, doc_text(doc)[chosen.start : chosen.end]


def _stance(
    sentence: Span, lex: Lexicon, source: str | None, found: DocState, perpetrator: str | None
) -> tuple[str, str | None]:
    speaker = found.actors.get(source) if source else None
    spoken = found.speaker_spans.get(sentence.start_char)
    if (
        spoken is not None
        and perpetrator is not None
        and (speaker is None or speaker.kind != ARMED_GROUP)
    ):
        # A spokesman of the group (or of its parent) speaking: the group's own word.
        voices = {m.actor for m in found.group_mentions() if spoken[0] <= m.start < spoken[1]}
        if perpetrator in voices or found.actors[perpetrator].parent in voices:
            return "claimed", perpetrator
    if speaker is not None and speaker.kind == ARMED_GROUP and perpetrator is not None:
        own = perpetrator == source or found.actors[perpetrator].parent == source
        # "ISIS said ISWAP fighters ambushed": its own word; a rival's word is an accusation.
        return ("claimed", source) if own else ("accused", source)
    for stance, pattern in lex.attribution:
        if pattern.search(sentence.text):
            return stance, source if stance in ("accused", "suspected") else None
    return "confirmed", None


class Events:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        lex = lexicon()
        groups = found.group_mentions()
        context = found.country_context.most_common(1)
        main_country = context[0][0] if context else None
        incidents: list[Candidate] = []
        parent_of = {name: info.parent for name, info in found.actors.items() if info.parent}
        parent_of |= {
            r.subject: r.object
            for r in found.relations
            if r.type in ("branch_of", "affiliated_with")
        }
        for sentence in doc.sents:
            text = sentence.text
            if text.rstrip().endswith("?"):
                continue
            kind, trigger = None, None
            for event_type, pattern in lex.types:
                hit = pattern.search(text)
                if hit:
                    kind, trigger = event_type, sentence.start_char + hit.start()
                    break
            if kind is None or trigger is None:
                if incidents:
                    self._follow_up(sentence, incidents[-1], found, lex, parent_of, groups)
                continue
            # "In the wake of the attack, ...": the sentence speaks of an attack already told.
            anaphoric = bool(incidents) and bool(
                _ANAPHORIC.search(text[: trigger - sentence.start_char + 20])
            )
            candidate = self._candidate(
                sentence, kind, trigger, groups, found, lex, main_country, anaphoric
            )
            if candidate is None:
                continue
            _branch_for_parent(candidate, groups, found, sentence)
            if anaphoric:
                incidents[-1].absorb(candidate, parent_of)  # its date counts only if none yet
                continue
            for incident in incidents:
                if incident.joins(candidate, parent_of):
                    incident.absorb(candidate, parent_of)
                    break
            else:
                incidents.append(candidate)
        for incident in incidents:
            if incident.date is None:
                incident.date = incident.reported
            if incident.perpetrator is None and not incident.state_doer:
                self._passage_group(incident, groups, doc)
            _branch_for_parent(incident, groups, found)
            if not incident.concrete():
                continue
            found.events.append(_event(incident, doc))
        return doc

    def _follow_up(
        self,
        sentence: Span,
        incident: Candidate,
        found: DocState,
        lex: Lexicon,
        parent_of: dict[str, str],
        groups: list[Found],
    ) -> None:
        """ "Officials said more than 150 people were wounded", "the guerrillas also burned a
        truck": figures and role fillers in a sentence without a trigger of its own belong to the
        attack just told."""
        source = found.speakers.get(sentence.start_char)
        reports, victims = _figures(sentence, lex, source)
        reports = [r for r in reports if r.count.text.lower() not in VAGUE]
        roles = roles_of(sentence, _group_tokens(sentence, groups))
        if reports or roles:
            follow = Candidate(incident.type, sentence.start_char, sentence.end_char)
            follow.reports, follow.victims, follow.roles = reports, victims, roles
            incident.absorb(follow, parent_of)

    def _passage_group(self, incident: Candidate, groups: list[Found], doc: Doc) -> None:
        """An event whose sentences name no group belongs to the group the passage is about:
        the last group named before it, within two sentences, else the most named one."""
        groups = [m for m in groups if m.actor not in incident.harmed]
        if not groups:
            return
        window = max(0, incident.start - 400)
        before = [m for m in groups if window <= m.start < incident.start]
        if before:
            chosen = before[-1]
        else:
            counts = Counter(m.actor for m in groups if m.how != "anaphor")
            if not counts:
                return
            name = counts.most_common(1)[0][0]
            chosen = next(m for m in groups if m.actor == name)
        incident.perpetrator = chosen.actor
        incident.perpetrator_text = doc_text(doc)[chosen.start : chosen.end]
        incident.attribution = "unknown"

    def _candidate(
        self,
        sentence: Span,
        kind: str,
        trigger: int,
        groups: list[Found],
        found: DocState,
        lex: Lexicon,
        main_country: str | None,
        anaphoric: bool,
    ) -> Candidate | None:
        source = found.speakers.get(sentence.start_char)
        text_all = doc_text(sentence.doc)
        reports, victims = _figures(sentence, lex, source)
        dated = [
            (s, d) for s, _e, d in found.dates if _in(sentence, s) and d.precision != "open_range"
        ]
        # "ISIS on Thursday claimed ...": the day of the claim is not the day of the attack.
        reported = [d for s, d in dated if _dates_speech(sentence.doc, s)]
        dates = [d for s, d in dated if not _dates_speech(sentence.doc, s)]
        if not dates:
            # "killing tens of thousands" over years is a campaign's toll, not this attack's.
            reports = [r for r in reports if r.count.text.lower() not in VAGUE]
        places = [p for s, _e, p in found.places if _in(sentence, s)]
        # "southwest of the capital Mogadishu", "15 km from Srinagar": a reference point, not the
        # place of the attack; it is kept only when the text gives no other.
        at = [
            p
            for s, _e, p in found.places
            if _in(sentence, s) and not _REFERENCE.search(text_all[max(0, s - 40) : s])
        ]
        near = bool(places) and not at
        places = at or places
        state_doer = _state_doer(sentence.doc, trigger, found)
        scored = _mention_roles(sentence, groups, lex)
        perpetrator = None if state_doer else _perpetrator(sentence, scored, groups, trigger, found)
        roles = roles_of(sentence, _group_tokens(sentence, groups))
        # "last night" in a text without a publication date: no date, but one occasion.
        timed = not dated and bool(lex.occasion.search(sentence.text))
        generic = not (
            dates
            or reported
            or places
            or reports
            or perpetrator
            or roles.targets
            or roles.victims
            or timed
        )
        # "ISWAP attacks have been restricted to ...", "dozens of attacks ... hundreds of deaths":
        # plural, undated and without an exact figure is a pattern, not an incident.
        trigger_word = sentence.doc.char_span(trigger, trigger + 1, alignment_mode="expand")
        plural = trigger_word is not None and trigger_word[0].tag_ in ("NNS", "NNPS")
        exact = [r for r in reports if r.count.text.lower() not in VAGUE]
        particular = dates or exact or timed or roles.targets
        if generic or (plural and not anaphoric and not particular):
            return None
        date = min(dates, key=lambda d: PRECISION.get(d.precision, 9)) if dates else None
        place = min(places, key=lambda p: PLACE_RANK[p.kind]) if places else None
        named = gazetteer().country_words.search(fold(sentence.text))
        country = (
            next((p.country for p in places if p.country), None)
            or (gazetteer().country_of_word[name_key(named.group())] if named else None)
            or main_country
        )
        candidate = Candidate(
            reported=reported[0] if reported else None,
            type=kind,
            start=sentence.start_char,
            end=sentence.start_char + len(sentence.text.rstrip()),
            suicide=kind in ("bombing", "attack", "armed_assault")
            and bool(lex.suicide.search(sentence.text)),
            date=date,
            place=place,
            country=country,
            near=near,
            reports=reports,
            victims=victims,
            roles=roles,
            timed=timed,
            harmed={m.actor for m, role in scored if role == 0},
        )
        if state_doer:
            candidate.perpetrator_text, candidate.attribution = state_doer, "confirmed"
            candidate.state_doer = True
        if perpetrator is not None:
            candidate.perpetrator, candidate.perpetrator_text = perpetrator
            candidate.attribution, candidate.attributed_by = _stance(
                sentence, lex, source, found, candidate.perpetrator
            )
            if (
                candidate.attribution == "accused"
                and candidate.attributed_by == candidate.perpetrator
            ):
                candidate.attributed_by = None
        return candidate


def _branch_for_parent(
    incident: Candidate, groups: list[Found], found: DocState, sentence: Span | None = None
) -> None:
    """The Islamic State claims for its provinces: when the perpetrator is the parent of a group
    the article names (registry parent, or a branch/affiliate relation in the text), the attack is
    the branch's, claimed by the parent. The branch named in the same sentence decides; else the
    article must name only one."""
    parent = incident.perpetrator
    if parent is None:
        return
    children = {
        r.subject
        for r in found.relations
        if r.object == parent and r.type in ("branch_of", "affiliated_with")
    }
    children |= {name for name, info in found.actors.items() if info.parent == parent}
    named = [m for m in groups if m.actor in children and m.how != "anaphor"]
    if sentence is not None:
        near = [m for m in named if _in(sentence, m.start)]
        named = near if len({m.actor for m in near}) == 1 else named
    if len({m.actor for m in named}) != 1:
        return
    child = named[0]
    incident.perpetrator = child.actor
    incident.perpetrator_text = child.actor
    if incident.attribution == "claimed":
        incident.attributed_by = parent


def _state_doer(doc: Doc, trigger: int, found: DocState) -> str | None:
    """The state named on the trigger itself ("a US drone strike", "Israeli airstrikes")."""
    span = doc.char_span(trigger, trigger + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    for child in token.lefts:
        modifier = child.dep_ in ("compound", "amod", "nmod", "poss")
        state_name = child.ent_type_ in ("GPE", "NORP")
        if modifier and state_name and not found.overlaps(child.idx, child.idx + len(child)):
            return child.text
    return None


def _dates_speech(doc: Doc, start: int) -> bool:
    """Whether the date at `start` hangs on a verb of saying or claiming."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for token in span[0].ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return _verb_lemma(token) in SPEECH_LEMMAS
    return False


def _group_tokens(sentence: Span, groups: list[Found]) -> set[int]:
    tokens: set[int] = set()
    for m in groups:
        if _in(sentence, m.start):
            span = sentence.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                tokens.update(range(span.start, span.end))
    return tokens


def _first(reports: list[Figure], kind: str) -> Count | None:
    return next((r.count for r in reports if r.kind == kind), None)


def _event(incident: Candidate, doc: Doc) -> Event:
    place = incident.place
    if place is not None and place.country is None and incident.country:
        place = replace(place, country=incident.country)
    if place is None and incident.country:
        place = Place(incident.country, incident.country, "", kind="country")
    kind = incident.type
    if kind == "attack" and incident.suicide:
        kind = "bombing"  # a suicide attack of unstated method is a suicide bombing
    if kind == "surrender":
        count, killed, wounded = _first(incident.reports, "count"), None, None
    else:
        count = None
        killed, wounded = _first(incident.reports, "killed"), _first(incident.reports, "wounded")
    return Event(
        type=kind,
        evidence=Evidence("", incident.start, incident.end),
        date=incident.date,
        place=place,
        perpetrator=incident.perpetrator,
        perpetrator_text=incident.perpetrator_text,
        attribution=incident.attribution if incident.perpetrator else "unknown",
        attributed_by=incident.attributed_by,
        suicide=incident.suicide,
        perpetrator_individuals=tuple(incident.roles.perpetrators),
        targets=tuple(incident.roles.targets),
        weapon=tuple(incident.roles.weapons),
        killed=killed,
        wounded=wounded,
        count=count,
        victims=tuple(
            incident.victims
            + fullest(
                list(
                    dict.fromkeys(
                        full_name(doc, v)
                        for v in incident.roles.victims
                        if v not in incident.victims
                    )
                )
            )
        ),
        reports=tuple(incident.reports),
    )


@Language.factory("dossier_events")
def make_events(nlp: Language, name: str) -> Events:
    return Events()
