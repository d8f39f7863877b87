"""Datelines and credit lines are the wire's words: no actor and no place comes from them."""

from __future__ import annotations

from dossier.extract import extract
from dossier.extract.furniture import furniture_spans
from dossier.model import Document


def _facts(text: str):  # type: ignore[no-untyped-def]
    return extract(Document("t", text, "h", "t.txt"))


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e in furniture_spans(text)]


def test_datelines_with_and_without_agency() -> None:
    assert _spans("NAIROBI — Gunmen shot a chief in Mandera.") == ["NAIROBI — "]
    text = "LAGOS, Nigeria, June 3 (Reuters) - Gunmen shot a chief in Kaduna."
    assert _spans(text) == ["LAGOS, Nigeria, June 3 (Reuters) - "]


def test_an_acronym_opening_a_sentence_is_no_dateline() -> None:
    assert _spans("ISWAP - the Islamic State West Africa Province - raided a base.") == []


def test_credit_lines_closing_a_paragraph_or_standing_alone() -> None:
    text = (
        "Militants burned a school in Kunduz. (Reporting by Jane Doe; Editing by John Roe)\n\n"
        "Writing by Ann Poe and Tom Lee in Kabul; editing by Sam Wu."
    )
    assert _spans(text) == [
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Writing by Ann Poe and Tom Lee in Kabul; editing by Sam Wu.",
    ]
    assert _spans("Reporting by the army showed that the militants fled.") == []


def test_no_actor_or_place_from_the_wire() -> None:
    text = (
        "KABUL, Afghanistan (AP) — Taliban fighters stormed a police checkpoint in Kunduz "
        "province overnight, killing seven officers.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)"
    )
    facts = _facts(text)
    assert [a.name for a in facts.actors] == ["Taliban"]
    assert [e.place.name for e in facts.events if e.place] == ["Kunduz"]
