"""The tables as a folder of CSV files, with `schema.json` giving each column's pandas dtype,
so that integers with nulls stay integers and dates are parsed:
`pd.read_csv(path, dtype=..., parse_dates=[...])`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from dossier.export.snapshot import Snapshot
from dossier.export.tables import PANDAS, tables


def write_csv(snap: Snapshot, out: Path) -> list[Path]:
    """One `NAME.csv` per table in the folder `out` (made if missing), and `schema.json`;
    nulls are empty cells, booleans `true`/`false`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    schema: dict[str, dict[str, str]] = {}
    for table in tables(snap):
        path = out / f"{table.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(table.names)
            for row in table.rows:
                writer.writerow([_cell(row[name]) for name in table.names])
        schema[table.name] = {name: PANDAS[kind] for name, kind in table.columns}
        written.append(path)
    path = out / "schema.json"
    path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
    return [*written, path]


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value  # dates write as ISO through str()
