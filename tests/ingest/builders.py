"""Hostile and ordinary inputs made by the tests themselves (never downloaded)."""

from __future__ import annotations

import gzip
import io
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = (
    "<html><head><title>Attack in Borno</title></head><body><article>"
    "<h1>Boko Haram fighters attack a village in Borno</h1>"
    "<p>Boko Haram fighters attacked the village of Kawuri in Borno state on Sunday, killing "
    "at least twelve people, a local official said on Monday.</p>"
    "<p>The attackers arrived on motorcycles and set fire to houses before the army arrived, "
    "residents told reporters who reached the area by road.</p>"
    "</article></body></html>"
)


def rss(*items: str, title: str = "Sahel Wire", prolog: str = "") -> bytes:
    body = "".join(items)
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{prolog}'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title>{body}</channel></rss>"
    ).encode()


def rss_item(
    text: str = "", title: str = "T", date: str = "", link: str = "", encoded: str = ""
) -> str:
    parts = [f"<title>{title}</title>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    if text:
        parts.append(f"<description>{text}</description>")
    if encoded:
        parts.append(f"<content:encoded><![CDATA[{encoded}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def atom(*entries: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title>" + "".join(entries) + "</feed>"
    ).encode()


def billion_laughs() -> bytes:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    prolog = "<!DOCTYPE rss [" + "".join(levels) + "]>"
    return rss(rss_item("Militants attacked a post &lol9; in Mali.", title="Laughs"), prolog=prolog)


def xxe(target: str) -> bytes:
    prolog = f'<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{target}">]>'
    return rss(rss_item("Militants attacked a post. &secret; End.", title="XXE"), prolog=prolog)


def warc(records: list[tuple[str, str, bytes, str | None]], compress: bool = False) -> bytes:
    """A web archive of (type, uri, payload, content type or None) records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for kind, uri, payload, content_type in records:
        http = None
        if content_type is not None:
            status = "404 Not Found" if uri.endswith("/missing") else "200 OK"
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        if kind == "request":
            http = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
        record = writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2021-08-27T10:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def gzip_bomb(expanded: int) -> bytes:
    """gzip of `expanded` zero bytes, compressed a chunk at a time (a few kilobytes per 10 MiB)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    parts = [squeeze.compress(chunk) for _ in range(expanded >> 20)]
    return b"".join([*parts, squeeze.flush()])


def gz(raw: bytes) -> bytes:
    return gzip.compress(raw)
