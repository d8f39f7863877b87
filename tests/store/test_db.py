"""Opening a store: a new database is ready at once, an up-to-date one opens without running
Alembic, and one at an older schema is refused until it is upgraded (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from alembic import command

from dossier.errors import SchemaMismatch
from dossier.store import Store
from dossier.store.db import alembic_config, head_revision, make_engine, upgrade

URLS = ["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.postgres)]


@pytest.fixture(params=URLS)
def url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(request.param)


def _downgrade(url: str, revision: str) -> None:
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def test_a_new_database_is_usable_at_once(url: str) -> None:
    store = Store(url)
    assert store.counts()["documents"] == 0
    store.close()


def test_an_up_to_date_database_opens_without_migrating(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(url).close()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("opening an up-to-date database ran a migration")

    monkeypatch.setattr(command, "upgrade", refuse)
    store = Store(url)
    assert store.counts()["documents"] == 0
    store.close()


def test_an_outdated_database_is_refused_until_upgraded(url: str) -> None:
    Store(url).close()
    _downgrade(url, "0004")
    with pytest.raises(SchemaMismatch) as refused:
        Store(url)
    assert str(refused.value) == (
        f"the database at {url} is at schema revision 0004, this dossier needs "
        f"{head_revision()}: run `dossier db upgrade`"
    )
    assert upgrade(url) == ("0004", head_revision())
    assert upgrade(url) == (head_revision(), head_revision())
    store = Store(url)
    assert store.counts()["documents"] == 0
    store.close()


def test_upgrade_creates_an_empty_database(url: str) -> None:
    assert upgrade(url) == (None, head_revision())


def test_a_database_of_other_tables_is_refused(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    engine.dispose()
    with pytest.raises(SchemaMismatch, match="holds tables but no dossier schema"):
        Store(sqlite_url)


def test_the_schema_revision_is_the_head_of_the_migrations() -> None:
    """Opening a store compares with SCHEMA_REVISION instead of reading the scripts."""
    from dossier.store.db import SCHEMA_REVISION

    assert head_revision() == SCHEMA_REVISION
