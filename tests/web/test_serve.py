"""`dossier serve`: it listens on this machine only unless told otherwise, and takes its token
from --token or DOSSIER_API_TOKEN."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dossier.cli import app


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int, str | None]]:
    """What `dossier serve` would run uvicorn with, instead of running it."""
    calls: list[tuple[str, str, int, str | None]] = []
    monkeypatch.setattr(
        "dossier.web.serve", lambda url, host, port, token: calls.append((url, host, port, token))
    )
    monkeypatch.delenv("DOSSIER_API_TOKEN", raising=False)
    return calls


def test_serve_binds_to_this_machine_without_a_token_by_default(
    served: list, web_store: str
) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", web_store])
    assert result.exit_code == 0, result.output
    assert served == [(web_store, "127.0.0.1", 8000, None)]


def test_serve_takes_its_token_from_the_environment(
    served: list, web_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_API_TOKEN", "from-the-env")
    result = CliRunner().invoke(app, ["serve", "--db", web_store, "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert served == [(web_store, "0.0.0.0", 8000, "from-the-env")]
