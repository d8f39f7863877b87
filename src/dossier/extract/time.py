"""Dates as the text gives them, normalised against the publication date, with their precision.

"August 26" in an article of 2021-08-28 is 2021-08-26 (day); "six years ago" is 2015 (year);
"late 2019" the range 2019-09..2019-12; "since January 2017" an open range; "on Tuesday" the
last Tuesday on or before publication. Durations ("many years", "the first 3 years") are not
dates. A year that breaks the order of the dates coordinated with it ("in late 2019 and early
2000") is kept, and flagged as an anomaly rather than silently accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.extract.numbers import parse_number
from dossier.extract.state import doc_text, state
from dossier.model import DateValue

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Parts of a year as month ranges.
PARTS = {
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    (
        "day",
        re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH},?(?: {_YEAR})?", re.I),
    ),
    ("day", re.compile(rf"{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? {_YEAR})?(?!\d)", re.I)),
    ("month", re.compile(rf"{_MONTH},? {_YEAR}", re.I)),
    (
        "part",
        re.compile(
            r"(?:the )?(?P<part>early|mid|late|spring|summer|autumn|fall|winter)[- ]"
            rf"(?:of )?{_YEAR}",
            re.I,
        ),
    ),
    ("ago", re.compile(r"(?P<n>\w+) (?P<unit>years?|months?|weeks?|days?) ago", re.I)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|last night)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:on |last )?"
            r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            re.I,
        ),
    ),
    ("last", re.compile(r"\blast (?P<unit>week|month|year)\b", re.I)),
    ("year", re.compile(rf"(?<![\d-]){_YEAR}(?![\d-])")),
]
_SINCE = re.compile(r"\b(?:since|from)\s*$", re.I)
# "05/15/2013", "15.05.2013": a day written in figures with its year, which the NER does not
# read as a date. Without a year ("27/06") it could as well be a score or a ratio.
NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-])")


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _shift_year(day: dt.date, published: dt.date) -> dt.date:
    """A date without a year is the latest such date not well after publication."""
    if day > published + dt.timedelta(days=7):
        try:
            return day.replace(year=day.year - 1)
        except ValueError:
            return day - dt.timedelta(days=365)
    return day


def normalise(text: str, published: dt.date | None) -> DateValue | None:
    """The first date expression in `text`, or None when it names no point or span in time."""
    for kind, pattern in PATTERNS:
        match = pattern.search(text)
        if match:
            value = _value(kind, match, published, text)
            if value is not None:
                return value
    return None


def _value(kind: str, m: re.Match[str], published: dt.date | None, text: str) -> DateValue | None:
    year = int(m["year"]) if "year" in m.re.groupindex and m["year"] else None
    if kind == "day":
        if year is None and published is None:
            return None
        try:
            day = dt.date(year or published.year, _month(m["month"]), int(m["day"]))  # type: ignore[union-attr]
        except ValueError:
            return None
        if year is None and published is not None:
            day = _shift_year(day, published)
        return _open(DateValue(day.isoformat(), "day", text), text, m)
    if kind == "month":
        value = DateValue(f"{year:04d}-{_month(m['month']):02d}", "month", text)
        return _open(value, text, m)
    if kind == "part":
        first, last = PARTS[m["part"].lower()]
        end_year = year + 1 if last < first else year
        return DateValue(f"{year:04d}-{first:02d}", "range", text, end=f"{end_year:04d}-{last:02d}")
    if published is None:
        return _open(DateValue(str(year), "year", text), text, m) if kind == "year" else None
    if kind == "ago":
        n = parse_number(m["n"])
        if n is None:
            return None
        unit = m["unit"].lower().rstrip("s")
        if unit == "year":
            return DateValue(str(published.year - n), "year", text)
        days = {"month": 30, "week": 7, "day": 1}[unit] * n
        then = published - dt.timedelta(days=days)
        return (
            DateValue(then.strftime("%Y-%m"), "month", text)
            if unit != "day"
            else DateValue(then.isoformat(), "day", text)
        )
    if kind == "relative":
        rel = m["rel"].lower()
        delta = 1 if rel in ("yesterday", "last night") else 0
        return DateValue((published - dt.timedelta(days=delta)).isoformat(), "day", text)
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7
        if m.group().lower().startswith("last ") and back == 0:
            back = 7
        return DateValue((published - dt.timedelta(days=back)).isoformat(), "day", text)
    if kind == "last":
        unit = m["unit"].lower()
        if unit == "year":
            return DateValue(str(published.year - 1), "year", text)
        then = published - dt.timedelta(days=30 if unit == "month" else 7)
        return DateValue(then.strftime("%Y-%m"), "month", text)
    if kind == "year":
        return _open(DateValue(str(year), "year", text), text, m)
    return None


def _open(value: DateValue, text: str, m: re.Match[str]) -> DateValue:
    """ "since January 2017" is an open range starting then."""
    if _SINCE.search(text[: m.start()]):
        return DateValue(value.value, "open_range", value.text)
    return value


def numeric(match: re.Match[str], anchor: dt.date | None) -> DateValue:
    """A day in figures. Which figure is the month is the writer's convention: a figure above 12
    settles it, else the reading nearest the publication date does (GTD writes 05/06/2013 for
    6 May, a British report 6 May as well); with neither, only the year is certain."""
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    days = sorted(set(readings))
    if len(days) > 1 and anchor is not None:
        days = [min(days, key=lambda d: abs((d - anchor).days))]
    if len(days) == 1:
        return DateValue(days[0].isoformat(), "day", match.group())
    return DateValue(str(year), "year", match.group())


def year_of(value: DateValue) -> int | None:
    return int(value.value[:4]) if value.value and value.value[:4].isdigit() else None


# Years joined in one phrase ("late 2019 and early 2000") that run backwards by more than this
# are out of sequence.
SEQUENCE_GAP = 5
_JOINED = re.compile(r"^\s*(?:and|to|through|until|till|or|-|–)\s*(?:in\s+)?$", re.I)


_FUTURE = re.compile(r"\b(?:will|shall|next|is to|are to|plans? to|scheduled to)\b", re.I)


def _forward(value: DateValue, published: dt.date) -> DateValue:
    """A weekday in a sentence about the future is the next such day, not the last."""
    day = dt.date.fromisoformat(value.value)  # type: ignore[arg-type]
    while day <= published:
        day += dt.timedelta(days=7)
    return DateValue(day.isoformat(), value.precision, value.text, value.end)


def full_day(value: DateValue) -> dt.date | None:
    """The day a date names when the text gave it whole, year included ("9 May 2020")."""
    if value.precision != "day" or not value.value or not re.search(r"\d{4}", value.text):
        return None
    return dt.date.fromisoformat(value.value)


def _start(told: Span | re.Match[str]) -> int:
    return told.start() if isinstance(told, re.Match) else told.start_char


def _said(doc: Doc, ent: Span, anchor: dt.date | None) -> tuple[int, DateValue | None]:
    """Where the date an entity of the NER says starts, with the "since" or "late" the NER left
    out of it, and the date."""
    start = ent.start_char
    # spaCy leaves "since" and part-of-year words out of the entity at times.
    before = doc_text(doc)[max(0, start - 12) : start]
    lead = re.search(r"(?:since|from|early|late|mid)[ -]?$", before, re.I)
    if lead:
        start -= len(before) - lead.start()
    text = doc_text(doc)[start : ent.end_char]
    value = normalise(text, anchor)
    weekday = re.search(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday", text)
    future = _FUTURE.search(doc_text(doc)[ent.sent.start_char : start])
    if value is not None and value.precision == "day" and anchor and weekday and future:
        value = _forward(value, anchor)
    return start, value


class Dates:
    """A document without a publication date still anchors its relative dates ("yesterday",
    "on Tuesday", "two days ago", "12 May") on the latest full date it gave before them, so a
    report that opens "On 9 May 2020, ..." reads its "the next day" in 2020, not nowhere."""

    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        published = anchor = found.published
        expressions = []
        # spaCy files "Tuesday night" and "last night" under TIME.
        ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        figured = [
            m
            for m in NUMERIC.finditer(doc_text(doc))
            if not any(e.start_char < m.end() and m.start() < e.end_char for e in ents)
        ]
        told: list[Span | re.Match[str]] = [*ents, *figured]
        for ent in sorted(told, key=_start):
            if isinstance(ent, re.Match):
                start, end, value = ent.start(), ent.end(), numeric(ent, anchor)
            else:
                (start, value), end = _said(doc, ent, anchor), ent.end_char
            if value is not None:
                day = full_day(value) if published is None else None
                if day is not None and (anchor is None or day > anchor):
                    anchor = day
                found.dates.append((start, end, value))
                expressions.append((start, end, value))
        for (_, e1, v1), (s2, e2, v2) in pairwise(expressions):
            y1, y2 = year_of(v1), year_of(v2)
            if y1 and y2 and _JOINED.match(doc_text(doc)[e1:s2]) and y1 - y2 > SEQUENCE_GAP:
                why = f"{y2} breaks the sequence of the dates it is joined with ({y1} before it)"
                found.anomalies.append((s2, e2, why))
        return doc


@Language.factory("dossier_dates")
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates()
