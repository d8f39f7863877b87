"""Event exports (ACLED, GTD) as documents: one document per row, its text the row's free text
(`notes`, `summary`) and its facts the event the row's coders recorded.

An export is recognised by its header, not its file name. Each row becomes a document whose id
names the export's own event id (`acled:YEM52337`, `gtd:201305050001`), published on the event
date, with the row's cells kept as its record; the coded event (type mapped from the export's
own types, date, place with coordinates, country, perpetrator resolved to the registry, killed
and wounded) cites the cells that state each fact. A row that cannot be read is refused with its
row number and the reading goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from dossier.ingest.document import build_document
from dossier.ingest.guard import read_file
from dossier.model import (
    ARMED_GROUP,
    Actor,
    Coded,
    Count,
    DateValue,
    Document,
    Event,
    Evidence,
    Figure,
    Mention,
    Place,
    Refusal,
)
from dossier.settings import Settings
from dossier.vocab.exports import Layout, event_type, layout_of, named_actor

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y", "%d/%m/%Y", "%d %b %Y")
FIELD_LIMIT = 1 << 20  # one cell's characters at most


def export_layout(head: str) -> Layout | None:
    """The export layout a text's first line (its CSV header) names, if any."""
    first = head.split("\n", 1)[0]
    try:
        columns = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return None
    return layout_of(columns)


def acled_date(text: str) -> dt.date | None:
    """An ACLED `event_date`, written in whichever way its export wrote it."""
    text = text.strip().removesuffix("T00:00:00Z")
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _number(text: str | None) -> int | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return int(value) if value >= 0 and value == int(value) else None


def _coordinate(text: str | None, bound: float) -> float | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if -bound <= value <= bound else None


def read_export(path: Path, settings: Settings) -> Iterator[Document | Refusal]:
    """Every row of an ACLED or GTD export: a document, or a refusal naming its row."""
    read = read_file(path, settings, limit=settings.max_container_bytes)
    if isinstance(read, Refusal):
        yield read
        return
    _raw, text = read
    layout = export_layout(text)
    if layout is None:
        yield Refusal(str(path), "not an ACLED or GTD export (no such header)")
        return
    csv.field_size_limit(FIELD_LIMIT)
    rows = csv.DictReader(io.StringIO(text, newline=""))
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            yield Refusal(str(path), f"malformed CSV ({exc})", row=number)
            continue
        number += 1
        yield export_row(layout, row, str(path), number, settings)
    if number == 0:
        yield Refusal(str(path), "an export header and no rows")


def export_row(
    layout: Layout, row: dict[str, str | None], path: str, number: int, settings: Settings
) -> Document | Refusal:
    """One row as a document with its coded event, or a refusal naming the row."""
    if None in row:
        return Refusal(path, "more cells than the header has columns", row=number)
    if any(value is None for value in row.values()):
        return Refusal(path, "fewer cells than the header has columns", row=number)
    cells = {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items() if k}
    event_id = cells.get(layout.id, "")
    if not event_id:
        return Refusal(path, f"no {layout.id!r}", row=number)
    doc_id = f"{layout.name}:{event_id}"
    reader = _acled if layout.name == "acled" else _gtd
    date, coded = reader(layout, cells, doc_id, number)
    body = cells.get(layout.text, "")
    record = tuple(cells.items())
    document = build_document(
        path=path,
        doc_id=doc_id,
        body=body or f"{layout.name.upper()} event {event_id}",
        raw=body.encode("utf-8"),
        settings=settings,
        format=layout.name,
        published=date.isoformat() if isinstance(date, dt.date) else None,
        source=cells.get("source") or layout.name.upper(),
        row=number,
    )
    if isinstance(document, Refusal):
        return document
    return replace(document, record=record, row=number, coded=coded)


def _cell(doc_id: str, row: int, column: str) -> Evidence:
    return Evidence(doc_id, 0, 0, row=row, column=column)


def _perpetrator(
    cells: dict[str, str], column: str, doc_id: str, row: int
) -> tuple[str | None, tuple[Actor, ...]]:
    named = named_actor(cells.get(column, ""))
    if named is None or named.kind != ARMED_GROUP:
        return None, ()
    said = cells[column]
    mention = Mention(said, _cell(doc_id, row, column), "export")
    actor = Actor(named.name, named.kind, (said,), (mention,), named.registered, named.parent)
    return named.name, (actor,)


def _figures(
    cells: dict[str, str], doc_id: str, row: int, columns: dict[str, str], source: str
) -> tuple[Figure, ...]:
    figures = []
    for kind, column in columns.items():
        n = _number(cells.get(column))
        if n is not None:
            cited = _cell(doc_id, row, column)
            figures.append(Figure(kind, Count(n, n, cells[column]), source, cited))
    return tuple(figures)


def _acled(
    layout: Layout, cells: dict[str, str], doc_id: str, row: int
) -> tuple[dt.date | None, Coded | None]:
    date = (
        acled_date(cells["event_date_iso"])
        if cells.get("event_date_iso")
        else acled_date(cells.get("event_date", ""))
    )
    kind, sub = cells.get("event_type", ""), cells.get("sub_event_type", "")
    type_ = event_type(layout, kind, sub)
    if type_ is None:
        return date, None
    perpetrator, actors = _perpetrator(cells, "actor1", doc_id, row)
    figures = _figures(cells, doc_id, row, {"killed": "fatalities"}, "ACLED")
    place = _place(cells, ("location", "admin3", "admin2", "admin1"), "country")
    event = Event(
        type=type_,
        evidence=_cell(doc_id, row, "sub_event_type" if sub else "event_type"),
        date=DateValue(date.isoformat(), "day", cells.get("event_date", "")) if date else None,
        place=place,
        perpetrator=perpetrator,
        perpetrator_text=cells.get("actor1") or None,
        attribution="confirmed" if perpetrator else "unknown",
        attributed_by="ACLED" if perpetrator else None,
        suicide=sub in layout.suicide,
        killed=figures[0].count if figures else None,
        reports=figures,
        targets=tuple(t for t in (cells.get("actor2"),) if t),
    )
    return date, Coded((event,), actors)


def _place(cells: dict[str, str], names: tuple[str, ...], country: str) -> Place | None:
    lat = _coordinate(cells.get("latitude"), 90)
    lon = _coordinate(cells.get("longitude"), 180)
    for column in names:
        name = cells.get(column, "")
        if name and name.casefold() != "unknown":
            kind = "city" if column in ("location", "city") else "region"
            return Place(name, cells.get(country) or None, name, lat, lon, kind)
    if cells.get(country):
        return Place(cells[country], cells[country], cells[country], None, None, "country")
    return None


def _gtd(
    layout: Layout, cells: dict[str, str], doc_id: str, row: int
) -> tuple[dt.date | None, Coded | None]:
    year, month, day = (_number(cells.get(c)) for c in ("iyear", "imonth", "iday"))
    date: dt.date | None = None
    value: DateValue | None = None
    if year:
        try:
            if month and day:
                date = dt.date(year, month, day)
                value = DateValue(date.isoformat(), "day", date.isoformat())
            elif month:
                value = DateValue(f"{year:04d}-{month:02d}", "month", f"{year:04d}-{month:02d}")
            else:
                value = DateValue(f"{year:04d}", "year", f"{year:04d}")
        except ValueError:
            value = None
    type_ = event_type(layout, cells.get("attacktype1_txt", ""))
    if type_ is None:
        return date, None
    perpetrator, actors = _perpetrator(cells, "gname", doc_id, row)
    figures = _figures(cells, doc_id, row, {"killed": "nkill", "wounded": "nwound"}, "GTD")
    counts = {f.kind: f.count for f in figures}
    event = Event(
        type=type_,
        evidence=_cell(doc_id, row, "attacktype1_txt"),
        date=value,
        place=_place(cells, ("city", "provstate"), "country_txt"),
        perpetrator=perpetrator,
        perpetrator_text=cells.get("gname") or None,
        attribution="confirmed" if perpetrator else "unknown",
        attributed_by="GTD" if perpetrator else None,
        suicide=cells.get("suicide") == "1",
        killed=counts.get("killed"),
        wounded=counts.get("wounded"),
        reports=figures,
        targets=tuple(t for t in (cells.get("targtype1_txt"),) if t),
        weapon=tuple(w for w in (cells.get("weaptype1_txt"),) if w),
    )
    return date, Coded((event,), actors)
