"""Turn files and folders into Documents; anything unreadable becomes a Refusal, never an exception.

`read_paths` walks the inputs and dispatches on the file suffix to one reader per format. Each
reader yields Documents and Refusals; the caller decides what to store and what to print.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.ingest.exports import read_export
from dossier.ingest.html import read_html
from dossier.ingest.jsonl import read_jsonl
from dossier.ingest.text import read_text
from dossier.model import Document, Refusal
from dossier.settings import Settings

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_export,
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


def read_paths(paths: Iterable[Path], settings: Settings) -> Iterator[Document | Refusal]:
    for path in walk(paths):
        yield from read_path(path, settings)


def read_path(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    if not path.exists():
        yield Refusal(str(path), "no such file or folder")
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield Refusal(str(path), f"unsupported format {path.suffix or '(no suffix)'!r}")
        return
    try:
        yield from reader(path, settings)
    except OSError as exc:
        yield Refusal(str(path), f"cannot read: {exc.strerror or exc}")
