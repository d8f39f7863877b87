"""The terminal text of records built by hand: what a reader sees, markup escaped, nothing
computed beyond laying out what the record holds."""

from __future__ import annotations

import io

from rich.console import Console

from dossier.model import (
    Counted,
    DangerIndex,
    DocumentInfo,
    Evidence,
    Line,
    Profile,
    Quote,
    Ranked,
    Ranking,
    Section,
    Year,
)
from dossier.render import text as render

SPAN = Evidence("kabul-airport-bombing", 0, 19)
OTHER = Evidence("wire", 5, 12)


def _shown(*printed: object) -> str:
    """What a reader sees: the markup applied, no colours."""
    console = Console(
        file=io.StringIO(), width=100, record=True, no_color=True, highlight=False, soft_wrap=True
    )
    for item in printed:
        console.print(item)
    return console.export_text()


def _profile() -> Profile:
    return Profile(
        name="Islamic State Khorasan Province",
        kind="armed_group",
        registered=True,
        sections=(
            Section("identity", "Who it is", (Line("IS-K is [a] branch.", (SPAN, OTHER)),)),
            Section("formation", "How it formed", ()),
            Section(
                "attacks",
                "Attacks",
                (Line("2021-08-26, Kabul: bombing.", (SPAN,), quoted=False),),
                omitted=3,
            ),
        ),
        documents=(
            DocumentInfo("kabul-airport-bombing", "Blast at [gate]", "2021-08-26", None, "k.txt"),
            DocumentInfo("wire", None, None, "AP", "wire.txt"),
        ),
        quotes=(Quote(SPAN, "IS-K  is [a]\nbranch."), Quote(OTHER, "a quote")),
    )


def test_profile_lines_cite_and_escape() -> None:
    assert _shown(*render.profile(_profile())) == (
        "Islamic State Khorasan Province  (armed_group)\n"
        "\n"
        "Who it is\n"
        "- IS-K is [a] branch. [kabul-airport-bombing:0-19] [wire:5-12]\n"
        "\n"
        "Attacks\n"
        "- 2021-08-26, Kabul: bombing. [kabul-airport-bombing:0-19]\n"
        "  … 3 more (--all)\n"
        "\n"
        "Sources\n"
        "[kabul-airport-bombing] Blast at [gate] · 2021-08-26 · k.txt\n"
        "[wire] (untitled) · undated · AP · wire.txt\n"
    )


def test_quotes_come_from_the_record() -> None:
    shown = _shown(*render.profile(_profile(), quotes=True))
    assert (
        "- IS-K is [a] branch. [kabul-airport-bombing:0-19] [wire:5-12]\n"
        '    > "IS-K is [a] branch." [kabul-airport-bombing:0-19]\n'
        '    > "a quote" [wire:5-12]\n'
    ) in shown


def test_ranking_table_shows_the_row_totals() -> None:
    index = DangerIndex(
        score=4.66,
        as_of=2021,
        years=(Year(2021, 0.52, 1, 33, 0, 0, 100.0),),
        weighted_total=52.0,
        counted=(Counted(7, 2021, 33, 0, 0, False, 100.0, (SPAN,)),),
        formula="by hand",
    )
    table = render.ranking(Ranking("group", 2021, (Ranked("[IS-K]", index, 1, 33, 0, 0),)))
    shown = _shown(table)
    assert "Danger index, as of 2021 (GTI method)" in shown
    (row,) = [line for line in shown.splitlines() if "[IS-K]" in line]
    assert [cell.strip() for cell in row.split("│")[1:-1]] == [
        "[IS-K]",
        "4.660",
        "1",
        "33",
        "0",
        "0",
    ]
    assert "┃ group  ┃ index ┃ incidents ┃ deaths ┃ injured ┃ hostages ┃" in shown


def test_refusals_and_errors_are_escaped() -> None:
    assert _shown(render.error("no actor named '[x]'")) == "error: no actor named '[x]'\n"
    assert _shown(render.quote("[bold]not bold[/bold]")) == "[bold]not bold[/bold]\n"
