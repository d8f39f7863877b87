"""HTML pages: the main text through trafilatura, the page furniture left behind.

trafilatura drops navigation, comment sections and share slots; our own cleaner then drops what
leaks through (comment-form prompts, repeated captions) exactly as for plain text.
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
from dossier.ingest.guard import decode, read_file
from dossier.model import Document, Refusal
from dossier.settings import Settings

# Bounds the parse of hostile markup: a page with more elements than this is not extracted.
MAX_TREE_SIZE = 200_000
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_html(raw: bytes, path: str, settings: Settings) -> str | Refusal:
    """UTF-8, or the charset the page itself declares; never a guess."""
    text = decode(raw, path, settings)
    if not isinstance(text, Refusal) or not text.reason.startswith("not UTF-8"):
        return text
    declared = _DECLARED_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return text


@cache
def _config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    # trafilatura's timeout uses signals (main thread only); our bound is the byte limit instead.
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def read_html(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    read = read_file(path, settings, decode_html)
    if isinstance(read, Refusal):
        yield read
        return
    raw, markup = read
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            page = trafilatura.bare_extraction(
                markup,
                include_comments=False,
                include_tables=False,
                with_metadata=True,
                config=_config(),
            )
        except Exception as exc:  # a parser failure on hostile markup is a refusal, not a crash
            yield Refusal(str(path), f"unparseable HTML ({type(exc).__name__})", raw=raw)
            return
    page = page.as_dict() if page is not None else {}
    if not (page.get("text") or "").strip():
        yield Refusal(str(path), "no article text found in the HTML", raw=raw, size=len(raw))
        return
    yield build_document(
        path=str(path),
        doc_id=path.stem,
        body=page["text"],
        raw=raw,
        settings=settings,
        format="html",
        title=page.get("title"),
        published=page.get("date"),
        source=page.get("sitename"),
        url=page.get("url"),
    )
