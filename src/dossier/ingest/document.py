"""The one place a Document is assembled, whatever the format it was read from."""

from __future__ import annotations

import datetime as dt

from dossier.ingest.clean import clean_text
from dossier.ingest.guard import content_hash
from dossier.model import Document, Refusal
from dossier.settings import Settings

_TITLE_MAX = 200


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp); anything else is unknown, not a guess."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def build_document(
    *,
    path: str,
    doc_id: str,
    body: str,
    raw: bytes,
    settings: Settings,
    format: str,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    line: int | None = None,
    row: int | None = None,
) -> Document | Refusal:
    text, dropped = clean_text(body)
    keep = raw if len(raw) <= settings.max_quarantine_bytes else None
    if not text:
        reason = "no article text after cleaning" if body.strip() else "empty"
        return Refusal(path, reason, line=line, raw=keep, size=len(raw), row=row)
    if len(text) > settings.max_document_chars:
        # The parser's memory grows with the text: a book-length "article" is refused, whole.
        reason = (
            f"too long: {len(text):,} characters of text, limit {settings.max_document_chars:,}"
            " (DOSSIER_MAX_DOCUMENT_CHARS)"
        )
        return Refusal(path, reason, line=line, raw=keep, size=len(raw), row=row)
    if title is None:
        first = text.split("\n\n", 1)[0]
        # A short first paragraph without a closing full stop is the headline of a plain text.
        if len(first) <= _TITLE_MAX and not first.endswith(".") and "\n\n" in text:
            title = first
    return Document(
        id=doc_id,
        text=text,
        content_hash=content_hash(text),
        path=path,
        title=title,
        published=parse_date(published) or settings.published,
        url=url,
        source=source,
        format=format,
        dropped=dropped,
    )
