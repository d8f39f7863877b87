"""The pages: what each shows, hostile text escaped, the strict headers, the token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.model import Evidence, Marked
from dossier.render.html import environment, marked
from tests.web.conftest import HOSTILE_ID

PAGES = (
    "/",
    "/?by=country",
    "/groups",
    "/groups/IS-K",
    "/incidents",
    "/map",
    "/graph",
    "/documents",
    "/documents/kabul-airport-bombing",
    f"/documents/{HOSTILE_ID}",
)


def test_every_page_renders_with_strict_headers(client: TestClient) -> None:
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 200, page
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "<script" not in response.text.lower(), page
        assert " style=" not in response.text, page  # the CSP forbids inline styles
    api = client.get("/api/actors")
    assert api.headers["content-security-policy"].startswith("default-src 'self'")


def test_home_ranks_groups_with_links_to_their_profiles(client: TestClient) -> None:
    html = client.get("/").text
    assert "ranked by danger index" in html
    assert 'href="/groups/Islamic%20State%20Khorasan%20Province"' in html


def test_group_page_by_any_alias_with_charts_and_citation_links(client: TestClient) -> None:
    html = client.get("/groups/ISKP").text
    assert "<h1>Islamic State Khorasan Province</h1>" in html
    for chart in ('id="index-chart"', 'id="graph"', 'id="map"'):
        assert chart in html
    links = re.findall(r'href="/documents/([^"#]+)#s-(\d+)-(\d+)"', html)
    assert links
    document, start, end = links[0]
    page = client.get(f"/documents/{document}").text
    assert f'id="s-{start}-{end}"' in page


def test_group_page_reads_the_groups_incidents_once(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The profile, the index and the map are drawn from one read of the group's reports."""
    store = client.app.state.store  # type: ignore[attr-defined]
    reads: list[object] = []
    events_of = store.events_of
    monkeypatch.setattr(store, "events_of", lambda *a, **k: reads.append(a) or events_of(*a, **k))
    assert client.get("/groups/ISKP").status_code == 200
    assert len(reads) == 1, reads


def test_templates_are_compiled_once_for_the_apps_life(client: TestClient) -> None:
    """A long-running server keeps one template environment, not one more per request."""
    client.get("/")
    environments = environment.cache_info().currsize
    for page in ("/", "/groups/IS-K", "/incidents", "/map"):
        assert client.get(page).status_code == 200
    assert environment.cache_info().currsize == environments


def test_group_page_leads_with_the_answer_and_draws_relations_of_a_chosen_year(
    client: TestClient,
) -> None:
    html = client.get("/groups/ISKP").text
    assert html.index('<p class="lead">') < html.index('id="identity"')
    assert 'id="designations"' in html and "state.gov/foreign-terrorist-organizations" in html
    assert "<option>2021</option>" in html
    every = client.get("/groups/ISKP").text.count('class="edge ')
    in_2021 = client.get("/groups/ISKP?year=2021").text
    assert "<option selected>2021</option>" in in_2021
    assert 0 < in_2021.count('class="edge ') <= every
    # No document of 1990 states any relation of the group: no graph is drawn.
    assert 'id="graph"' not in client.get("/groups/ISKP?year=1990").text


def test_unknown_group_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/groups/Nobody Brigade")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "no actor named" in response.text


def test_a_name_with_a_slash_reaches_its_group(client: TestClient) -> None:
    """A registered name may hold a slash: the page and the API still route it to the group
    (this store has no report of it, so both say so instead of "nothing at")."""
    name = "Communist Party of Turkey/Marxist-Leninist"
    for path in (f"/groups/{name}", f"/api/actors/{name}", f"/api/profile/{name}"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "is in the registry" in response.text, path


def test_incidents_page_filters(client: TestClient) -> None:
    html = client.get("/incidents", params={"actor": "ISKP", "since": "2021"}).text
    assert "Kabul" in html and "Mogadishu" not in html
    assert client.get("/incidents", params={"since": "soon"}).status_code == 422
    refused = client.get("/api/incidents", params={"since": "2021-13"})
    assert refused.status_code == 422
    assert refused.json()["error"] == "since: expected a date: 2021, 2021-08 or 2021-08-26"


def test_hostile_text_is_escaped_and_links_never_clickable(client: TestClient) -> None:
    for page in (f"/documents/{HOSTILE_ID}", "/documents", "/groups/IS-K", "/incidents"):
        html = client.get(page).text
        assert "<script" not in html.lower(), page
        assert "<img" not in html.lower(), page
        assert "<svg onload" not in html.lower(), page
        assert 'href="javascript:' not in html.lower(), page
        assert "onerror=" not in html or "onerror=&#34;" in html, page
    html = client.get(f"/documents/{HOSTILE_ID}").text
    assert "&lt;script&gt;window.__pwned = 5" in html
    assert "javascript:window.__pwned=4" in html  # shown as text, not as a link


def test_marks_nest_and_crossing_spans_are_reopened() -> None:
    text = "abcdefghij"

    def span(start: int, end: int) -> Marked:
        return Marked("mention", "x", Evidence("d", start, end))

    pieces = marked(text, [span(0, 6), span(2, 4), span(5, 9)])
    assert "".join(p.text for p in pieces) == text
    ids = [p.id for p in pieces if p.kind == "open" and p.id]
    assert ids == ["s-0-6", "s-2-4", "s-5-9"]
    opened = sum(p.kind == "open" for p in pieces)
    assert opened == sum(p.kind == "close" for p in pieces) == 4  # s-5-9 cut in two


def test_token_locks_every_page_and_route(locked: TestClient) -> None:
    for page in ("/", "/groups/IS-K", "/api/actors", "/api/index", "/openapi.json"):
        response = locked.get(page)
        assert response.status_code == 401, page
    assert locked.get("/api/actors").json()["error"]
    bearer = {"Authorization": "Bearer s3cret-token"}
    assert locked.get("/api/actors", headers=bearer).status_code == 200
    assert locked.get("/api/actors", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert locked.get("/static/dossier.css").status_code == 200  # the login page's style


def test_token_locks_every_route_the_app_has(locked: TestClient) -> None:
    """Every route the app declares (a page, the API, the schema, an export), by each of its
    methods, and a path it does not know, answer 401 without the token: only the login form
    and its stylesheet are open."""
    from starlette.routing import Route

    from dossier.web import api, pages
    from dossier.web.app import OPEN_PATHS

    checked = 0
    routes = [*locked.app.routes, *api.router.routes, *pages.router.routes]  # type: ignore[attr-defined]
    for route in routes:
        if not isinstance(route, Route) or route.path in OPEN_PATHS:
            continue
        path = re.sub(r"\{format\}", "stix", route.path)
        path = re.sub(r"\{[^}]+\}", "IS-K", path)
        for method in sorted(route.methods or ()):
            response = locked.request(method, path)
            assert response.status_code == 401, (method, path)
            checked += 1
    assert checked >= 15
    assert locked.get("/no/such/page").status_code == 401
    assert locked.post("/api/actors", json={}).status_code == 401


def test_login_form_sets_a_cookie_that_opens_the_pages(web_store: str) -> None:
    from dossier.web import create_app

    browser = TestClient(create_app(web_store, token="s3cret-token"))
    refused = browser.post("/login", data={"token": "wrong"}, follow_redirects=False)
    assert refused.status_code == 401
    response = browser.post("/login", data={"token": "s3cret-token"}, follow_redirects=False)
    assert response.status_code == 303
    assert "s3cret-token" not in response.headers["set-cookie"]
    assert "httponly" in response.headers["set-cookie"].lower()
    assert browser.get("/groups/IS-K").status_code == 200


def test_a_failure_is_answered_with_the_strict_headers(
    web_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A route that fails answers 500 as JSON or a page, with the CSP like every response."""
    from dossier.web import create_app

    app = create_app(web_store)

    def fails(*args: object) -> int:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(app.state.store, "document_count", fails)
    client = TestClient(app, raise_server_exceptions=False)
    for path in ("/documents", "/api/documents"):
        response = client.get(path)
        assert response.status_code == 500, path
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert "disk" not in response.text  # the reason is logged, not shown
    assert client.get("/api/documents").json()["error"].startswith("the server failed")


def test_request_bodies_are_bounded(client: TestClient) -> None:
    response = client.post("/login", content=b"token=" + b"x" * 10_000)
    assert response.status_code == 413
    # A body sent in chunks, with no length declared, is cut off as it streams in.
    chunked = client.post("/login", content=iter([b"token=", b"x" * 3000, b"x" * 3000]))
    assert chunked.status_code == 413


def test_profile_as_one_html_file(web_store: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dossier.cli import app

    out = tmp_path / "isk.html"
    result = CliRunner().invoke(
        app, ["profile", "IS-K", "--format", "html", "--out", str(out), "--db", web_store]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "<style>" in html and "<script" not in html.lower()
    assert "<h1>Islamic State Khorasan Province</h1>" in html
    assert "<blockquote>" in html and "[kabul-airport-bombing:" in html
