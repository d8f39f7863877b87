"""Property tests of the API from its own OpenAPI schema (schemathesis, through its Python API
over the ASGI app): a bounded number of generated requests per operation, and not one server
error among them."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from dossier.web import create_app

EXAMPLES = 25
REQUESTS = pytest.StashKey[dict[str, int]]()


def test_api_never_answers_a_server_error(web_store: str, request: pytest.FixtureRequest) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_store))
    tally = request.config.stash.setdefault(REQUESTS, {"requests": 0, "server_errors": 0})
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 7

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            tally["requests"] += 1
            if response.status_code >= 500:
                tally["server_errors"] += 1
            case.validate_response(response, checks=[not_a_server_error])
            # Every answer is JSON, except the files of /api/export when they are written.
            if response.status_code >= 400 or not case.path.startswith("/api/export"):
                assert response.headers["content-type"][0].startswith("application/json")
            if response.status_code >= 400:
                assert response.json()["error"]

        check()
    assert tally["server_errors"] == 0
