"""The command line: one command per user task, a thin skin over the library."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dossier.errors import DossierError
from dossier.model import ARMED_GROUP, Duplicate, Evidence, Refusal
from dossier.render import text as render
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
PublishedOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--published",
        formats=["%Y-%m-%d"],
        help="Publication date of the documents that give none of their own (YYYY-MM-DD).",
    ),
]


class Format(StrEnum):
    jsonl = "jsonl"


def _settings(db: str | None, published: dt.datetime | None = None) -> Settings:
    return Settings.from_env(database_url=db, published=published.date() if published else None)


def _store(settings: Settings):  # type: ignore[no-untyped-def]
    """The store, or one line saying why it cannot be opened (an outdated schema, say)."""
    from dossier.store import Store

    try:
        return Store(settings.database_url)
    except DossierError as exc:
        raise _fail(str(exc)) from exc


def _refuse(refusal: Refusal) -> None:
    err.print(render.refusal(refusal))


def _fail(message: str, code: int = 1) -> typer.Exit:
    """Print why a command cannot answer; the caller raises what this returns."""
    err.print(render.error(message))
    return typer.Exit(code)


class Engine(StrEnum):
    local = "local"
    pool = "pool"
    ray = "ray"


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = None,
    published: PublishedOption = None,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="Extract here, in a pool of processes, or on Ray."),
    ] = Engine.local,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=256, help="Processes of the pool, Ray actors.")
    ] = 2,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="A Ray cluster (default: a local one for the run)."),
    ] = None,
) -> None:
    """Read articles, extract their facts and store them. Re-ingesting changes nothing."""
    import time
    from dataclasses import replace

    from dossier.flow import ingest_into
    from dossier.ingest import walk

    settings = replace(_settings(db, published), engine=engine.value, workers=workers)
    if ray_address:
        settings = replace(settings, ray_address=ray_address)
    store = _store(settings)
    files = sum(1 for _ in walk(paths))
    began = time.perf_counter()
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[documents]} documents ({task.fields[rate]}/s)"),
        TextColumn("· {task.fields[duplicates]} repeats · {task.fields[refused]} refused"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(
            "ingest", total=files, documents=0, rate="0.0", duplicates=0, refused=0
        )
        counted = {"documents": 0, "duplicates": 0, "refused": 0}

        def show(field: str) -> None:
            counted[field] += 1
            rate = counted["documents"] / max(time.perf_counter() - began, 1e-6)
            progress.update(task, rate=f"{rate:.1f}", **counted)

        def refused(refusal: Refusal) -> None:
            _refuse(refusal)
            show("refused")

        tally = ingest_into(
            store,
            paths,
            settings,
            on_refusal=refused,
            on_document=lambda: show("documents"),
            on_file=lambda: progress.advance(task),
            on_duplicate=lambda _d: show("duplicates"),
            on_skipped=lambda skipped: err.print(render.skipped(skipped)),
        )
    counts = store.counts()
    seconds = time.perf_counter() - began
    if tally.retried:
        err.print(render.redone(tally.retried))
    out.print(
        render.ingested(
            tally.documents, tally.duplicates, tally.refused, counts, settings.database_url
        )
        + f" in {seconds:.1f} s"
    )
    if tally.documents + tally.duplicates == 0:
        raise _fail(
            "nothing could be read: every input was refused"
            if tally.refused
            else "no input found in the paths given"
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
    out.print(render.actors(store.actors(None if all_kinds else [ARMED_GROUP])))


class ProfileFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


@app.command()
def profile(
    name: Annotated[str, typer.Argument(help="Any name or alias of the group.")],
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Show the quoted span under each line.")
    ] = False,
    full: Annotated[bool, typer.Option("--all", help="Every statement, no limit.")] = False,
    as_of: Annotated[
        int | None,
        typer.Option("--as-of", help="Year of the danger index (default: its latest incident)."),
    ] = None,
    form: Annotated[
        ProfileFormat,
        typer.Option("--format", help="Text, Markdown, JSON or HTML (one self-contained file)."),
    ] = ProfileFormat.text,
    into: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of printing.")
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
        raise _fail(str(exc)) from exc
    if form is ProfileFormat.html:
        from dossier.render.html import profile_html

        written = profile_html(result)
    elif form is ProfileFormat.json:
        from dossier.render.data import profile_json

        written = profile_json(result) + "\n"
    elif form is ProfileFormat.markdown:
        from dossier.render.markdown import profile as markdown

        written = markdown(result, quotes=quotes)
    else:
        if into is not None:
            raise _fail("--out writes the markdown, json or html formats; text is for the terminal")
        for printed in render.profile(result, quotes=quotes):
            out.print(printed)
        return
    if into is not None:
        into.write_text(written, encoding="utf-8")
        err.print(f"wrote {into}")
    else:
        print(written, end="")


class IncidentFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def incidents(
    group: Annotated[
        str | None, typer.Option("--group", help="Any name or alias of a group.")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="A country's name.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="On or after a date: 2021, 2021-08, 2021-08-26.")
    ] = None,
    form: Annotated[
        IncidentFormat, typer.Option("--format", help="A table, JSON or CSV.")
    ] = IncidentFormat.table,
    db: DbOption = None,
) -> None:
    """List incidents: each attack once, with its date, place, type, perpetrator or rival
    claimants, figures with their sources, and the reports that tell it."""
    from dossier.analyse.listing import list_incidents
    from dossier.render.data import incidents_csv, incidents_json

    if since is not None and not _SINCE.fullmatch(since):
        raise _fail(f"--since {since!r} is not a date: write 2021, 2021-08 or 2021-08-26")
    store = _store(_settings(db))
    try:
        found = list_incidents(store, group, country, since)
    except DossierError as exc:
        raise _fail(str(exc)) from exc
    if form is IncidentFormat.json:
        print(incidents_json(found))
    elif form is IncidentFormat.csv:
        print(incidents_csv(found), end="")
    else:
        out.print(render.incidents(found))


_SINCE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")


class Ranking(StrEnum):
    group = "group"
    country = "country"


@app.command()
def index(
    by: Annotated[Ranking, typer.Option("--by", help="Rank groups or countries.")] = Ranking.group,
    as_of: Annotated[
        int | None,
        typer.Option("--as-of", help="Year of the index (default: each one's latest incident)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Rank groups (or countries) by their danger index, Global Terrorism Index method."""
    from dossier.analyse.danger import ranking

    store = _store(_settings(db))
    try:
        result = ranking(store, by.value, as_of)
    except DossierError as exc:
        raise _fail(str(exc)) from exc
    out.print(render.ranking(result))


@app.command()
def quote(
    citation: Annotated[str, typer.Argument(help="A citation as printed: DOCUMENT:START-END")],
    db: DbOption = None,
) -> None:
    """Print the exact text a citation points to."""
    try:
        evidence = Evidence.parse(citation)
    except ValueError as exc:
        raise _fail(str(exc), 2) from exc
    store = _store(_settings(db))
    try:
        text = store.quote(evidence)
    except DossierError as exc:
        raise _fail(str(exc)) from exc
    out.print(render.quote(text))


@app.command()
def refusals(db: DbOption = None) -> None:
    """List the quarantined inputs and why each was refused."""
    store = _store(_settings(db))
    for refusal in store.refusals():
        out.print(render.quarantined(refusal))


@app.command()
def extract(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    published: PublishedOption = None,
) -> None:
    """Print the facts of each document as JSON Lines (the contract in FACTS.md); no store."""
    from dossier.export.facts_json import duplicate_record, facts_record, refusal_record
    from dossier.extract import extract_many
    from dossier.flow import NearDuplicates, Tally, unique
    from dossier.ingest import read_paths

    settings = _settings(None, published)
    tally = Tally()

    def print_refusal(refusal: Refusal) -> None:
        _refuse(refusal)
        sys.stdout.write(json.dumps(refusal_record(refusal), ensure_ascii=False) + "\n")

    def print_duplicate(duplicate: Duplicate, _document: object) -> None:
        sys.stdout.write(json.dumps(duplicate_record(duplicate), ensure_ascii=False) + "\n")

    read = read_paths(paths, settings)
    documents = unique(
        read, tally, print_refusal, lambda _d: None, print_duplicate, NearDuplicates()
    )
    for facts in extract_many(documents, settings.batch_size, pipeline=settings.pipeline):
        tally.documents += 1
        sys.stdout.write(json.dumps(facts_record(facts), ensure_ascii=False) + "\n")
    if tally.inputs == 0:
        raise _fail("no input found in the paths given")


# The commands about the store as a whole live in cli_store.py; importing it registers them.
from dossier import cli_store  # noqa: E402, F401

if __name__ == "__main__":
    app()
