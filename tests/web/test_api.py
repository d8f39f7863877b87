"""The JSON API: every route's status and shape, its filters, bounds and errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE_ID

ISK = "Islamic State Khorasan Province"


def test_actors_lists_armed_groups_and_searches_every_alias(client: TestClient) -> None:
    everyone = client.get("/api/actors").json()
    assert ISK in [a["name"] for a in everyone]
    assert {"name", "kind", "documents", "mentions", "aliases"} <= everyone[0].keys()
    found = client.get("/api/actors", params={"q": "isis-k"}).json()
    assert [a["name"] for a in found] == [ISK]
    assert client.get("/api/actors", params={"q": "no such group at all"}).json() == []


def test_actor_by_any_alias(client: TestClient) -> None:
    for alias in ("IS-K", "ISKP", "iskp"):
        response = client.get(f"/api/actors/{alias}")
        assert response.status_code == 200, alias
        assert response.json()["name"] == ISK


def test_unknown_group_is_a_404_with_a_message(client: TestClient) -> None:
    response = client.get("/api/actors/Nobody Brigade")
    assert response.status_code == 404
    assert "no actor named 'Nobody Brigade'" in response.json()["error"]
    assert client.get("/api/profile/Nobody Brigade").status_code == 404


def test_profile_has_cited_sections(client: TestClient) -> None:
    profile = client.get("/api/profile/IS-K").json()
    assert profile["name"] == ISK
    lines = [line for s in profile["sections"] for line in s["lines"]]
    assert lines and all(line["citations"] for line in lines)
    cited = lines[0]["citations"][0]
    assert {"document_id", "start", "end"} <= cited.keys()
    assert {q["evidence"]["document_id"] for q in profile["quotes"]}


def test_incidents_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/api/incidents", params={"limit": 200}).json()
    assert everything["total"] == len(everything["incidents"]) > 3
    page = client.get("/api/incidents", params={"limit": 2, "offset": 1}).json()
    assert page["incidents"] == everything["incidents"][1:3]
    assert (page["limit"], page["offset"]) == (2, 1)
    theirs = client.get("/api/incidents", params={"actor": "ISKP", "limit": 200}).json()
    assert 0 < theirs["total"] < everything["total"]
    dated = client.get(
        "/api/incidents", params={"since": "2021-08", "until": "2021-08", "limit": 200}
    ).json()
    assert dated["total"] and all(i["date"].startswith("2021-08") for i in dated["incidents"])
    bombings = client.get("/api/incidents", params={"type": "bombing", "limit": 200}).json()
    assert bombings["total"] and {i["type"] for i in bombings["incidents"]} == {"bombing"}
    afghan = client.get("/api/incidents", params={"country": "afghanistan"}).json()
    assert afghan["total"] and {i["country"] for i in afghan["incidents"]} == {"Afghanistan"}


def test_bad_parameters_are_422_with_a_message(client: TestClient) -> None:
    for params in (
        {"limit": 201},
        {"limit": 0},
        {"offset": -1},
        {"since": "last week"},
        {"type": "picnic"},
    ):
        response = client.get("/api/incidents", params=params)
        assert response.status_code == 422, params
        assert response.json()["error"], params
    assert client.get("/api/actors", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/index", params={"by": "planet"}).status_code == 422
    assert client.get("/api/actors/" + "x" * 201).status_code == 422


def test_documents_list_and_one_with_its_spans(client: TestClient) -> None:
    listed = client.get("/api/documents", params={"limit": 200}).json()
    assert listed["total"] == len(listed["documents"])
    assert HOSTILE_ID in [d["id"] for d in listed["documents"]]
    one = client.get("/api/documents/kabul-airport-bombing").json()
    assert one["info"]["id"] == "kabul-airport-bombing"
    assert one["spans"]
    for span in one["spans"]:
        e = span["evidence"]
        assert 0 <= e["start"] < e["end"] <= len(one["text"])
    named = [s for s in one["spans"] if s["kind"] == "mention"]
    assert any(
        one["text"][s["evidence"]["start"] : s["evidence"]["end"]] == "ISIS-K" for s in named
    )
    assert client.get("/api/documents/no-such-document").status_code == 404


def test_index_by_group_and_country(client: TestClient) -> None:
    groups = client.get("/api/index").json()
    assert groups["by"] == "group" and groups["rows"]
    first = groups["rows"][0]["index"]
    assert first["years"] and first["formula"] and 0 < first["score"] <= 10
    scores = [r["index"]["score"] for r in groups["rows"]]
    assert scores == sorted(scores, reverse=True)
    countries = client.get("/api/index", params={"by": "country", "as_of": 2021}).json()
    assert countries["as_of"] == 2021
    assert "Afghanistan" in [r["name"] for r in countries["rows"]]


def test_openapi_is_generated_from_the_records(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/actors",
        "/api/actors/{name}",
        "/api/profile/{name}",
        "/api/incidents",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/index",
    ):
        assert "get" in paths[path], path
    assert {"Profile", "Incident", "Ranking", "DocumentText"} <= schema["components"][
        "schemas"
    ].keys()
    assert not any(p.startswith("/groups") for p in paths)


def test_exports_are_served_as_files(client: TestClient) -> None:
    import io
    import json
    import zipfile

    bundle = client.get("/api/export/stix")
    assert bundle.status_code == 200 and "attachment" in bundle.headers["content-disposition"]
    assert json.loads(bundle.content)["type"] == "bundle"
    tables = client.get("/api/export/csv")
    names = zipfile.ZipFile(io.BytesIO(tables.content)).namelist()
    assert "incidents.csv" in names and "actors.csv" in names
    assert client.get("/api/export/pdf").status_code == 422


def test_unknown_api_route_and_method_answer_json(client: TestClient) -> None:
    assert client.get("/api/nothing").json()["error"]
    response = client.post("/api/actors")
    assert response.status_code == 405 and response.json()["error"]
