"""A pool worker killed mid-run (SIGKILL, as the OOM killer would) makes its batches run again
on a new worker: the run ends with the store a local run gives, each document once."""

from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import replace
from pathlib import Path

from dossier.flow import ingest_into
from dossier.settings import Settings
from dossier.store import Store
from tests.conftest import CORPUS, SEED, store_state


def test_a_killed_worker_has_its_batches_redone(tmp_path: Path) -> None:
    local = Store(f"sqlite:///{tmp_path / 'local.sqlite'}")
    ingest_into(local, [CORPUS, SEED], Settings())
    expected = store_state(local)
    local.close()

    killed: list[int] = []

    def kill_the_workers() -> None:
        """After the first document is stored, while the workers hold batches of the rest."""
        if not killed:
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGKILL)
                killed.append(child.pid)

    # Batches of two documents, stored one at a time: most batches are still to extract when
    # the first document is stored.
    settings = replace(Settings(), engine="pool", workers=2, batch_size=2, write_batch=1)
    store = Store(f"sqlite:///{tmp_path / 'pool.sqlite'}")
    tally = ingest_into(store, [CORPUS, SEED], settings, on_document=kill_the_workers)
    assert len(killed) == 2
    assert tally.retried >= 1
    assert tally.documents == expected[0]["documents"]
    assert store_state(store) == expected
    store.close()
