"""Relations read from the parse: the modifiers and appositions news writes them in.

"Iran-backed Hezbollah", "JNIM, an al-Qaeda affiliate", "al-Shabaab's rival ISS", "the group's
parent organisation, al-Qaeda", "X, which is linked to Y", "X is loyal to Y": a cue word (a
hyphenated modifier, a relation noun, a predicate with its preposition) names one side, and the
dependency tree says which group the phrase describes. A phrase that describes no named group
("an ISIS-affiliated cell", "Iran-backed militias") states no relation between groups: nothing
is guessed from the nearest name. The words are data (data/relations.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier.model import ARMED_GROUP, STATE
from dossier.vocab.relations import RelationCues, state_named

_COPULAS = {"be", "is", "are", "was", "were", "been", "being", "remain", "remains", "became",
            "become", "becomes"}  # fmt: skip
_RELATIVES = {"which", "that", "who"}
_LISTS = {"both", "all", "each"}
_PLEDGES = {"allegiance", "loyalty"}
# "X, believed to be ...": what is believed is stated (by whom, where named, is the source).
_HEDGES = {"believed", "thought", "said", "reported", "suspected", "alleged", "understood",
           "known", "seen", "considered", "reputed", "rumoured", "rumored"}  # fmt: skip
_DASHES = "-\u2010\u2011\u2013"
_NOUN_PHRASE = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"}


@dataclass(frozen=True)
class Side:
    """One side of a relation: a group mention, or a state named where a cue asks for one."""

    actor: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Stated:
    """A relation one phrase states, with the stretch [start, end) that states it."""

    subject: Side
    type: str
    object: Side
    start: int
    end: int
    # The phrase calls the subject a group ("an al-Qaeda offshoot", "an Iran-backed militia"):
    # whatever the NER took the name for, it is an armed group.
    names_group: bool = False


class Sentence:
    """A sentence's tokens with the sides they belong to."""

    def __init__(self, sentence: Span, sides: list[Side], text: str, cues: RelationCues) -> None:
        self.sentence, self.text, self.cues = sentence, text, cues
        self.side_of: dict[int, Side] = {}
        for side in sides:
            for token in sentence:
                if side.start <= token.idx < side.end:
                    self.side_of[token.i] = side

    def side(self, token: Token | None) -> Side | None:
        return None if token is None else self.side_of.get(token.i)

    def state(self, token: Token) -> Side | None:
        """The state a token names with its compound words ("the United States", "Tehran")."""
        words = [t for t in token.lefts if t.dep_ == "compound"] + [token]
        start, end = words[0].idx, token.idx + len(token)
        name = state_named(self.text[start:end])
        return Side(name, STATE, start, end) if name else None

    def other(self, token: Token | None, kind: str, cues: RelationCues) -> Side | None:
        """The side a token names: a group, or a state where the relation allows one."""
        if token is None:
            return None
        side = self.side(token)
        named = side is not None and side.kind == ARMED_GROUP
        if not named and kind in cues.state_types and token.pos_ in ("PROPN", "ADJ"):
            side = self.state(token) or side  # the NER may take "U.S." for an organisation
        return side

    def named(self, token: Token | None) -> Side | None:
        """The group a noun phrase names: its own name, a name in front of its noun ("the
        Eastern Front militia"), or the name it is in apposition to ("Shabaab, the insurgents")."""
        if token is None:
            return None
        side = self.side(token)
        if side is None:
            named = [c for c in token.lefts if c.dep_ == "compound" and c.i in self.side_of]
            side = self.side(named[-1]) if named else None
        if side is None and token.lower_ in self.cues.part_nouns:  # "a cell of al-Shabaab"
            of = [p for c in token.rights if c.lower_ == "of" for p in c.children]
            side = self.side(of[0]) if of and of[0].dep_ == "pobj" else None
        if side is None and token.dep_ == "appos" and token.head is not token:
            # The name right before the comma: the parser hangs "X and Y, a group backed by Z"
            # on X.
            side = self.side(self._apposed(token)) or self.named(token.head)
        if side is None and token.tag_ == "NN":
            # "the Hamas-allied faction Palestinian Islamic Jihad": the name right after the
            # noun, which the parser makes a second subject rather than its apposition.
            for after in token.doc[token.i + 1 : token.i + 7]:
                if after.i not in self.side_of:
                    break
                if after.dep_ == token.dep_ and after.head == token.head:
                    side = self.side(after)
                    break
        return side

    def pronoun_owner(self, owner: Token | None, head: Token) -> Side | None:
        """Whose "its": "Al-Shabaab and its rival ISS" (the name it is coordinated with), "ISIS
        said its affiliate ISWAP ..." (the subject of the clause)."""
        if owner is None or owner.lower_ not in ("its", "their"):
            return None
        if head.dep_ == "conj":
            return self.named(head.head)
        verb = head
        for _ in range(4):  # up to the clause, and out of a reported clause ("said its ...")
            while verb.dep_ in ("prep", "pobj", "dobj", "nsubj") and verb.head is not verb:
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i < owner.i:
                return self.named(subject)
            if verb.dep_ not in ("ccomp", "xcomp", "advcl") or verb.head is verb:
                return None
            verb = verb.head
        return None

    def described(self, head: Token) -> list[Side]:
        """The groups a phrase headed by `head` describes: the name it heads or holds in front
        ("Iran-backed Hezbollah", "the Houthi rebels"), the name it is in apposition to, the
        subject it is said of ("X is ...", "X, which is ...", "X, backed by ..."), and the
        groups coordinated with that one when the phrase follows the list."""
        found: list[Side] = []
        listed: list[Token] = []

        def add(token: Token | None, coordinated: bool = False) -> None:
            side = self.named(token)
            if side is not None and side not in found:
                found.append(side)
            if side is not None and coordinated and token is not None:
                listed.append(token)

        add(head)
        for child in head.children:
            if (child.dep_ in ("compound", "nmod") and child.i < head.i) or child.dep_ == "appos":
                add(child)
            elif child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in _RELATIVES:
                add(child, coordinated=True)
        if head.dep_ == "appos":
            add(self._apposed(head) or head.head, coordinated=True)
        elif head.dep_ in ("acl", "relcl") or (head.dep_ == "amod" and head.i > head.head.i):
            add(head.head, coordinated=True)

        def subjects(verb: Token) -> None:
            for subject in verb.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    relative = subject.lower_ in _RELATIVES and verb.dep_ == "relcl"
                    add(verb.head if relative else subject, coordinated=True)

        governor = head.head
        if head.dep_ == "pobj" and governor.lower_ == "as":  # "X was formed as Y's branch"
            subjects(governor.head)
        copula = head.dep_ in ("attr", "acomp") and governor.lower_ in _COPULAS
        if copula:
            subjects(governor)
        # "X, believed by officials to be an affiliate of Y", "X, thought to be linked to Y"
        clause = governor if copula else head
        hedge = clause.head
        hedged = hedge.lower_ in _HEDGES and not any(c.dep_ == "dobj" for c in hedge.children)
        if clause.dep_ == "xcomp" and hedged:
            if hedge.dep_ in ("acl", "relcl", "appos"):
                add(hedge.head, coordinated=True)
            else:
                subjects(hedge)
        if head.dep_ == "dobj" and head.lower_ in _PLEDGES:  # "X, which pledged allegiance to"
            subjects(governor)
        if not found:
            self._listed(head, add)
        if not found:
            add(self._apposed(head), coordinated=True)
        if head.tag_ in ("NN", "NNP"):
            return found  # "X and Y, an Iran-backed group": the singular describes the last
        for token in listed:
            for conjunct in token.conjuncts:
                add(conjunct)
        return found

    def _apposed(self, head: Token) -> Token | None:
        """ "JNIM (JNIM), al-Qaeda's affiliate in the Sahel": the name a comma sets the phrase
        after, read from the words when the parser hangs the apposition elsewhere."""
        doc, first = head.doc, self.sentence.start
        i = head.i
        while i > first and (
            doc[i - 1].pos_ in _NOUN_PHRASE
            or doc[i - 1].text in _DASHES
            or doc[i - 1].i in self.side_of
        ):
            i -= 1
        if i - 2 < first or doc[i - 1].text != ",":
            return None
        before = doc[i - 2]
        if before.text == ")":  # a name's acronym in brackets
            opening = next((t for t in reversed(doc[first : before.i]) if t.text == "("), None)
            before = doc[opening.i - 1] if opening is not None and opening.i > first else before
        return before if before.i in self.side_of else None

    def _listed(self, head: Token, add) -> None:  # type: ignore[no-untyped-def]
        """ "X and Y, both affiliated with Z": the parser hangs "both" on X, not on the phrase."""
        for token in head.lefts:
            if token.lower_ in _LISTS and token.dep_ == "appos":
                add(token.head, coordinated=True)
        previous = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
        if previous is not None and previous.lower_ in _LISTS and previous.dep_ == "appos":
            add(previous.head, coordinated=True)


def _span(*parts: Side | Token) -> tuple[int, int]:
    starts = [p.idx if isinstance(p, Token) else p.start for p in parts]
    ends = [p.idx + len(p) if isinstance(p, Token) else p.end for p in parts]
    return min(starts), max(ends)


def _stated(
    s: Sentence, subjects: list[Side], kind: str, obj: Side, *cue: Token
) -> Iterator[Stated]:
    words = s.cues.group_nouns
    group = any(
        t.lower_ in words or (t.dep_ in ("amod", "acl", "relcl") and t.head.lower_ in words)
        for t in cue
    )
    for subject in subjects:
        if subject.actor != obj.actor and subject.kind != STATE:
            yield Stated(subject, kind, obj, *_span(subject, obj, *cue), names_group=group)


def _hyphenated(s: Sentence, token: Token, cues: RelationCues) -> tuple[str, Side] | None:
    """ "{side}-backed": the type and the side before the hyphen, which the tokenizer may leave
    in a token of its own ("Iran", "-", "backed") or inside this one ("U.S.-backed")."""
    if token.i in s.side_of:
        return None
    word = token.lower_
    cut = max(word.rfind(dash) for dash in _DASHES)
    if cut > 0:
        kind = cues.modifiers.get(word[cut + 1 :])
        end = token.idx + cut
        name = state_named(s.text[token.idx : end]) if kind in cues.state_types else None
        return (kind, Side(name, STATE, token.idx, end)) if kind and name else None
    kind = cues.modifiers.get(word)
    if kind is None or token.i - 2 < s.sentence.start or s.text[token.idx - 1] not in _DASHES:
        return None
    before = token.doc[token.i - 1]
    if before.text in _DASHES:
        before = token.doc[token.i - 2]
    obj = s.other(before, kind, cues)
    return (kind, obj) if obj is not None and obj.end == token.idx - 1 else None


def _modifiers(s: Sentence, cues: RelationCues) -> Iterator[Stated]:
    """ "{side}-backed X": the side ends at the hyphen before the cue word."""
    for token in s.sentence:
        found = _hyphenated(s, token, cues)
        if found is None:
            continue
        kind, obj = found
        head = token.head if token.dep_ in ("amod", "compound", "nmod", "npadvmod") else token
        described = [side for side in s.described(head) if side != obj]
        yield from _stated(s, described, kind, obj, token, head)


def _backers(s: Sentence, cues: RelationCues) -> Iterator[Stated]:
    """ "Iran backs the Houthis": a backing verb's subject backs its object and the object's
    conjuncts."""
    for token in s.sentence:
        if token.pos_ != "VERB" or token.lower_ not in cues.backing_verbs:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        backer = s.other(subject, "backed_by", cues)
        if backer is None or obj is None:
            continue
        backed = [side for t in (obj, *obj.conjuncts) if (side := s.side(t)) is not None]
        yield from _stated(s, backed, "backed_by", backer, token)


def _noun_kind(token: Token, cues: RelationCues) -> tuple[str, bool] | None:
    noun = cues.nouns.get(token.lower_)
    split = any(c.lower_ in cues.split_words for c in token.children)
    if split and (noun is not None or token.lower_ in cues.split_heads):
        return "split_from", False
    if noun is not None and any(c.lower_ in cues.former_words for c in token.children):
        # "a former al-Qaeda affiliate" has left it; "a former ally" states nothing now.
        return ("split_from", False) if noun.type in cues.former_splits else None
    return (noun.type, noun.reverse) if noun is not None else None


def _nouns(s: Sentence, cues: RelationCues) -> Iterator[Stated]:
    """ "an affiliate of Y", "Y's branch", "an al-Qaeda offshoot", "Y's rival X", "the group's
    parent organisation X": the other side hangs on the noun by "of", a possessive or a
    compound; the side described is the subject."""
    for token in s.sentence:
        if token.i in s.side_of:
            continue  # "Province" in "Islamic State West Africa Province"
        found = _noun_kind(token, cues)
        if found is None:
            continue
        kind, reverse = found
        modifier = token.dep_ in ("amod", "compound") and token.pos_ != "PROPN"
        head = token.head if modifier and token.head.pos_ in ("NOUN", "PROPN") else token
        heads = [token, head] if head is not token else [token]
        owner = next((c for h in heads for c in h.children if c.dep_ == "poss"), None)
        of = next(
            (p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
             for p in c.children if p.dep_ == "pobj"),
            None,
        )  # fmt: skip
        named = [c for h in heads for c in h.children if c.dep_ in ("compound", "amod", "nmod")
                 and c.i < h.i and c is not token]  # fmt: skip
        obj = s.other(owner, kind, cues) or s.pronoun_owner(owner, head) or s.other(of, kind, cues)
        if obj is not None:
            subjects = [side for c in named if (side := s.side(c)) is not None and side != obj]
            subjects = subjects if owner is not None and subjects else []
            subjects = subjects or [d for d in s.described(head) if d != obj]
        else:
            obj = next((o for c in named if (o := s.other(c, kind, cues)) is not None), None)
            if obj is None:
                continue
            subjects = [d for d in s.described(head) if d != obj]
        for stated in _stated(s, subjects, kind, obj, token, head):
            if reverse and stated.object.kind != STATE:
                yield Stated(stated.object, kind, stated.subject, stated.start, stated.end)
            elif not reverse:
                yield stated


def _predicates(s: Sentence, cues: RelationCues) -> Iterator[Stated]:
    """ "X, (which is) affiliated with Y", "X is loyal to Y", "X, backed by Y", "X broke away
    from Y": the word, its preposition, and the preposition's object."""
    for token in s.sentence:
        if token.i in s.side_of:
            continue
        preps = list(token.children)
        if token.lower_ in _PLEDGES and token.dep_ == "dobj":  # "pledged allegiance to": the
            preps += [c for c in token.head.children if c.i > token.i]  # "to" may hang on the verb
        for child in preps:
            kind = cues.predicates.get((token.lower_, child.lower_))
            if kind is None or child.dep_ not in ("prep", "agent"):
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            for pobj in [*objects, *(t for o in objects for t in o.conjuncts)]:  # "Qatar and Iran"
                obj = s.other(pobj, kind, cues)
                if obj is not None:
                    described = [d for d in s.described(token) if d != obj]
                    yield from _stated(s, described, kind, obj, token)


def parsed_relations(sentence: Span, sides: list[Side], text: str, cues: RelationCues):  # type: ignore[no-untyped-def]
    """Every relation the parse of one sentence states between its sides."""
    s = Sentence(sentence, sides, text, cues)
    yield from _modifiers(s, cues)
    yield from _nouns(s, cues)
    yield from _predicates(s, cues)
    yield from _backers(s, cues)
