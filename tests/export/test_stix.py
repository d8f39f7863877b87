"""STIX 2.1: the OASIS validator finds no error and no warning, even strict; groups,
incidents, documents and claims are all there, every object cites its evidence, and ids are the
same on every export."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_string
from typer.testing import CliRunner

from dossier.cli import app
from dossier.export.snapshot import Snapshot
from dossier.export.stix import EXTENSION, PROPERTIES, bundle
from dossier.store import Store
from tests.export.conftest import relation_triples


@pytest.fixture(scope="module")
def serialised(snap: Snapshot) -> str:
    return bundle(snap).serialize(pretty=True)


@pytest.fixture(scope="module")
def objects(serialised: str) -> list[dict]:
    return json.loads(serialised)["objects"]


def test_the_oasis_validator_finds_no_error(serialised: str) -> None:
    result = validate_string(serialised, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors][:5]
    assert not result.errors


def test_the_strict_validator_finds_no_warning(serialised: str) -> None:
    """Every `should` too: custom properties declared by an extension definition, version-4
    ids, suggested relationship types; no type or property outside the specification; every
    reference inside the bundle. (The `interop` profile is not asked for: it requires a threat
    actor's sophistication and motivation, which news does not tell.)"""
    lenient = validate_string(serialised, ValidationOptions(version="2.1"))
    assert not lenient.warnings, [str(w) for w in lenient.warnings][:5]
    strict = ValidationOptions(
        version="2.1", strict=True, strict_types=True, strict_properties=True, enforce_refs=True
    )
    result = validate_string(serialised, strict)
    assert result.is_valid and not result.errors, [str(e) for e in result.errors][:5]


def dossier(o: dict) -> dict:
    """The object's properties of dossier's extension."""
    return o.get("extensions", {}).get(EXTENSION, {})


def test_the_extension_is_declared_and_used(objects: list[dict]) -> None:
    (definition,) = [o for o in objects if o["type"] == "extension-definition"]
    assert definition["id"] == EXTENSION
    assert definition["extension_types"] == ["property-extension"]
    assert not [k for o in objects for k in o if k.startswith("x_")]
    for o in objects:
        if dossier(o):
            assert dossier(o)["extension_type"] == "property-extension"
            assert set(dossier(o)) - {"extension_type"} <= set(PROPERTIES[o["type"]]), o["id"]
    incidents = [o for o in objects if o["type"] == "incident"]
    assert all(dossier(o)["incident"] and dossier(o)["event_type"] for o in incidents)


def test_counts_match_the_store(objects: list[dict], store: Store, snap: Snapshot) -> None:
    stats = store.stats()
    kinds = Counter(o["type"] for o in objects)
    assert kinds["threat-actor"] == stats["armed_groups"]
    assert kinds["incident"] == stats["incidents"]
    assert kinds["report"] == stats["documents"]
    assert kinds["note"] == stats["claims"]
    of_incidents = ("located-at", "attributed-to")
    related = [
        o
        for o in objects
        if o["type"] == "relationship" and dossier(o)["relation"] not in of_incidents
    ]
    assert len(related) == len(relation_triples(snap))
    cited = sum(len(o["external_references"]) for o in related)
    assert cited == len({r.evidence for r in snap.relations})


def _citations(o: dict) -> list[str]:
    return [r["external_id"] for r in o["external_references"] if r["source_name"] == "dossier"]


def test_every_incident_and_relation_cites_its_evidence(
    objects: list[dict], snap: Snapshot
) -> None:
    incidents = {dossier(o)["incident"]: o for o in objects if o["type"] == "incident"}
    for incident in snap.incidents:
        cited = _citations(incidents[incident.id])
        assert {e.citation for e in incident.citations} <= set(cited)
    for o in objects:
        if o["type"] in ("threat-actor", "incident", "relationship", "note"):
            assert _citations(o), o["id"]
    attributed = [o for o in objects if dossier(o).get("relation") == "attributed-to"]
    assert attributed and all(dossier(o)["stance"] for o in attributed)
    assert all(o["target_ref"].startswith("threat-actor--") for o in attributed)


def test_places_have_coordinates_where_known(objects: list[dict]) -> None:
    located = [o for o in objects if o["type"] == "location"]
    assert any("latitude" in o and "longitude" in o for o in located)
    assert all(len(o.get("country", "xx")) == 2 for o in located)


def test_reports_point_at_objects_of_the_bundle(objects: list[dict]) -> None:
    ids = {o["id"] for o in objects}
    reports = [o for o in objects if o["type"] == "report"]
    assert all(set(r["object_refs"]) <= ids for r in reports)
    assert any(any(ref.startswith("incident--") for ref in r["object_refs"]) for r in reports)


def test_two_exports_are_equal_and_the_cli_writes_one(
    serialised: str, snap: Snapshot, store: Store, tmp_path: Path
) -> None:
    assert bundle(snap).serialize(pretty=True) == serialised
    out = tmp_path / "bundle.json"
    result = CliRunner().invoke(app, ["export", "stix", "--db", store.url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8")) == json.loads(serialised)
