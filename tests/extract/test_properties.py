"""Hostile text never breaks extract: every fact it returns points inside the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.extract import extract
from dossier.model import Document

# Words that wake the components up: names, triggers, numbers, dates, cues, brackets.
VOCABULARY = [
    "IS-K",
    "ISKP",
    "Taliban",
    "the group",
    "(also known as",
    ")",
    "(",
    "killed",
    "attacked",
    "bomb",
    "more than",
    "at least",
    "170",
    "three",
    "on Tuesday",
    "August 26",
    "late 2019",
    "and early 2000",
    "according to",
    "police said",
    "claimed",
    "branch of",
    "rival",
    "Kabul",
    "Niger",
    "Borno State",
    "-",
    "—",
    ",",
    ".",
    "\n\n",
    "’s",
    "a vigilante was",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12)), max_size=60),
    st.dates(),
)
def test_extract_never_raises_and_spans_hold(words: list[str], published) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    if not text.strip():
        return
    document = Document("p", text, "h", "p.txt", published=published)
    facts = extract(document)
    for actor in facts.actors:
        for mention in actor.mentions:
            ev = mention.evidence
            assert text[ev.start : ev.end] == mention.text
    spans = [e.evidence for e in facts.events] + [r.evidence for r in facts.relations]
    spans += [c.evidence for c in facts.claims] + [a.evidence for a in facts.anomalies]
    for ev in spans:
        assert 0 <= ev.start <= ev.end <= len(text)
