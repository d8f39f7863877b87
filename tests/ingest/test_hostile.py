"""A hostile corpus, made here: each input ends as documents or refusals, bounded, none lost."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dossier.ingest import read_path
from dossier.model import Document, Refusal
from dossier.settings import Settings
from tests.ingest.builders import ARTICLE, billion_laughs, gz, gzip_bomb, rss, rss_item, warc, xxe

LIMITS = Settings(max_document_bytes=1 << 20, max_container_bytes=4 << 20)
SECRET = "the-secret-of-this-machine"


def _corpus(folder: Path) -> dict[str, bytes]:
    (folder / "secret.txt").write_text(SECRET)
    page = warc([("response", "https://n.example/a", ARTICLE.encode(), "text/html")])
    return {
        "bomb.jsonl.gz": gzip_bomb(64 << 20),
        "bomb.warc.gz": gzip_bomb(16 << 20),
        "truncated.jsonl.gz": gz(b'{"text": "IS-K attacked."}\n' * 200)[:-30],
        "corrupt.gz": b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4,
        "nested.txt.gz": gz(gz(b"Boko Haram attacked Damboa.")),
        "not-gzip.gz": b"just text pretending",
        "laughs.rss": billion_laughs(),
        "xxe.rss": xxe(str(folder / "secret.txt")),
        "dtd.rss": rss(rss_item("x"), prolog='<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">'),
        "unclosed.rss": rss(rss_item("JNIM attacked Gao.")).replace(b"</channel></rss>", b""),
        "nbsp.rss": rss(rss_item("ISWAP&nbsp;attacked Baga.")),
        "empty.rss": rss(),
        "textless.rss": rss(rss_item(""), rss_item("JNIM attacked Gao.")),
        "deep.rss": rss(
            rss_item("&lt;div&gt;" * 10_000 + "JNIM attacked Gao." + "&lt;/div&gt;" * 99)
        ),
        "deep.xml": b"<rss>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</rss>",
        "not-a-feed.xml": b"<?xml version='1.0'?><svg/>",
        "deep.html": (
            "<html><body>" + "<div>" * 10_000 + "<p>Militants attacked Kabul airport.</p>"
        ).encode(),
        "unclosed-tags.html": b"<html><body>" + b"<a " * 200_000,
        "comment.html": b"<html><!--" + b"-" * 500_000,
        "latin1.txt": "Attaque revendiquée à Ménaka; José Peña a parlé.".encode("latin-1"),
        "junk.txt": bytes(range(256)) * 8,
        "nul.txt": b"Boko\x00Haram",
        "controls.jsonl": b'{"text": "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f"}\n' * 3,
        "utf16-broken.txt": b"\xff\xfeA\x00\x00\xd8",
        "pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)),
        "zip.dat": b"PK\x03\x04" + bytes(100),
        "empty.warc": b"",
        "garbage.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\n<",
        "truncated.warc": page[: len(page) // 2],
        "requests-only.warc": warc([("request", "https://x.example/", b"", None)]),
        "binary-page.warc": warc([("response", "https://x/a", bytes(range(256)), "text/html")]),
        "ragged.csv": b'event_id_cnty,event_date,event_type,notes,fatalities\nA1,x\n"unclosed',
        "nothing": b"",
    }


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Document | Refusal]]:
    folder = tmp_path_factory.mktemp("hostile")
    results = {}
    for name, raw in _corpus(folder).items():
        (folder / name).write_bytes(raw)
        results[name] = list(read_path(folder / name, LIMITS))
    return results


def test_every_hostile_input_is_accounted_for_in_one_line_refusals(
    outcomes: dict[str, list[Document | Refusal]],
) -> None:
    print(f"hostile corpus: {len(outcomes)} inputs")
    for name, items in outcomes.items():
        assert items, f"{name} vanished"
        for item in items:
            assert isinstance(item, Document | Refusal)
            if isinstance(item, Refusal):
                assert "\n" not in item.message() and name in item.message()


def _reasons(items: list[Document | Refusal]) -> list[str]:
    return [item.reason for item in items if isinstance(item, Refusal)]


def test_gzip_bombs_are_refused_at_the_bound(outcomes: dict[str, list]) -> None:
    for name in ("bomb.jsonl.gz", "bomb.warc.gz"):
        assert _reasons(outcomes[name]) == [
            "gzip that decompresses to more than 4,194,304 bytes (a gzip bomb?)"
        ]


def test_broken_gzip_is_refused_with_its_reason(outcomes: dict[str, list]) -> None:
    assert _reasons(outcomes["truncated.jsonl.gz"])[0].startswith("truncated gzip")
    assert _reasons(outcomes["corrupt.gz"])[0].startswith("corrupt gzip")
    assert _reasons(outcomes["nested.txt.gz"]) == ["gzip inside gzip is not read"]
    assert _reasons(outcomes["not-gzip.gz"])[0].startswith("corrupt gzip")


def test_xml_entities_are_never_expanded(outcomes: dict[str, list]) -> None:
    for name in ("laughs.rss", "xxe.rss", "dtd.rss"):
        for item in outcomes[name]:
            text = item.text if isinstance(item, Document) else item.reason
            assert "lol" not in text and SECRET not in text and len(text) < 1000
    (laughs,) = outcomes["laughs.rss"]
    assert isinstance(laughs, Document) and laughs.text.startswith("Militants attacked a post")
    (leak,) = outcomes["xxe.rss"]
    assert isinstance(leak, Document) and leak.text == "Militants attacked a post. End."


def test_sloppy_feeds_keep_their_entries(outcomes: dict[str, list]) -> None:
    assert [type(i) for i in outcomes["unclosed.rss"]] == [Document]
    (nbsp,) = outcomes["nbsp.rss"]
    assert isinstance(nbsp, Document) and nbsp.text == "ISWAP attacked Baga."
    assert _reasons(outcomes["empty.rss"]) == ["a feed with no entries"]
    refusal, document = outcomes["textless.rss"]
    assert isinstance(refusal, Refusal) and refusal.line == 1
    assert isinstance(document, Document) and document.id == "textless-2"
    (deep,) = outcomes["deep.rss"]  # escaped HTML 10,000 deep in a description
    assert isinstance(deep, Document) and deep.text == "JNIM attacked Gao."


def test_deep_or_unclosed_html_is_bounded(outcomes: dict[str, list]) -> None:
    (deep,) = outcomes["deep.html"]
    assert isinstance(deep, Document) and deep.text == "Militants attacked Kabul airport."
    for name in ("unclosed-tags.html", "comment.html"):
        assert _reasons(outcomes[name]) == ["no article text found in the HTML"]


def test_text_guards(outcomes: dict[str, list]) -> None:
    (latin,) = outcomes["latin1.txt"]
    assert isinstance(latin, Document) and "revendiquée à Ménaka; José Peña" in latin.text
    assert _reasons(outcomes["junk.txt"])[0].startswith("binary content")
    assert _reasons(outcomes["nul.txt"]) == ["binary content (NUL bytes)"]
    assert _reasons(outcomes["zip.dat"]) == [
        "unsupported format '.dat' (a ZIP archive (or an office document))"
    ]


def test_broken_web_archives_are_refused(outcomes: dict[str, list]) -> None:
    for name in ("empty.warc", "garbage.warc", "truncated.warc", "requests-only.warc"):
        (refusal,) = outcomes[name]
        assert isinstance(refusal, Refusal), name


def test_gzip_of_a_bounded_size_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt.gz"
    path.write_bytes(gzip.compress(b"Boko Haram attacked Damboa."))
    (document,) = read_path(path, LIMITS)
    assert isinstance(document, Document) and document.id == "ok"
