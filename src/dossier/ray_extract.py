"""`dossier ingest --engine ray`: extract on a Ray cluster, store from one writer.

Ray Data holds the documents as blocks of one batch each, maps extract over them in actors that
load the spaCy pipeline once each (`extractor`), and each actor writes a batch's facts as one
Parquet shard (each row a document's position in the input and its pickled `Facts`). The one
writer reads the shards back in input order as they are done, while later batches are still
being extracted, so resolution and storage see what a local run sees and the store ends the
same. The cluster is `Settings.ray_address` (`DOSSIER_RAY_ADDRESS`), or a local
Ray of `Settings.workers` CPUs started for the run.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from dossier.model import Document, Facts
from dossier.settings import Settings


def extractor(pipeline: str | None, batch_size: int, shards: str) -> type:
    """The Ray actor class: the pipeline loaded once, then batch after batch of documents
    extracted, each batch's facts written as one Parquet shard in `shards`. Its settings are
    baked into the class (not passed as constructor arguments, which Ray would keep in its
    object store for restarts)."""

    class Extractor:
        def __init__(self) -> None:
            from dossier.extract.pipeline import load_pipeline

            load_pipeline(pipeline)

        def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
            import pyarrow as pa
            import pyarrow.parquet as pq

            from dossier.extract import extract_many

            order = [int(i) for i in batch["order"]]
            documents = [pickle.loads(blob) for blob in batch["document"]]
            facts = [
                pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL)
                for f in extract_many(documents, batch_size, pipeline=pipeline)
            ]
            # Named by the batch's first document: a batch retried after a worker died writes
            # the same shard again, never a second one.
            path = os.path.join(shards, f"{order[0]:012d}.parquet")
            pq.write_table(pa.table({"order": order, "facts": facts}), path + ".part")
            os.replace(path + ".part", path)
            return {"shard": [path]}

    return Extractor


def extract_on_ray(documents: Iterable[Document], settings: Settings) -> Iterator[Facts]:
    """Facts of each document, in input order, extracted on Ray.

    The shards come back to the driver as the actors finish them and are read in input order,
    so the one writer stores a batch while the actors extract the next ones."""
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
            batches = -(-len(items) // settings.batch_size)
            written = ray.data.from_items(items, override_num_blocks=batches).map_batches(
                extractor(settings.pipeline, settings.batch_size, shards),
                batch_size=settings.batch_size,
                compute=ray.data.ActorPoolStrategy(size=settings.workers),
            )
            # Shards come back as they are done, each read at once; a document's facts are
            # yielded when every document before it has been, whichever batch held it.
            ready: dict[int, bytes] = {}
            expected = 0
            for shard in written.iter_rows():
                table = pq.read_table(shard["shard"], columns=["order", "facts"])
                orders, facts = table["order"].to_pylist(), table["facts"].to_pylist()
                ready.update(zip(orders, facts, strict=True))
                while expected in ready:
                    yield pickle.loads(ready.pop(expected))
                    expected += 1
            if ready or expected != len(items):
                raise RuntimeError(f"Ray returned {expected} of {len(items)} documents' facts")
    finally:
        if started:
            ray.shutdown()
