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


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("7-15 policemen", 7, 15), ("at least 5-7 guards", 5, 7), ("both officers", 2, 2)],
)
def test_ranges_and_both(text: str, low: int, high: int | None) -> None:
    count = parse_count(text)
    assert count is not None and (count.low, count.high) == (low, high)


def test_a_number_inside_a_word_is_none() -> None:
    assert parse_count("a drone strike") is None
    assert parse_count("someone") is None
