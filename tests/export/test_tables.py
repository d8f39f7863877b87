"""CSV and Parquet: one table per record, as many rows as the store holds, typed for pandas,
every row citing its evidence, and the same bytes from the same store."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dossier.export.csv_files import write_csv
from dossier.export.parquet_files import write_parquet
from dossier.export.snapshot import Snapshot
from dossier.model import Evidence
from dossier.store import Store
from tests.export.conftest import files_equal

# Table: the count of `store.stats()` it must match.
COUNTED = {
    "actors": "actors",
    "aliases": "aliases",
    "incidents": "incidents",
    "events": "events",
    "figures": "figures",
    "claimants": "claimants",
    "relations": "relations",
    "claims": "claims",
    "attributes": "attributes",
    "documents": "documents",
}


@pytest.fixture(scope="module")
def parquet(snap: Snapshot, tmp_path_factory: pytest.TempPathFactory) -> dict[str, pa.Table]:
    written = write_parquet(snap, tmp_path_factory.mktemp("parquet"))
    return {p.stem: pq.read_table(p) for p in written}


def test_parquet_has_a_table_per_record_with_the_stores_counts(
    parquet: dict[str, pa.Table], store: Store
) -> None:
    stats = store.stats()
    assert {name: parquet[name].num_rows for name in COUNTED} == {
        name: stats[counted] for name, counted in COUNTED.items()
    }
    assert stats["incidents"] and stats["relations"] and stats["figures"]


def test_parquet_columns_are_typed_and_nullable(parquet: dict[str, pa.Table]) -> None:
    incidents = parquet["incidents"].schema
    assert incidents.field("incident_id").type == pa.int64()
    assert incidents.field("killed").type == pa.int64()
    assert incidents.field("date").type == pa.date32()
    assert incidents.field("lat").type == pa.float64()
    assert incidents.field("contested").type == pa.bool_()
    assert parquet["incidents"].column("killed").null_count > 0  # not every attack kills
    days = [d for d in parquet["incidents"].column("date").to_pylist() if d is not None]
    assert days and all(isinstance(d, dt.date) for d in days)
    assert parquet["documents"].schema.field("published").type == pa.date32()


@pytest.mark.parametrize("table", ["incidents", "events", "relations", "claims", "aliases"])
def test_every_row_cites_its_evidence(
    parquet: dict[str, pa.Table], store: Store, table: str
) -> None:
    rows = parquet[table].to_pylist()
    assert rows
    for row in rows:
        cited = Evidence.parse(row["citation"])
        assert cited.document_id == row["document_id"]
        if cited.is_cell:
            assert (row["row"], row["column"], row["start"]) == (cited.row, cited.column, None)
        else:
            assert (row["start"], row["end"], row["row"]) == (cited.start, cited.end, None)
        assert store.quote(cited)  # the citation points at stored text


def test_cell_evidence_of_export_rows_is_kept(parquet: dict[str, pa.Table]) -> None:
    cells = [r for r in parquet["events"].to_pylist() if r["column"] is not None]
    assert cells and all(r["start"] is None and "#" in r["citation"] for r in cells)


def test_incidents_cite_every_report(parquet: dict[str, pa.Table], snap: Snapshot) -> None:
    rows = {r["incident_id"]: r for r in parquet["incidents"].to_pylist()}
    for incident in snap.incidents:
        assert rows[incident.id]["citations"].split("; ") == [
            e.citation for e in incident.citations
        ]
    events = parquet["events"].to_pylist()
    assert {r["incident_id"] for r in events} == set(rows)


def test_csv_matches_the_tables_and_says_their_types(
    snap: Snapshot, parquet: dict[str, pa.Table], tmp_path: Path
) -> None:
    written = write_csv(snap, tmp_path / "csv")
    schema = json.loads((tmp_path / "csv" / "schema.json").read_text("utf-8"))
    for path in written[:-1]:
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        assert len(rows) == parquet[path.stem].num_rows
        assert list(schema[path.stem]) == parquet[path.stem].column_names
    assert schema["incidents"]["killed"] == "Int64"
    assert schema["incidents"]["date"] == "date"


def test_two_exports_of_one_store_are_equal(snap: Snapshot, tmp_path: Path) -> None:
    assert files_equal(write_csv(snap, tmp_path / "a"), write_csv(snap, tmp_path / "b"))
    assert files_equal(write_parquet(snap, tmp_path / "c"), write_parquet(snap, tmp_path / "d"))
