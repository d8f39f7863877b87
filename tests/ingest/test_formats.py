"""Feeds, web archives, gzip, formats told by content: read offline, links never followed."""

from __future__ import annotations

import json
from pathlib import Path

from dossier.ingest import Skipped, read_path, read_paths
from dossier.model import Document, Refusal
from dossier.settings import Settings
from tests.ingest.builders import ARTICLE, atom, gz, rss, rss_item, warc

ENCODED = "<p>Al-Shabaab fighters stormed a hotel in Mogadishu.</p><p>Police said 9 died.</p>"


def _read(path: Path, settings: Settings | None = None) -> list[Document | Refusal]:
    return list(read_path(path, settings or Settings()))


def test_rss_items_are_documents_with_date_link_and_channel(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_bytes(
        rss(
            rss_item(
                "teaser",
                title="Hotel attack",
                date="Sun, 21 Aug 2022 09:30:00 +0300",
                link="https://example.org/hotel",
                encoded=ENCODED,
            ),
            rss_item("JNIM claimed an ambush near Gao.", date="not a date"),
            rss_item("", title="Photo of the day"),
        )
    )
    first, second, third = _read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.title, first.url, first.source) == (
        "wire-1",
        "Hotel attack",
        "https://example.org/hotel",
        "Sahel Wire",
    )
    assert first.published is not None and first.published.isoformat() == "2022-08-21"
    # content:encoded is preferred to the description; its HTML is read as paragraphs.
    assert first.text == "Al-Shabaab fighters stormed a hotel in Mogadishu.\n\nPolice said 9 died."
    assert first.format == "feed" and second.published is None and second.id == "wire-2"
    assert isinstance(third, Refusal) and third.line == 3
    assert third.message() == f"refused {path}:3: feed entry without text"


def test_atom_entries_read_content_else_summary(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_bytes(
        atom(
            "<entry><title>One</title><link rel='alternate' href='https://a.example/1'/>"
            "<published>2023-05-01T10:00:00Z</published>"
            f"<content type='html'>{ENCODED.replace('<', '&lt;')}</content></entry>",
            "<entry><title>Two</title><updated>2023-05-02</updated>"
            "<summary type='text'>ISWAP fighters raided a base in Borno.</summary></entry>",
            "<entry><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>"
            "<p>IS-K bombed a mosque.</p></div></content></entry>",
        )
    )
    one, two, three = _read(path)
    assert isinstance(one, Document) and isinstance(two, Document)
    assert isinstance(three, Document)
    assert one.url == "https://a.example/1" and one.source == "Atom Wire"
    assert one.published is not None and one.published.isoformat() == "2023-05-01"
    assert one.text.startswith("Al-Shabaab fighters stormed a hotel")
    assert two.text == "ISWAP fighters raided a base in Borno."
    assert two.published is not None and two.published.isoformat() == "2023-05-02"
    assert three.text == "IS-K bombed a mosque."


def test_xml_is_a_feed_only_when_its_root_is_one(tmp_path: Path) -> None:
    feed, other = tmp_path / "feed.xml", tmp_path / "sitemap.xml"
    feed.write_bytes(rss(rss_item("Boko Haram attacked Damboa.")))
    other.write_bytes(b"<?xml version='1.0'?><urlset><url>https://x</url></urlset>")
    assert isinstance(_read(feed)[0], Document)
    (refusal,) = _read(other)
    assert isinstance(refusal, Refusal)
    assert refusal.reason == "XML that is not an RSS or Atom feed"


def test_empty_feed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_bytes(rss())
    (refusal,) = _read(path)
    assert isinstance(refusal, Refusal) and refusal.reason == "a feed with no entries"


def test_web_archive_pages_are_documents_and_other_records_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc(
            [
                ("warcinfo", "", b"software: test", None),
                ("request", "https://news.example/borno", b"", None),
                ("response", "https://news.example/borno", ARTICLE.encode(), "text/html"),
                ("response", "https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
                ("metadata", "https://news.example/borno", b"outlinks: none", None),
                ("response", "https://news.example/missing", b"<html>gone</html>", "text/html"),
            ]
        )
    )
    tallies: list[Skipped] = []
    (page,) = list(read_paths([path], Settings(), on_skipped=tallies.append))
    assert isinstance(page, Document)
    assert (page.id, page.url, page.format) == ("crawl-3", "https://news.example/borno", "html")
    assert page.published is not None and page.published.isoformat() == "2021-08-27"
    assert "Kawuri" in page.text
    (tally,) = tallies
    assert tally.total == 5
    assert dict(tally.counts) == {
        "warcinfo records": 1,
        "request records": 1,
        "image/png responses": 1,
        "metadata records": 1,
        "HTTP 404 responses": 1,
    }
    assert tally.message().startswith(f"skipped in {path}: ")


def test_web_archive_without_pages_is_refused_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "requests.warc"
    path.write_bytes(warc([("request", "https://x.example/", b"", None)]))
    (refusal,) = _read(path)
    assert isinstance(refusal, Refusal)
    assert refusal.reason == "no HTML pages in the web archive (1 records)"


def test_gzip_is_read_by_its_inner_name_and_named_as_the_user_knows_it(tmp_path: Path) -> None:
    lines = [{"text": "The TTP attacked a checkpoint."}, {"text": "IS-K bombed a school."}]
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gz("\n".join(json.dumps(line) for line in lines).encode()))
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(
        warc([("response", "https://n.example/a", ARTICLE.encode(), "text/html")], compress=True)
    )
    items = list(read_paths([dump, archive], Settings()))
    assert [(d.id, d.path) for d in items if isinstance(d, Document)] == [
        ("dump-1", str(dump)),
        ("dump-2", str(dump)),
        ("crawl-1", str(archive)),
    ]


def test_format_is_told_by_content_when_the_name_says_nothing_or_lies(tmp_path: Path) -> None:
    acled = "event_id_cnty,event_date,event_type,notes,fatalities\nNGA1,2021-06-04,Battles,x,3\n"
    files = {
        "feed.txt": rss(rss_item("JNIM attacked a convoy near Gao.")),
        "page": ARTICLE.encode(),
        "archive.dat": warc([("response", "https://n.example/a", ARTICLE.encode(), "text/html")]),
        "squeezed.txt": gz(b'{"text": "Al-Shabaab attacked a base."}\n'),
        "events.dat": acled.encode(),
        "dump.log": b'{"text": "ISWAP raided a town."}\n{"text": "ISWAP withdrew."}\n',
        "notes": b"Boko Haram attacked a village in Borno state.",
    }
    formats = {}
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
        items = _read(tmp_path / name)
        assert all(isinstance(item, Document) for item in items), (name, items)
        formats[name] = {item.format for item in items if isinstance(item, Document)}
    assert formats == {
        "feed.txt": {"feed"},
        "page": {"html"},
        "archive.dat": {"html"},
        "squeezed.txt": {"jsonl"},
        "events.dat": {"acled"},
        "dump.log": {"jsonl"},
        "notes": {"text"},
    }


def test_legacy_encodings_are_read_when_credible(tmp_path: Path) -> None:
    latin = "Militants attacked a café in Niamey; the owner, José Peña, said five died."
    smart = "“Al-Shabaab attacked the base,” the army’s spokesman said — five soldiers died."
    russian = "Боевики атаковали деревню в провинции, погибли пять человек, сообщила полиция."
    (tmp_path / "latin.txt").write_bytes(latin.encode("latin-1"))
    (tmp_path / "smart.txt").write_bytes(smart.encode("cp1252"))
    (tmp_path / "russian.txt").write_bytes(russian.encode("cp1251"))
    page = f"<html><head><meta charset='windows-1252'></head><body><p>{latin}</p></body></html>"
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    texts = {Path(d.path).name: d.text for d in read_paths([tmp_path], Settings())}
    assert texts["latin.txt"] == latin and texts["smart.txt"] == smart
    assert texts["russian.txt"] == russian and latin in texts["page.html"]


def test_html_nested_too_deep_for_a_tree_parser_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    inner = "<p>Boko Haram attacked Maiduguri on Sunday, officials said.</p>"
    path.write_text(f"<html><body>{'<div>' * 10_000}{inner}{'</div>' * 10_000}</body></html>")
    (document,) = _read(path)
    assert isinstance(document, Document)
    assert document.text == "Boko Haram attacked Maiduguri on Sunday, officials said."


def test_malformed_json_message_says_at_once(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "a\x01b"}\n')
    (refusal,) = _read(path)
    assert isinstance(refusal, Refusal)
    assert refusal.reason == "malformed JSON (Invalid control character at column 12)"
