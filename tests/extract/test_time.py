"""Dates normalised against the publication date, with precision; anomalies flagged."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract import extract
from dossier.extract.time import normalise
from dossier.model import Document

PUBLISHED = dt.date(2021, 8, 28)  # a Saturday


@pytest.mark.parametrize(
    ("text", "value", "precision", "end"),
    [
        ("August 26", "2021-08-26", "day", None),
        ("26 August 2021", "2021-08-26", "day", None),
        ("six years ago", "2015", "year", None),
        ("late 2019", "2019-09", "range", "2019-12"),
        ("the summer of 2014", "2014-06", "range", "2014-08"),
        ("since January 2017", "2017-01", "open_range", None),
        ("January 2015", "2015-01", "month", None),
        ("Tuesday", "2021-08-24", "day", None),
        ("yesterday", "2021-08-27", "day", None),
        ("last month", "2021-07", "month", None),
        ("2018", "2018", "year", None),
    ],
)
def test_normalise(text: str, value: str, precision: str, end: str | None) -> None:
    date = normalise(text, PUBLISHED)
    assert date is not None
    assert (date.value, date.precision, date.end) == (value, precision, end)
    assert date.text == text


def test_a_day_without_year_is_not_after_publication() -> None:
    date = normalise("December 30", dt.date(2022, 1, 3))
    assert date is not None and date.value == "2021-12-30"


@pytest.mark.parametrize("text", ["many years", "the first 3 years", "recent years"])
def test_durations_are_not_dates(text: str) -> None:
    assert normalise(text, PUBLISHED) is None


def test_out_of_sequence_year_is_an_anomaly(seed_document: Document) -> None:
    facts = extract(seed_document)
    assert [a.text for a in facts.anomalies] == ["early 2000"]
    ev = facts.anomalies[0].evidence
    assert seed_document.text[ev.start : ev.end] == "early 2000"


def test_a_future_weekday_is_resolved_forwards() -> None:
    text = "Officials will visit the town on Tuesday to look into the attack on the convoy."
    document = Document("t", text, "h", "t.txt", published=PUBLISHED)
    from dossier.extract.pipeline import load_pipeline
    from dossier.extract.state import state

    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    state(doc).published = document.published
    doc = nlp(doc)
    assert [d.value for _, _, d in state(doc).dates] == ["2021-08-31"]


def test_without_a_publication_date_the_text_anchors_its_relative_dates() -> None:
    text = (
        "On 9 May 2020, gunmen attacked a village near Maiduguri, Nigeria, killing 12 people.\n\n"
        "The next morning they returned. Yesterday, militants stormed a police post in Kano."
    )
    facts = extract(Document("t", text, "h", "t.txt"))
    assert [e.date.value for e in facts.events if e.date] == ["2020-05-09", "2020-05-08"]


def test_a_publication_date_outranks_the_dates_of_the_text() -> None:
    text = "On 9 May 2020, gunmen attacked a village. Yesterday, militants stormed a police post."
    facts = extract(Document("t", text, "h", "t.txt", published=dt.date(2021, 3, 2)))
    assert "2021-03-01" in [e.date.value for e in facts.events if e.date]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # A figure above 12 settles which is the month.
        ("08/21/2019: Gunmen stormed a police post in Kano city, Nigeria.", None, "2019-08-21"),
        ("21/08/2019: Gunmen stormed a police post in Kano city, Nigeria.", None, "2019-08-21"),
        # Else the reading nearest the publication date.
        ("04/03/2019: Gunmen stormed a police post in Kano city.", "2019-04-03", "2019-04-03"),
        ("04/03/2019: Gunmen stormed a police post in Kano city.", "2019-03-04", "2019-03-04"),
        # Else only the year is certain.
        ("04/03/2019: Gunmen stormed a police post in Kano city.", None, "2019"),
    ],
)
def test_a_day_in_figures_is_a_date(text: str, published: str | None, value: str) -> None:
    day = dt.date.fromisoformat(published) if published else None
    (event,) = extract(Document("t", text, "h", "t.txt", published=day)).events
    assert event.date is not None and event.date.value == value
