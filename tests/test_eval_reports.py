"""`python -m eval acled|gtd` scores a database export row by row by the README's rules; the
fixtures are rows written here in our own words, and a slice of the real dev files read from
../shared at run time."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from eval.reports import LAYOUTS, acled_group, evaluate, gtd_group, gtd_published, parse_date
from tests.conftest import ROOT, SHARED

REPORTS = SHARED / "eval" / "reports"

ACLED = [
    {
        "event_id_cnty": "T1",
        "event_date": "04 June 2021",
        "event_type": "Battles",
        "actor1": "Taliban",
        "country": "Afghanistan",
        "admin1": "Kabul",
        "location": "Kabul",
        "notes": "On 4 June 2021, Taliban fighters attacked a police checkpoint in Kabul, "
        "Afghanistan, killing 3 policemen.",
        "fatalities": "3",
    },
    {
        "event_id_cnty": "T2",
        "event_date": "05-Jun-2021",
        "event_type": "Protests",
        "actor1": "Protesters (Afghanistan)",
        "country": "Afghanistan",
        "location": "Herat",
        "notes": "On 5 June 2021, traders marched peacefully in Herat to protest new taxes.",
        "fatalities": "0",
    },
    {
        "event_id_cnty": "T3",
        "event_date": "06 June 2021",
        "event_date_iso": "2021-06-06",
        "event_type": "Violence against civilians",
        "actor1": "Unidentified Armed Group (Kenya)",
        "country": "Kenya",
        "location": "Mandera",
        "notes": "On 6 June 2021, unknown gunmen abducted a teacher near Mandera town, Kenya.",
        "fatalities": "0",
    },
]
GTD = [
    {
        "eventid": "G1",
        "iyear": "2013",
        "imonth": "6",
        "iday": "1",
        "city": "Mogadishu",
        "gname": "Al-Shabaab",
        "nkill": "2",
        "attacktype1_txt": "Bombing/Explosion",
        "summary": "06/01/2013: Al-Shabaab militants detonated a car bomb at a market in "
        "Mogadishu, Somalia, killing two people. Al-Shabaab claimed responsibility.",
    },
    {
        "eventid": "G2",
        "iyear": "2013",
        "imonth": "6",
        "iday": "0",
        "city": "Unknown",
        "gname": "Unknown",
        "nkill": "0",
        "attacktype1_txt": "Armed Assault",
        "summary": "06/2013: An explosive device went off near a bridge in Peshawar, Pakistan. "
        "No one was hurt in the blast.",
    },
]


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _figures(shares: dict) -> dict[str, tuple[int, int]]:
    return {m: (s.hits, s.n) for m, s in shares.items()}


def test_acled_rows_scored_by_the_readme_rules(tmp_path: Path) -> None:
    shares = evaluate(LAYOUTS["acled"], _write(tmp_path / "a.csv", ACLED))
    assert _figures(shares) == {
        "found": (2, 2),  # the protest is no violent row
        "country": (2, 2),
        "place": (2, 2),  # "near Mandera town" is placed at Mandera (branch places)
        "killed": (1, 1),
        "perpetrator": (1, 1),  # an unidentified group is not a named one
        "false deaths": (0, 2),
    }


def test_gtd_rows_scored_by_the_readme_rules(tmp_path: Path) -> None:
    shares = evaluate(LAYOUTS["gtd"], _write(tmp_path / "g.csv", GTD))
    assert _figures(shares) == {
        "perpetrator": (1, 1),  # "Unknown" names no group
        "killed": (1, 1),
        "false deaths": (0, 1),
        "city": (1, 1),  # an unknown city is not scored
        "type": (1, 2),  # the explosion the coders typed an armed assault is no match
    }


def test_row_dates_and_group_names() -> None:
    assert parse_date("06-May-2021") == dt.date(2021, 5, 6)
    assert parse_date("23-October-2022") == dt.date(2022, 10, 23)
    assert parse_date("2021-11-25T00:00:00Z") == dt.date(2021, 11, 25)
    assert gtd_published({"iyear": "2013", "imonth": "6", "iday": "0"}) == dt.date(2013, 6, 1)
    assert acled_group("Unidentified Armed Group (Benin)") is None
    names, family = acled_group("JNIM: Group for Support of Islam and Muslims")
    assert {"jnim", "group for support of islam and muslims"} <= names and not family
    assert acled_group("Islamic State (Sahel)")[1]
    assert gtd_group("Unknown") is None
    assert gtd_group("Houthi extremists (Ansar Allah)") is not None
    assert "ttp" in gtd_group("Tehrik-i-Taliban Pakistan (TTP)")


@pytest.mark.parametrize(("kind", "name"), [("acled", "acled-dev.csv"), ("gtd", "gtd-dev.csv")])
def test_command_on_the_real_dev_files(kind: str, name: str, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    command = [sys.executable, "-m", "eval", kind, str(REPORTS / name), "--limit", "30"]
    result = subprocess.run(
        [*command, "--predictions", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": 30 rows")
    figures = {line.split()[0]: float(line.split()[-2]) for line in lines[2:]}
    assert set(figures) == {m.split()[0] for m in LAYOUTS[kind].measures}
    assert all(0.0 <= f <= 1.0 for f in figures.values())
    assert len(out.read_text().splitlines()) == 30
