"""What a file is, from its first bytes: the suffix can be missing or lie (a feed saved as
`.txt`, a gzip without `.gz`, an export named `.dat`).

Only signatures that cannot be text by accident (gzip's magic, a `WARC/1.` first line, an XML
root that is `rss` or `feed`) override a known suffix; the weaker ones (HTML, an export header,
JSON objects) decide only when the suffix says nothing.
"""

from __future__ import annotations

import json

from dossier.ingest.exports import export_layout

HEAD_BYTES = 4096
# Formats that are never articles, named so that their refusal says what they are.
BINARY_MAGIC = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x28\xb5\x2f\xfd": "a zstd archive",
}
STRONG = ("gzip", "warc", "feed")


def _prolog_end(head: bytes) -> int:
    """Where the first element of an XML text starts: after its declaration, comments, doctype
    (with its internal subset) and processing instructions, or -1 when the head ends first."""
    at = 0
    while True:
        while at < len(head) and head[at : at + 1].isspace():
            at += 1
        if head.startswith(b"<!--", at):
            end, skip = head.find(b"-->", at), 3
        elif head.startswith(b"<?", at):
            end, skip = head.find(b"?>", at), 2
        elif head[at : at + 9].upper() == b"<!DOCTYPE":
            bracket, end, skip = head.find(b"[", at), head.find(b">", at), 1
            if bracket != -1 and bracket < end:  # an internal subset holds its own ">"s
                end = head.find(b"]", bracket)
                end = head.find(b">", end) if end != -1 else -1
        else:
            return at if at < len(head) else -1
        if end == -1:
            return -1
        at = end + skip


def is_feed(head: bytes) -> bool:
    """Whether the XML's root element is `rss` or (Atom's) `feed`."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    at = _prolog_end(head)
    if at == -1 or not head.startswith(b"<", at):
        return False
    name = b"".join(head[at + 1 : at + 40].split(None, 1)[:1]).split(b">", 1)[0].split(b"/")[0]
    return name.lower() in (b"rss", b"feed") or name.lower().endswith((b":rss", b":feed"))


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file show: gzip, warc, feed, html, export, jsonl, json
    (a JSON document, not articles), text,
    or `binary:<what it is>`; None when they show nothing (undecodable or binary)."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/1."):
        return "warc"
    for magic, what in BINARY_MAGIC.items():
        if head.startswith(magic):
            return f"binary:{what}"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if is_feed(stripped):
        return "feed"
    lower = stripped[:1024].lower()
    if lower.startswith((b"<!doctype html", b"<html")) or (
        lower.startswith(b"<") and b"<html" in lower
    ):
        return "html"
    text = stripped.decode("utf-8", errors="replace")
    first = text.split("\n", 1)[0]
    if export_layout(first) is not None:
        return "export"
    if first.startswith("{"):
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "json"
        except ValueError:
            # One object over many lines is a JSON document (data), not articles.
            return "jsonl" if "\n" not in text and first.startswith('{"') else "json"
    if first.startswith("["):
        return "json"
    return "text"
