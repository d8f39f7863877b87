"""RSS 2.0 and Atom feeds: one document per item or entry, its link kept as `url`, never fetched.

The text is the entry's full content (`content:encoded`, Atom `content`) when the feed carries
it, else its `description` or `summary`; HTML in it is read by the tokenizer of `markup.py` (a
fragment has no page furniture for trafilatura to strip) and cleaned like any other text. An
entry is numbered from 1 in feed order; its document id is `<file stem>-<n>` and a refusal names
it as `path:n`.

Feeds are XML from strangers: lxml is told never to load a DTD, resolve an entity or touch the
network, so a billion-laughs or external-entity (XXE) feed yields its entries without the
entities' text. A feed that is not well-formed is read again in lxml's recovery mode, so that one
stray `&nbsp;` does not cost every entry.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from dossier.ingest.document import build_document
from dossier.ingest.guard import read_bounded
from dossier.ingest.markup import markup_text
from dossier.model import Document, Refusal
from dossier.settings import Settings

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
FEED_ROOTS = ("rss", f"{ATOM}feed")


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        recover=recover,
    )


def parse_feed(raw: bytes) -> etree._Element | str:
    """The feed's root element, or why there is none."""
    try:
        root = etree.fromstring(raw, _parser(recover=False))
    except etree.LxmlError as exc:
        try:
            root = etree.fromstring(raw, _parser(recover=True))
        except etree.LxmlError:
            root = None
        if root is None:
            return f"malformed XML ({exc})".replace("\n", " ")
    # Entity references are left unexpanded by the parser; each reads as a space (most often
    # it is an undeclared `&nbsp;`), never as its name or its expansion.
    for entity in root.iter(etree.Entity):
        entity.tail = " " + (entity.tail or "")
    etree.strip_elements(root, etree.Entity, with_tail=False)
    if root.tag not in FEED_ROOTS:
        name = root.tag if isinstance(root.tag, str) else "?"
        return f"XML that is not an RSS or Atom feed (root <{name.split('}')[-1]}>)"
    return root


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _rss_date(value: str) -> str | None:
    """An RFC 822 `pubDate` as an ISO date; an unreadable one is unknown."""
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _atom_link(entry: etree._Element) -> str | None:
    for link in entry.iter(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _atom_body(entry: etree._Element) -> str:
    for name in ("content", "summary"):
        element = entry.find(f"{ATOM}{name}")
        if element is None:
            continue
        if element.get("type") == "xhtml":
            inner = "".join(etree.tostring(child, encoding="unicode") for child in element)
            body = markup_text(inner)[0]
        elif element.get("type") == "text":
            body = _text(element)
        else:
            body = markup_text(_text(element))[0]
        if body.strip():
            return body
    return ""


def _entries(root: etree._Element) -> Iterator[tuple[etree._Element, dict[str, str | None]]]:
    """Each entry with its body, title, date and link, in feed order."""
    if root.tag == "rss":
        for item in root.iter("item"):
            body = _text(item.find(CONTENT)) or _text(item.find("description"))
            link = _text(item.find("link")) or _text(item.find("guid")) or None
            published = _rss_date(_text(item.find("pubDate")))
            fields = {"body": markup_text(body)[0], "title": _text(item.find("title")) or None}
            yield item, {**fields, "published": published, "url": link}
        return
    for entry in root.iter(f"{ATOM}entry"):
        date = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
        title = _text(entry.find(f"{ATOM}title")) or None
        fields = {"body": _atom_body(entry), "title": title, "published": date or None}
        yield entry, {**fields, "url": _atom_link(entry)}


def read_feed(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    """Every entry of an RSS or Atom feed: a document, or a refusal naming the entry."""
    where = str(path)
    raw = read_bounded(path, settings, limit=settings.max_container_bytes)
    if isinstance(raw, Refusal):
        yield raw
        return
    root = parse_feed(raw)
    if isinstance(root, str):
        keep = raw if len(raw) <= settings.max_quarantine_bytes else None
        yield Refusal(where, root, raw=keep, size=len(raw))
        return
    channel = root.find("channel") if root.tag == "rss" else root
    title = (
        channel.find("title" if root.tag == "rss" else f"{ATOM}title")
        if channel is not None
        else None
    )
    source = _text(title) or None
    number = 0
    for number, (entry, fields) in enumerate(_entries(root), start=1):
        yield _entry_document(entry, fields, where, path.stem, number, source, settings)
    if number == 0:
        yield Refusal(where, "a feed with no entries", size=len(raw))


def _entry_document(
    entry: etree._Element,
    fields: dict[str, str | None],
    path: str,
    stem: str,
    number: int,
    source: str | None,
    settings: Settings,
) -> Document | Refusal:
    raw = etree.tostring(entry)[: settings.max_quarantine_bytes]
    body = fields["body"] or ""
    if not body.strip():
        return Refusal(path, "feed entry without text", line=number, raw=raw, size=len(raw))
    if len(body.encode("utf-8")) > settings.max_document_bytes:
        limit = settings.max_document_bytes
        return Refusal(path, f"feed entry longer than {limit:,} bytes", line=number, size=len(raw))
    return build_document(
        path=path,
        doc_id=f"{stem}-{number}",
        body=body,
        raw=raw,
        settings=settings,
        format="feed",
        title=fields["title"],
        published=fields["published"],
        source=source,
        url=fields["url"],
        line=number,
    )
