"""Configuration, built once from the environment and flags and passed down as an argument."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace

DEFAULT_DATABASE = "sqlite:///dossier.sqlite"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE
    # Inputs are hostile: a file (or one JSONL record) larger than this is refused, not parsed.
    max_document_bytes: int = 5 * 1024 * 1024
    # A document's clean text longer than this is refused: spaCy's parser and tagger need
    # memory in proportion to it (its own default limit, nlp.max_length, is the same).
    max_document_chars: int = 1_000_000
    # Parsing one page (trafilatura on HTML) may take this long; past it, the page is read by
    # the linear tokenizer instead, so hostile markup costs bounded time and loses nothing.
    max_parse_seconds: float = 10.0
    # A container of many documents (an event export, a feed, a web archive, once decompressed)
    # is read up to this size; each document in it is still bounded by max_document_bytes.
    max_container_bytes: int = 512 * 1024 * 1024
    # Raw bytes of a refused input are kept in the quarantine table up to this size.
    max_quarantine_bytes: int = 5 * 1024 * 1024
    # Documents per batch of extraction (spaCy's nlp.pipe, a pool worker's task, a Ray batch).
    batch_size: int = 32
    # Documents stored per write transaction: one multi-row insert per table for all of them.
    write_batch: int = 64
    # How ingest extracts: "local" in this process, "pool" over `workers` processes (spaCy's
    # own multiprocessing), "ray" on a Ray cluster (ray_extract.py); one writer stores in
    # order, so the store is the same whichever engine extracts.
    engine: str = "local"
    workers: int = 1
    # The Ray cluster of the "ray" engine ("ray://host:10001", "auto"); None starts a local one.
    ray_address: str | None = None
    # Where Ray's workers write the facts' Parquet shards: a folder every node reaches on a
    # cluster of machines (None: the system's temporary folder, enough for a local Ray).
    ray_shards: str | None = None
    # A spaCy pipeline config file (see data/pipeline.cfg) to extract with instead of dossier's.
    pipeline: str | None = None
    # The publication date of documents that state none of their own (a folder of one day's
    # reports, an export without dates): their relative dates resolve against it.
    published: dt.date | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Environment first (DOSSIER_*), then explicit flags; flags that are None are ignored."""
        env = os.environ
        settings = cls(
            database_url=env.get("DOSSIER_DATABASE_URL", DEFAULT_DATABASE),
            max_document_bytes=int(env.get("DOSSIER_MAX_DOCUMENT_BYTES", cls.max_document_bytes)),
            max_document_chars=int(env.get("DOSSIER_MAX_DOCUMENT_CHARS", cls.max_document_chars)),
            max_container_bytes=int(
                env.get("DOSSIER_MAX_CONTAINER_BYTES", cls.max_container_bytes)
            ),
            pipeline=env.get("DOSSIER_PIPELINE") or None,
            engine=env.get("DOSSIER_ENGINE", cls.engine),
            workers=int(env.get("DOSSIER_WORKERS", cls.workers)),
            write_batch=int(env.get("DOSSIER_WRITE_BATCH", cls.write_batch)),
            ray_address=env.get("DOSSIER_RAY_ADDRESS") or None,
            ray_shards=env.get("DOSSIER_RAY_SHARDS") or None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)
