"""HTML pages: the main text through trafilatura, the page furniture left behind.

trafilatura drops navigation, comment sections and share slots; our own cleaner then drops what
leaks through (comment-form prompts, repeated captions) exactly as for plain text. Markup nested
deeper than a tree parser goes (trafilatura then finds nothing) is read by the flat tokenizer of
`markup.py` instead, so the page is kept rather than lost. Web archives (`warc.py`) read each
archived page through `html_document` too.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from configparser import ConfigParser
from functools import cache
from pathlib import Path

import trafilatura
from trafilatura.settings import use_config

from dossier.ingest.document import build_document
from dossier.ingest.guard import TookTooLong, decode, read_file, time_limit
from dossier.ingest.markup import TREE_DEPTH_LIMIT, markup_text
from dossier.model import Document, Refusal
from dossier.settings import Settings

# Bounds the parse of hostile markup: a page with more elements than this is not extracted.
MAX_TREE_SIZE = 200_000
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_html(
    raw: bytes, path: str, settings: Settings, charset: str | None = None
) -> str | Refusal:
    """UTF-8, or the charset the server (`charset`) or the page itself declares, or else a
    credible guess (`guard.decode`)."""
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = _DECLARED_CHARSET.search(raw[:4096])
        for name in (charset, declared.group(1).decode("ascii") if declared else None):
            if not name or b"\x00" in raw[:8192]:
                continue
            try:
                text = raw.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
            return decode(text.encode("utf-8"), path, settings)
    return decode(raw, path, settings)


@cache
def _config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    # trafilatura's own timeout is off: `time_limit` bounds the whole extraction instead.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _extract(markup: str, seconds: float) -> dict[str, str | None]:
    """trafilatura's main text and metadata; {} when it finds none, fails on the markup or runs
    past `seconds` (TookTooLong: the caller reads the page by the linear tokenizer)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with time_limit(seconds):
                page = trafilatura.bare_extraction(
                    markup,
                    include_comments=False,
                    include_tables=False,
                    with_metadata=True,
                    config=_config(),
                )
        except TookTooLong:
            raise
        except Exception:  # a parser failure on hostile markup falls back, never crashes
            return {}
    return page.as_dict() if page is not None else {}


def html_document(
    markup: str,
    raw: bytes,
    settings: Settings,
    *,
    path: str,
    doc_id: str,
    url: str | None = None,
    published: str | None = None,
    line: int | None = None,
) -> Document | Refusal:
    """One page as a Document, or a refusal naming why no article text came out of it."""
    try:
        page, timed_out = _extract(markup, settings.max_parse_seconds), False
    except TookTooLong:
        page, timed_out = {}, True
    body = page.get("text") or ""
    if not body.strip():
        text, depth = markup_text(markup)
        if (depth <= TREE_DEPTH_LIMIT and not timed_out) or not text.strip():
            keep = raw if len(raw) <= settings.max_quarantine_bytes else None
            reason = "no article text found in the HTML"
            return Refusal(path, reason, line=line, raw=keep, size=len(raw))
        body = text
    return build_document(
        path=path,
        doc_id=doc_id,
        body=body,
        raw=raw,
        settings=settings,
        format="html",
        title=page.get("title"),
        published=page.get("date") or published,
        source=page.get("sitename"),
        url=page.get("url") or url,
        line=line,
    )


def read_html(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    read = read_file(path, settings, decode_html)
    if isinstance(read, Refusal):
        yield read
        return
    raw, markup = read
    yield html_document(markup, raw, settings, path=str(path), doc_id=path.stem)
