"""One store for every export test: examples/corpus and a few rows of an ACLED export (so that
cell evidence is exported too), built once for the package."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.export.snapshot import Snapshot, snapshot
from dossier.flow import ingest_into
from dossier.settings import Settings
from dossier.store import Store
from tests.conftest import CORPUS, SHARED

ACLED = SHARED / "eval" / "reports" / "acled-dev.csv"


@pytest.fixture(scope="package")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("exports")
    rows = folder / "acled-rows.csv"
    with ACLED.open(encoding="utf-8") as acled:
        rows.write_text("".join(next(acled) for _ in range(6)), encoding="utf-8")
    url = f"sqlite:///{folder / 'dossier.sqlite'}"
    store = Store(url)
    ingest_into(store, [CORPUS, rows], Settings(database_url=url))
    yield store
    store.close()


@pytest.fixture(scope="package")
def snap(store: Store) -> Snapshot:
    return snapshot(store)


def relation_triples(snap: Snapshot) -> set[tuple[str, str, str]]:
    return {(r.subject, r.type, r.object) for r in snap.relations}


def files_equal(first: list[Path], second: list[Path]) -> bool:
    return [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
