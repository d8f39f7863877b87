"""The pages: what each shows, hostile text escaped, the strict headers, the token."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from dossier.model import Evidence, Marked
from dossier.render.html import marked
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


def test_incidents_page_filters(client: TestClient) -> None:
    html = client.get("/incidents", params={"actor": "ISKP", "since": "2021"}).text
    assert "Kabul" in html and "Mogadishu" not in html
    assert client.get("/incidents", params={"since": "soon"}).status_code == 422


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


def test_request_bodies_are_bounded(client: TestClient) -> None:
    response = client.post("/login", content=b"token=" + b"x" * 10_000)
    assert response.status_code == 413


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
