"""The same ingest driven in this process or over a pool of processes ends with the same store:
the same counts and the same incidents; and so does storing documents one per transaction
instead of in batches."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dossier.flow import ingest_into
from dossier.settings import Settings
from dossier.store import Store
from tests.conftest import CORPUS, SEED, store_state

State = tuple[dict[str, int], set[frozenset[str]]]


def _ingested(url: str, settings: Settings) -> State:
    store = Store(url)
    ingest_into(store, [CORPUS, SEED], settings)
    state = store_state(store)
    store.close()
    return state


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> State:
    """A local run, documents stored in batches (the default)."""
    folder = tmp_path_factory.mktemp("local")
    state = _ingested(f"sqlite:///{folder / 'local.sqlite'}", Settings())
    assert state[0]["documents"] == 22 and state[0]["incidents"] > 10
    return state


def test_documents_stored_one_by_one_give_the_store_batches_give(
    local: State, tmp_path: Path
) -> None:
    one_by_one = replace(Settings(), write_batch=1)
    assert _ingested(f"sqlite:///{tmp_path / 'one.sqlite'}", one_by_one) == local


def test_a_pool_of_two_workers_gives_the_store_a_local_run_gives(
    local: State, tmp_path: Path
) -> None:
    pool = replace(Settings(), engine="pool", workers=2)
    assert _ingested(f"sqlite:///{tmp_path / 'pool.sqlite'}", pool) == local


def test_ray_with_two_actors_gives_the_store_a_local_run_gives(
    local: State, tmp_path: Path
) -> None:
    """A local Ray of two CPUs, started for the run, as a cluster would run it."""
    ray = replace(Settings(), engine="ray", workers=2)
    assert _ingested(f"sqlite:///{tmp_path / 'ray.sqlite'}", ray) == local
