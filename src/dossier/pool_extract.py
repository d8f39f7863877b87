"""`dossier ingest --engine pool`: extract over a pool of worker processes, store from one writer.

Each worker loads the spaCy pipeline once (inherited from this process where processes fork),
takes batches of `Document`s and sends back their `Facts`, so the whole of extract runs in the
workers and this process only reads, resolves and stores. spaCy's own `nlp.pipe(n_process=N)`
does less there: the parent tokenises every text, serialises each Doc to its workers and reads
every annotated Doc back before building the facts, which on two cores kept the pool of two at
1.3 times a local run.

A worker that dies mid-run (the OOM killer, SIGKILL, a crash in native code) loses only the
batches it held: a new worker redoes them, and the facts come out in input order, each batch
once, so the store holds each document once. A batch that kills `MAX_TRIES` workers stops the
run with `WorkerDied`, rather than killing workers for ever.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from typing import Any

from dossier.errors import DossierError
from dossier.model import Document, Facts
from dossier.settings import Settings

# How many batches each worker holds at once: one to work on and one waiting, so a worker never
# waits on the writer.
AHEAD = 2
MAX_TRIES = 3


class WorkerDied(DossierError):
    """A batch of documents killed every worker that took it."""


@dataclass
class _Worker:
    process: BaseProcess
    tasks: Queue[Any]
    results: Connection
    # The batches sent and not yet returned, by their place in the input.
    held: dict[int, list[Document]] = field(default_factory=dict)

    def give(self, index: int, documents: list[Document]) -> None:
        self.held[index] = documents
        self.tasks.put((index, documents))


def _serve(tasks: Queue[Any], results: Connection, pipeline: str | None, batch_size: int) -> None:
    """A worker: the pipeline loaded once, then batch after batch until told to stop."""
    from dossier.extract import extract_many
    from dossier.extract.pipeline import load_pipeline

    load_pipeline(pipeline)
    # What the worker inherited or loaded lives as long as it does: out of the collector's
    # sight, its pages are neither scanned again nor copied from the parent's by the scan.
    gc.freeze()
    while (task := tasks.get()) is not None:
        index, documents = task
        try:
            results.send((index, list(extract_many(documents, batch_size, 1, pipeline)), None))
        except Exception:
            results.send((index, None, traceback.format_exc()))


def _context() -> BaseContext:
    """Forked workers start at once with the pipeline this process loaded; elsewhere each
    worker loads its own."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def _start(context: BaseContext, settings: Settings) -> _Worker:
    tasks = context.Queue()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(  # type: ignore[attr-defined]
        target=_serve,
        args=(tasks, send, settings.pipeline, settings.batch_size),
        daemon=True,
        name="dossier-extract",
    )
    process.start()
    send.close()  # the worker's end: closed here, so that its death reads as the end of the pipe
    return _Worker(process, tasks, receive)


def _batches(documents: Iterable[Document], size: int) -> Iterator[tuple[int, list[Document]]]:
    iterator = iter(documents)
    index = 0
    while batch := list(islice(iterator, size)):
        yield index, batch
        index += 1


def extract_in_pool(
    documents: Iterable[Document],
    settings: Settings,
    on_retry: Callable[[int], None] = lambda _batches: None,
) -> Iterator[Facts]:
    """Facts of each document, in input order, extracted by `settings.workers` processes;
    `on_retry` hears how many batches a dead worker's replacement redoes."""
    context = _context()
    if context.get_start_method() == "fork":
        from dossier.extract.pipeline import load_pipeline

        load_pipeline(settings.pipeline)
    batches = _batches(documents, settings.batch_size)
    workers = [_start(context, settings) for _ in range(max(1, settings.workers))]
    done: dict[int, list[Facts]] = {}
    tries: Counter[int] = Counter()
    following = 0  # the batch to yield next
    read_all = False
    try:
        while True:
            for worker in workers:
                while not read_all and len(worker.held) < AHEAD:
                    batch = next(batches, None)
                    if batch is None:
                        read_all = True
                    else:
                        worker.give(*batch)
            if following in done:
                yield from done.pop(following)
                following += 1
                continue
            if read_all and not any(worker.held for worker in workers):
                return
            ready = set(wait([w.results for w in workers] + [w.process.sentinel for w in workers]))
            for place, worker in enumerate(workers):
                if worker.results in ready:
                    _receive(worker, done)
                if worker.process.sentinel in ready:
                    _receive(worker, done)  # what it sent before it died still counts
                    worker.process.join()
                    worker.results.close()
                    workers[place] = _start(context, settings)
                    lost = sorted(worker.held.items())
                    for index, documents_held in lost:
                        tries[index] += 1
                        if tries[index] >= MAX_TRIES:
                            first = documents_held[0]
                            raise WorkerDied(
                                f"{MAX_TRIES} extract workers died on the batch of "
                                f"{len(documents_held)} documents from {first.path}"
                            )
                        workers[place].give(index, documents_held)
                    if lost:
                        on_retry(len(lost))
    finally:
        _stop(workers)


def _receive(worker: _Worker, done: dict[int, list[Facts]]) -> None:
    """Every result the worker has sent; an error in extract stops the run, as it would in
    this process."""
    try:
        while worker.results.poll():
            index, facts, error = worker.results.recv()
            if error is not None:
                raise DossierError(f"extract failed in a pool worker:\n{error}")
            if worker.held.pop(index, None) is not None:
                done[index] = facts
    except (EOFError, OSError):
        return  # the worker is gone; its sentinel says so


def _stop(workers: list[_Worker]) -> None:
    """Idle workers told to stop; those still holding batches (a run given up) killed."""
    for worker in workers:
        if worker.held:
            worker.process.kill()
        elif worker.process.is_alive():
            worker.tasks.put(None)
    for worker in workers:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.tasks.close()
        worker.tasks.join_thread()
        worker.results.close()
