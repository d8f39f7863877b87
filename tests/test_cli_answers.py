"""The answers as a user asks for them: incidents listed and filtered, the profile in three
forms, a group found by any registry name, the lines' citations cut for reading."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.model import Evidence
from tests.conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('answers') / 'd.sqlite'}"
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def _json(db: str, *args: str) -> list[dict]:
    result = runner.invoke(app, ["incidents", "--format", "json", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_incidents_json_lists_each_attack_once_with_its_reports(db: str) -> None:
    found = _json(db)
    kabul = [i for i in found if i["date"] == "2021-08-26" and i["place"] == "Kabul"]
    assert len(kabul) == 1
    documents = {r["document"] for r in kabul[0]["reports"]}
    assert {"kabul-airport-bombing", "kabul-airport-toll-rises"} <= documents
    for report in kabul[0]["reports"]:
        cited = report["evidence"]
        assert cited["document"] == report["document"] and cited["end"] > cited["start"]
    assert kabul[0]["lat"] is not None and kabul[0]["killed"]["count"] > 0
    assert [i["date"] for i in found if i["date"]] == sorted(i["date"] for i in found if i["date"])


def test_incidents_filter_by_group_alias_country_and_date(db: str) -> None:
    isk = _json(db, "--group", "ISIS-K")
    assert isk and all("Islamic State Khorasan Province" in i["groups"] for i in isk)
    assert all(i["country"] == "Afghanistan" for i in _json(db, "--country", "afghanistan"))
    assert all(i["date"] >= "2021-08" for i in _json(db, "--since", "2021-08"))
    bad = runner.invoke(app, ["incidents", "--since", "last year", "--db", db])
    assert bad.exit_code == 1 and "is not a date" in bad.output


def test_incidents_csv_and_table(db: str) -> None:
    result = runner.invoke(app, ["incidents", "--format", "csv", "--db", db])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {"incident", "date", "lat", "lon", "claimants", "reports"} <= set(rows[0])
    for row in rows:
        for citation in row["reports"].split("; "):
            Evidence.parse(citation)
    table = runner.invoke(app, ["incidents", "--group", "al-Shabaab", "--db", db])
    assert table.exit_code == 0 and "Mogadishu" in table.output


def test_a_registry_name_the_articles_never_use_finds_the_group(db: str) -> None:
    # "Wilayat Khorasan" is a registry alias of IS-K that no sample article uses.
    result = runner.invoke(app, ["profile", "Wilayat Khorasan", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Islamic State Khorasan Province" in result.output
    unknown = runner.invoke(app, ["profile", "Nobody Brigade", "--db", db])
    assert unknown.exit_code == 1 and "dossier actors" in unknown.output


def test_profile_as_json_and_markdown(db: str) -> None:
    result = runner.invoke(app, ["profile", "IS-K", "--format", "json", "--db", db])
    profile = json.loads(result.output)
    assert profile["name"] == "Islamic State Khorasan Province"
    lines = [line for s in profile["sections"] for line in s["lines"]]
    assert lines and all(line["citations"] for line in lines)
    markdown = runner.invoke(app, ["profile", "IS-K", "--format", "markdown", "--db", db])
    assert markdown.output.startswith("# Islamic State Khorasan Province\n")
    assert "## Sources" in markdown.output


def test_long_citation_lists_are_cut_for_reading(db: str, tmp_path: Path) -> None:
    from dossier.model import Line
    from dossier.render.text import line

    many = Line("Trend: rising.", tuple(Evidence(f"d{i}", 0, 5) for i in range(40)), False)
    assert line(many) == "Trend: rising. [d0:0-5] [d1:0-5] [d2:0-5] [d3:0-5] and 36 more"
