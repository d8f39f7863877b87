"""Counts keep their uncertainty as news states it."""

from __future__ import annotations

import pytest

from dossier.extract.numbers import parse_count, parse_number


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 170 people", 171, None),
        ("at least five soldiers", 5, None),
        ("between 10 and 12", 10, 12),
        ("eight police officials", 8, 8),
        ("1,400 fighters", 1400, 1400),
        ("twenty-one", 21, 21),
        ("dozens of girls", 24, None),
    ],
)
def test_parse_count(text: str, low: int, high: int | None) -> None:
    count = parse_count(text)
    assert count is not None and (count.low, count.high) == (low, high)


def test_parse_number_words() -> None:
    assert parse_number("three hundred") == 300
    assert parse_number("two thousand five hundred") == 2500
    assert parse_number("villages") is None
