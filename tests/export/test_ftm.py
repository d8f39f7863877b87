"""FollowTheMoney: every entity is valid in the model, references resolve, counts match the
store and every fact cites its evidence."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from followthemoney import model

from dossier.export.ftm import write_ftm
from dossier.export.snapshot import Snapshot
from dossier.model import PERSON
from dossier.store import Store
from tests.export.conftest import files_equal, relation_triples


@pytest.fixture(scope="module")
def written(snap: Snapshot, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_ftm(snap, tmp_path_factory.mktemp("ftm") / "entities.ftm.json")[0]


@pytest.fixture(scope="module")
def entities(written: Path) -> list[dict]:
    return [json.loads(line) for line in written.read_text("utf-8").splitlines()]


def test_every_entity_is_valid_in_the_model(entities: list[dict]) -> None:
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)  # cleans and checks every value
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]
        for prop in proxy.schema.required:
            assert proxy.get(prop), (data["schema"], prop)


def test_references_resolve(entities: list[dict]) -> None:
    ids = {e["id"] for e in entities}
    for data in entities:
        proxy = model.get_proxy(data)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (data["schema"], prop.name)


def test_counts_match_the_store(entities: list[dict], store: Store, snap: Snapshot) -> None:
    stats = store.stats()
    schemas = Counter(e["schema"] for e in entities)
    assert schemas["Event"] == stats["incidents"]
    assert schemas["Article"] == stats["documents"]
    assert schemas["Note"] == stats["claims"]
    assert schemas["UnknownLink"] == len(relation_triples(snap))
    assert schemas["Person"] == sum(a.kind == PERSON for a in snap.actors)
    assert schemas["Person"] + schemas["Organization"] == stats["actors"]


def test_events_and_links_cite_their_evidence(entities: list[dict], snap: Snapshot) -> None:
    events = [e for e in entities if e["schema"] == "Event"]
    citations = {c for e in events for c in e["properties"]["notes"]}
    assert {f"[{e.citation}]" for i in snap.incidents for e in i.citations} <= citations
    assert all(e["properties"].get("proof") for e in events)
    for link in (e for e in entities if e["schema"] == "UnknownLink"):
        assert link["properties"]["role"] and "[" in link["properties"]["description"][0]
        assert link["properties"]["proof"]
    assert any(e["schema"] == "Documentation" for e in entities)


def test_two_exports_are_equal(snap: Snapshot, written: Path, tmp_path: Path) -> None:
    assert files_equal([written], write_ftm(snap, tmp_path / "again.json"))
