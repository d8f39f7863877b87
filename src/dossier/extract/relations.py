"""Relations between groups named in one sentence: branch_of, affiliated_with, founded_from,
split_from, recruits_from, allied_with, linked_to, rival_of (patterns in data/relations.yaml).

A pattern is written over the sentence with its group mentions as placeholders, so "IS-K is the
official branch of the Islamic State (IS) group" and "ISWAP is a faction of Boko Haram" are the
same rule. "The Taliban and IS-K are two opposing forces" names both sides before the cue: a
symmetric relation whose cue follows two coordinated groups relates them to each other. Every
type whose pattern matches is kept: "an offshoot and a close ally of" states two relations.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import doc_text, state
from dossier.model import Evidence, Relation
from dossier.vocab.relations import relation_cues


def _compile(pattern: str, a: str, b: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{A}", a).replace("{B}", b), re.I)


class Relations:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        cues = relation_cues()
        rules, symmetric, sources = cues.patterns, cues.symmetric, cues.sources
        groups = found.group_mentions()
        seen: set[tuple[str, str, str]] = set()
        for sentence in doc.sents:
            start, end = sentence.start_char, sentence.end_char
            inside = [m for m in groups if start <= m.start < end]
            actors = list(dict.fromkeys(m.actor for m in inside))
            if len(actors) < 2 and not any(m.how == "anaphor" for m in inside):
                continue
            # The sentence with each mention replaced by a placeholder of its actor's index.
            marked, cursor = [], start
            for m in inside:
                marked.append(doc_text(doc)[cursor : m.start])
                marked.append(f"\x01{actors.index(m.actor)}\x02")
                cursor = m.end
            marked.append(doc_text(doc)[cursor:end])
            text = "".join(marked)
            source = next((s.group("source") for p in sources if (s := p.search(text))), None)
            for i, a in enumerate(actors):
                for j, b in enumerate(actors):
                    if i == j:
                        continue
                    for kind, pattern in rules:
                        if _compile(pattern, f"\x01{i}\x02", f"\x01{j}\x02").search(text) or (
                            kind in symmetric
                            and "{B}" not in pattern
                            and _coordinated(text, i, j, pattern)
                        ):
                            key = (a, kind, b) if kind not in symmetric else (*sorted((a, b)), kind)
                            if key not in seen:
                                seen.add(key)
                                evidence = Evidence(
                                    "", start, start + len(sentence.text.rstrip()), source
                                )
                                found.relations.append(Relation(a, kind, b, evidence))
        return doc


def _coordinated(text: str, i: int, j: int, pattern: str) -> bool:
    """ "A and B are rivals": a pattern with only {A}, over two coordinated groups."""
    both = f"\x01{i}\x02 and \x01{j}\x02"
    return both in text and _compile(pattern, re.escape(both), "").search(text) is not None


@Language.factory("dossier_relations")
def make_relations(nlp: Language, name: str) -> Relations:
    return Relations()
