"""Hostile input never crashes ingest: every file ends as documents or refusals, none lost."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.ingest import read_path
from dossier.model import Document, Refusal
from dossier.settings import Settings

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
