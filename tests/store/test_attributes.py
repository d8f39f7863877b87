"""Attributes are stored per document and read back as the records extract made, dated by
their documents, on SQLite and on PostgreSQL alike; a group's relations read back dated."""

from __future__ import annotations

from dossier.extract import extract
from dossier.model import Document
from dossier.resolve.actors import canonical_names
from dossier.store import Store
from tests.conftest import SHARED, load_document


def _stored_equals_extracted(url: str, document: Document) -> None:
    store = Store(url)
    try:
        facts = extract(document)
        store.add(facts, canonical_names(facts, store.known_names()))
        stored = store.attributes_of("Islamic State Khorasan Province")
        extracted = [a for a in facts.attributes if a.about == "Islamic State Khorasan Province"]
        assert {s.attribute for s in stored} == set(extracted)
        assert len(stored) == len(extracted)
        assert {s.published for s in stored} == {document.published.isoformat()}
        text = store.document_text(document.id)
        for s in stored:
            evidence = s.attribute.evidence
            assert text[evidence.start : evidence.end].strip()
        assert store.stats()["attributes"] == len(facts.attributes)
        dated = store.relations_dated("Islamic State Khorasan Province")
        assert {d.relation.type for d in dated} >= {"branch_of", "rival_of", "founded_from"}
        assert {d.published for d in dated} == {"2021-08-28"}
    finally:
        store.close()


def test_attributes_round_trip_on_sqlite(sqlite_url: str, seed_document: Document) -> None:
    _stored_equals_extracted(sqlite_url, seed_document)


def test_attributes_round_trip_on_postgresql(postgres_url: str, seed_document: Document) -> None:
    _stored_equals_extracted(postgres_url, seed_document)


def test_an_origin_is_stored_under_its_canonical_name(sqlite_url: str) -> None:
    document = load_document(SHARED / "seed" / "is-k-explainer.txt")
    store = Store(sqlite_url)
    facts = extract(document)
    store.add(facts, canonical_names(facts, store.known_names()))
    origins = [
        s.attribute.value
        for s in store.attributes_of("Islamic State Khorasan Province")
        if s.attribute.kind == "origin"
    ]
    assert origins == ["Tehrik-i-Taliban Pakistan"]
    store.close()
