"""python -m bench: dossier's extract vs stock spacy.load("en_core_web_sm").pipe, one run.

Both sides parse the same texts (the seed, the shared eval articles, the sample corpus and the
MUC-4 dev stories when present). Each side runs in its own fresh process, alternating, REPEATS
times; the best time of each is kept, and peak memory is the child's maximum resident size.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
from pathlib import Path

from bench.sides import run_side

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REPEATS = 3


def texts(limit: int | None) -> list[str]:
    from dossier.ingest import read_paths
    from dossier.model import Document
    from dossier.settings import Settings

    paths = [SHARED / "seed", SHARED / "eval", ROOT / "examples" / "corpus"]
    # Articles only: the event exports beside the eval articles are rows, not articles.
    found = [
        d.text
        for d in read_paths([p for p in paths if p.exists()], Settings())
        if isinstance(d, Document) and d.format in ("text", "html", "jsonl")
    ]
    muc = SHARED / "eval" / "muc4" / "dev.jsonl"
    if muc.exists():
        found += [json.loads(line)["doctext"] for line in muc.open()]
    return found[:limit] if limit else found


def measure(side: str, corpus: list[str]) -> tuple[float, float]:
    context = mp.get_context("spawn")  # a fresh interpreter: no model or memory carried over
    queue = context.Queue()
    process = context.Process(target=run_side, args=(side, corpus, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["resolution"]:
        from bench import resolution

        return resolution.main()
    if argv[:1] == ["pages"]:
        from bench import pages

        return pages.main()
    if argv[:1] == ["engines"]:
        from bench import engines

        return engines.main(int(argv[1]) if len(argv) > 1 else 2_000)
    if argv[:1] == ["ingest"]:
        from bench import ingest

        return ingest.main(tuple(int(n) for n in argv[1:]) or ingest.SIZES)
    if argv[:1] == ["answers"]:
        from bench import answers

        return answers.main(int(argv[1]) if len(argv) > 1 else answers.DOCUMENTS)
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N texts")
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args(argv)
    corpus = texts(args.limit)
    words = sum(len(t.split()) for t in corpus)
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeats):
        for side in ("spacy", "dossier"):
            seconds, peak = measure(side, corpus)
            old = best.get(side)
            best[side] = (min(seconds, old[0]) if old else seconds, max(peak, old[1] if old else 0))
    slowest, _ = measure("each", corpus)
    spacy_s, spacy_mb = best["spacy"]
    dossier_s, dossier_mb = best["dossier"]
    print(f"{len(corpus)} texts, {words:,} words, best of {args.repeats}")
    print(
        f"stock spaCy en_core_web_sm  {spacy_s:7.2f} s  {words / spacy_s:8,.0f} words/s  "
        f"peak {spacy_mb:6.0f} MiB"
    )
    print(
        f"dossier extract             {dossier_s:7.2f} s  {words / dossier_s:8,.0f} words/s  "
        f"peak {dossier_mb:6.0f} MiB"
    )
    print(f"slowest single document through extract: {slowest:.2f} s")
    print(
        f"ratio dossier/spaCy: time {dossier_s / spacy_s:.2f}x, peak memory "
        f"{dossier_mb / spacy_mb:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
