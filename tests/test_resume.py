"""A batch killed part-way (SIGKILL, as the OOM killer or a lost machine would) and run again
ends with the store an uninterrupted run gives: nothing lost, nothing stored twice, the same
incidents. The corpus is generated here, in our own words."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dossier.store import Store

TOWNS = ["Kismayo", "Baidoa", "Beledweyne", "Jowhar", "Garowe", "Bosaso", "Afgooye", "Marka"]


def _corpus(folder: Path, n: int = 160) -> Path:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        day = 1 + (i // 2) % 28  # most attacks told by two reports
        (folder / f"report-{i:03d}.txt").write_text(
            f"Published: 2023-03-{day:02d}\n\n"
            f"On {day} March 2023, al-Shabaab fighters attacked a police post in {town}, "
            f"killing {2 + i % 5} officers, a local official said. Report number {i}.\n",
            encoding="utf-8",
        )
    return folder


def _ingest(folder: Path, url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "dossier", "ingest", str(folder), "--db", url]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stats(url: str) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, "-m", "dossier", "stats", "--format", "json", "--db", url],
        capture_output=True,
        check=True,
    )
    return json.loads(out.stdout)


def _incidents(url: str) -> set[frozenset[str]]:
    store = Store(url)
    grouped: dict[int, set[str]] = {}
    for report in store.events_of():
        grouped.setdefault(report.incident, set()).add(report.document_id)
    store.close()
    return {frozenset(d) for d in grouped.values()}


def test_a_killed_batch_run_again_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "reports")
    whole = f"sqlite:///{tmp_path / 'whole.sqlite'}"
    assert _ingest(folder, whole).wait(timeout=300) == 0

    killed_db = tmp_path / "killed.sqlite"
    killed = f"sqlite:///{killed_db}"
    run = _ingest(folder, killed)
    stored = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(killed_db, timeout=1) as db:
                stored = db.execute("select count(*) from documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 20:
            break
    assert run.poll() is None, "the batch ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert 20 <= stored < 160

    assert _ingest(folder, killed).wait(timeout=300) == 0
    assert _stats(killed) == _stats(whole)
    assert _incidents(killed) == _incidents(whole)
