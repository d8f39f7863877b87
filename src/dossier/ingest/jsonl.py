"""JSON Lines dumps: one article per line, with `text` and optionally id, title, published, url,
source. A bad line is refused with its line number; the lines around it are read as usual."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dossier.ingest.document import build_document
from dossier.ingest.guard import decode
from dossier.model import Document, Refusal
from dossier.settings import Settings

OPTIONAL_FIELDS = ("title", "published", "url", "source")


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(number, bytes, too_long) per line, never holding more than `limit` bytes of one."""
    number = 0
    while True:
        chunk = handle.readline(limit + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            size = len(chunk)
            while chunk and not chunk.endswith(b"\n"):  # skip the rest of the oversized line
                chunk = handle.readline(1 << 20)
                size += len(chunk)
            yield number, b"", True
            continue
        yield number, chunk, False


def read_jsonl(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    where = str(path)
    with path.open("rb") as handle:
        empty = True
        for number, raw, too_long in _bounded_lines(handle, settings.max_document_bytes):
            if too_long:
                empty = False
                yield Refusal(
                    where, f"line longer than {settings.max_document_bytes:,} bytes", line=number
                )
                continue
            if not raw.strip():
                continue
            empty = False
            yield parse_line(raw, where, number, path.stem, settings)
        if empty:
            yield Refusal(where, "empty")


def parse_line(
    raw: bytes, path: str, number: int, stem: str, settings: Settings
) -> Document | Refusal:
    line = decode(raw, path, settings, line=number)
    if isinstance(line, Refusal):
        return line

    def refuse(reason: str) -> Refusal:
        return Refusal(path, reason, line=number, raw=raw, size=len(raw))

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" ("Invalid control character at"): one "at" only.
        what = exc.msg.removesuffix(" at")
        return refuse(f"malformed JSON ({what} at column {exc.colno})")
    if not isinstance(record, dict):
        return refuse(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return refuse("no 'text' string field")
    fields = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return refuse(f"field {name!r} must be a string")
        fields[name] = value
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        return refuse("field 'id' must be a string or a number")
    return build_document(
        path=path,
        doc_id=str(doc_id) if doc_id is not None else f"{stem}-{number}",
        body=text,
        raw=raw,
        settings=settings,
        format="jsonl",
        line=number,
        **fields,
    )
