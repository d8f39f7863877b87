"""Shared fixtures. Real documents come from ../shared at run time; nothing is copied here."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.ingest import read_path
from dossier.model import Document
from dossier.settings import Settings
from dossier.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "is-k-explainer.txt"
CORPUS = ROOT / "examples" / "corpus"
PG_URL = os.environ.get("DOSSIER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def store_state(store: Store) -> tuple[dict[str, int], set[frozenset[str]]]:
    """What two stores must share to be the same: their counts, and their incidents as sets of
    reports (document and span), whatever ids the incidents got."""
    grouped: dict[int, set[str]] = {}
    for report in store.events_of():
        grouped.setdefault(report.incident, set()).add(f"{report.document_id}:{report.evidence}")
    return store.stats(), {frozenset(g) for g in grouped.values()}


def gold(path: Path) -> dict:
    return json.loads(path.with_suffix("").with_suffix(".gold.json").read_text("utf-8"))


def load_document(path: Path) -> Document:
    """A shared document as ingest reads it, published on the date its gold file gives."""
    document = next(read_path(path, Settings()))
    assert isinstance(document, Document), document
    return replace(document, published=dt.date.fromisoformat(gold(path)["published"]))


@pytest.fixture(scope="session")
def seed_document() -> Document:
    if not SEED.exists():
        pytest.fail(f"the seed article is missing: {SEED} (clone dossier beside ../shared)")
    return load_document(SEED)


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return gold(SEED)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'dossier.sqlite'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh database on the PostgreSQL server, dropped afterwards.

    Outside CI a missing server skips the test; under CI=true it fails, because the store's
    PostgreSQL path must really be exercised there.
    """
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"dossier_test_{uuid.uuid4().hex[:12]}"
    try:
        connection = psycopg.connect(admin, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI and did not answer at {PG_URL}: {exc}")
        pytest.skip(f"no PostgreSQL server at {PG_URL}")
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        from sqlalchemy import create_engine

        # Close every pooled connection before dropping the database.
        create_engine(url.set(database=name)).dispose()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
