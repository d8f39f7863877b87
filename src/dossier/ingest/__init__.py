"""Turn files and folders into Documents; anything unreadable becomes a Refusal, never an exception.

`read_paths` walks the inputs and picks one reader per file: by its suffix, unless its first
bytes show a format no text has by accident (gzip, WARC, an RSS or Atom root; see `sniff.py`),
and by those bytes when the suffix is unknown. Each reader yields Documents and Refusals; the
caller decides what to store and what to print. Containers (a web archive) also report records
they skip as `Skipped` tallies, handed to `on_skipped` (logged when no callback is given).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dossier.ingest.compressed import GZIP_SUFFIXES, read_compressed
from dossier.ingest.exports import read_export
from dossier.ingest.feeds import read_feed
from dossier.ingest.html import read_html
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.sniff import HEAD_BYTES, STRONG, is_feed, sniff
from dossier.ingest.text import read_text
from dossier.ingest.warc import read_warc
from dossier.model import Document, Refusal, Skipped
from dossier.settings import Settings

__all__ = ["Skipped", "read_path", "read_paths", "walk"]

log = logging.getLogger(__name__)
Item = Document | Refusal | Skipped
Reader = Callable[[Path, Settings], Iterator[Item]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_export,
    ".rss": read_feed,
    ".atom": read_feed,
    ".warc": read_warc,
}
BY_CONTENT: dict[str, Reader] = {
    "warc": read_warc,
    "feed": read_feed,
    "html": read_html,
    "export": read_export,
    "jsonl": read_jsonl,
    "text": read_text,
}


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, in a stable order; hidden files and folders are skipped."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in parts):
                    yield child
        else:
            yield path


def _log_skipped(skipped: Skipped) -> None:
    log.info(skipped.message())


def read_paths(
    paths: Iterable[Path],
    settings: Settings,
    on_skipped: Callable[[Skipped], None] | None = None,
) -> Iterator[Document | Refusal]:
    for path in walk(paths):
        yield from read_path(path, settings, on_skipped)


def read_path(
    path: Path, settings: Settings, on_skipped: Callable[[Skipped], None] | None = None
) -> Iterator[Document | Refusal]:
    """Documents and refusals of one file; tallies of skipped records go to `on_skipped`."""
    for item in _read(path, settings, compressed=False):
        if isinstance(item, Skipped):
            (on_skipped or _log_skipped)(item)
        else:
            yield item


def choose(path: Path, head: bytes) -> Reader | str:
    """The reader for a file with these first bytes, or why there is none. ("gzip" means
    decompress first; the caller does that.)"""
    suffix = path.suffix.lower()
    kind = sniff(head)
    if kind in STRONG or suffix in GZIP_SUFFIXES:
        return "gzip" if kind == "gzip" or suffix in GZIP_SUFFIXES else BY_CONTENT[kind]
    if suffix == ".xml":
        return read_feed if is_feed(head) else "XML that is not an RSS or Atom feed"
    if suffix in READERS:
        return READERS[suffix]
    shown = f"unsupported format {suffix or '(no suffix)'!r}"
    if kind == "json":
        return f"{shown}: a JSON document, not JSON Lines (one article a line, with 'text')"
    if kind is None or kind.startswith("binary:"):
        return f"{shown} ({kind.removeprefix('binary:')})" if kind else shown
    return BY_CONTENT[kind]


def _read(path: Path, settings: Settings, compressed: bool) -> Iterator[Item]:
    if not path.exists():
        yield Refusal(str(path), "no such file or folder")
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
        reader = choose(path, head)
        if reader == "gzip":
            if compressed:
                yield Refusal(str(path), "gzip inside gzip is not read")
                return
            yield from read_compressed(
                path, settings, lambda inner: _read(inner, settings, compressed=True)
            )
        elif isinstance(reader, str):
            yield Refusal(str(path), reader, size=len(head))
        else:
            yield from reader(path, settings)
    except OSError as exc:
        yield Refusal(str(path), f"cannot read: {exc.strerror or exc}")
