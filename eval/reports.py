"""python -m eval acled|gtd FILE.csv: dossier against the coded fields of ACLED and GTD rows.

Each row is one report: the text (ACLED `notes`, GTD `summary`) becomes a document published on
the event date, with no title, and what dossier extracts from it is compared with what the
database's coders recorded. The rules are those of ../shared/eval/reports/README.md; they are
shares of rows, each over the rows it applies to, so every figure prints with its n.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.extract import extract_many
from dossier.ingest.guard import content_hash
from dossier.model import ARMED_GROUP, Count, Document, Facts
from dossier.vocab.fold import name_key
from dossier.vocab.registry import load_registry

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# The named non-state groups the README scores ACLED's perpetrator over, as ACLED spells them
# (an acronym before a colon, a sub-unit after " - " and a country in brackets aside).
ACLED_GROUPS = re.compile(
    r"^(?:Taliban|Al Shabaab|Islamic State|JNIM|PKK|NPA|ADF|QSD|SDF|Boko Haram)\b"
    r"|Supreme Political Council"
)
_BRACKETED = re.compile(r"\(([^()]+)\)")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y", "%d/%m/%Y", "%d %b %Y")


@dataclass
class Share:
    """Rows where a rule held, over the rows it applies to."""

    hits: int = 0
    n: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.n += 1

    @property
    def value(self) -> float:
        return self.hits / self.n if self.n else 0.0


@dataclass
class Layout:
    """How one database's export is read and scored."""

    name: str
    text: str
    id: str
    published: Callable[[dict[str, str]], dt.date | None]
    score: Callable[[dict[str, str], Facts], dict[str, bool]]
    measures: tuple[str, ...]


def place_key(name: str | None) -> str:
    """Case-folded, punctuation as spaces: the README's comparison of place names."""
    return " ".join(re.sub(r"[^\w\s]", " ", (name or "").casefold()).split())


def parse_date(text: str) -> dt.date | None:
    """An ACLED `event_date`, written in whichever way its source export wrote it."""
    text = text.strip().removesuffix("T00:00:00Z")
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def acled_published(row: dict[str, str]) -> dt.date | None:
    iso = row.get("event_date_iso", "")
    return dt.date.fromisoformat(iso) if iso else parse_date(row.get("event_date", ""))


def gtd_published(row: dict[str, str]) -> dt.date | None:
    """GTD codes an unknown month or day as 0: the date falls back to the 1st."""
    try:
        year = int(row["iyear"])
    except (KeyError, ValueError):
        return None
    month, day = (int(row.get(k) or 0) for k in ("imonth", "iday"))
    return dt.date(year, month or 1, day or 1)


def _number(text: str | None) -> int | None:
    try:
        return int(float(text)) if text not in (None, "") else None
    except ValueError:
        return None


def _low(count: Count | None) -> int | None:
    return None if count is None else count.low


def states_deaths(facts: Facts) -> bool:
    return any((e.killed.low or e.killed.high or 0) > 0 for e in facts.events if e.killed)


def entry_names(name: str, with_parents: bool = False) -> set[str]:
    """Name keys of every name dossier gives the group `name` resolves to (itself if none);
    with its parents' when a row names a whole family of branches ("Islamic State (...)")."""
    registry = load_registry()
    keys = {name_key(name)}
    entry = registry.lookup(name) or registry.lookup(name, caseless=True)
    seen: set[str] = set()
    while entry is not None and entry.name not in seen:
        seen.add(entry.name)
        keys |= {name_key(n) for n in (entry.name, *entry.aliases, entry.gtd) if n}
        entry = registry.by_name.get(entry.parent) if with_parents and entry.parent else None
    return keys


def names_group(predicted: list[str], wanted: set[str], with_parents: bool = False) -> bool:
    return any(wanted & entry_names(p, with_parents) for p in predicted)


def acled_group(actor1: str) -> tuple[set[str], bool] | None:
    """The name keys an ACLED actor1 may be given, and whether it names a family of branches;
    None when it is not one of the README's named groups. "JNIM: Group for ..." gives both the
    acronym and the name; "X and/or Y" either; "Islamic State (Sahel)" also the bare family."""
    if not ACLED_GROUPS.search(actor1):
        return None
    names: set[str] = set()
    family = False
    for part in actor1.split(" and/or "):
        names.add(part)
        acronym, _, full = part.partition(": ")
        if full:
            names |= {full, *acronym.split("/")}
        names.add(part.split(" - ")[0])
        if part.startswith("Islamic State ("):
            names.add("Islamic State")
            family = True
    if "Supreme Political Council" in actor1:
        names |= {"Houthis", "Ansar Allah"}
    return {name_key(n) for n in names}, family


def score_acled(row: dict[str, str], facts: Facts) -> dict[str, bool]:
    events, scores = facts.events, {}
    fatalities = _number(row.get("fatalities"))
    if row.get("event_type") in VIOLENT:
        scores["found"] = bool(events)
        country = row.get("country", "").casefold()
        scores["country"] = any(
            e.place and (e.place.country or "").casefold() == country for e in events
        )
        places = {place_key(row.get(k)) for k in ("location", "admin1", "admin2", "admin3")}
        places.discard("")
        scores["place"] = any(e.place and place_key(e.place.name) in places for e in events)
        if fatalities:
            scores["killed"] = any(_low(e.killed) == fatalities for e in events)
        group = acled_group(row.get("actor1", ""))
        if group:
            perpetrators = [e.perpetrator for e in events if e.perpetrator]
            scores["perpetrator"] = names_group(perpetrators, *group)
    if fatalities == 0:
        scores["false deaths"] = states_deaths(facts)
    return scores


# GTD's attack types and dossier's types that say the same; Unknown, Facility/Infrastructure
# and Unarmed Assault have no counterpart, so those rows are not scored.
GTD_TYPES = {
    "Bombing/Explosion": {"bombing", "suicide_bombing", "shelling", "missile_strike"},
    "Armed Assault": {"armed_assault", "ambush"},
    "Assassination": {"assassination"},
    "Hostage Taking (Kidnapping)": {"kidnapping"},
    "Hostage Taking (Barricade Incident)": {"kidnapping"},
}


def gtd_group(gname: str) -> set[str] | None:
    """Every gname but "Unknown" counts, descriptive ones ("Muslim extremists") included, as
    the issue's measurement did; its bracketed acronym is a name as well."""
    if not gname or gname == "Unknown":
        return None
    names = {gname, _BRACKETED.sub("", gname).strip(), *_BRACKETED.findall(gname)}
    return {name_key(n) for n in names if n}


def score_gtd(row: dict[str, str], facts: Facts) -> dict[str, bool]:
    events, scores = facts.events, {}
    group = gtd_group(row.get("gname", ""))
    if group:
        named = [e.perpetrator for e in events if e.perpetrator]
        if not events:
            named = [a.name for a in facts.actors if a.kind == ARMED_GROUP]
        scores["perpetrator"] = names_group(named, group)
    killed = _number(row.get("nkill"))
    if killed:
        scores["killed"] = bool(events) and _low(events[0].killed) == killed
    elif killed == 0:
        scores["false deaths"] = states_deaths(facts)
    types = GTD_TYPES.get(row.get("attacktype1_txt", ""))
    if types:
        # The type of the report's first event, as the coders typed the attack.
        scores["type"] = bool(events) and events[0].type in types
    city = place_key(row.get("city"))
    if city and city != "unknown":
        scores["city"] = any(e.place and place_key(e.place.name) == city for e in events)
    return scores


LAYOUTS = {
    "acled": Layout(
        "ACLED",
        "notes",
        "event_id_cnty",
        acled_published,
        score_acled,
        ("found", "country", "place", "killed", "perpetrator", "false deaths"),
    ),
    "gtd": Layout(
        "GTD",
        "summary",
        "eventid",
        gtd_published,
        score_gtd,
        ("perpetrator", "killed", "false deaths", "city", "type"),
    ),
}


def documents(layout: Layout, rows: list[dict[str, str]], source: str) -> Iterator[Document]:
    for row in rows:
        text = row.get(layout.text) or ""
        yield Document(
            row[layout.id], text, content_hash(text), source, published=layout.published(row)
        )


def _found(facts: Facts) -> list[dict[str, Any]]:
    """What dossier found in one row, in the fields the scores look at."""
    return [
        {
            "type": e.type,
            "date": e.date.value if e.date else None,
            "place": e.place.name if e.place else None,
            "country": e.place.country if e.place else None,
            "perpetrator": e.perpetrator,
            "killed": e.killed.text if e.killed else None,
            "killed_low": _low(e.killed),
        }
        for e in facts.events
    ]


def evaluate(
    layout: Layout, path: Path, limit: int | None = None, predictions: Path | None = None
) -> dict[str, Share]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    shares = {m: Share() for m in layout.measures}
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        for row, facts in zip(rows, extract_many(documents(layout, rows, str(path))), strict=True):
            scores = layout.score(row, facts)
            for measure, hit in scores.items():
                shares[measure].add(hit)
            if out:
                record = {"id": row[layout.id], "gold": row, "scores": scores}
                record["events"] = _found(facts)
                record["armed_groups"] = [a.name for a in facts.actors if a.kind == ARMED_GROUP]
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out:
            out.close()
    return shares


def table(layout: Layout, path: Path, rows: int, shares: dict[str, Share]) -> str:
    lines = [f"{layout.name} {path.name}: {rows} rows", f"  {'measure':14} {'share':>6} {'n':>6}"]
    lines += [f"  {m:14} {s.value:6.3f} {s.n:>6}" for m, s in shares.items()]
    return "\n".join(lines)


def main(kind: str, argv: list[str]) -> int:
    layout = LAYOUTS[kind]
    parser = argparse.ArgumentParser(prog=f"python -m eval {kind}", description=__doc__)
    parser.add_argument("file", type=Path, help=f"an export in {layout.name}'s layout (CSV)")
    parser.add_argument("--limit", type=int, help="score only the first N rows")
    parser.add_argument(
        "--predictions", type=Path, help="write, per row, what was found beside the gold (JSONL)"
    )
    args = parser.parse_args(argv)
    shares = evaluate(layout, args.file, args.limit, args.predictions)
    with args.file.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    print(table(layout, args.file, min(rows, args.limit or rows), shares))
    return 0
