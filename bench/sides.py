"""The two measured sides, in an importable module so that spawned processes can run them."""

from __future__ import annotations

import multiprocessing as mp
import resource
import time


def run_side(side: str, corpus: list[str], queue: mp.Queue) -> None:
    if side == "spacy":
        from dossier.extract.pipeline import load_model

        nlp = load_model()
        list(nlp.pipe(corpus[:2]))  # warm-up
        start = time.perf_counter()
        for _ in nlp.pipe(corpus, batch_size=32):
            pass
    elif side == "dossier":
        from dossier.extract import extract_many
        from dossier.model import Document

        documents = [Document(f"d{i}", t, str(i), "bench") for i, t in enumerate(corpus)]
        list(extract_many(documents[:2]))
        start = time.perf_counter()
        for _ in extract_many(documents, batch_size=32):
            pass
    else:  # "each": one document at a time, reporting the slowest instead of the total
        from dossier.extract import extract
        from dossier.model import Document

        extract(Document("w", corpus[0], "w", "bench"))
        slowest = 0.0
        for i, text in enumerate(corpus):
            began = time.perf_counter()
            extract(Document(f"d{i}", text, str(i), "bench"))
            slowest = max(slowest, time.perf_counter() - began)
        queue.put((slowest, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
        return
    seconds = time.perf_counter() - start
    queue.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
