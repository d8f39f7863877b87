"""Web archives (WARC, as crawlers and the Internet Archive write them): each archived HTML page
is a document; every other record is skipped and counted, never silently dropped.

A page is a `response` record whose HTTP payload is `text/html` (or XHTML) with a 2xx status. Its
document keeps the WARC-Target-URI as `url` (never fetched) and is published on the date the page
states, else on the WARC-Date (the day it was archived). Records are numbered from 1 in archive
order; a page's document id is `<file stem>-<n>` and a refusal names it as `path:n`. Requests,
metadata, redirects, images and the like come out as one `Skipped` tally per archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from dossier.ingest.html import decode_html, html_document
from dossier.model import Document, Refusal, Skipped
from dossier.settings import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:200]


def read_warc(path: Path, settings: Settings) -> Iterator[Document | Refusal | Skipped]:
    """Every HTML page of a web archive as a document or a refusal, then the tally of the rest."""
    where = str(path)
    size = path.stat().st_size
    if size > settings.max_container_bytes:
        limit = settings.max_container_bytes
        yield Refusal(where, f"too large: {size:,} bytes, limit {limit:,}", size=size)
        return
    skipped: Counter[str] = Counter()
    number = accounted = 0
    with path.open("rb") as handle:
        records = iter(ArchiveIterator(handle))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many kinds on a damaged archive
                yield Refusal(where, f"malformed WARC record ({_one_line(exc)})", line=number + 1)
                accounted += 1
                break
            number += 1
            try:
                item = _page(record, where, path.stem, number, settings)
            except Exception as exc:  # a damaged HTTP block costs its record, not the archive
                item = Refusal(where, f"unreadable WARC record ({_one_line(exc)})", line=number)
            if isinstance(item, str):
                skipped[item] += 1
            else:
                accounted += 1
                yield item
    if skipped:
        yield Skipped(where, tuple(sorted(skipped.items())))
    if not accounted:  # a file that yields only a tally would vanish from the refusals
        yield Refusal(where, f"no HTML pages in the web archive ({number} records)", size=size)


def _page(
    record: Any, path: str, stem: str, number: int, settings: Settings
) -> Document | Refusal | str:
    """The record's page as a document or refusal, or the kind of record it is when skipped."""
    if record.rec_type != "response":
        return f"{record.rec_type} records"
    headers = record.http_headers
    if headers is None:
        return "responses without HTTP headers"
    content_type = headers.get_header("Content-Type") or ""
    media = content_type.split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        return f"{media or 'untyped'} responses"
    status = headers.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP {status or '?'} responses"
    limit = settings.max_document_bytes
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return Refusal(path, f"archived page larger than {limit:,} bytes", line=number)
    charset = None
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    markup = decode_html(payload, path, settings, charset)
    if isinstance(markup, Refusal):
        return replace(markup, line=number)
    return html_document(
        markup,
        payload,
        settings,
        path=path,
        doc_id=f"{stem}-{number}",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        published=record.rec_headers.get_header("WARC-Date"),
        line=number,
    )
