"""python -m bench ingest [N ...]: ingest of generated articles in mixed formats, reading alone
(extract off) and the whole flow into a SQLite store (extract on, in this process and over a
pool of two), at each size; documents per second, the CPU seconds of the process and its
workers, and the peak memory of the process and of its largest worker, each in a fresh process.

The corpus is generated here in our own words: a fifth each of plain text, HTML pages, JSON
Lines dumps (fifty articles a file), ACLED-layout export rows (a hundred a file) and gzip-
compressed text. Each article tells a different attack (group, town, day, toll), so none is a
duplicate of another; one article in fifty is repeated under another name to count duplicates.
"""

from __future__ import annotations

import csv
import gzip
import html
import json
import multiprocessing as mp
import random
import resource
import tempfile
import time
from pathlib import Path

SIZES = (1_000, 10_000)
GROUPS = ["al-Shabaab", "Boko Haram", "the Taliban", "ISWAP", "JNIM", "the TTP", "the ADF"]
TOWNS = ["Kismayo", "Maiduguri", "Kandahar", "Diffa", "Gao", "Peshawar", "Beni", "Mopti"]
ACLED = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country"]
ACLED += ["location", "latitude", "longitude", "source", "notes", "fatalities"]


def article(rng: random.Random, i: int) -> tuple[str, str, str]:
    """(title, date, text) of one generated report of one attack."""
    group, town = rng.choice(GROUPS), rng.choice(TOWNS)
    day = f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
    killed, wounded = rng.randint(1, 40), rng.randint(0, 60)
    text = (
        f"Fighters of {group} attacked an army post on the edge of {town} early on {day}, "
        f"killing {killed} soldiers and wounding {wounded} others, officials said. "
        f"Report {i}: witnesses described an assault that lasted {rng.randint(1, 5)} hours.\n\n"
        f"The army said reinforcements were sent from the regional capital and that the "
        f"attackers withdrew with stolen weapons. A spokesman for {group} later claimed the "
        f"attack in a statement, the {i}th such statement this year.\n"
    )
    return f"Attack near {town} ({i})", day, text


def generate(folder: Path, n: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    jsonl: list[str] = []
    rows: list[list[str]] = []
    for i in range(n):
        title, day, text = article(rng, i)
        kind = i % 5
        if i % 50 == 49:  # a repeat of an earlier article under another name
            (folder / f"repeat-{i}.txt").write_text(article(random.Random(seed), 0)[2])
        elif kind == 0:
            (folder / f"a-{i}.txt").write_text(f"Title: {title}\nPublished: {day}\n\n{text}")
        elif kind == 1:
            body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
            page = f"<html><head><title>{html.escape(title)}</title></head><body>"
            (folder / f"b-{i}.html").write_text(f"{page}<article>{body}</article></body></html>")
        elif kind == 2:
            jsonl.append(
                json.dumps({"id": f"j-{i}", "title": title, "published": day, "text": text})
            )
        elif kind == 3:
            rows.append([f"GEN{i}", day, "Battles", "Armed clash", "Al Shabaab", "Somalia"])
            rows[-1] += ["Kismayo", "-0.35", "42.54", "generated", text.replace("\n", " "), "3"]
        else:
            with gzip.open(folder / f"e-{i}.txt.gz", "wt") as handle:
                handle.write(f"Published: {day}\n\n{text}")
        if len(jsonl) == 50:
            (folder / f"c-{i}.jsonl").write_text("\n".join(jsonl) + "\n")
            jsonl = []
        if len(rows) == 100:
            _export(folder / f"d-{i}.csv", rows)
            rows = []
    if jsonl:
        (folder / "c-last.jsonl").write_text("\n".join(jsonl) + "\n")
    if rows:
        _export(folder / "d-last.csv", rows)


def _export(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED)
        writer.writerows(rows)


def run(side: str, folder: str, queue: mp.Queue) -> None:
    from dossier.flow import NearDuplicates, Tally, ingest_into, unique
    from dossier.ingest import read_paths
    from dossier.settings import Settings
    from dossier.store import Store

    before = resource.getrusage(resource.RUSAGE_SELF)
    began = time.perf_counter()
    tally = Tally()
    if side == "read":
        read = read_paths([Path(folder)], Settings())
        documents = sum(
            1 for _ in unique(read, tally, lambda _r: None, lambda _d: None, near=NearDuplicates())
        )
        tally.documents = documents
    else:
        settings = Settings(engine="pool", workers=2) if side == "pool" else Settings()
        with tempfile.TemporaryDirectory() as elsewhere:  # not among the inputs
            store = Store(f"sqlite:///{Path(elsewhere) / 'bench.sqlite'}")
            tally = ingest_into(store, [Path(folder)], settings)
            store.close()
    seconds = time.perf_counter() - began
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    cpu = own.ru_utime + own.ru_stime - before.ru_utime - before.ru_stime
    cpu += children.ru_utime + children.ru_stime
    peak = own.ru_maxrss / 1024
    queue.put(
        (
            tally.documents,
            tally.duplicates,
            tally.refused,
            seconds,
            cpu,
            peak,
            children.ru_maxrss / 1024,
        )
    )


def measure(side: str, folder: Path) -> tuple[int, int, int, float, float, float, float]:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=run, args=(side, str(folder), queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(sizes: tuple[int, ...] = SIZES) -> int:
    print("ingest of generated articles in mixed formats (txt, html, jsonl, ACLED csv, gzip):")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(folder, n)
            sides = (
                ("read", "reading alone"),
                ("ingest", "extract and store"),
                ("pool", "the same, pool of 2"),
            )
            for side, what in sides:
                docs, repeats, refused, seconds, cpu, peak, workers = measure(side, folder)
                print(
                    f"  {n:>6,} articles  {what:<18} {docs:>6,} documents {repeats:>4} repeats "
                    f"{refused:>3} refused  {seconds:7.1f} s  {docs / seconds:6.0f} documents/s  "
                    f"CPU {cpu:6.1f} s {docs / cpu:5.0f}/CPU-s  peak {peak:4.0f} MiB "
                    f"(workers {workers:4.0f} MiB)"
                )
    return 0
