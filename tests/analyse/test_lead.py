"""The profile leads with the answer: a paragraph of cited clauses composed from the attributes,
then founding, names, leaders, strength, area, tactics, dated relations and designations; every
attribute with its evidence in the JSON."""

from __future__ import annotations

import json

import pytest

from dossier.analyse.profile import build_profile
from dossier.model import Profile
from dossier.render import text as render
from dossier.render.data import profile_json
from dossier.render.html import profile_html
from dossier.store import Store
from tests.conftest import CORPUS, SEED
from tests.store.test_store import ingest


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("lead") / "dossier.sqlite"
    store = Store(f"sqlite:///{path}")
    ingest(store, CORPUS, SEED)
    return store


@pytest.fixture(scope="module")
def isk(store: Store) -> Profile:
    return build_profile(store, "IS-K", limit=None)


def _section(profile: Profile, topic: str) -> list[str]:
    return [line.text for s in profile.sections if s.topic == topic for line in s.lines]


def test_the_profile_opens_with_a_paragraph_every_clause_cited(store: Store, isk: Profile) -> None:
    first = isk.sections[0]
    assert first.topic == "summary" and first.paragraph
    paragraph = " ".join(line.text for line in first.lines)
    assert paragraph.startswith("Islamic State Khorasan Province, also called")
    assert "was founded in January 2015" in paragraph
    assert "by former members of the Pakistani Taliban" in paragraph
    assert "It is a branch of Islamic State" in paragraph
    assert "It came out of Tehrik-i-Taliban Pakistan" in paragraph
    assert "hundreds of Pakistani Taliban fighters at its founding" in paragraph
    assert "more than 1,400 fighters surrendered" in paragraph
    assert "Its reported attacks are in Afghanistan" in paragraph
    assert "danger index" in paragraph
    for clause in first.lines:
        assert clause.citations, clause.text
        for c in clause.citations:
            assert store.document_text(c.document_id)[c.start : c.end].strip()


def test_founding_strength_and_sources_each_cite_the_words_that_state_them(
    store: Store, isk: Profile
) -> None:
    quoted = {}
    for s in isk.sections:
        for line in s.lines:
            quoted[line.text] = [
                store.document_text(c.document_id)[c.start : c.end] for c in line.citations
            ]
    # Read in two documents, cited by each: the seed's words and the origins article's.
    founded = quoted["Founded in January 2015 (2015-01)."]
    assert "IS-K was founded in January 2015" in founded
    origins_article = (
        "Islamic State Khorasan Province, known by the initials IS-K, ISISK or ISKP, announced "
        "itself in January 2015"
    )
    assert origins_article in founded
    (came,) = quoted["Came out of Tehrik-i-Taliban Pakistan."]
    assert "founded by former members of the Pakistani Taliban" in came
    (surrender,) = quoted["2019-09..2019-12: more than 1,400 fighters surrendered."]
    assert surrender == "surrender of more than 1,400 fighters"
    sources = _section(isk, "sources")
    for body in (
        "Institute for Economics and Peace",
        "Center for Strategic and International Studies",
        "Combating Terrorism Center",
    ):
        assert f"Source: {body}." in sources


def test_relations_are_dated_by_the_documents_that_state_them(isk: Profile) -> None:
    relations = _section(isk, "relations")
    rival = next(t for t in relations if "is a rival of Taliban" in t)
    assert "(stated 2021-08-27 to 2021-10-09)" in rival
    # The seed, ingested without a date here, states relations that stay undated.
    assert {r.published for r in isk.relations} >= {"2021-08-27", "2021-10-09", None}


def test_area_tactics_leaders_and_designations(store: Store, isk: Profile) -> None:
    area = _section(isk, "area")
    # What the texts say first, then the countries of its incidents, the most first.
    assert area[0].startswith("Said to operate in Afghanistan")
    counted = [line for line in area if not line.startswith("Said to")]
    assert counted[0].startswith("Afghanistan: ") and "Kabul" in counted[0]
    assert any(t.startswith("By attack type: bombing") for t in _section(isk, "tactics"))
    lists = {(d.list, d.listed) for d in isk.designations}
    assert ("US Foreign Terrorist Organization list", "2016-01-14") in lists
    jnim = build_profile(store, "Ansar Dine")
    assert "Iyad Ag Ghaly, founder (stated 2017-03-03)." in _section(jnim, "leaders")


def test_every_surface_shows_the_lead_and_the_json_carries_every_attribute(isk: Profile) -> None:
    printed = "\n".join(render.profile(isk))
    assert printed.index("In short") < printed.index("Who it is")
    assert "state.gov/foreign-terrorist-organizations" in printed
    html = profile_html(isk)
    assert '<p class="lead">' in html and 'id="designations"' in html
    data = json.loads(profile_json(isk))
    kinds = {a["attribute"]["kind"] for a in data["attributes"]}
    assert {"founded", "founder", "origin", "name", "strength", "source"} <= kinds
    for a in data["attributes"]:
        assert a["attribute"]["evidence"]["citation"]


def test_a_lead_with_nothing_on_the_founding_is_still_sentences(store: Store) -> None:
    profile = build_profile(store, "Boko Haram")
    clauses = [line.text for line in profile.sections[0].lines]
    assert clauses[0].startswith("Boko Haram is also called ") and clauses[0].endswith(".")
    assert all(c.endswith(".") for c in clauses), clauses
    assert not any("founded" in c for c in clauses)
