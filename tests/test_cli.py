"""The CLI as a user runs it: ingest, actors, profile, quote, extract, refusals."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from dossier.cli import app
from tests.conftest import CORPUS, SEED

runner = CliRunner()


def test_ingest_actors_profile_quote(sqlite_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"text": \n')
    result = runner.invoke(app, ["ingest", str(CORPUS), str(SEED), str(bad), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "ingested 22 documents" in result.output
    assert f"refused {bad}:1: malformed JSON" in result.output
    again = runner.invoke(app, ["ingest", str(CORPUS), "--db", sqlite_url])
    assert "ingested 0 documents, skipped 21 duplicates" in again.output

    actors = runner.invoke(app, ["actors", "--db", sqlite_url])
    assert "Islamic State Khorasan" in actors.output

    profile = runner.invoke(app, ["profile", "ISKP", "--quotes", "--db", sqlite_url])
    assert profile.exit_code == 0, profile.output
    assert "How it formed" in profile.output and "Sources" in profile.output
    citation = re.search(r"\[([\w.~-]+:\d+-\d+)\]", profile.output)
    assert citation
    quoted = runner.invoke(app, ["quote", citation.group(1), "--db", sqlite_url])
    assert quoted.exit_code == 0 and quoted.output.strip()
    # The citation as printed, brackets and all, and the quote --quotes shows under the line.
    bracketed = runner.invoke(app, ["quote", f"[{citation.group(1)}]", "--db", sqlite_url])
    assert bracketed.output == quoted.output
    assert f'> "{" ".join(quoted.output.split())}" [{citation.group(1)}]' in profile.output
    not_one = runner.invoke(app, ["quote", "kabul-airport", "--db", sqlite_url])
    assert not_one.exit_code == 2 and "is not a citation" in not_one.output
    unknown = runner.invoke(app, ["quote", "no-such-document:0-5", "--db", sqlite_url])
    assert unknown.exit_code == 1 and "no document 'no-such-document'" in unknown.output
    cell = runner.invoke(app, ["quote", "gtd-2021#17.nkill", "--db", sqlite_url])
    assert cell.exit_code == 1 and "no document 'gtd-2021'" in cell.output

    missing = runner.invoke(app, ["profile", "Nobody Brigade", "--db", sqlite_url])
    assert missing.exit_code == 1 and "no actor named" in missing.output

    refusals = runner.invoke(app, ["refusals", "--db", sqlite_url])
    assert "broken.jsonl:1: malformed JSON" in refusals.output


def test_extract_prints_the_facts_contract(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(SEED), str(bad), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    facts = next(r for r in records if "document" in r)
    refused = next(r for r in records if "refused" in r)
    assert refused == {"schema": 1, "refused": {"path": str(bad), "reason": "empty"}}
    assert facts["schema"] == 1 and facts["document"]["id"] == "is-k-explainer"
    text = SEED.read_text()
    isk = next(a for a in facts["actors"] if a["name"] == "Islamic State Khorasan Province")
    assert "ISKP" in isk["aliases"]
    for actor in facts["actors"]:
        for mention in actor["mentions"]:
            # offsets are into the clean text; the seed's clean text keeps these spans verbatim
            assert mention["text"] in text
    for key in ("events", "relations", "victim_categories", "claims", "anomalies"):
        assert isinstance(facts[key], list)
    assert {r["type"] for r in facts["relations"]} >= {"branch_of", "rival_of", "linked_to"}
    for event in facts["events"]:
        assert event["attribution"] in ("claimed", "accused", "suspected", "confirmed", "unknown")
        for figure in event["killed_reports"]:
            assert set(figure) >= {"source", "low", "high", "text"}


def test_extract_published_dates_documents_that_give_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    undated = tmp_path / "undated.txt"
    undated.write_text("Yesterday, militants stormed a police post in Kano, killing 3 officers.\n")
    dated = tmp_path / "dated.txt"
    dated.write_text("Published: 2020-01-10\n\nYesterday, militants stormed a post in Kano.\n")
    result = runner.invoke(app, ["extract", str(undated), str(dated), "--published", "2021-02-03"])
    assert result.exit_code == 0, result.output
    records = {r["document"]["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["undated"]["document"]["published"] == "2021-02-03"
    assert records["undated"]["events"][0]["date"]["value"] == "2021-02-02"
    assert records["dated"]["document"]["published"] == "2020-01-10"


def test_index_ranks_groups_and_countries(sqlite_url: str) -> None:
    runner.invoke(app, ["ingest", str(CORPUS), "--db", sqlite_url])
    groups = runner.invoke(app, ["index", "--as-of", "2021", "--db", sqlite_url])
    assert groups.exit_code == 0, groups.output
    assert "Islamic State Khorasan" in groups.output and "as of 2021" in groups.output
    countries = runner.invoke(app, ["index", "--by", "country", "--db", sqlite_url])
    assert countries.exit_code == 0 and "Afghanistan" in countries.output


def test_index_of_an_empty_store_says_so(sqlite_url: str) -> None:
    result = runner.invoke(app, ["index", "--db", sqlite_url])
    assert result.exit_code == 1
    assert "error: the store holds no attacks yet; ingest articles first" in result.output


def test_index_of_a_store_of_undated_attacks_says_what_to_do(sqlite_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "undated.txt").write_text("Gunmen from al-Shabaab attacked a hotel in Kismayo.")
    runner.invoke(app, ["ingest", str(tmp_path / "undated.txt"), "--db", sqlite_url])
    result = runner.invoke(app, ["index", "--db", sqlite_url])
    assert result.exit_code == 1
    assert "is dated" in result.output and "--published" in result.output


def test_an_outdated_store_is_named_and_upgraded_by_db_upgrade(sqlite_url: str) -> None:
    from tests.store.test_db import _downgrade

    fresh = runner.invoke(app, ["db", "upgrade", "--db", sqlite_url])
    assert fresh.exit_code == 0, fresh.output
    assert "from a new database to schema revision" in fresh.output
    _downgrade(sqlite_url, "0004")
    refused = runner.invoke(app, ["actors", "--db", sqlite_url])
    assert refused.exit_code == 1
    assert "is at schema revision 0004" in refused.output
    assert "run `dossier db upgrade`" in refused.output
    assert "Traceback" not in refused.output
    upgraded = runner.invoke(app, ["db", "upgrade", "--db", sqlite_url])
    assert upgraded.exit_code == 0, upgraded.output
    assert "from schema revision 0004 to schema revision" in upgraded.output
    again = runner.invoke(app, ["db", "upgrade", "--db", sqlite_url])
    assert "as this dossier needs" in again.output
    assert runner.invoke(app, ["actors", "--db", sqlite_url]).exit_code == 0
