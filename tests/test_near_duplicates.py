"""Syndicated copies of one wire story are read once: the same text under another header or
footer, or with a paragraph more or less, is a near-duplicate of the first, linked to it and
counted; another story of the same attack is not. The stories are our own words."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dossier.cli import app
from dossier.near_duplicates import repeats, signature

runner = CliRunner()

STORY = [
    "Gunmen attacked a police station in the northern town of Dikwa late on Tuesday, killing "
    "six officers and wounding nine others, the regional police commissioner said on Wednesday.",
    "The attackers arrived in pickup trucks mounted with heavy machine guns shortly after dusk "
    "and exchanged fire with the officers on duty for more than an hour before withdrawing "
    "towards the forest east of the town.",
    "Residents said the fighters set fire to two patrol vehicles and a shop near the station "
    "before they left, and that many families spent the night hiding in the fields outside.",
    "No group has claimed the attack, but the commissioner said the raid bore the hallmarks "
    "of fighters who have staged similar assaults on security posts across the region.",
]
OTHER = (
    "Six police officers died when fighters stormed their station in Dikwa, a local official "
    "told reporters on Wednesday. He said reinforcements arrived from Maiduguri by morning and "
    "that the road linking the two towns had been closed while soldiers searched nearby "
    "villages. Traders in the market said the town was calm but that most shops stayed shut, "
    "and a hospital worker said nine wounded officers were being treated."
)


def _write(folder: Path) -> Path:
    folder.mkdir()
    body = "\n\n".join(STORY)
    (folder / "a-original.txt").write_text(f"Published: 2024-05-08\n\n{body}\n")
    (folder / "b-syndicated.txt").write_text(
        f"Title: Police station attacked\nPublished: 2024-05-08\n\nDIKWA (Wire) - {body}\n\n"
        "Reporting by a correspondent; editing by the night desk.\n"
    )
    (folder / "c-shorter.txt").write_text(
        "Published: 2024-05-09\n\n" + "\n\n".join(STORY[:-1]) + "\n"
    )
    (folder / "d-other-story.txt").write_text(f"Published: 2024-05-08\n\n{OTHER}\n")
    return folder


def test_copies_repeat_and_other_stories_do_not() -> None:
    body = "\n\n".join(STORY)
    original = signature(body)
    assert original is not None
    assert repeats(original, signature("A wire header.\n\n" + body + "\n\nA footer line."))
    assert repeats(original, signature("\n\n".join(STORY[:-1])))
    assert not repeats(original, signature(OTHER))
    assert signature("Too short to tell.") is None


def test_ingest_reads_a_syndicated_story_once_and_counts_its_copies(tmp_path: Path) -> None:
    folder = _write(tmp_path / "wire")
    db = f"sqlite:///{tmp_path / 'd.sqlite'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", "--format", "json", "--db", db]).output)
    assert (stats["documents"], stats["duplicates"]) == (2, 2)
    # Copies met in a later run are found against the store.
    again = tmp_path / "later"
    again.mkdir()
    (again / "e-reprint.txt").write_text("\n\n".join(STORY) + "\n\nMore news at ten.\n")
    runner.invoke(app, ["ingest", str(again), "--db", db])
    stats = json.loads(runner.invoke(app, ["stats", "--format", "json", "--db", db]).output)
    assert (stats["documents"], stats["duplicates"]) == (2, 3)


def test_extract_prints_a_copy_as_a_duplicate_of_the_first(tmp_path: Path) -> None:
    folder = _write(tmp_path / "wire")
    result = runner.invoke(app, ["extract", str(folder)])
    lines = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    repeats_ = [x["duplicate"] for x in lines if "duplicate" in x]
    assert {(d["of"], d["kind"]) for d in repeats_} == {("a-original", "near")}
    assert len([x for x in lines if "document" in x]) == 2
