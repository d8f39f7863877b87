"""Event exports as users hold them: every row a document or a refusal, the coded event cited
by its cells, the row's text extracted beside it, and the rows joining the incidents articles
tell. The small exports here are written by the tests in our own words; the real ACLED rows
come from ../shared at run time."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.ingest import read_path
from dossier.model import Document, Evidence, Refusal
from dossier.settings import Settings
from tests.conftest import SHARED

runner = CliRunner()
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
]


def _acled(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        writer.writerows(rows)
    return path


ROWS = [
    [
        "SOM9001",
        "14 March 2023",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Al Shabaab",
        "Military Forces of Somalia (2022-)",
        "Somalia",
        "Lower Shabelle",
        "Afgooye",
        "Afgooye",
        "2.1413",
        "45.1206",
        "Garowe Online",
        "On 14 March 2023, Al Shabaab militants detonated a roadside bomb against an army "
        "convoy near Afgooye town (Lower Shabelle). 4 soldiers were killed.",
        "4",
    ],
    [
        "SOM9002",
        "15 March 2023",
        "Protests",
        "Peaceful protest",
        "Protesters (Somalia)",
        "",
        "Somalia",
        "Banadir",
        "Mogadishu",
        "Mogadishu",
        "2.0371",
        "45.3438",
        "Hiiraan Online",
        "On 15 March 2023, traders demonstrated in Mogadishu against new taxes.",
        "0",
    ],
    ["SOM9003", "16 March 2023", "Battles", "Armed clash", "Al Shabaab", "", "Somalia"],
]


def test_each_row_is_a_document_with_its_coded_event(tmp_path: Path) -> None:
    export = _acled(tmp_path / "somalia-march.csv", ROWS)
    found = list(read_path(export, Settings()))
    assert [type(f) for f in found] == [Document, Document, Refusal]
    bomb, protest, short = found
    assert bomb.id == "acled:SOM9001" and str(bomb.published) == "2023-03-14"
    assert bomb.coded is not None
    (event,) = bomb.coded.events
    assert (event.type, event.perpetrator, event.place.name, event.place.country) == (
        "bombing",
        "al-Shabaab",
        "Afgooye",
        "Somalia",
    )
    assert event.killed.low == 4 and event.place.lat == pytest.approx(2.1413)
    (figure,) = event.reports
    assert figure.evidence == Evidence("acled:SOM9001", 0, 0, row=1, column="fatalities")
    assert bomb.cell("fatalities") == "4"
    assert protest.coded is None  # a protest is read, with no attack coded
    assert isinstance(short, Refusal) and short.row == 3
    assert short.message() == f"refused {export} row 3: " + short.reason


def test_rows_are_stored_cited_by_cells_and_quoted(tmp_path: Path) -> None:
    export = _acled(tmp_path / "somalia-march.csv", ROWS)
    db = f"sqlite:///{tmp_path / 'd.sqlite'}"
    result = runner.invoke(app, ["ingest", str(export), "--db", db])
    assert result.exit_code == 0, result.output
    assert "row 3" in result.output
    incidents = runner.invoke(app, ["incidents", "--format", "json", "--db", db])
    (attack,) = [i for i in json.loads(incidents.output) if i["place"] == "Afgooye"]
    cited = {r["evidence"]["citation"] for r in attack["reports"]}
    assert "acled:SOM9001#1.sub_event_type" in cited
    assert attack["killed"]["count"] == 4
    quoted = runner.invoke(app, ["quote", "acled:SOM9001#1.fatalities", "--db", db])
    assert quoted.exit_code == 0 and quoted.output.strip() == "4"
    refusals = runner.invoke(app, ["refusals", "--db", db])
    assert "row 3" in refusals.output


def test_extract_prints_cell_evidence(tmp_path: Path) -> None:
    export = _acled(tmp_path / "somalia-march.csv", ROWS[:1])
    result = runner.invoke(app, ["extract", str(export), "--format", "jsonl"])
    (line,) = [json.loads(x) for x in result.output.splitlines()]
    coded = line["events"][0]
    assert coded["evidence"] == {"file": str(export), "row": 1, "column": "sub_event_type"}


def test_a_real_acled_export_is_read_whole() -> None:
    """Every row of a real export becomes a document or a refusal, and the coded events carry
    the row's own country and fatalities."""
    export = SHARED / "eval" / "reports" / "acled-dev.csv"
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = list(read_path(export, Settings()))
    assert len(found) == len(rows)
    coded = [d for d in found if isinstance(d, Document) and d.coded and d.coded.events]
    violent = [
        r
        for r in rows
        if r["event_type"]
        in {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    ]
    assert len(coded) == len(violent)
    by_id = {r["event_id_cnty"]: r for r in rows}
    right = 0
    for document in coded:
        row = by_id[document.id.removeprefix("acled:")]
        (event,) = document.coded.events
        right += (
            event.place is not None
            and event.place.country == row["country"]
            and event.killed is not None
            and event.killed.low == int(row["fatalities"])
        )
    assert right / len(coded) >= 0.98
