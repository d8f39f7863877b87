"""python -m eval incidents FILE.csv: does incident resolution keep distinct attacks apart?

Every violent row of an ACLED export codes one event of its own, at its own place and day. The
rows' notes are ingested into one store as documents (published on the event date, as the
`acled` scores read them) and grouped into incidents the way `dossier ingest` groups them.
An incident that joins rows of different places or days has chained distinct attacks; rows of
one place and one day may be one attack told twice, so joining them is not counted wrong.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from dossier.extract import extract_many
from dossier.resolve.actors import canonical_names, remember
from dossier.resolve.grouping import group_incidents
from dossier.store import Store
from eval.reports import LAYOUTS, VIOLENT, documents, place_key


def measure(path: Path, limit: int | None = None) -> dict[str, float]:
    layout = LAYOUTS["acled"]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("event_type") in VIOLENT][:limit]
    where = {r[layout.id]: (place_key(r.get("location")), r.get("event_date_iso")) for r in rows}
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'incidents.sqlite'}")
        known = store.known_names()
        for facts in extract_many(documents(layout, rows, str(path))):
            canonical = canonical_names(facts, known)
            if store.add(facts, canonical):
                remember(facts, canonical, known)
                group_incidents(store, facts.document.id)
        reports = store.events_of()
        store.close()
    rows_of: dict[int, set[str]] = defaultdict(set)
    incidents_of_row: dict[str, set[int]] = defaultdict(set)
    for report in reports:
        rows_of[report.incident].add(report.document_id)
        incidents_of_row[report.document_id].add(report.incident)
    joined = [ids for ids in rows_of.values() if len(ids) > 1]
    chained = [ids for ids in joined if len({where[i] for i in ids}) > 1]
    sizes = Counter(len(ids) for ids in rows_of.values())
    return {
        "violent rows": len(rows),
        "events": len(reports),
        "incidents": len(rows_of),
        "incidents of several rows": len(joined),
        "incidents of different places or days": len(chained),
        "share chained": len(chained) / len(rows_of) if rows_of else 0.0,
        "largest incident (rows)": max(sizes, default=0),
        "rows split over incidents": sum(len(i) > 1 for i in incidents_of_row.values()),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval incidents")
    parser.add_argument("file", type=Path, help="an export in the ACLED layout")
    parser.add_argument("--limit", type=int, help="only the first N violent rows")
    args = parser.parse_args(argv)
    figures = measure(args.file, args.limit)
    print(f"Incidents of {args.file.name}:")
    for name, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else f"{value:,}"
        print(f"  {name:<40}{shown:>8}")
    return 0
