"""`dossier ingest --engine ray`: extract on a Ray cluster, store from one writer.

Ray Data holds the documents as blocks, maps extract over batches in actors that load the spaCy
pipeline once each (`extractor`), and writes the facts as Parquet shards (each row a document's
position in the input and its pickled `Facts`). The one writer then reads the shards back and
yields the facts in input order, so resolution and storage see what a local run sees and the
store ends the same. The cluster is `Settings.ray_address` (`DOSSIER_RAY_ADDRESS`), or a local
Ray of `Settings.workers` CPUs started for the run.
"""

from __future__ import annotations

import logging
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.model import Document, Facts
from dossier.settings import Settings


def extractor(pipeline: str | None, batch_size: int) -> type:
    """The Ray actor class: the pipeline loaded once, then batch after batch of documents
    extracted. Its settings are baked into the class (not passed as constructor arguments,
    which Ray would keep in its object store for restarts)."""

    class Extractor:
        def __init__(self) -> None:
            from dossier.extract.pipeline import load_pipeline

            load_pipeline(pipeline)

        def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
            from dossier.extract import extract_many

            documents = [pickle.loads(blob) for blob in batch["document"]]
            facts = extract_many(documents, batch_size, pipeline=pipeline)
            return {
                "order": list(batch["order"]),
                "facts": [pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL) for f in facts],
            }

    return Extractor


def extract_on_ray(documents: Iterable[Document], settings: Settings) -> Iterator[Facts]:
    """Facts of each document, in input order, extracted on Ray."""
    import pyarrow.parquet as pq
    import ray
    import ray.data

    items = [
        {"order": i, "document": pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL)}
        for i, d in enumerate(documents)
    ]
    if not items:
        return
    started = not ray.is_initialized()
    if started:
        ray.init(
            address=settings.ray_address,
            num_cpus=None if settings.ray_address else settings.workers,
            include_dashboard=False,
            log_to_driver=False,
            logging_level="ERROR",
        )
    for name in ("ray", "ray.data"):  # the CLI shows its own progress; Ray's logs stay quiet
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        # Every node writes its shards where the driver reads them: a local folder for a local
        # Ray, a shared one (DOSSIER_RAY_SHARDS, e.g. an NFS mount) for a cluster of machines.
        with tempfile.TemporaryDirectory(prefix="dossier-ray-", dir=settings.ray_shards) as shards:
            (
                ray.data.from_items(items)
                .map_batches(
                    extractor(settings.pipeline, settings.batch_size),
                    batch_size=settings.batch_size,
                    compute=ray.data.ActorPoolStrategy(size=settings.workers),
                )
                .write_parquet(shards)
            )
            table = pq.read_table(shards, columns=["order", "facts"])
            rows = sorted(zip(table["order"].to_pylist(), table["facts"].to_pylist(), strict=True))
        for _, blob in rows:
            yield pickle.loads(blob)
    finally:
        if started:
            ray.shutdown()
