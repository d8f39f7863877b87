"""Casualty figures: what each number in a sentence counts (killed, wounded, abducted, the
casualties lumped together, the attackers who died, or the people of a surrender), and the one
person of "a soldier was killed" or "Abbas was killed". A figure keeps its source and the
sentence that states it.

A sentence's figures are read as parts first and then added up: "four soldiers and two
civilians were killed" is one toll of six, not two rival tolls of four and two; "including 13
soldiers" and "13 civilians and 5 soldiers" after "18 killed" are parts of a toll already told;
a toll over a period ("since 2009", "so far this year") belongs to no one attack.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.extract.events.harmed import person_word, singular_parts
from dossier.extract.events.parts import (
    ABDUCTED,
    ATTACKERS_KILLED,
    CASUALTIES,
    COUNT,
    KILLED,
    Part,
    added,
    kind_of_word,
)
from dossier.extract.events.spans import verb_lemma
from dossier.extract.numbers import COUNT as NUMBER
from dossier.extract.numbers import count_from
from dossier.extract.state import doc_text, sentence_end, span_text
from dossier.model import Count, Evidence, Figure
from dossier.vocab.events import Lexicon

# Entity labels of numbers that count no one: "2 March", "10 percent", "$5 million".
_NOT_PEOPLE = ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY")
# Dependencies of the clauses a clause governs.
_CLAUSES = ("advcl", "conj", "ccomp", "xcomp", "acl", "relcl", "parataxis")
# Nouns of time: "11 years" is a DATE, while "between 11 and 15 personnel" is tagged one wrongly.
_TIME_NOUNS = frozenset(("year", "years", "month", "months", "week", "weeks", "day", "days"))


def figure_kind(number: Token, lex: Lexicon) -> str | None:
    """What a number counts: the word right after its phrase ("21 wounded", "three dead",
    "13 officials were killed"), else the words its phrase hangs on ("killing 3 police")."""
    doc = number.doc
    noun = number.head if number.dep_ == "nummod" else number
    if noun.dep_ == "nsubj" and _has_object(noun.head):
        return None  # "30 assailants shot and killed a leader": the doers, not the dead
    if noun.dep_ == "nsubj" and kind_of_word(noun.head, lex) == KILLED:
        return KILLED  # "one soldier injured in the attack later died"
    window = doc[number.i + 1 : min(len(doc), number.i + 9)]
    for i, t in enumerate(window):
        if t.is_punct or t.lower_ in ("or", "but", "while") or t.like_num:
            break
        if t.lower_ == "and":
            # "1 policeman was shot and killed": a harm verb after the first verb's "and".
            after = window[i + 1 : i + 2]
            if not (after and after[0].pos_ == "VERB" and kind_of_word(after[0], lex) == KILLED):
                break
            continue
        kind = kind_of_word(t, lex)
        if kind == ABDUCTED and t.pos_ == "NOUN":
            # "seven hostages were killed": what befell the hostages is the verb's.
            verbs = (kind_of_word(w, lex) for w in window[i + 1 :] if w.pos_ == "VERB")
            kind = next((k for k in verbs if k is not None), kind)
            if t.dep_ == "dobj" and kind_of_word(t.head, lex) == KILLED:
                kind = KILLED  # "executed two hostages"
        if kind is not None:
            rest = window[i + 1 : i + 3]
            later = {kind_of_word(r, lex) for r in rest[1:]} - {None}
            if rest and rest[0].lower_ == "and" and later:
                # "40 soldiers were killed and wounded" lumps both: a casualty count, not
                # deaths; "kidnapped and killed" ends in death.
                return KILLED if later == {KILLED} else CASUALTIES
            return kind
    if any(c.dep_ == "amod" and c.lower_ in lex.death_words for c in noun.children):
        return KILLED  # "shot dead 3 assailants"
    head = number.head if number.dep_ in ("nummod", "quantmod", "compound", "amod") else number
    if number.dep_ in ("quantmod",) and head.dep_ == "nummod":
        head = head.head
    for t in (head, *list(head.ancestors)[:3]):
        if t.lower_ == "including":
            return None  # "including 13 US service members" is a part, not the total
        kind = kind_of_word(t, lex)
        if kind is not None:
            return kind
        if t.pos_ == "VERB" and head.dep_ in ("nsubj", "nsubjpass"):
            # "1 policeman and 2 civilians were shot and killed": the verb joined to the first
            # that has no subject of its own says what befell them.
            joined = [
                kind_of_word(c, lex)
                for c in t.children
                if c.dep_ == "conj"
                and c.pos_ == "VERB"
                and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
            ]
            if KILLED in joined:
                return KILLED
            kind = next((k for k in joined if k is not None), None)
            if kind is not None:
                return kind
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in ("code", "cod") and number.head.lower_ == "as":
                # A coder's note, "(coded as 3)": the figure of the casualty word it follows.
                before = {kind_of_word(w, lex) for w in doc[number.sent.start : number.i]}
                return KILLED if KILLED in before else None
            # "the number of people killed has risen to 183", "fatalities coded as 3"
            tallies = (
                c
                for c in t.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.tallies
            )
            for subject in tallies:
                kinds = {kind_of_word(w, lex) for w in subject.subtree} - {None, COUNT}
                if len(kinds) == 1:
                    return kinds.pop()
            break
    # "killed 8 and injured 21": the second figure hangs on its own verb through a conjunction.
    for child in head.children:
        if child.dep_ == "acl" and verb_lemma(child) in lex.killed:
            return KILLED
    return None


def _has_object(verb: Token) -> bool:
    """Whether the verb, or a verb joined to it that shares its subject ("shot and killed a
    leader"), has an object; "one soldier died, but militants took nine vehicles" does not."""
    shared = (
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    )
    verbs = [verb, *shared]
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" for v in verbs for c in v.children)


def figures(sentence: Span, lex: Lexicon, source: str | None) -> tuple[list[Figure], list[str]]:
    """The figures the sentence states, and the victims it lists as parts of one ("including
    13 US service members")."""
    parts, victims = _numbered(sentence, lex)
    parts += singular_parts(sentence, lex, {p.noun.i for p in parts} | {p.first.i for p in parts})
    parts = [p for p in parts if not _over_period(p, lex)]
    evidence = Evidence("", sentence.start_char, sentence_end(sentence), source)
    return [Figure(kind, count, source, evidence) for kind, count in _tolls(parts, lex)], victims


def _numbered(sentence: Span, lex: Lexicon) -> tuple[list[Part], list[str]]:
    """The parts counted by numbers and number words, and the victims named as parts."""
    parts: list[Part] = []
    victims: list[str] = []
    for match in NUMBER.finditer(span_text(sentence)):
        count = count_from(match)
        if count is None:
            continue
        # "between 11 and 15 soldiers": the last number of a range carries its phrase.
        group = (
            "high"
            if match["high"]
            else "dhigh"
            if match["dash"]
            else "n"
            if match["n"]
            else "vague"
        )
        start = sentence.start_char + match.start(group)
        span = sentence.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            continue
        token = span[0]
        noun = _counted_noun(token)
        if token.ent_type_ in _NOT_PEOPLE and not _people_despite_entity(token, noun, lex):
            continue
        if token.like_num is False and not match["vague"] and not token.is_alpha:
            continue
        if token.lower_ == "both" and noun.tag_ != "NNS":
            continue  # "both the driver and his son" are counted one by one
        if noun.lower_ in lex.not_people or _of_object(noun).lower_ in lex.not_people:
            continue  # "killed 40 cows"
        if _is_part(token, lex):
            if any(t.lower_ == "including" for t in token.ancestors):
                victims.append(
                    sentence.doc[token.i : noun.i + 1].text if noun.i > token.i else match.group()
                )
            continue
        kind = figure_kind(token, lex)
        if kind is None:
            continue
        if kind == ABDUCTED and noun is not token and not person_word(_of_object(noun), lex):
            continue  # "several documents were seized"
        first = sentence.doc.char_span(
            sentence.start_char + match.start(), sentence.start_char + match.end(), "expand"
        )
        attackers = _of_object(noun).lower_ in lex.attacker_nouns
        parts.append(Part(kind, count, first[0] if first else token, noun, attackers))
    return parts, victims


def _counted_noun(number: Token) -> Token:
    """The noun a number counts ("five soldiers"), or the number where it stands alone."""
    word = number
    if word.dep_ == "conj" and word.head.like_num:
        word = word.head  # "between 11 and 15 soldiers"
    if word.dep_ == "quantmod":
        word = word.head
    if word.dep_ in ("amod", "det", "predet") and not word.like_num and word.head.pos_ == "NOUN":
        return word.head  # "several documents", "both officers"
    if word.dep_ != "nummod":
        return number
    noun = word.head
    # "two United States (US) soldiers", "one Local Police (ALP) officer": the tagger hangs the
    # number on a name before the noun it counts.
    while noun.dep_ in ("compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        if not noun.i < noun.head.i <= noun.i + 4:
            break
        noun = noun.head
    return noun


def _of_object(noun: Token) -> Token:
    """ "20 of the assailants": the people a number counts out of."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return noun


def _people_despite_entity(number: Token, noun: Token, lex: Lexicon) -> bool:
    """The tagger reads "between 11 and 15 personnel" as a date and "3 assailants" as a
    quantity: a number counting people (or, for a date, any noun that is not a time) is people
    all the same."""
    if noun is number:
        return False
    if person_word(noun, lex) or noun.lower_ in lex.attacker_nouns:
        return True
    dated = number.ent_type_ in ("DATE", "TIME")
    return dated and noun.pos_ == "NOUN" and noun.lower_ not in _TIME_NOUNS


def _is_part(number: Token, lex: Lexicon) -> bool:
    """ "including 13 soldiers", "two of whom were children": a part of a toll told beside it."""
    noun = _counted_noun(number)
    words = [t.lower_ for t in (number, noun, *list(noun.ancestors)[:3])]
    if any(w in ("including", "among", "included") for w in words):
        return True
    if any(c.lower_ == "among" and c.i < number.i for c in noun.children):
        return True  # "among them eight attackers"
    after = number.doc[noun.i + 1 : noun.i + 3].text.lower()
    return any(after.startswith(cue) for cue in lex.part_cues if " " in cue)


def _over_period(part: Part, lex: Lexicon) -> bool:
    """A toll of a campaign or a conflict, not of one attack: "more than 30,000 people killed
    since 2009", "bringing to ten the number of its members killed"."""
    clause = part.noun
    for t in part.noun.ancestors:
        clause = t
        if t.pos_ in ("VERB", "AUX"):
            break
    left, right = clause.left_edge, clause.right_edge
    if not lex.period.search(doc_text(clause.doc)[left.idx : right.idx + len(right)]):
        return False  # most tolls: no period in the whole clause, so none in a part of it
    # The clause without the clauses it governs: "five were killed, bringing to ten the
    # number ..." is one attack's five and a campaign's ten.
    inner = {
        t.i
        for c in clause.children
        if c.dep_ in _CLAUSES and part.noun not in c.subtree
        for t in c.subtree
    }
    words = [t.text_with_ws for t in clause.subtree if t.i not in inner]
    return bool(lex.period.search("".join(words)))


def _tolls(parts: list[Part], lex: Lexicon) -> list[tuple[str, Count]]:
    """The sentence's tolls: parts of one enumeration ("two soldiers and five assailants")
    added up; an enumeration after a toll that covers it is its breakdown, not a rival toll;
    the attackers' own deaths, told apart, are a figure of their own."""
    groups: list[list[Part]] = []
    for part in sorted(parts, key=lambda p: p.first.i):
        if groups and _after_including(groups[-1][-1], part):
            continue  # "17 people, including workers, and a gold trader"
        for group in groups:
            joined = {t.i for p in group for t in (p.noun, *p.noun.conjuncts)}
            anchors = {_anchor(p.noun) for p in group if _counts_people(p, lex)} - {None}
            listed = _counts_people(part, lex) and _anchor(part.noun) in anchors
            together = (part.noun.i in joined or listed) and not _alternative(group[-1], part)
            # "three fatalities and several injuries" are two figures, not one enumeration.
            people = kind_of_word(part.noun, lex) is None
            if group[0].kind == part.kind and together and people:
                group.append(part)
                break
        else:
            groups.append([part])
    tolls: list[tuple[str, Count]] = []
    for group in groups:
        kind = group[0].kind
        if kind == KILLED and all(p.attackers for p in group):
            kind = ATTACKERS_KILLED
        count = _sum(group)
        told = [c for k, c in tolls if k == kind and c.low is not None]
        breakdown = len(group) > 1 or all(_elliptical(p) for p in group)
        if breakdown and any(count.low is not None and c.low >= count.low for c in told):
            continue  # "18 killed: 13 civilians and 5 soldiers", "four dead, two among civilians"
        victims = [p for p in group if not p.attackers]
        if kind == KILLED and len(victims) < len(group):
            # "37 soldiers, four bombers and five raiders were killed": the attackers' dead
            # are a figure of their own, so that a lower toll of the victims leaves them.
            attackers = [p for p in group if p.attackers]
            tolls += [(KILLED, _sum(victims)), (ATTACKERS_KILLED, _sum(attackers))]
            continue
        tolls.append((kind, count))
    return tolls


def _counts_people(part: Part, lex: Lexicon) -> bool:
    """A part that names whom it counts ("4 militiamen", "the chief"), not a tally noun
    ("four fatalities") nor a number standing for a noun told before ("two among civilians")."""
    return kind_of_word(part.noun, lex) is None and not _elliptical(part)


def _alternative(previous: Part, part: Part) -> bool:
    """ "zero, one or two persons": figures joined by "or" are rival readings, not parts."""
    doc = part.first.doc
    tokens = (previous.first, previous.noun, part.first, part.noun)
    start, end = min(t.i for t in tokens), max(t.i for t in tokens)
    return any(t.lower_ == "or" for t in doc[start:end])


def _anchor(noun: Token) -> tuple[int, str] | None:
    """The verb an enumeration is the subject or object of, and which: "4 militiamen, 1
    soldier, and 1 policeman were killed" is one enumeration however the tagger chains its
    members (by conjunction, apposition, or as a second subject of the verb)."""
    while noun.dep_ in ("conj", "appos") and noun.head.pos_ in ("NOUN", "PROPN", "NUM"):
        noun = noun.head
    if noun.head.pos_ != "VERB":
        return None
    if (
        noun.dep_ == "conj"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in noun.head.children)
        and any(
            c.dep_ == "acl" and c.lemma_.lower() == noun.head.lemma_.lower() for c in noun.children
        )
    ):
        # "Two militants were killed ... and a man killed in an airstrike": the tagger joins
        # the second subject, told with the same verb, to the first verb; one more of its dead.
        return noun.head.i, "subject"
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return noun.head.i, "subject"
    if noun.dep_ == "dobj":
        return noun.head.i, "object"
    return None


def _after_including(previous: Part, part: Part) -> bool:
    """Whether the part follows "including" within the phrase of the part before it."""
    between = part.first.doc[previous.noun.i : part.first.i]
    if any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    return any(t.lower_ in ("including", "among") for t in between)


def _elliptical(part: Part) -> bool:
    """ "two among civilians", "five from the FPRC": a number that stands for a noun told
    before it, splitting a toll."""
    noun = part.noun
    return noun.like_num and any(c.lower_ in ("among", "from") for c in noun.children)


def _sum(group: list[Part]) -> Count:
    """The toll of an enumeration: its parts added up, unless its first part is the total of
    the rest ("18 people, 12 traders and 6 buyers")."""
    rest = [p.count.low for p in group[1:]]
    total = len(group) > 2 and None not in rest and group[0].count.low == sum(rest)  # type: ignore[arg-type]
    if len(group) == 1 or total:
        return group[0].count
    doc = group[0].first.doc
    start = min(p.first.i for p in group)
    end = max(max(p.noun.i, p.first.i) for p in group) + 1
    return added([p.count for p in group], doc[start:end].text)
