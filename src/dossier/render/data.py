"""The records as plain data (JSON, CSV): the same records the text shows, every field named.

Evidence becomes its document id, span (or row and column) and printed citation, so that a
reader of the JSON can open the document at the span without knowing dossier's citation format.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable
from typing import Any

from dossier.model import Evidence, Incident, Profile


def evidence(cited: Evidence) -> dict[str, Any]:
    found: dict[str, Any] = {"document": cited.document_id, "citation": cited.citation}
    if cited.row is not None:
        found |= {"row": cited.row, "column": cited.column}
    else:
        found |= {"start": cited.start, "end": cited.end}
    if cited.source:
        found["source"] = cited.source
    return found


def plain(record: Any) -> Any:
    """A record (dataclasses, tuples, evidence) as JSON-ready data."""
    if isinstance(record, Evidence):
        return evidence(record)
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [plain(item) for item in record]
    if isinstance(record, dict):
        return {str(k): plain(v) for k, v in record.items()}
    return record


def incident(found: Incident) -> dict[str, Any]:
    """One incident: its facts, who is said to have done it, its figures with their sources, and
    its reports, each with the `document` it comes from."""
    data = plain(found)
    data["contested"] = found.contested
    data["groups"] = list(found.groups)
    for report, shown in zip(found.reports, data["reports"], strict=True):
        shown["document"] = report.document_id
    return data


def incidents_json(found: Iterable[Incident]) -> str:
    return json.dumps([incident(i) for i in found], ensure_ascii=False, indent=2)


CSV_COLUMNS = (
    "incident",
    "date",
    "place",
    "country",
    "lat",
    "lon",
    "type",
    "perpetrator",
    "claimants",
    "contested",
    "killed",
    "wounded",
    "figures",
    "reports",
)


def incidents_csv(found: Iterable[Incident]) -> str:
    """One row per incident; several values in a cell are joined by "; "."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for i in found:

        def figures(kind: str, i: Incident = i) -> str:
            return "; ".join(f.count.text for f in i.figures if f.kind == kind)

        writer.writerow(
            [
                i.id,
                i.date or "",
                i.place or "",
                i.country or "",
                "" if i.lat is None else i.lat,
                "" if i.lon is None else i.lon,
                i.type,
                i.perpetrator or "",
                "; ".join(
                    f"{a.group} ({a.stance}{f' by {a.by}' if a.by else ''})" for a in i.claimants
                ),
                i.contested,
                figures("killed"),
                figures("wounded"),
                "; ".join(
                    f"{f.count.text} {f.kind}" + (f" ({f.source})" if f.source else "")
                    for f in i.figures
                ),
                "; ".join(str(c) for c in i.citations),
            ]
        )
    return out.getvalue()


def profile_json(found: Profile) -> str:
    return json.dumps(plain(found), ensure_ascii=False, indent=2)
