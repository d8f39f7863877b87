"""A printed citation reads back as the evidence it was printed from."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.model import Evidence

ids = st.text(min_size=1).filter(lambda s: s == s.strip("[]"))


def test_span_and_cell_citations_parse() -> None:
    assert Evidence.parse("kabul-airport-bombing:0-229") == Evidence(
        "kabul-airport-bombing", 0, 229
    )
    assert Evidence.parse("[kabul-airport-bombing:0-229]") == Evidence(
        "kabul-airport-bombing", 0, 229
    )
    cell = Evidence.parse("gtd-2021#17.nkill")
    assert (cell.document_id, cell.row, cell.column) == ("gtd-2021", 17, "nkill")
    assert cell.citation == "gtd-2021#17.nkill"


@pytest.mark.parametrize("text", ["", "kabul", "kabul:12", "kabul:a-b", ":1-2", "doc#x.y"])
def test_what_is_not_a_citation_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a citation"):
        Evidence.parse(text)


@given(ids, st.integers(0, 10**9), st.integers(0, 10**9))
def test_a_printed_span_parses_back(document_id: str, start: int, end: int) -> None:
    evidence = Evidence(document_id, start, end)
    assert Evidence.parse(str(evidence)) == evidence
    assert Evidence.parse(evidence.citation) == evidence


@given(st.text())
def test_any_text_parses_or_is_refused(text: str) -> None:
    with contextlib.suppress(ValueError):
        Evidence.parse(text)
