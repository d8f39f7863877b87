"""Plain-text articles, optionally opened by a short header of metadata lines.

A header is the email-style block some archives and our sample corpus use:

    Title: Suicide bombing outside Kabul airport
    Published: 2021-08-27
    Source: Dossier Sample Wire

followed by a blank line. Only the keys below are read, and only at the very top.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dossier.ingest.document import build_document
from dossier.ingest.guard import read_file
from dossier.model import Document, Refusal
from dossier.settings import Settings

HEADER_KEYS = {"title", "published", "date", "source", "url"}
_HEADER_LINE = re.compile(r"([A-Za-z]+):[ \t]*(.*)")


def split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\ufeff").split("\n")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[i + 1 :])
            break
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match or match.group(1).lower() not in HEADER_KEYS:
            break
        meta[match.group(1).lower()] = match.group(2).strip()
    return {}, text


def read_text(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    read = read_file(path, settings)
    if isinstance(read, Refusal):
        yield read
        return
    raw, text = read
    meta, body = split_header(text)
    yield build_document(
        path=str(path),
        doc_id=path.stem,
        body=body,
        raw=raw,
        settings=settings,
        format="text",
        title=meta.get("title"),
        published=meta.get("published") or meta.get("date"),
        source=meta.get("source"),
        url=meta.get("url"),
    )
