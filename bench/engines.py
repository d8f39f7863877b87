"""python -m bench engines [N]: one corpus of real short reports ingested by each engine, against
stock spaCy on the same texts, in one run.

The corpus is the notes of the first N (default 2,000) rows of ../shared/eval/reports/acled-dev.csv
(real reports, each its own event), written as one JSON Lines file. Each side runs in a fresh
process: stock `spacy.load("en_core_web_sm").pipe` over the texts (the floor), then the whole
`dossier ingest` into a new SQLite store with the local engine, a pool of 1 and 2 processes,
Ray with 1 and 2 actors on a local cluster the run starts, and Ray with 2 actors on a cluster
started before the clock (a standing cluster, as `--ray-address` finds one). Printed: seconds,
documents per second, the ratio of time to stock spaCy's and of speed to local's, when the first
document was stored and the rate of the rest after it (what the engine does once its workers run,
without what starting them costs), the CPU seconds spent (the driving process and its child
processes, so a pool's workers but not Ray's, which Ray starts) with documents per CPU-second,
and the peak resident memory of the driving process and of its child processes.

On a machine other work is sharing, wall time says little about what parallelism gains; the CPU
seconds do not change with the load: a pool's wall time on an idle machine is about the larger
of the writer's share and its workers' CPU seconds divided among the cores.
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
    ("ray2up", "  the same, cluster already up", "ray", 2),
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
    stored: list[float] = []  # when the first document reached the store (none for spaCy)
    if engine is None:
        from dossier.extract.pipeline import load_model

        nlp = load_model()
        cpu_before = _cpu(resource.RUSAGE_SELF)
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
        if side.endswith("up"):
            # A standing cluster (`--ray-address`): started before the clock, as a database
            # server is; its actors still start and load the pipeline within the run.
            import ray

            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)

        def counted() -> None:
            if not stored:
                stored.append(time.perf_counter())

        with tempfile.TemporaryDirectory() as folder:
            store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
            cpu_before = _cpu(resource.RUSAGE_SELF)
            began = time.perf_counter()
            documents = ingest_into(store, [Path(path)], settings, on_document=counted).documents
            store.close()
    seconds = time.perf_counter() - began
    # The first document stored: what the run spent before its steady rate (starting workers,
    # loading their pipelines, the first batch).
    first = stored[0] - began if stored else 0.0
    cpu = _cpu(resource.RUSAGE_SELF) - cpu_before + _cpu(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    queue.put((documents, seconds, cpu, own, children, first))


def _cpu(who: int) -> float:
    used = resource.getrusage(who)
    return used.ru_utime + used.ru_stime


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
        cpu_floor: float | None = None
        local: float | None = None
        for side, what, engine, workers in SIDES:
            documents, seconds, cpu, own, children, first = measure(side, engine, workers, path)
            floor = floor or seconds
            cpu_floor = cpu_floor or cpu
            local = seconds if side == "local" else local
            faster = f"x{local / seconds:4.2f} local's speed" if local else " " * 18
            # After the first document is stored, at what rate the rest are.
            steady = (documents - 1) / (seconds - first) if seconds > first else 0.0
            print(
                f"  {what:<30} {seconds:6.1f} s {documents / seconds:6.1f} documents/s "
                f"x{seconds / floor:4.2f} stock spaCy's time {faster} | first stored after "
                f"{first:4.1f} s, then {steady:6.1f} documents/s | CPU {cpu:5.1f} s "
                f"{documents / cpu:5.0f} documents/CPU-s x{cpu / cpu_floor:4.2f} | peak "
                f"{own:4.0f} MiB (children {children:4.0f} MiB)"
            )
    return 0
