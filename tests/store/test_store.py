"""The store: same behaviour on SQLite and PostgreSQL, and re-ingesting changes nothing."""

from __future__ import annotations

import pytest

from dossier.flow import ingest_into
from dossier.settings import Settings
from dossier.store import Store
from tests.conftest import CORPUS, SEED

REGISTERED_GROUPS = {
    "Islamic State Khorasan Province",
    "Taliban",
    "Tehrik-i-Taliban Pakistan",
    "al-Shabaab",
    "Boko Haram",
    "Islamic State West Africa Province",
    "Jama'at Nusrat al-Islam wal-Muslimin",
}


def ingest(store: Store, *paths) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The library's ingest flow: (documents added, refusals newly kept)."""
    before = store.counts()["refusals"]
    tally = ingest_into(store, paths, Settings())
    return tally.documents, store.counts()["refusals"] - before


def _check_store(url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary")
    store = Store(url)
    added, refused = ingest(store, CORPUS, SEED, bad)
    assert added == 22 and refused == 1
    before = store.counts()
    # Re-ingesting the same files changes nothing, refusals included.
    assert ingest(store, CORPUS, SEED, bad) == (0, 0)
    assert store.counts() == before
    assert [r.reason for r in store.refusals()] == ["binary content (NUL bytes)"]

    groups = {a.name: a for a in store.actors(["armed_group"])}
    assert set(groups) >= REGISTERED_GROUPS
    # One actor per group, whatever alias each article used.
    isk = groups["Islamic State Khorasan Province"]
    assert {"IS-K", "ISIS-K", "ISKP", "Islamic State Khorasan Province"} <= set(isk.aliases)
    assert isk.documents >= 5
    for alias in ("ISIS-K", "iskp", "Islamic State Khorasan"):
        assert store.actor_named(alias) == "Islamic State Khorasan Province"
    assert store.actor_named("Pakistani Taliban") == "Tehrik-i-Taliban Pakistan"
    assert store.actor_named("GSIM") == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert store.actor_named("JAS") == "Boko Haram"
    assert store.actor_named("Shabaab") == "al-Shabaab"
    # The Kabul airport bombing, told by two articles, is one incident on either database.
    kabul = [
        e for e in store.events_of("Islamic State Khorasan Province") if e.date == "2021-08-26"
    ]
    assert len({e.incident for e in kabul}) == 1
    assert {e.document_id for e in kabul} >= {"kabul-airport-bombing", "kabul-airport-toll-rises"}
    # Every stored statement quotes its own document.
    for cited in store.statements_about("Islamic State Khorasan Province"):
        text = store.document_text(cited.evidence.document_id)
        assert text[cited.evidence.start : cited.evidence.end] == cited.text
        assert store.quote(cited.evidence) == cited.text
    store.close()


def test_sqlite_store(sqlite_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _check_store(sqlite_url, tmp_path)


@pytest.mark.postgres
def test_postgresql_store(postgres_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _check_store(postgres_url, tmp_path)


def test_document_id_collision_keeps_both(sqlite_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    one, two = tmp_path / "a", tmp_path / "b"
    one.mkdir(), two.mkdir()
    (one / "report.txt").write_text("The TTP attacked a police post in Bannu.")
    (two / "report.txt").write_text("Al-Shabaab attacked a base near Kismayo.")
    store = Store(sqlite_url)
    assert ingest(store, one, two) == (2, 0)
    assert store.counts()["documents"] == 2
