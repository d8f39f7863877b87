"""File each sentence about an armed group under the profile question it answers.

A sentence is about a group when it names the group or refers back to it ("the group").
Questions are not statements (a headline asking "how dangerous is it?" answers nothing). The
topic comes from cue words (data/topics.yaml); a sentence with no cue is kept under "other", so
the profile can still show it, and nothing the article says about a group is lost.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import span_text, state
from dossier.vocab.topics import IDENTITY, topic_of


class Statements:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        groups = found.group_mentions()
        if not groups:
            return doc
        i = 0
        for sentence in doc.sents:
            start, end = sentence.start_char, sentence.end_char
            text = span_text(sentence).rstrip()
            end = start + len(text)
            about: list[str] = []
            while i < len(groups) and groups[i].start < end:
                if groups[i].start >= start and groups[i].actor not in about:
                    about.append(groups[i].actor)
                i += 1
            if not about or text.endswith("?"):
                continue
            topic = topic_of(text)
            for actor in about:
                defined = any(start <= p < end for p in found.definitions.get(actor, ()))
                found.statements.append((actor, IDENTITY if defined else topic, start, end))
        return doc


@Language.factory("dossier_statements")
def make_statements(nlp: Language, name: str) -> Statements:
    return Statements()
