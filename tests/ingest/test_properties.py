"""Hostile input never crashes ingest: every file ends as documents or refusals, none lost."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.ingest import read_path
from dossier.model import Document, Refusal
from dossier.settings import Settings
from tests.ingest.builders import ARTICLE, atom, gz, rss, rss_item, warc

LIMITS = Settings(max_document_bytes=4096)


def _outcomes(name: str, raw: bytes) -> list[Document | Refusal]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        return list(read_path(path, LIMITS))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html", "a.jsonl"]))
def test_arbitrary_bytes_become_documents_or_refusals(raw: bytes, name: str) -> None:
    outcomes = _outcomes(name, raw)
    assert outcomes, "a file must never vanish without a document or a refusal"
    for item in outcomes:
        assert isinstance(item, Document | Refusal)
        if isinstance(item, Document):
            assert item.text.strip()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=200), st.just('{"text": "IS-K attacked."}')), max_size=12)
)
def test_every_jsonl_line_is_accounted_for(lines: list[str]) -> None:
    raw = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode()
    outcomes = _outcomes("dump.jsonl", raw)
    # Blank means ASCII whitespace only, as bytes.strip() sees it; any other line is accounted for.
    non_blank = [line for line in raw.split(b"\n") if line.strip()]
    if non_blank:
        assert len(outcomes) == len(non_blank)
    else:
        assert len(outcomes) == 1 and isinstance(outcomes[0], Refusal)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=2000))
def test_html_of_any_text_never_raises(markup: str) -> None:
    for item in _outcomes("page.html", f"<html><body>{markup}</body></html>".encode()):
        assert isinstance(item, Document | Refusal)


# Every reader, reached by name or by content, with bytes that are random, nearly valid
# (a valid file truncated or with one byte flipped) or valid with random contents.
NAMES = ["a.rss", "a.atom", "a.xml", "a.warc", "a.gz", "a.jsonl.gz", "a.csv", "a", "a.dat"]
SAMPLES = [
    rss(rss_item("JNIM attacked a convoy.", date="Sun, 21 Aug 2022 09:30:00 +0300")),
    atom("<entry><summary>IS-K bombed a mosque.</summary></entry>"),
    warc([("response", "https://n.example/a", ARTICLE.encode(), "text/html")]),
    warc([("response", "https://n.example/a", ARTICLE.encode(), "text/html")], compress=True),
    gz(b'{"text": "ISWAP raided a town."}\n'),
    b"event_id_cnty,event_date,event_type,notes,fatalities\nA1,2021-06-04,Battles,x,3\n",
]


def _accounted(outcomes: list[Document | Refusal]) -> None:
    assert outcomes, "a file must never vanish without a document or a refusal"
    for item in outcomes:
        assert isinstance(item, Document | Refusal)
        if isinstance(item, Document):
            assert item.text.strip()
        else:
            assert "\n" not in item.message()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(NAMES))
def test_any_bytes_under_any_name_are_accounted_for(raw: bytes, name: str) -> None:
    _accounted(_outcomes(name, raw))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLES),
    st.integers(min_value=0, max_value=4000),
    st.integers(min_value=0, max_value=255),
    st.booleans(),
    st.sampled_from(NAMES),
)
def test_damaged_containers_are_accounted_for(
    sample: bytes, at: int, byte: int, truncate: bool, name: str
) -> None:
    at %= max(1, len(sample))
    raw = sample[:at] if truncate else sample[:at] + bytes([byte]) + sample[at + 1 :]
    _accounted(_outcomes(name, raw))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500), st.text(max_size=100), st.sampled_from(["rss", "atom"]))
def test_feeds_of_any_text_are_accounted_for(body: str, title: str, kind: str) -> None:
    escaped = body.replace("&", "&amp;").replace("<", "&lt;")
    if kind == "rss":
        raw = rss(rss_item(escaped, title=title.replace("<", "")), rss_item(body))
    else:
        raw = atom(f"<entry><content type='html'>{escaped}</content></entry><entry>{body}</entry>")
    _accounted(_outcomes(f"feed.{kind}", raw))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=1500), st.sampled_from(["text/html", "text/html; charset=x", "a/b"]))
def test_web_archive_of_any_payload_is_accounted_for(payload: bytes, content_type: str) -> None:
    raw = warc([("response", "https://n.example/a", payload, content_type)])
    _accounted(_outcomes("crawl.warc", raw))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=1500), st.sampled_from(["x.gz", "x.txt.gz", "x.jsonl.gz", "x.html.gz"]))
def test_gzip_of_any_bytes_is_accounted_for(payload: bytes, name: str) -> None:
    _accounted(_outcomes(name, gz(payload)))
