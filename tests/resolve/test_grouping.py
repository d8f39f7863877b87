"""The dates the incident search looks at around a report's date."""

from __future__ import annotations

from dossier.resolve.grouping import date_window


def test_a_day_looks_two_days_either_side_and_at_its_month_and_year() -> None:
    assert date_window("2021-08-26", 2) == (("2021-08-24", "2021-08-28"), ["2021", "2021-08"])


def test_a_month_looks_at_its_days_and_its_year() -> None:
    assert date_window("2021-08", 2) == (("2021-08", "2021-08-99"), ["2021", "2021-08"])


def test_a_year_looks_at_its_months_and_days() -> None:
    assert date_window("2021", 2) == (("2021", "2021-99"), ["2021"])
