"""python -m bench answers: how long the answers take on a store of 10,000 documents.

The store is filled with resolution's generated facts (bench/resolution.py: registry groups,
attacks told by several documents, figures from rival sources), so that the figure is the
answer's and not spaCy's. Each answer is timed as a user asks it: the profile of
the most reported group, the danger index by group and by country, and the incident list, whole
and for one group. Each is timed on its first call (what a command pays: the store read and
the incidents built) and again (a running server keeps the incidents while the store is
unchanged).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.resolution import synthetic
from dossier.analyse.danger import ranking
from dossier.analyse.listing import list_incidents
from dossier.analyse.profile import build_profile
from dossier.resolve.actors import canonical_names, remember
from dossier.resolve.grouping import group_incidents
from dossier.store import Store

DOCUMENTS = 10_000
TARGET_S = 1.0


def _timed(answer: Callable[[], object], repeats: int = 3) -> tuple[float, float]:
    """(the first call, as a command line pays it; the best of the next calls, as a running
    server answers while the store is unchanged)."""
    times = []
    for _ in range(repeats + 1):
        began = time.perf_counter()
        answer()
        times.append(time.perf_counter() - began)
    return times[0], min(times[1:])


def main(n: int = DOCUMENTS) -> int:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'answers.sqlite'}")
        known = store.known_names()
        for facts in synthetic(n):
            canonical = canonical_names(facts, known)
            store.add(facts, canonical)
            remember(facts, canonical, known)
            group_incidents(store, facts.document.id)
        group = store.actors(["armed_group"])[0].name
        answers: dict[str, Callable[[], object]] = {
            f"profile {group}": lambda: build_profile(store, group),
            "index --by group": lambda: ranking(store, "group"),
            "index --by country": lambda: ranking(store, "country"),
            "incidents": lambda: list_incidents(store),
            f"incidents --group {group}": lambda: list_incidents(store, group),
        }
        print(f"answers on a store of {n:,} documents (SQLite): first call, then best of 3")
        for name, answer in answers.items():
            first, again = _timed(answer)
            mark = "" if first < TARGET_S else f"  over {TARGET_S:g} s"
            print(f"  {name:<56} {first:7.3f} s  {again:7.3f} s{mark}")
        store.close()
    return 0
