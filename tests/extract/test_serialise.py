"""A processed Doc round-trips through bytes, and worker processes extract what one process does.

Both rest on every component writing its output in forms spaCy serialises (state.py, codec.py):
`nlp.pipe(n_process=2)` sends each Doc to a worker as bytes, and its result back the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import srsly
from spacy.tokens import Doc

from dossier.extract import extract_many
from dossier.extract.facts import to_facts
from dossier.extract.pipeline import load_pipeline
from dossier.extract.state import state
from dossier.model import Count, DateValue, Document, Event, Evidence, Figure, Place
from tests.conftest import CORPUS

# Beside the seed explainer (relations, an anomaly): a bombing, a formation of many groups, and a
# wire with conflicting figures.
CORPUS_IDS = {"kabul-airport-bombing", "jnim-formation", "wire-2018-03-03-ouagadougou"}


@pytest.fixture(scope="module")
def documents(seed_document: Document) -> list[Document]:
    from dossier.ingest import read_paths
    from dossier.settings import Settings

    corpus = [
        d
        for d in read_paths([CORPUS], Settings())
        if isinstance(d, Document) and d.id in CORPUS_IDS
    ]
    assert len(corpus) == len(CORPUS_IDS)
    return [seed_document, *corpus]


def _processed(document: Document) -> Doc:
    nlp = load_pipeline()
    doc = nlp.make_doc(document.text)
    state(doc).published = document.published
    return nlp(doc)


def test_a_processed_doc_round_trips_through_bytes(documents: list[Document]) -> None:
    nlp = load_pipeline()
    for document in documents:
        doc = _processed(document)
        back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert to_facts(document, back) == to_facts(document, doc), document.id


def test_the_state_keeps_its_types_through_bytes(seed_document: Document) -> None:
    doc = _processed(seed_document)
    found = state(Doc(doc.vocab).from_bytes(doc.to_bytes()))
    assert found.published == seed_document.published
    assert found.dates == state(doc).dates and all(type(d) is tuple for d in found.dates)
    assert found.speaker_spans == state(doc).speaker_spans
    assert all(type(span) is tuple for span in found.speaker_spans.values())
    assert type(found.country_context) is Counter
    assert found.definitions == state(doc).definitions
    assert found.definitions and all(type(p) is set for p in found.definitions.values())


def test_worker_processes_extract_what_one_process_does(documents: list[Document]) -> None:
    one = list(extract_many(documents, batch_size=2))
    two = list(extract_many(documents, batch_size=2, n_process=2))
    assert two == one
    # The publication date went to the workers with each Doc: relative dates resolved against it.
    assert any(e.date is not None for facts in two for e in facts.events)


def test_a_record_keeps_its_tuples_through_msgpack() -> None:
    figure = Figure("killed", Count(171, None, "more than 170"), "police", Evidence("", 4, 9))
    event = Event(
        "bombing",
        Evidence("", 0, 40, source="police"),
        date=DateValue("2021-08-26", "day", "Thursday"),
        place=Place("Kabul", "AF", "Kabul", 34.5, 69.2),
        targets=("crowd", "US troops"),
        reports=(figure, Figure("wounded", Count(150, None, "over 150"), None)),
    )
    back = srsly.msgpack_loads(srsly.msgpack_dumps([event, {1: {dt.date(2021, 8, 28)}}]))
    assert back == [event, {1: {dt.date(2021, 8, 28)}}]
    assert type(back[0].targets) is tuple and type(back[0].reports) is tuple
