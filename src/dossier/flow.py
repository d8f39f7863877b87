"""The flow from files to the store, as a library call: the CLI and the tests both use it.

read -> drop duplicates, exact and near (in this run and in the store) -> extract (here, in a
pool of processes, or on Ray) -> name actors by their canonical actor -> store documents a
batch at a time and group their events with reports of the same attacks, one transaction a
batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from dossier.errors import NotStored
from dossier.extract import extract_many
from dossier.ingest import read_path, walk
from dossier.model import Document, Duplicate, Refusal, Skipped
from dossier.near_duplicates import NearIndex, Signature, bands, best_match, signature
from dossier.resolve.actors import canonical_names, remember
from dossier.resolve.grouping import group_in
from dossier.settings import Settings
from dossier.store import Store
from dossier.store.rows import Resolved

# A batch of documents is stored once it holds `Settings.write_batch` documents or this long
# after the batch before, so that progress shows and an interrupted run loses little.
WRITE_SECONDS = 2.0


@dataclass
class Tally:
    documents: int = 0
    duplicates: int = 0
    refused: int = 0
    files: int = 0
    # Records of containers that are not articles (a web archive's requests, images, ...).
    skipped: int = 0
    # Batches a pool worker died on, redone by another.
    retried: int = 0

    @property
    def inputs(self) -> int:
        """Every input accounted for: read, repeated or refused."""
        return self.documents + self.duplicates + self.refused


class NearDuplicates:
    """Near-duplicates of a run's documents and of the stored ones: each document's MinHash is
    kept until it is stored with it."""

    def __init__(self, stored: Callable[[list[str]], dict[str, Signature]] | None = None):
        self.run = NearIndex()
        self.stored = stored
        self.signatures: dict[str, Signature] = {}

    def repeated(self, document: Document) -> str | None:
        """The id of the document this one is a copy of, give or take a header, a footer or
        a paragraph; export rows (short, templated, each its own event) are never copies."""
        if document.record:
            return None
        sig = signature(document.text)
        if sig is None:
            return None
        of = self.run.match(sig)
        if of is None and self.stored is not None:
            of = best_match(sig, self.stored(bands(sig)))
        if of is None:
            self.run.add(document.id, sig)
            self.signatures[document.id] = sig
        return of

    def release(self, document_id: str) -> Signature | None:
        """The document's MinHash, to store with it; from then on the store's bands find it, so
        the run's index forgets it and its memory stays flat however long the run."""
        if self.stored is not None:
            self.run.remove(document_id)
        return self.signatures.pop(document_id, None)


def unique(
    items: Iterable[Document | Refusal],
    tally: Tally,
    on_refusal: Callable[[Refusal], None],
    seen_before: Callable[[Document], str | None],
    on_duplicate: Callable[[Duplicate, Document], None] = lambda _duplicate, _document: None,
    near: NearDuplicates | None = None,
) -> Iterator[Document]:
    """Documents not seen before (in this run, or by `seen_before`, which gives the id of the
    document it repeats), nor copies of one (`near`); refusals to `on_refusal`, repeats (and
    the repeating document) to `on_duplicate`."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Refusal):
            tally.refused += 1
            on_refusal(item)
            continue
        of = seen.get(item.content_hash) or seen_before(item)
        kind = "exact"
        if of is None and near is not None:
            of, kind = near.repeated(item), "near"
        if of is not None:
            tally.duplicates += 1
            on_duplicate(Duplicate(item.path, of, item.row, kind), item)
            continue
        seen[item.content_hash] = item.id
        yield item


def read_counting(
    paths: Iterable[Path],
    settings: Settings,
    tally: Tally,
    on_file: Callable[[], None],
    on_skipped: Callable[[Skipped], None] = lambda _skipped: None,
) -> Iterator[Document | Refusal]:
    """The inputs' documents and refusals, file by file, calling `on_file` after each file;
    records skipped in containers are counted and handed to `on_skipped`."""

    def skipped(item: Skipped) -> None:
        tally.skipped += item.total
        on_skipped(item)

    for path in walk(paths):
        yield from read_path(path, settings, skipped)
        tally.files += 1
        on_file()


def ingest_into(
    store: Store,
    paths: Iterable[Path],
    settings: Settings,
    on_refusal: Callable[[Refusal], None] = lambda _refusal: None,
    on_document: Callable[[], None] = lambda: None,
    on_file: Callable[[], None] = lambda: None,
    on_duplicate: Callable[[Duplicate], None] = lambda _duplicate: None,
    on_skipped: Callable[[Skipped], None] = lambda _skipped: None,
) -> Tally:
    """Ingest files into the store; every refusal and every duplicate is kept there too.

    Documents are stored with their facts and grouped into incidents in batches, one
    transaction each, so a run killed part-way and run again ends with the store an
    uninterrupted run gives: what was stored is skipped as a repeat of itself, the rest is read.
    """
    tally = Tally()
    known = store.known_names()

    def keep(refusal: Refusal) -> None:
        store.add_refusal(refusal)
        on_refusal(refusal)

    # A repeat of a document of this run is kept once that document is stored (under the id
    # the store gave it), at the end.
    pending: list[tuple[Duplicate, str]] = []

    def repeat(duplicate: Duplicate, document: Document) -> None:
        if duplicate.of == document.id:
            return  # the stored document itself, read again: nothing new to keep
        if duplicate.kind == "exact" and store.stored_id(document) is None:
            pending.append((duplicate, document.content_hash))
        elif duplicate.kind == "near" and store.id_stored(duplicate.of) is None:
            pending.append((duplicate, ""))
        else:
            store.add_duplicate(duplicate)
        on_duplicate(duplicate)

    near = NearDuplicates(store.near_candidates)
    read = read_counting(paths, settings, tally, on_file, on_skipped)
    documents = unique(read, tally, keep, store.stored_id, repeat, near)
    if settings.engine == "ray":
        from dossier.ray_extract import extract_on_ray

        extracted = extract_on_ray(documents, settings)
    elif settings.engine == "pool":
        from dossier.pool_extract import extract_in_pool

        def retried(batches: int) -> None:
            tally.retried += batches

        extracted = extract_in_pool(documents, settings, on_retry=retried)
    else:
        extracted = extract_many(documents, settings.batch_size, pipeline=settings.pipeline)
    batch: list[Resolved] = []

    def store_batch() -> None:
        """Store the batch in one transaction; a batch a document of it cannot be stored in
        is stored one document at a time, and the document that fails alone is refused."""
        # The MinHashes leave the run's index only now, as their documents reach the store,
        # where the near-duplicate search finds them from then on.
        ready = [replace(i, minhash=near.release(i.facts.document.id)) for i in batch]
        for item, stored in zip(ready, _stored(store, ready, keep), strict=True):
            if stored:
                tally.documents += 1
            elif stored is None:
                tally.refused += 1
            else:
                # Stored meanwhile by another run: a repeat of that document.
                tally.duplicates += 1
                of = store.stored_id(item.facts.document)
                if of is not None:
                    duplicate = Duplicate(item.facts.document.path, of, item.facts.document.row)
                    repeat(duplicate, item.facts.document)
            on_document()
        batch.clear()

    began = time.monotonic()
    for facts in extracted:
        canonical = canonical_names(facts, known)
        remember(facts, canonical, known)
        batch.append(Resolved(facts, canonical))
        if len(batch) >= settings.write_batch or time.monotonic() - began > WRITE_SECONDS:
            store_batch()
            began = time.monotonic()
    store_batch()
    for duplicate, content in pending:
        of = store.id_of_content(content) if content else store.id_stored(duplicate.of)
        if of is not None:
            store.add_duplicate(replace(duplicate, of=of))
    return tally


def _stored(
    store: Store, batch: list[Resolved], refuse: Callable[[Refusal], None]
) -> list[bool | None]:
    """Whether each document of the batch was stored (False: its text is stored already; None:
    refused, as the store would not take it)."""
    try:
        return list(store.add_many(batch, then=group_in))
    except NotStored:
        pass
    outcome: list[bool | None] = []
    for item in batch:
        try:
            outcome += store.add_many([item], then=group_in)
        except NotStored as refused:
            document = item.facts.document
            refuse(Refusal(document.path, str(refused), row=document.row))
            outcome.append(None)
    return outcome
