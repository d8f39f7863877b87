"""What the store keeps of an event: its role fillers in text order, and each figure's span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier.flow import ingest_into
from dossier.model import Count, Document, Event, Evidence, Facts, Figure
from dossier.settings import Settings
from dossier.store import Store
from dossier.store.tables import EventRoleRow, FigureRow

TEXT = (
    "Gunmen led by Abu Omar fired rockets and rifles at a police post and a school in Bannu, "
    "killing two guards. Police said three people were killed; a hospital said four."
)


def _span(document_id: str, quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(document_id, start, start + len(quote))


def test_roles_and_figure_spans_are_kept(sqlite_url: str) -> None:
    document = Document("bannu", TEXT, "hash-bannu", "bannu.txt")
    police = _span(document.id, "Police said three people were killed")
    event = Event(
        type="armed_attack",
        evidence=_span(document.id, TEXT.split(". ")[0]),
        perpetrator_individuals=("Abu Omar",),
        targets=("a police post", "a school"),
        victims=("two guards",),
        weapon=("rockets", "rifles"),
        reports=(
            Figure("killed", Count(3, 3, "three"), "Police", police),
            Figure("killed", Count(4, 4, "four"), "a hospital"),
        ),
    )
    store = Store(sqlite_url)
    assert store.add(Facts(document, events=(event,)), {})
    with Session(store.engine) as session:
        roles = session.execute(select(EventRoleRow.role, EventRoleRow.text).order_by("id")).all()
        figures = session.execute(
            select(FigureRow.text, FigureRow.char_start, FigureRow.char_end).order_by("id")
        ).all()
    store.close()
    assert [tuple(r) for r in roles] == [
        ("target", "a police post"),
        ("target", "a school"),
        ("victim", "two guards"),
        ("weapon", "rockets"),
        ("weapon", "rifles"),
        ("perpetrator", "Abu Omar"),
    ]
    assert [tuple(f) for f in figures] == [
        ("three", police.start, police.end),
        ("four", None, None),
    ]
    assert TEXT[police.start : police.end] == "Police said three people were killed"


@pytest.mark.postgres
def test_a_document_postgresql_will_not_take_is_refused_and_its_batch_stored(
    postgres_url: str, tmp_path: Path
) -> None:
    """PostgreSQL text holds no NUL character, which a JSON record may escape into its text:
    that one document is kept as a refusal with the reason, the others of its batch stored."""
    texts = [
        "Gunmen attacked a police post in Kismayo on 3 March 2023, killing four officers.",
        "Al-Shabaab fighters raided a village near Baidoa\u0000 on 4 March 2023.",
        "A roadside bomb killed two soldiers in Beledweyne on 5 March 2023, officials said.",
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    store = Store(postgres_url)
    tally = ingest_into(store, [path], Settings())
    assert (tally.documents, tally.refused) == (2, 1)
    [refusal] = store.refusals()
    assert refusal.path == str(path) and refusal.reason.startswith("not stored:")
    assert store.stats()["documents"] == 2
    store.close()


def test_an_attack_by_a_state_force_is_listed_as_the_text_names_the_force(
    sqlite_url: str, tmp_path: Path
) -> None:
    # No armed group did it, so none is credited; the listing says who the text says did.
    from rich.console import Console

    from dossier.analyse.incidents import incidents_of
    from dossier.render.text import incidents

    path = tmp_path / "strike.txt"
    path.write_text(
        "The air force bombed a market in the village of Kara on 3 March 2024, killing five "
        "civilians.",
        encoding="utf-8",
    )
    store = Store(sqlite_url)
    ingest_into(store, [path], Settings())
    (incident,) = incidents_of(store.events_of())
    assert incident.perpetrator is None
    assert incident.doer == "air force"
    console = Console(width=200, record=True)
    console.print(incidents([incident]))
    assert "air force (no armed group)" in console.export_text()
