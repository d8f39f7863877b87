"""The commands about the store as a whole: what it holds (`stats`), serving it to a browser
and to programs (`serve`), handing it to other tools (`export`), and its schema (`db upgrade`).
Registered on the one Typer app of cli.py, which imports this module."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dossier.cli import DbOption, _fail, _settings, _store, app, out
from dossier.errors import DossierError
from dossier.render import text as render


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def stats(
    form: Annotated[StatsFormat, typer.Option("--format", help="A table or JSON.")] = (
        StatsFormat.table
    ),
    db: DbOption = None,
) -> None:
    """How much the store holds: documents, refusals, duplicates, actors, events, incidents,
    relations and claims, so that two stores can be compared."""
    store = _store(_settings(db))
    counts = store.stats()
    if form is StatsFormat.json:
        print(json.dumps(counts, indent=2))
    else:
        out.print(render.stats(counts, store.url))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="DOSSIER_API_TOKEN",
            help="Require this token (Bearer header or the login form) on every page and route.",
        ),
    ] = None,
) -> None:
    """Serve the store read-only: the web pages and the JSON API under /api/ (OpenAPI at
    /openapi.json)."""
    from dossier.web import serve as run

    try:
        run(_settings(db).database_url, host, port, token or None)
    except DossierError as exc:
        raise _fail(str(exc)) from exc


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    stix = "stix"
    ftm = "ftm"
    graphml = "graphml"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Argument(help="csv, parquet, stix, ftm or graphml.")],
    path: Annotated[
        Path, typer.Option("--out", help="Folder (csv, parquet) or file (stix, ftm, graphml).")
    ],
    db: DbOption = None,
) -> None:
    """Write the whole store for other tools: tables (CSV, Parquet), a STIX 2.1 bundle,
    FollowTheMoney entities or the actor graph (GraphML), every fact with its citation."""
    from dossier.export.formats import export as write

    store = _store(_settings(db))
    try:
        written = write(store, format.value, path)
    except DossierError as exc:
        raise _fail(str(exc)) from exc
    out.print(f"exported {format.value} to {path} ({len(written)} files)", markup=False)


db_app = typer.Typer(help="The store's database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Bring the database's schema to the revision this dossier needs. A new database gets its
    schema on first use; one written by an older dossier is refused until it is upgraded."""
    from dossier.store.db import upgrade

    settings = _settings(db)
    try:
        before, after = upgrade(settings.database_url)
    except DossierError as exc:
        raise _fail(str(exc)) from exc
    out.print(render.upgraded(before, after, settings.database_url))
