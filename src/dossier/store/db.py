"""Engine and migrations. SQLite is the embedded default; PostgreSQL the same schema.

Opening a store does not run Alembic: it reads the database's revision (one small query) and
compares it with `SCHEMA_REVISION`, the head of the migration scripts (a test keeps the two
equal). Only an empty database is migrated on open; any other change of schema waits for an
explicit `upgrade`. Alembic is imported only when a schema must change or be explained, so that
importing and opening the store stays cheap for every read-only surface.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from dossier.errors import SchemaMismatch

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The revision this dossier's tables are at: the head of migrations/versions.
SCHEMA_REVISION = "0008"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("dossier.store").joinpath("migrations")))
    return config


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # psycopg 3 is the driver we ship
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(parsed)
    if parsed.get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL keeps the database consistent through a crash and skips an fsync
            # per commit; a power cut may lose the last commits, which re-ingesting restores.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    return engine


@cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@cache
def _known() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


def head_revision() -> str:
    """The schema revision this dossier needs: the head of its migration scripts, as read by
    Alembic (`SCHEMA_REVISION` is the same, without reading them)."""
    head = _scripts().get_current_head()
    assert head is not None, "dossier's migrations have no head"
    return head


# Two dossiers opening one new PostgreSQL database at once must not both create its schema.
_SCHEMA_LOCK = 0x646F7373  # "doss"


def _serialise(connection: Connection) -> None:
    """Hold a transaction-scoped lock on PostgreSQL while the schema is read and created; the
    second opener then finds the schema made (SQLite serialises writers by itself)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})


def open_schema(engine: Engine, url: str) -> None:
    """Check the schema of a database being opened; an empty one is created at the head."""
    with engine.begin() as connection:
        _serialise(connection)
        found = _revision(connection, url)
        if found is None:
            _upgrade(connection)
    if found is not None and found != SCHEMA_REVISION:
        raise SchemaMismatch(
            f"the database at {_shown(url)} is at schema revision {found}, this dossier needs "
            f"{head_revision()}: run `dossier db upgrade`",
            found,
            head_revision(),
        )


def upgrade(url: str) -> tuple[str | None, str]:
    """Bring the database at `url` to the schema this dossier needs, creating it when empty:
    (the revision before, None for an empty database; the revision after)."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            _serialise(connection)
            before = _revision(connection, url)
            _upgrade(connection)
            after = _revision(connection, url)
    finally:
        engine.dispose()
    assert after is not None
    return before, after


def _upgrade(connection: Connection) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _revision(connection: Connection, url: str) -> str | None:
    """The database's schema revision, None for an empty database. A database holding other
    tables, or a revision newer than this dossier knows, is refused: migrating would fail."""
    tables = inspect(connection).get_table_names()
    found = (
        connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if "alembic_version" in tables
        else None
    )
    if found is None:
        if tables:
            raise SchemaMismatch(
                f"the database at {_shown(url)} holds tables but no dossier schema: "
                "give dossier an empty database or its own",
                None,
                head_revision(),
            )
        return None
    if found != SCHEMA_REVISION and found not in _known():
        raise SchemaMismatch(
            f"the database at {_shown(url)} is at schema revision {found}, which this dossier "
            f"does not know (it needs {head_revision()}): it was written by a newer dossier",
            found,
            head_revision(),
        )
    return found


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


_WRITE_LOCK = 0x646F7374  # "dost"


def one_writer(session: Session) -> None:
    """On PostgreSQL, one write transaction at a time across every dossier process: two
    ingests of overlapping inputs then each see what the other stored (a document, an actor, a
    regrouped incident) instead of inserting it twice or regrouping over each other. Extraction,
    where the time goes, still runs side by side; SQLite serialises writers by itself."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})
