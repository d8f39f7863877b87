"""The same ingest driven in this process or over a pool of processes ends with the same store:
the same counts and the same incidents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dossier.flow import ingest_into
from dossier.settings import Settings
from dossier.store import Store
from tests.conftest import CORPUS, SEED, store_state


def _ingested(url: str, settings: Settings) -> tuple[dict[str, int], set[frozenset[str]]]:
    store = Store(url)
    ingest_into(store, [CORPUS, SEED], settings)
    state = store_state(store)
    store.close()
    return state


def test_a_pool_of_two_workers_gives_the_store_a_local_run_gives(tmp_path: Path) -> None:
    local = _ingested(f"sqlite:///{tmp_path / 'local.sqlite'}", Settings())
    pool = _ingested(
        f"sqlite:///{tmp_path / 'pool.sqlite'}", replace(Settings(), engine="pool", workers=2)
    )
    assert pool == local
    assert local[0]["documents"] == 22 and local[0]["incidents"] > 10


def test_ray_with_two_actors_gives_the_store_a_local_run_gives(tmp_path: Path) -> None:
    """A local Ray of two CPUs, started for the run, as a cluster would run it."""
    local = _ingested(f"sqlite:///{tmp_path / 'local.sqlite'}", Settings())
    ray = _ingested(
        f"sqlite:///{tmp_path / 'ray.sqlite'}", replace(Settings(), engine="ray", workers=2)
    )
    assert ray == local
