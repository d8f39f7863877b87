"""The command line: one command per user task, a thin skin over the library."""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dossier.errors import DossierError
from dossier.model import ARMED_GROUP, Refusal
from dossier.settings import Settings

app = typer.Typer(
    help="dossier: who is this armed group, and how dangerous is it? Cited answers from the news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $DOSSIER_DATABASE_URL or sqlite file)."),
]
Paths = Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")]


class Format(StrEnum):
    jsonl = "jsonl"


def _settings(db: str | None) -> Settings:
    return Settings.from_env(database_url=db)


def _store(settings: Settings):  # type: ignore[no-untyped-def]
    from dossier.store import Store

    return Store(settings.database_url)


def _refuse(refusal: Refusal) -> None:
    err.print(escape(refusal.message()))


@app.command()
def ingest(paths: Paths, db: DbOption = None) -> None:
    """Read articles, extract their facts and store them. Re-ingesting changes nothing."""
    from dossier.flow import ingest_into

    settings = _settings(db)
    store = _store(settings)
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None)
        tally = ingest_into(
            store, paths, settings, on_refusal=_refuse, on_document=lambda: progress.advance(task)
        )
    counts = store.counts()
    out.print(
        f"ingested {tally.documents} documents, skipped {tally.duplicates} duplicates, "
        f"refused {tally.refused}; the store holds {counts['documents']} documents and "
        f"{counts['actors']} actors ({settings.database_url})"
    )


@app.command()
def actors(
    all_kinds: Annotated[
        bool, typer.Option("--all", help="Every actor, not only armed groups.")
    ] = False,
    db: DbOption = None,
) -> None:
    """List the actors in the store, most mentioned first."""
    store = _store(_settings(db))
    rows = store.actors(None if all_kinds else [ARMED_GROUP])
    table = Table()
    table.add_column("actor", no_wrap=True)
    for column in ("kind", "registry", "documents", "mentions"):
        table.add_column(column, no_wrap=True)
    table.add_column("aliases")
    for row in rows:
        table.add_row(
            escape(row.name),
            row.kind,
            "yes" if row.registered else "new",
            str(row.documents),
            str(row.mentions),
            escape(", ".join(row.aliases)),
        )
    out.print(table)


@app.command()
def profile(
    name: Annotated[str, typer.Argument(help="Any name or alias of the group.")],
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Show the quoted span under each line.")
    ] = False,
    full: Annotated[bool, typer.Option("--all", help="Every statement, no limit.")] = False,
    as_of: Annotated[
        int | None,
        typer.Option("--as-of", help="Year of the danger index (default: latest publication)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """The cited profile of a group: who it is, how it formed, its fighters, friends and
    enemies, attacks, and how dangerous it is."""
    from dossier.analyse.profile import build_profile

    store = _store(_settings(db))
    try:
        result = build_profile(store, name, limit=None if full else 8, as_of=as_of)
    except DossierError as exc:
        err.print(f"error: {escape(str(exc))}")
        raise typer.Exit(1) from exc
    texts: dict[str, str] = {}
    out.print(f"[bold]{escape(result.name)}[/bold]  ({result.kind})")
    for section in result.sections:
        if not section.lines:
            continue
        out.print(f"\n[bold underline]{escape(section.title)}[/bold underline]")
        for line in section.lines:
            out.print(f"- {escape(line.render())}")
            if quotes:
                for c in line.citations:
                    if c.document_id not in texts:
                        texts[c.document_id] = store.document_text(c.document_id)
                    quote = " ".join(texts[c.document_id][c.start : c.end].split())
                    out.print(f'    [dim]> "{escape(quote)}" {escape(str(c))}[/dim]')
        if section.omitted:
            out.print(f"  [dim]… {section.omitted} more (--all)[/dim]")
    out.print("\n[bold underline]Sources[/bold underline]")
    for d in result.documents:
        parts = [d.title or "(untitled)", d.published or "undated", d.source or "", d.path]
        out.print(escape(f"[{d.id}] " + " · ".join(p for p in parts if p)))


class Ranking(StrEnum):
    group = "group"
    country = "country"


@app.command()
def index(
    by: Annotated[Ranking, typer.Option("--by", help="Rank groups or countries.")] = Ranking.group,
    as_of: Annotated[
        int | None, typer.Option("--as-of", help="Year of the index (default: latest publication).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Rank groups (or countries) by their danger index, Global Terrorism Index method."""
    from dossier.analyse.danger import rank

    store = _store(_settings(db))
    events = store.events_of()
    year = as_of or store.latest_year()
    if year is None or not events:
        err.print("error: the store holds no dated events; ingest articles first")
        raise typer.Exit(1)
    table = Table(title=f"Danger index as of {year} (GTI method)")
    table.add_column(by.value)
    for column in ("index", "incidents", "deaths", "injured", "hostages"):
        table.add_column(column, no_wrap=True, justify="right")
    for row in rank(events, by.value, year):
        years = row.index.years
        if not any(y.incidents for y in years):
            continue  # nothing in the five years the index looks at
        table.add_row(
            escape(row.name),
            f"{row.index.score:.3f}",
            str(sum(y.incidents for y in years)),
            str(sum(y.deaths for y in years)),
            str(sum(y.injured for y in years)),
            str(sum(y.hostages for y in years)),
        )
    out.print(table)


_REF = re.compile(r"(?P<doc>.+):(?P<start>\d+)-(?P<end>\d+)")


@app.command()
def quote(
    citation: Annotated[str, typer.Argument(help="A citation as printed: DOCUMENT:START-END")],
    db: DbOption = None,
) -> None:
    """Print the exact text a citation points to."""
    match = _REF.fullmatch(citation.strip("[]"))
    if not match:
        err.print(f"error: {escape(citation)!r} is not a citation (DOCUMENT:START-END)")
        raise typer.Exit(2)
    store = _store(_settings(db))
    try:
        text = store.document_text(match["doc"])
    except KeyError as exc:
        err.print(f"error: no document {escape(match['doc'])!r} in the store")
        raise typer.Exit(1) from exc
    out.print(escape(text[int(match["start"]) : int(match["end"])]))


@app.command()
def refusals(db: DbOption = None) -> None:
    """List the quarantined inputs and why each was refused."""
    store = _store(_settings(db))
    for refusal in store.refusals():
        out.print(escape(f"{refusal.where}: {refusal.reason}"))


@app.command()
def extract(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
) -> None:
    """Print the facts of each document as JSON Lines (the contract in FACTS.md); no store."""
    from dossier.export.facts_json import facts_record, refusal_record
    from dossier.extract import extract_many
    from dossier.flow import Tally, unique
    from dossier.ingest import read_paths

    settings = Settings.from_env()
    tally = Tally()

    def print_refusal(refusal: Refusal) -> None:
        _refuse(refusal)
        sys.stdout.write(json.dumps(refusal_record(refusal), ensure_ascii=False) + "\n")

    documents = unique(read_paths(paths, settings), tally, print_refusal, lambda _d: False)
    for facts in extract_many(documents, settings.batch_size, pipeline=settings.pipeline):
        sys.stdout.write(json.dumps(facts_record(facts), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    app()
