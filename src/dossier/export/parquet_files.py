"""The tables as a folder of Parquet files (pyarrow): typed columns, nulls kept, dates as
dates, read by pandas, DuckDB or Spark as they are."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dossier.export.snapshot import Snapshot
from dossier.export.tables import BOOL, DATE, FLOAT, INT, TEXT, tables

ARROW = {
    INT: pa.int64(),
    FLOAT: pa.float64(),
    TEXT: pa.string(),
    BOOL: pa.bool_(),
    DATE: pa.date32(),
}


def write_parquet(snap: Snapshot, out: Path) -> list[Path]:
    """One `NAME.parquet` per table in the folder `out` (made if missing)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables(snap):
        schema = pa.schema([(name, ARROW[kind]) for name, kind in table.columns])
        columns = {name: [row[name] for row in table.rows] for name in table.names}
        path = out / f"{table.name}.parquet"
        # No writer timestamp or library version in the file beyond pyarrow's own: two exports
        # of one store are equal.
        pq.write_table(pa.Table.from_pydict(columns, schema=schema), path)
        written.append(path)
    return written
