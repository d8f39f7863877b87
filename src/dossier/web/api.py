"""The JSON API under /api/: the records analyse and the store return, as they are. The response
types are the records themselves (frozen dataclasses pydantic reads), so `/openapi.json` is
generated from the same types every other surface renders."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path as FilePath
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel

from dossier.analyse.danger import ranking
from dossier.analyse.listing import list_incidents
from dossier.analyse.names import find_actor, search_actors
from dossier.analyse.profile import build_profile
from dossier.model import (
    ActorSummary,
    DocumentInfo,
    DocumentText,
    Incident,
    Profile,
    Ranking,
)
from dossier.model.vocabulary import EVENT_TYPES
from dossier.store import Store

MAX_PAGE = 200
MAX_NAME = 200
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class ErrorBody(BaseModel):
    """Every error the API answers: one sentence saying what went wrong and what to try."""

    error: str


class IncidentPage(BaseModel):
    """One page of incidents in date order, with the total the filters match."""

    total: int
    limit: int
    offset: int
    incidents: list[Incident]


class DocumentPage(BaseModel):
    """One page of the stored documents, newest first, with the total."""

    total: int
    limit: int
    offset: int
    documents: list[DocumentInfo]


ERRORS = {
    404: {"model": ErrorBody, "description": "No such group, document or answer"},
    422: {"model": ErrorBody, "description": "A parameter is out of bounds or malformed"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

Name = Annotated[str, Path(min_length=1, max_length=MAX_NAME, description="Any name or alias.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]
Day = Annotated[str | None, Query(pattern=DATE, description="2021, 2021-08 or 2021-08-26.")]
Year = Annotated[int | None, Query(ge=1900, le=2200, description="Year of the index.")]


def store_of(request: Request) -> Store:
    return request.app.state.store


@router.get("/actors", response_model=list[ActorSummary])
def actors(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_NAME, description="Part of any name or alias.")] = "",
    every_kind: Annotated[
        bool, Query(alias="all", description="Every actor, not only armed groups.")
    ] = False,
) -> list[ActorSummary]:
    """Armed groups (or every actor), most mentioned first; `q` searches every alias."""
    return search_actors(store_of(request), q, every_kind)


# `:path`, since a name may hold a slash ("Communist Party of Turkey/Marxist-Leninist").
@router.get("/actors/{name:path}", response_model=ActorSummary)
def actor(request: Request, name: Name) -> ActorSummary:
    """One actor by any of its names: its canonical name, kind, counts and aliases."""
    store = store_of(request)
    return store.actor(find_actor(store, name))


@router.get("/profile/{name:path}", response_model=Profile)
def profile(
    request: Request,
    name: Name,
    as_of: Year = None,
    full: Annotated[bool, Query(alias="all", description="Every line, no limit.")] = False,
) -> Profile:
    """The cited profile of a group: sections of lines, each with its citations and quotes."""
    return build_profile(store_of(request), name, limit=None if full else 8, as_of=as_of)


@router.get("/incidents", response_model=IncidentPage)
def incidents(
    request: Request,
    actor: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME)] = None,
    country: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME)] = None,
    since: Annotated[
        str | None, Query(pattern=DATE, description="2021, 2021-08, 2021-08-26")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DATE, description="2021, 2021-08, 2021-08-26")
    ] = None,
    type: EventType | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> IncidentPage:
    """Incidents in date order, each attack once with every report, figure and claimant."""
    found = list_incidents(store_of(request), actor, country, since, until, type)
    return IncidentPage(
        total=len(found), limit=limit, offset=offset, incidents=found[offset : offset + limit]
    )


@router.get("/documents", response_model=DocumentPage)
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> DocumentPage:
    """The stored documents, newest first."""
    store = store_of(request)
    return DocumentPage(
        total=store.document_count(),
        limit=limit,
        offset=offset,
        documents=store.document_list(limit, offset),
    )


@router.get("/documents/{document_id}", response_model=DocumentText)
def document(
    request: Request, document_id: Annotated[str, Path(min_length=1, max_length=MAX_NAME)]
) -> DocumentText:
    """A document's clean text and the span of every fact read in it (`text[start:end]`)."""
    return store_of(request).document_with_spans(document_id)


@router.get("/index", response_model=Ranking)
def index(
    request: Request, by: Literal["group", "country"] = "group", as_of: Year = None
) -> Ranking:
    """Groups or countries ranked by danger index (Global Terrorism Index method), each with
    its yearly parts and the incidents counted."""
    return ranking(store_of(request), by, as_of)


MEDIA = {
    "stix": ("application/json", "dossier.stix.json"),
    "ftm": ("application/x-ndjson", "dossier.ftm.jsonl"),
    "graphml": ("application/xml", "dossier.graphml"),
    "csv": ("application/zip", "dossier-csv.zip"),
    "parquet": ("application/zip", "dossier-parquet.zip"),
}


@router.get(
    "/export/{format}",
    response_class=Response,
    responses={200: {"content": {media: {} for media, _ in MEDIA.values()}}},
)
def export(
    request: Request, format: Literal["csv", "parquet", "stix", "ftm", "graphml"]
) -> Response:
    """The whole store for other tools, as `dossier export` writes it: a STIX 2.1 bundle,
    FollowTheMoney entities, the actor graph, or the tables of CSV or Parquet as a zip."""
    from dossier.export.formats import export as write

    media, name = MEDIA[format]
    with tempfile.TemporaryDirectory() as folder:
        out = FilePath(folder) / ("tables" if format in ("csv", "parquet") else name)
        written = write(store_of(request), format, out)
        if format in ("csv", "parquet"):
            packed = io.BytesIO()
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(written):
                    archive.write(path, path.relative_to(out))
            body = packed.getvalue()
        else:
            body = out.read_bytes()
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media, headers=headers)
