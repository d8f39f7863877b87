"""python -m bench engines [N]: one corpus of real short reports ingested by each engine, against
stock spaCy on the same texts, in one run.

The corpus is the notes of the first N (default 2,000) rows of ../shared/eval/reports/acled-dev.csv
(real reports, each its own event), written as one JSON Lines file. Each side runs in a fresh
process: stock `spacy.load("en_core_web_sm").pipe` over the texts (the floor), then the whole
`dossier ingest` into a new SQLite store with the local engine, a pool of 1 and 2 processes, and
Ray with 1 and 2 actors. Printed: seconds, documents per second, the ratio of time to stock spaCy,
and the peak resident memory of the driving process and of its child processes.
"""

from __future__ import annotations

import csv
import json
import multiprocessing as mp
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT.parent / "shared" / "eval" / "reports" / "acled-dev.csv"
SIDES = (
    ("spacy", "stock spaCy nlp.pipe", None, 1),
    ("local", "dossier ingest, local", "local", 1),
    ("pool1", "dossier ingest, pool of 1", "pool", 1),
    ("pool2", "dossier ingest, pool of 2", "pool", 2),
    ("ray1", "dossier ingest, Ray, 1 actor", "ray", 1),
    ("ray2", "dossier ingest, Ray, 2 actors", "ray", 2),
)


def corpus(folder: Path, n: int) -> Path:
    with ACLED.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes")][:n]
    path = folder / "reports.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            record = {"id": row["event_id_cnty"], "text": row["notes"]}
            record["published"] = row.get("event_date_iso") or None
            out.write(json.dumps(record) + "\n")
    return path


def run(side: str, engine: str | None, workers: int, path: str, queue: mp.Queue) -> None:
    with open(path, encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    if engine is None:
        from dossier.extract.pipeline import load_model

        nlp = load_model()
        began = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        documents = len(texts)
    else:
        from dossier.extract.pipeline import load_pipeline
        from dossier.flow import ingest_into
        from dossier.settings import Settings
        from dossier.store import Store

        load_pipeline(None)  # loaded before the clock starts, as stock spaCy's is
        settings = Settings(engine=engine, workers=workers)
        with tempfile.TemporaryDirectory() as folder:
            store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
            began = time.perf_counter()
            documents = ingest_into(store, [Path(path)], settings).documents
            store.close()
    seconds = time.perf_counter() - began
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    queue.put((documents, seconds, own, children))


def measure(side: str, engine: str | None, workers: int, path: Path) -> tuple:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=run, args=(side, engine, workers, str(path), queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(n: int = 2_000) -> int:
    if not ACLED.exists():
        print(f"no corpus: {ACLED} is missing")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        path = corpus(Path(folder), n)
        print(f"{n:,} real short reports (ACLED notes), each side in a fresh process:")
        floor: float | None = None
        for side, what, engine, workers in SIDES:
            documents, seconds, own, children = measure(side, engine, workers, path)
            floor = floor or seconds
            print(
                f"  {what:<32} {seconds:7.1f} s  {documents / seconds:6.1f} documents/s  "
                f"x{seconds / floor:4.2f} stock spaCy's time  peak {own:5.0f} MiB "
                f"(children {children:5.0f} MiB)"
            )
    return 0
