"""python -m bench resolution: time resolution (canonical actors, incidents) and storage of n
documents' facts, at 1k, 5k and 10k documents, against an n log n growth.

The facts are generated, not extracted, so that the figure is resolution's and not spaCy's:
each document reports one to three attacks by registry groups (drawn so that a share of them
repeat attacks other documents report), with mentions, a relation and a claim. Seeded, so
every run resolves the same corpus.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import tempfile
import time
from pathlib import Path

from dossier.model import (
    Actor,
    Claim,
    Count,
    DateValue,
    Document,
    Event,
    Evidence,
    Facts,
    Figure,
    Mention,
    Place,
    Relation,
)
from dossier.resolve.actors import canonical_names, remember
from dossier.resolve.grouping import group_incidents
from dossier.store import Store
from dossier.vocab.registry import load_registry

SIZES = (1_000, 5_000, 10_000)
PLACES = [
    ("Kabul", "Afghanistan"),
    ("Mogadishu", "Somalia"),
    ("Maiduguri", "Nigeria"),
    ("Peshawar", "Pakistan"),
    ("Gao", "Mali"),
    ("Raqqa", "Syria"),
    ("Diffa", "Niger"),
]


def synthetic(n: int, seed: int = 7) -> list[Facts]:
    rng = random.Random(seed)
    groups = [e.name for e in load_registry().armed_groups()]
    start = dt.date(2015, 1, 1)
    attacks = [
        (rng.choice(groups), start + dt.timedelta(days=rng.randrange(3650)), rng.choice(PLACES))
        for _ in range(max(1, n))
    ]
    corpus = []
    for i in range(n):
        doc_id = f"doc-{i}"
        text = "x" * 400
        told = [rng.choice(attacks) for _ in range(rng.randint(1, 3))]
        events, actors = [], {}
        for j, (group, day, (town, country)) in enumerate(told):
            killed = Count(k := rng.randint(0, 60), k, str(k))
            ev = Evidence(doc_id, j * 100, j * 100 + 50)
            events.append(
                Event(
                    type="bombing",
                    evidence=ev,
                    date=DateValue(day.isoformat(), "day", day.isoformat()),
                    place=Place(town, country, town),
                    perpetrator=group,
                    perpetrator_text=group,
                    attribution="claimed",
                    killed=killed,
                    reports=(Figure("killed", killed, rng.choice(["police", None])),),
                )
            )
            mention = Mention(group, Evidence(doc_id, j * 100, j * 100 + 10), "registry")
            actors.setdefault(group, []).append(mention)
        actor_records = tuple(
            Actor(name, "armed_group", (name,), tuple(mentions))
            for name, mentions in actors.items()
        )
        names = list(actors)
        relations = (
            (Relation(names[0], "rival_of", names[1], Evidence(doc_id, 300, 350)),)
            if len(names) > 1
            else ()
        )
        claims = (Claim("police", names[0], Evidence(doc_id, 0, 50)),)
        document = Document(doc_id, text, f"hash-{i}", "bench", published=start)
        corpus.append(
            Facts(document, actor_records, events=tuple(events), relations=relations, claims=claims)
        )
    return corpus


def resolve_and_store(corpus: list[Facts]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        known = store.known_names()
        began = time.perf_counter()
        for facts in corpus:
            canonical = canonical_names(facts, known)
            store.add(facts, canonical)
            remember(facts, canonical, known)
            group_incidents(store, facts.document.id)
        seconds = time.perf_counter() - began
        store.close()
    return seconds


def main(sizes: tuple[int, ...] = SIZES) -> int:
    print("resolution and storage of generated facts (SQLite), seconds:")
    first: tuple[int, float] | None = None
    for n in sizes:
        seconds = resolve_and_store(synthetic(n))
        line = f"  {n:>6,} documents  {seconds:8.2f} s  {n / seconds:8.0f} documents/s"
        if first is None:
            first = (n, seconds)
        else:
            n0, t0 = first
            expected = (n * math.log(n)) / (n0 * math.log(n0))
            line += f"  growth x{seconds / t0:.1f} (n log n would be x{expected:.1f})"
        print(line)
    return 0
