"""A sentence read as a report of an attack: its trigger (data/events.yaml) gives the type, and
its own dates, places, group mentions, figures and parse give the rest. A sentence without a
trigger may still add figures and role fillers to the attack just told."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dossier.extract.events.figures import figures
from dossier.extract.events.merge import (
    ACCUSED,
    CLAIMED,
    CONFIRMED,
    PLACE_RANK,
    PRECISION_RANK,
    Candidate,
)
from dossier.extract.events.parts import KILLED, WOUNDED, kind_of_word
from dossier.extract.events.perpetrators import (
    as_named,
    claiming,
    mention_roles,
    perpetrator,
    stance,
    state_doer,
)
from dossier.extract.events.spans import inside, verb_lemma
from dossier.extract.numbers import VAGUE
from dossier.extract.roles import roles_of
from dossier.extract.state import DocState, Found, doc_text, sentence_end, span_text
from dossier.model import Claimant, Evidence, Place
from dossier.vocab.events import Lexicon
from dossier.vocab.fold import fold, name_key
from dossier.vocab.place_words import place_words
from dossier.vocab.places import gazetteer, kind_word, known_first

# So many places listed one after another ("A, B, C and D") are none of them one attack's.
LISTED_TOWNS = 4
# Between two places of a list.
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NEAR = re.compile(r"\bnear\s+(?:the\s+)?(?:\w+\s+)?(?:of\s+)?$", re.IGNORECASE)


def trigger(sentence: Span, lex: Lexicon) -> tuple[str, int] | None:
    """The event type of the sentence and where its trigger starts: the first type whose cue it
    holds, types being listed from specific to generic, or the type it makes with another type
    the sentence also tells (`Lexicon.combined`)."""
    text = span_text(sentence)
    found: tuple[str, int] | None = None
    for event_type, pattern in lex.types:
        hit = pattern.search(text)
        if hit is None:
            continue
        if found is None:
            found = event_type, sentence.start_char + hit.start()
            if not any(event_type in pair for pair in lex.combined):
                return found
            continue
        made = lex.combined.get(frozenset((found[0], event_type)))
        if made is not None and made[1].search(text):
            return made[0], found[1]
    return found


def refers_back(sentence: Span, trigger: int, lex: Lexicon) -> bool:
    """ "In the wake of the attack, ...": the sentence speaks of an attack already told."""
    return bool(lex.anaphoric.search(span_text(sentence)[: trigger - sentence.start_char + 20]))


_AFTER = re.compile(r"\b(?:after|before)\b", re.IGNORECASE)


def clauses(sentence: Span, lex: Lexicon) -> list[Span]:
    """The sentence, or its two halves where it tells another attack before or after the one
    it refers to ("The attack in X came shortly after troops killed 34 militants in Y"): the
    first half adds to the attack told, the second is an attack of its own, each cited by its
    own words."""
    sequel = lex.sequel.search(span_text(sentence))
    if sequel is None:
        return [sentence]
    word = _AFTER.search(sequel.group())
    if word is None:
        return [sentence]
    at = sentence.start_char + sequel.start() + word.start()
    token = sentence.doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None or not sentence.start < token.start < sentence.end - 1:
        return [sentence]
    doc = sentence.doc
    return [doc[sentence.start : token.start], doc[token.start : sentence.end]]


def sets_scene(sentence: Span, found: DocState, lex: Lexicon) -> bool:
    """Whether a sentence without a trigger tells when and where something happened ("On 3 May,
    soldiers carried out an operation in X"): the attack a later sentence tells without a date
    or place of its own ("One civilian was killed") happened then and there."""
    dated = any(
        inside(sentence, s) and d.precision == "day" and not _dates_speech(sentence.doc, s, lex)
        for s, _e, d in found.dates
    )
    placed = any(inside(sentence, s) and p.kind != "country" for s, _e, p in found.places)
    return dated and placed


def follow_up(
    sentence: Span,
    incident: Candidate,
    found: DocState,
    lex: Lexicon,
    groups: list[Found],
) -> Candidate | None:
    """ "Officials said more than 150 people were wounded", "the guerrillas also burned a
    truck", "the Front later claimed responsibility": figures, role fillers and claims in a
    sentence without a trigger of its own belong to the attack just told."""
    source = found.speakers.get(sentence.start_char)
    reports, victims = figures(sentence, lex, source)
    reports = [r for r in reports if r.count.text.lower() not in VAGUE]
    roles = roles_of(sentence, _group_tokens(sentence, groups))
    claiming_mentions = claiming(sentence, groups, lex)
    claims = _claimants(sentence, claiming_mentions, source)
    if not (reports or roles or claims):
        return None
    follow = Candidate(incident.type, sentence.start_char, sentence.end_char)
    follow.reports, follow.victims, follow.roles = reports, victims, roles
    follow.indefinite = bool(reports) and told_as_perfect(sentence, lex)
    if claims:
        # A claim told late in the text still names who says they did it.
        follow.claimants = claims
        follow.perpetrator = claims[0].name
        named = as_named(claiming_mentions[0], groups)
        follow.perpetrator_text = doc_text(sentence.doc)[named.start : named.end]
        follow.attribution = CLAIMED
    return follow


def _claimants(
    sentence: Span, claiming_mentions: list[Found], source: str | None
) -> list[Claimant]:
    """Each group the sentence says claimed the attack (`claiming`), citing the sentence."""
    cited = Evidence("", sentence.start_char, sentence_end(sentence), source)
    return [Claimant(m.actor, CLAIMED, source, cited) for m in claiming_mentions]


def candidate(
    sentence: Span,
    kind: str,
    trigger: int,
    groups: list[Found],
    found: DocState,
    lex: Lexicon,
    main_country: str | None,
    anaphoric: bool,
) -> Candidate | None:
    """What the sentence says of the attack its trigger names; None for a generality ("ISWAP
    attacks have been restricted to ...")."""
    source = found.speakers.get(sentence.start_char)
    text_all = doc_text(sentence.doc)
    said = span_text(sentence)
    reports, victims = figures(sentence, lex, source)
    dated = [
        (s, d) for s, _e, d in found.dates if inside(sentence, s) and d.precision != "open_range"
    ]
    # "ISIS on Thursday claimed ...": the day of the claim is not the day of the attack.
    reported = [d for s, d in dated if _dates_speech(sentence.doc, s, lex)]
    dates = [d for s, d in dated if not _dates_speech(sentence.doc, s, lex)]
    if not dates:
        # "killing tens of thousands" over years is a campaign's toll, not this attack's.
        reports = [r for r in reports if r.count.text.lower() not in VAGUE]
    # "protests on the streets of Amman, Tunis, Beirut and Tehran": one attack is not at four
    # towns listed; the sentence tells where something else happened.
    listed = _listed(sentence, found, text_all)
    places = [p for s, _e, p in found.places if inside(sentence, s) and s not in listed]
    # "southwest of the capital Mogadishu", "15 km from Srinagar": a reference point, not the
    # place of the attack; it is kept only when the text gives no other.
    at = [
        p
        for s, _e, p in found.places
        if inside(sentence, s)
        and s not in listed
        and not lex.reference_point.search(text_all[max(0, s - 40) : s])
    ]
    # "near Manbij, also in the Aleppo governorate": a town the attack was near tells more than
    # the division it was in.
    vicinity = [p for s, _e, p in found.places if inside(sentence, s) and _near(text_all, s)]
    finest = min((PLACE_RANK[p.kind] for p in at), default=9)
    if any(PLACE_RANK[p.kind] < finest for p in vicinity):
        at = []
    if not at:
        # "came from Pakistan": a country as a reference point says nothing of where it was.
        places = [p for p in places if p.kind != "country"]
    near = bool(places) and not at
    places = at or places or _named_before(sentence, found)
    state = state_doer(sentence.doc, trigger, found)
    scored = mention_roles(sentence, groups, lex)
    doer = None if state else perpetrator(sentence, scored, groups, trigger, found, lex)
    roles = roles_of(sentence, _group_tokens(sentence, groups))
    # "last night" in a text without a publication date: no date, but one occasion.
    timed = not dated and bool(lex.occasion.search(said))
    generic = not (
        dates or reported or places or reports or doer or roles.targets or roles.victims or timed
    )
    # "ISWAP attacks have been restricted to ...", "dozens of attacks ... hundreds of deaths":
    # plural, undated and without an exact figure is a pattern, not an incident.
    exact = [r for r in reports if r.count.text.lower() not in VAGUE]
    particular = dates or exact or timed or roles.targets
    if generic or (not anaphoric and not particular and _plural_only(sentence, lex)):
        return None
    date = min(dates, key=lambda d: PRECISION_RANK.get(d.precision, 9)) if dates else None
    place = (
        min(places, key=lambda p: (PLACE_RANK[p.kind], known_first(p.kind, p.text)))
        if places
        else None
    )
    # "5 km south of the village X (Town, Region)": a village named only as a reference point
    # still tells this attack apart from another at the same town.
    site = next(
        (
            p.text
            for p in places + [p for _s, _e, p in found.places if inside(sentence, _s)]
            if place is not None and p.kind == "unknown" and p.text != place.text
        ),
        None,
    )
    # "The assailants came from Pakistan": a country the attack came from is not where it was.
    # "Russian mercenaries", "a Nigerian soldier": a people's adjective says who, not where, so
    # the sentence's country is one it names, else the text's.
    words = gazetteer()
    named = next(
        (
            m
            for m in words.country_words.finditer(fold(said))
            if not lex.reference_point.search(said[max(0, m.start() - 40) : m.start()])
            and name_key(m.group()) not in words.adjectives
        ),
        None,
    )
    country = (
        next((p.country for p in places if p.country), None)
        or (words.country_of_word[name_key(named.group())] if named else None)
        or main_country
    )
    told = Candidate(
        reported=reported[0] if reported else None,
        type=kind,
        start=sentence.start_char,
        end=sentence_end(sentence),
        suicide=kind in lex.suicidal and bool(lex.suicide.search(said)),
        date=date,
        place=place,
        site=site,
        country=country,
        near=near,
        reports=reports,
        victims=victims,
        roles=roles,
        timed=timed,
        harmed={m.actor for m, role in scored if role == 0},
        another=bool(lex.another.search(said)),
        indefinite=bool(reports) and not dates and told_as_perfect(sentence, lex),
    )
    if state:
        told.perpetrator_text, told.attribution = state, CONFIRMED
        told.state_doer = True
    elif doer is None and (force := told.forces_only()) is not None:
        # "the air force bombed ...", "five soldiers killed ...": the state's own forces did it,
        # as the text says or alleges ("accused the army of ...").
        told.perpetrator_text = force
        told.attribution, told.attributed_by = stance(sentence, lex, source, found, None)
        told.state_doer = True
    if doer is not None:
        told.perpetrator, told.perpetrator_text = doer
        told.attribution, told.attributed_by = stance(
            sentence, lex, source, found, told.perpetrator
        )
        if told.attribution == ACCUSED and told.attributed_by == told.perpetrator:
            told.attributed_by = None
    told.claimants = _claimants(sentence, claiming(sentence, groups, lex), source)
    return told


def _named_before(sentence: Span, found: DocState) -> list[Place]:
    """ "The prison was attacked in 2016": the place of that kind the text last named before the
    sentence ("Koutoukale prison"), for a sentence that names no place of its own."""
    word = place_words().the_kind.search(span_text(sentence))
    if word is None:
        return []
    kind = word.group(1).lower()
    before = [
        p
        for s, _e, p in found.places
        if s < sentence.start_char and p.kind != "country" and kind in p.text.lower().split()
    ]
    return before[-1:]


def _listed(sentence: Span, found: DocState, text: str) -> set[int]:
    """The starts of places the sentence lists, LISTED_TOWNS or more bare names in a row joined
    by commas and "and"; a place and its holders ("X village, Y Township, Y District, Z State",
    "X (Y, Z)") are no such list."""
    spans = [
        (s, e, p.name)
        for s, e, p in found.places
        if inside(sentence, s) and p.kind != "country" and not kind_word(p.text)
    ]
    runs: list[list[tuple[int, int, str]]] = []
    for span in spans:
        if runs and _LIST_GAP.fullmatch(text[runs[-1][-1][1] : span[0]]):
            runs[-1].append(span)
        else:
            runs.append([span])
    # "Nablus, West Bank, West Bank and Gaza Strip" is a town and its holders, not a list.
    lists = [run for run in runs if len({name for _s, _e, name in run}) >= LISTED_TOWNS]
    return {s for run in lists for s, _e, _n in run}


def _plural_only(sentence: Span, lex: Lexicon) -> bool:
    """Whether every cue of the sentence is a plural noun ("ISWAP attacks have been
    restricted to ...", "gunmen"): "Gunmen opened fire" tells one attack by its verb, and
    "an explosives-laden vehicle" is one vehicle."""
    text = span_text(sentence)
    hits = (hit for _kind, pattern in lex.types for hit in pattern.finditer(text))
    for hit in hits:
        start = sentence.start_char + hit.start()
        word = sentence.doc.char_span(start, start + 1, alignment_mode="expand")
        if word is None:
            continue
        token = word[0]
        if token.tag_ not in ("NNS", "NNPS"):
            return False
        if token.head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("amod", "compound", "npadvmod"):
            return False  # "explosives-laden vehicle": the noun it qualifies is the thing
    return True


def _near(text: str, start: int) -> bool:
    return bool(_NEAR.search(text[max(0, start - 30) : start]))


def told_as_perfect(sentence: Span, lex: Lexicon) -> bool:
    """Whether the sentence tells a death or an injury in the present perfect ("five of its
    fighters have been killed", "the strike has killed 500 people"): at some time before it
    was said, not on the day it was said."""
    for token in sentence:
        if token.tag_ != "VBN" or kind_of_word(token, lex) not in (KILLED, WOUNDED):
            continue
        if any(
            c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") and c.lemma_ == "have"
            for c in token.children
        ):
            return True
    return False


def _dates_speech(doc: Doc, start: int, lex: Lexicon) -> bool:
    """Whether the date at `start` hangs on a verb of saying or claiming."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for token in span[0].ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return verb_lemma(token) in lex.speech
    return False


def _group_tokens(sentence: Span, groups: list[Found]) -> set[int]:
    tokens: set[int] = set()
    for m in groups:
        if inside(sentence, m.start):
            span = sentence.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                tokens.update(range(span.start, span.end))
    return tokens
