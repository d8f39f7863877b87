"""Relations between groups named in one sentence (types in model.RELATION_TYPES).

Two readers, one per way news states a relation. The parse (relation_parse.py) reads the
modifiers and appositions that carry most of them: "Iran-backed Hezbollah", "JNIM, an al-Qaeda
affiliate". Whole-sentence patterns (data/relations.yaml) read verbs and longer phrases, written
over the sentence with its group mentions as placeholders, so "IS-K is the official branch of the
Islamic State (IS) group" and "ISWAP is a faction of Boko Haram" are the same rule; the subject of
a pattern is the group named nearest the cue, never one named before another group. "The Taliban
and IS-K are two opposing forces" names both sides before the cue: a coordinated cue relates the
two groups to each other. Every type stated is kept: "an offshoot and a close ally of" states two
relations. The other side of a backing may be a state ("Tehran-backed"): it becomes an actor of
kind state. The evidence is the stretch that states the relation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.relation_parse import Side, Stated, parsed_relations
from dossier.extract.state import ActorInfo, DocState, doc_text, state
from dossier.model import ARMED_GROUP, ORGANIZATION, PERSON, STATE, Evidence, Relation
from dossier.vocab.fold import fold
from dossier.vocab.registry import load_registry
from dossier.vocab.relations import RelationCues, relation_cues


@lru_cache(maxsize=8192)
def _compile(pattern: str, a: str, b: str) -> re.Pattern[str]:
    """A pattern with the placeholders of two actors' indices: one per pattern and pair of
    indices, kept, as they outnumber the 512 patterns `re` itself keeps and were compiled again
    (bounded: a sentence naming dozens of actors would otherwise keep thousands)."""
    return re.compile(pattern.replace("{A}", a).replace("{B}", b), re.I)


class Marked:
    """A sentence with each group mention replaced by a placeholder of its actor's index, and
    the way back from a position in it to one in the document."""

    def __init__(self, text: str, sentence: Span, sides: list[Side], actors: list[str]) -> None:
        pieces, self.marks, self.origins = [], [0], [sentence.start_char]
        cursor, length = sentence.start_char, 0
        for side in sides:
            pieces.append(text[cursor : side.start])
            length += side.start - cursor
            placeholder = f"\x01{actors.index(side.actor)}\x02"
            pieces.append(placeholder)
            # A placeholder maps to its mention's start; the text after it to the mention's end.
            self.marks += [length, length + len(placeholder)]
            self.origins += [side.start, side.end]
            length += len(placeholder)
            cursor = side.end
        pieces.append(text[cursor : sentence.end_char])
        self.text = "".join(pieces)

    def origin(self, position: int) -> int:
        i = bisect.bisect_right(self.marks, position) - 1
        if i % 2 == 1:  # inside a placeholder
            return self.origins[i]
        return self.origins[i] + position - self.marks[i]


def _patterns(marked: Marked, actors: list[str], cues: RelationCues) -> Iterator[tuple]:  # type: ignore[type-arg]
    """(subject, type, object, start, end) for each whole-sentence pattern that matches."""
    for i, a in enumerate(actors):
        for j, b in enumerate(actors):
            if i == j:
                continue
            for kind, pattern in cues.patterns:
                match = _compile(pattern, f"\x01{i}\x02", f"\x01{j}\x02").search(marked.text)
                if match:
                    yield a, kind, b, marked.origin(match.start()), marked.origin(match.end())
            both = f"\x01{i}\x02 and \x01{j}\x02"
            at = marked.text.find(both)
            for kind, pattern in cues.coordinated if at >= 0 else ():
                match = pattern.match(marked.text, at + len(both))
                if match:
                    yield a, kind, b, marked.origin(at), marked.origin(match.end())


def _possessive_names(found: DocState, sides: list[Side], text: str) -> list[tuple]:  # type: ignore[type-arg]
    """ "the Islamic State's West Africa Province": a name that opens with its parent's name in
    the possessive states the branch (the registry knows the name as one; the text says whose)."""
    stated = []
    registry = load_registry()
    for side in sides:
        parent = found.actors[side.actor].parent
        surface = fold(text[side.start : side.end])
        owner, mark, _ = surface.partition("'s ")
        entry = registry.lookup(owner) if mark else None
        if parent and entry is not None and entry.name == parent:
            stated.append((side.actor, "branch_of", parent, side.start, side.end))
    return stated


class Relations:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        cues = relation_cues()
        text = doc_text(doc)
        groups = found.group_mentions()
        # Names the NER found that a relation may show to be groups ("Jund al-Aqsa, an al-Qaeda
        # offshoot").
        others = [
            m
            for m in found.mentions
            if m.how != "anaphor" and not found.actors[m.actor].registered
            and found.actors[m.actor].kind in (PERSON, ORGANIZATION)
        ]  # fmt: skip
        seen: set[tuple[str, str, str]] = set()
        for sentence in doc.sents:
            start, end = sentence.start_char, sentence.end_char
            sides = [
                Side(m.actor, ARMED_GROUP, m.start, m.end) for m in groups if start <= m.start < end
            ]
            named = [
                Side(m.actor, found.actors[m.actor].kind, m.start, m.end)
                for m in others
                if start <= m.start < end
            ]
            if not sides and not named:
                continue
            actors = list(dict.fromkeys(s.actor for s in sides))
            marked = Marked(text, sentence, sides, actors)
            source = next(
                (m.group("source") for p in cues.sources if (m := p.search(marked.text))), None
            )
            stated: list[tuple] = [  # type: ignore[type-arg]
                (r.subject.actor, r.type, r.object.actor, r.start, r.end)
                for r in self._parsed(found, sentence, sides + named, text, cues)
            ]
            stated += _possessive_names(found, sides, text)
            if len(actors) >= 2:
                stated += list(_patterns(marked, actors, cues))
            for a, kind, b, first, last in stated:
                key = (a, kind, b) if kind not in cues.symmetric else (*sorted((a, b)), kind)
                if key not in seen:
                    seen.add(key)
                    found.relations.append(Relation(a, kind, b, Evidence("", first, last, source)))
        return doc

    @staticmethod
    def _parsed(
        found: DocState, sentence: Span, sides: list[Side], text: str, cues: RelationCues
    ) -> Iterator[Stated]:
        """The parse's relations between a group and a group or state. A state one names
        becomes an actor, so every relation's sides are actors of the document; a name the NER
        took for a person or an organisation becomes a group where the phrase calls it one."""
        for stated in parsed_relations(sentence, sorted(sides, key=lambda s: s.start), text, cues):
            subject, obj = stated.subject, stated.object
            if obj.kind not in (ARMED_GROUP, STATE):
                continue
            if subject.kind != ARMED_GROUP:
                if not stated.names_group:
                    continue
                found.actors[subject.actor] = replace(found.actors[subject.actor], kind=ARMED_GROUP)
            if obj.kind == STATE:
                found.add_mention(
                    obj.start, obj.end, ActorInfo(obj.actor, STATE, False), "gazetteer"
                )
            yield stated


@Language.factory("dossier_relations")
def make_relations(nlp: Language, name: str) -> Relations:
    relation_cues()  # loaded with the pipeline, not with its first document
    return Relations()
