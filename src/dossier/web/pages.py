"""The pages a person reads, rendered on the server from the same records as the API: the
ranking, a group's profile with its charts, the incidents with their map, the graph of
relations, and the documents with every fact's span marked. No script anywhere."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import PackageLoader

from dossier.analyse.attributes import edges_in_year, relation_years
from dossier.analyse.danger import rank, ranking
from dossier.analyse.incidents import incidents_of
from dossier.analyse.listing import list_incidents
from dossier.analyse.names import find_actor, search_actors
from dossier.analyse.profile import build_profile
from dossier.errors import EmptyStore
from dossier.model import Ranking
from dossier.model.vocabulary import EVENT_TYPES
from dossier.render.html import environment, marked
from dossier.web.api import DATE, MAX_NAME, MAX_PAGE, EventType, store_of
from dossier.web.charts import incident_map, index_bars, relation_graph

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 50
GRAPH_NODES = 40
GRAPH_ROWS = 200
Text = Annotated[str | None, Query(max_length=MAX_NAME)]
Date = Annotated[str | None, Query(pattern=DATE)]


@functools.cache
def _env():  # type: ignore[no-untyped-def]
    """One environment for the app's life: `environment` is cached by its loader, and a new
    loader each request made a new environment each time, compiling every template again (two
    thirds of a group page's time) and keeping each one in the cache."""
    return environment(PackageLoader("dossier.web", "templates"))


def render(request: Request, template: str, code: int = 200, **context: Any) -> HTMLResponse:
    """A page of `template`, with the path for the navigation's current link."""
    page = (
        _env()
        .get_template(template)
        .render(path=request.url.path, locked=bool(request.app.state.token), **context)
    )
    return HTMLResponse(page, status_code=code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status=status, message=message)


def login_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "login.html", status, message=message)


def _ranking(request: Request, by: str, as_of: int | None) -> Ranking | None:
    try:
        return ranking(store_of(request), by, as_of)
    except EmptyStore:
        return None


@router.get("/")
def home(
    request: Request,
    by: Annotated[str, Query(pattern="^(group|country)$")] = "group",
    as_of: Annotated[int | None, Query(ge=1900, le=2200)] = None,
) -> HTMLResponse:
    """Groups (or countries) ranked by danger index, each with its parts."""
    ranked = _ranking(request, by, as_of)
    return render(request, "home.html", ranking=ranked, by=by, as_of=as_of)


@router.get("/groups")
def groups(request: Request, q: Annotated[str, Query(max_length=MAX_NAME)] = "") -> HTMLResponse:
    """Every armed group in the store, searchable by any alias."""
    return render(request, "groups.html", actors=search_actors(store_of(request), q), q=q)


@router.get("/groups/{name:path}")  # a name may hold a slash
def group(
    request: Request,
    name: Annotated[str, Path(min_length=1, max_length=MAX_NAME)],
    as_of: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
) -> HTMLResponse:
    """A group's cited profile, its danger index by year, its relations (those that hold in
    `year` by the documents, when one is chosen) and its map."""
    store = store_of(request)
    canonical = find_actor(store, name)
    attacks = incidents_of(store.events_of(canonical))  # read once: the profile's and the map's
    found = build_profile(store, canonical, limit=None, as_of=as_of, incidents=attacks)
    # The group's own index, from its own incidents: not the whole store's ranking.
    ranked = rank(attacks, "group", as_of)
    row = next((r for r in ranked.rows if r.name == canonical), None)
    if year is None:
        edges = store.relation_edges(canonical)  # the group's own, not the store's to filter
    else:
        edges = edges_in_year(list(found.relations), year)
    return render(
        request,
        "group.html",
        profile=found,
        actor=store.actor(canonical),
        row=row,
        bars=index_bars(row.index) if row else None,
        graph=relation_graph(edges, focus=canonical) if edges else None,
        years=relation_years(list(found.relations)),
        year=year,
        map=incident_map(attacks) if attacks else None,
    )


@router.get("/incidents")
def incidents(
    request: Request,
    actor: Text = None,
    country: Text = None,
    since: Date = None,
    until: Date = None,
    type: EventType | None = None,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> HTMLResponse:
    """The incidents as a timeline, newest last, with a map of those placed."""
    actor, country = actor or None, country or None
    found = list_incidents(store_of(request), actor, country, since, until, type)
    shown = found[offset : offset + PAGE]
    filters = {"actor": actor, "country": country, "since": since, "until": until, "type": type}
    return render(
        request,
        "incidents.html",
        incidents=shown,
        total=len(found),
        offset=offset,
        page=PAGE,
        filters=filters,
        types=EVENT_TYPES,
        map=incident_map(found),
    )


@router.get("/map")
def world(request: Request) -> HTMLResponse:
    """Every placed incident on a map of the world."""
    found = list_incidents(store_of(request))
    return render(request, "map.html", map=incident_map(found), total=len(found))


@router.get("/graph")
def graph(request: Request) -> HTMLResponse:
    """The relations between actors the store holds, on a circle: those among the `GRAPH_NODES`
    actors with the most evidence are drawn, the `GRAPH_ROWS` best evidenced listed, and the
    page says how many more there are (a page stays light on a store of any size)."""
    edges = sorted(
        store_of(request).relation_edges(), key=lambda e: (-e.mentions, e.subject, e.object)
    )
    weight: Counter[str] = Counter()
    for e in edges:
        weight[e.subject] += e.mentions
        weight[e.object] += e.mentions
    kept = {name for name, _ in weight.most_common(GRAPH_NODES)}
    drawn = [e for e in edges if e.subject in kept and e.object in kept]
    return render(
        request,
        "graph.html",
        graph=relation_graph(drawn) if drawn else None,
        edges=edges[:GRAPH_ROWS],
        omitted=max(0, len(edges) - GRAPH_ROWS),
        undrawn=len(edges) - len(drawn),
    )


@router.get("/documents")
def documents(request: Request, offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> HTMLResponse:
    """The stored documents, newest first."""
    store = store_of(request)
    return render(
        request,
        "documents.html",
        documents=store.document_list(MAX_PAGE, offset),
        total=store.document_count(),
        offset=offset,
        page=MAX_PAGE,
    )


@router.get("/documents/{document_id}")
def document(
    request: Request, document_id: Annotated[str, Path(min_length=1, max_length=MAX_NAME)]
) -> HTMLResponse:
    """A document's clean text, every fact's span marked; a citation's span is highlighted."""
    found = store_of(request).document_with_spans(document_id)
    return render(request, "document.html", document=found, pieces=marked(found.text, found.spans))
