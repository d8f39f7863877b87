"""Two ingests started at once on one PostgreSQL store, over overlapping inputs, end with each
document, actor and incident once: the store a single run gives. Real subprocesses, as two
users or two cron jobs would start them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.store import Store
from tests.conftest import CORPUS, SEED, store_state


def _ingest(url: str, *paths: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "dossier", "ingest", *map(str, paths), "--db", url]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _state(url: str) -> tuple[dict[str, int], set[frozenset[str]]]:
    store = Store(url)
    state = store_state(store)
    store.close()
    return state


@pytest.mark.postgres
def test_two_ingests_at_once_store_each_thing_once(postgres_url: str, tmp_path: Path) -> None:
    half = tmp_path / "half"
    half.mkdir()
    for path in sorted(CORPUS.iterdir())[::2]:
        shutil.copy(path, half / path.name)
    first, second = _ingest(postgres_url, CORPUS, SEED), _ingest(postgres_url, half, SEED)
    for run in (first, second):
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors.decode()
    together = _state(postgres_url)

    alone = f"sqlite:///{tmp_path / 'alone.sqlite'}"
    assert _ingest(alone, CORPUS, SEED).wait(timeout=300) == 0
    stats, incidents = _state(alone)
    # The copies in `half` have other paths but the same texts: repeats of stored documents.
    assert together[0]["documents"] == stats["documents"]
    assert {k: v for k, v in together[0].items() if k != "duplicates"} == {
        k: v for k, v in stats.items() if k != "duplicates"
    }
    assert together[1] == incidents
    print(json.dumps(together[0]))
