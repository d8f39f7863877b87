"""The flow from files to the store, as a library call: the CLI and the tests both use it.

read -> drop duplicates (in this run and in the store) -> extract -> name actors by their
canonical actor -> store -> group the new events with reports of the same attacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dossier.extract import extract_many
from dossier.ingest import read_paths
from dossier.model import Document, Refusal
from dossier.resolve.actors import canonical_names, remember
from dossier.resolve.grouping import group_incidents
from dossier.settings import Settings
from dossier.store import Store


@dataclass
class Tally:
    documents: int = 0
    duplicates: int = 0
    refused: int = 0


def unique(
    items: Iterable[Document | Refusal],
    tally: Tally,
    on_refusal: Callable[[Refusal], None],
    seen_before: Callable[[Document], bool],
) -> Iterator[Document]:
    """Documents not seen before (in this run, or by `seen_before`); refusals to `on_refusal`."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Refusal):
            tally.refused += 1
            on_refusal(item)
            continue
        if item.content_hash in seen or seen_before(item):
            tally.duplicates += 1
            continue
        seen.add(item.content_hash)
        yield item


def ingest_into(
    store: Store,
    paths: Iterable[Path],
    settings: Settings,
    on_refusal: Callable[[Refusal], None] = lambda _refusal: None,
    on_document: Callable[[], None] = lambda: None,
) -> Tally:
    """Ingest files into the store; every refusal is kept there too. Re-running changes nothing."""
    tally = Tally()
    known = store.known_names()

    def keep(refusal: Refusal) -> None:
        store.add_refusal(refusal)
        on_refusal(refusal)

    documents = unique(read_paths(paths, settings), tally, keep, store.has_document)
    for facts in extract_many(documents, settings.batch_size, pipeline=settings.pipeline):
        canonical = canonical_names(facts, known)
        if store.add(facts, canonical):
            tally.documents += 1
            remember(facts, canonical, known)
            group_incidents(store, facts.document.id)
        else:
            tally.duplicates += 1
        on_document()
    return tally
