"""One store for the web tests: examples/corpus plus a hostile article whose title, body and
address carry script, event handlers and `javascript:` links, ingested once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.flow import ingest_into
from dossier.settings import Settings
from dossier.store import Store
from dossier.web import create_app
from tests.conftest import CORPUS

HOSTILE_ID = "hostile-report"
HOSTILE = """Title: <script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">
Published: 2021-09-02
Source: <b onmouseover="window.__pwned=3">Hostile Wire</b>
URL: javascript:window.__pwned=4

Islamic State Khorasan Province (ISKP) claimed a bombing in Jalalabad on 1 September 2021 that
killed 4 people, according to police. <script>window.__pwned = 5; alert(1)</script>

Read more at <a href="javascript:window.__pwned=6">this link</a> or
<img src="x" onerror="window.__pwned=7"> and <svg onload="window.__pwned=8"></svg>.
"""


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store's URL: the example corpus and the hostile article, ingested."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / f"{HOSTILE_ID}.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{folder / 'web.sqlite'}"
    store = Store(url)
    tally = ingest_into(store, [CORPUS, hostile], Settings(database_url=url))
    store.close()
    assert tally.documents >= 17, tally
    return url


@pytest.fixture(scope="session")
def client(web_store: str) -> TestClient:
    return TestClient(create_app(web_store))


@pytest.fixture(scope="session")
def locked(web_store: str) -> TestClient:
    return TestClient(create_app(web_store, token="s3cret-token"))


def hostile_path() -> Path:
    return Path(HOSTILE_ID)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """How many requests schemathesis generated, and how many got a server error."""
    from tests.web.test_schema import REQUESTS

    tally = config.stash.get(REQUESTS, None)
    if tally:
        terminalreporter.write_line(
            f"schemathesis: {tally['requests']} generated requests, "
            f"{tally['server_errors']} server errors"
        )
