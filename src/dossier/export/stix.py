"""The store as one STIX 2.1 bundle (the `stix2` library), for threat-intelligence platforms
(OpenCTI, MISP, TAXII servers).

Armed groups are `threat-actor`s, other actors `identity`s; incidents are `incident`s (STIX
2.1 gives them no date or place, so those, the tolls and every figure are properties of
dossier's extension), each `related-to` its `location` and to each group said to have done it;
relations between actors are `related-to` relationships too. STIX suggests no relationship
from an incident, and has no "branch of", so the extension's `relation` says which it is
(`located-at`, `attributed-to`, or dossier's relation type). Sourced claims are `note`s; each
document is a `report` whose `object_refs` are the objects it supports; sources are
`identity`s. Every object's `external_references` cite its evidence (`source_name` "dossier",
`external_id` the citation).

What STIX has no property for travels in one property extension, declared by the bundle's
`extension-definition` (`EXTENSION`, its properties described in `PROPERTIES`), so that the
OASIS validator finds neither error nor warning. Ids are version-4 UUIDs drawn from a hash of
stable keys and timestamps are the store's latest publication date, so two exports of one store
are equal.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycountry
import stix2

from dossier.export.snapshot import Snapshot, told_by
from dossier.model import ARMED_GROUP, DATE_PRECISIONS, PERSON, STANCES, Evidence, Incident

IDENTITY_CLASS = {PERSON: "individual"}  # every other kind of actor is an organisation
TOLLS = ("killed", "attackers_killed", "wounded", "abducted")

# The extension's properties, by the objects that carry them; its `schema` is this text.
PROPERTIES = {
    "threat-actor": {
        "parent": "the registry's parent group of a branch",
        "registered": "true when the group is in dossier's registry of armed groups",
        "documents": "how many stored documents name it",
        "incidents": "how many incidents are its own or attributed to it",
        "danger_index": "its danger index, 0 to 10 (Global Terrorism Index method)",
        "danger_as_of": "the year the danger index is computed for",
    },
    "identity": {"actor_kind": "the kind of actor dossier read (state, person, ...)"},
    "incident": {
        "incident": "the incident's id in the store",
        "event_type": "the kind of attack (bombing, armed_assault, ...)",
        "date": "ISO date, month or year, at the precision reports give",
        "date_precision": ", ".join(DATE_PRECISIONS),
        "place": "the place named",
        "country": "the country",
        "perpetrator": "the group that did it, when reports name one and no rival contests it",
        "contested": "true when unrelated groups claim it",
        "suicide": "true when reports say it was a suicide attack",
        "figures": "every casualty figure reported, side by side, each with its source and "
        "citation: kind, count (the text), low, high",
        **{toll: f"the {toll.replace('_', ' ')} count it is counted at" for toll in TOLLS},
    },
    "relationship": {
        "relation": "located-at, attributed-to, or dossier's relation between two actors "
        "(branch_of, split_from, rival_of, ...)",
        "stance": "for attributed-to: " + ", ".join(STANCES),
        "said_by": "for attributed-to: who said so",
    },
    "report": {
        "document": "the document's id in the store",
        "publisher": "its publisher's name",
        "publisher_ref": "its publisher's identity",
        "published_known": "false when the document gives no date (published is then the "
        "store's latest date)",
    },
}
SCHEMA = "Properties of dossier's property extension, by the objects that carry them.\n" + "".join(
    f"{kind}: " + "; ".join(f"{name}: {meaning}" for name, meaning in names.items()) + ".\n"
    for kind, names in PROPERTIES.items()
)
EXTENSION_CREATED = "2026-11-25T00:00:00Z"  # a new version of the extension: a new date


def stix_id(kind: str, *key: object) -> str:
    """A deterministic id: the same object of the same store always gets the same id. A
    version-4 UUID (as STIX asks of every object but observables) drawn from a hash."""
    digest = hashlib.sha256("|".join(map(str, ("dossier:stix", kind, *key))).encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


EXTENSION = stix_id("extension-definition", "dossier", 1)


def timestamp(iso: str) -> str:
    """An ISO date, month or year as the first instant it names (STIX wants a timestamp)."""
    year, month, day = ([*iso.split("-"), "01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2, as STIX locations want it; None for a name pycountry cannot place."""
    if not name:
        return None
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


class Bundler:
    """Collects the objects of a bundle and, per document, what it supports."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self.urls = {d.id: d.url for d in snap.documents}
        self.stamp = timestamp(snap.latest)
        self.me = stix_id("identity", "dossier")
        self.objects: dict[str, Any] = {}
        self.supports: dict[str, list[str]] = defaultdict(list)

    def add(
        self,
        factory: type,
        kind: str,
        key: tuple[object, ...],
        dossier: dict[str, Any] | None = None,
        **props: Any,
    ) -> str:
        """Make (once) the object of `kind` and `key`, with the `dossier` properties in the
        extension; record which documents its evidence is in, so that their reports point at
        it."""
        id_ = stix_id(kind, *key)
        if id_ in self.objects:
            return id_
        common = {"id": id_, "created": self.stamp, "modified": self.stamp}
        if kind != "identity" or id_ != self.me:
            common["created_by_ref"] = self.me
        for ref in props.get("external_references", ()):
            if ref.get("source_name") == "dossier":
                self.supports[ref["document"]].append(id_)
        props["external_references"] = [
            {k: v for k, v in ref.items() if k != "document"}
            for ref in props.get("external_references", ())
        ] or None
        if dossier:
            props["extensions"] = {
                EXTENSION: {"extension_type": "property-extension"} | _present(dossier)
            }
        self.objects[id_] = factory(**common, **_present(props))
        return id_

    def cite(self, evidence: Iterable[Evidence | None], what: str = "") -> list[dict[str, str]]:
        """External references to each piece of evidence, once each, in order."""
        refs = []
        for e in dict.fromkeys(e for e in evidence if e is not None):
            ref = {"source_name": "dossier", "external_id": e.citation, "document": e.document_id}
            ref["description"] = f"{what} {e.citation}".strip() + (
                f" (according to {e.source})" if e.source else ""
            )
            if self.urls.get(e.document_id):
                ref["url"] = str(self.urls[e.document_id])
            refs.append(ref)
        return refs

    def source(self, name: str, publisher: bool = False) -> str:
        return self.add(
            stix2.v21.Identity,
            "identity",
            ("source", name),
            name=name,
            identity_class="organization" if publisher else "unknown",
            description="a publisher of stored documents" if publisher else "a source quoted",
        )


def _present(props: dict[str, Any]) -> dict[str, Any]:
    """The properties that hold something (false and zero do; none, empty lists and "" not)."""
    return {k: v for k, v in props.items() if v is not None and v != [] and v != ""}


def _actors(b: Bundler) -> dict[str, str]:
    """Each actor's object: a threat actor for an armed group, an identity for the others."""
    ids = {}
    first_uses: dict[str, list[Evidence]] = defaultdict(list)
    for alias in b.snap.aliases:
        first_uses[alias.actor].append(alias.evidence)
    for actor in b.snap.actors:
        refs = b.cite(first_uses[actor.name], "named in")
        if actor.kind == ARMED_GROUP:
            first, last = b.snap.seen(actor.name)
            ranked = b.snap.indices.get(actor.name)
            ids[actor.name] = b.add(
                stix2.v21.ThreatActor,
                "threat-actor",
                (actor.name,),
                name=actor.name,
                aliases=[a for a in actor.aliases if a != actor.name],
                first_seen=timestamp(first) if first else None,
                last_seen=timestamp(last) if last else None,
                external_references=refs,
                dossier={
                    "parent": actor.parent,
                    "registered": actor.registered,
                    "documents": actor.documents,
                    "incidents": len(b.snap.attacks.get(actor.name, ())),
                    "danger_index": ranked.index.score if ranked else None,
                    "danger_as_of": ranked.index.as_of if ranked else None,
                },
            )
        else:
            ids[actor.name] = b.add(
                stix2.v21.Identity,
                "identity",
                ("actor", actor.name),
                name=actor.name,
                identity_class=IDENTITY_CLASS.get(actor.kind, "organization"),
                external_references=refs,
                dossier={"actor_kind": actor.kind},
            )
    return ids


def _location(b: Bundler, incident: Incident) -> str | None:
    """The incident's place, when STIX can hold it (a country it knows, or coordinates)."""
    code = country_code(incident.country)
    has_point = incident.lat is not None and incident.lon is not None
    if code is None and not has_point:
        return None
    return b.add(
        stix2.v21.Location,
        "location",
        (incident.place, incident.country, incident.lat, incident.lon),
        name=incident.place or incident.country,
        country=code,
        latitude=incident.lat if has_point else None,
        longitude=incident.lon if has_point else None,
    )


def _incident(b: Bundler, incident: Incident, actors: dict[str, str]) -> None:
    told = told_by(incident)
    where = incident.place or incident.country or "an unknown place"
    figures = [
        {"kind": f.kind, "count": f.count.text, "low": f.count.low, "high": f.count.high}
        | ({"source": f.source} if f.source else {})
        | ({"citation": f.evidence.citation} if f.evidence else {})
        for f in incident.figures
    ]
    tolls = {kind: toll.count for kind in TOLLS if (toll := getattr(incident, kind)) is not None}
    id_ = b.add(
        stix2.v21.Incident,
        "incident",
        (incident.id,),
        name=f"{incident.type.replace('_', ' ')} in {where}, {incident.date or 'undated'}",
        description=b.snap.quotes.get(told.evidence),
        external_references=b.cite(
            [*incident.citations, *(f.evidence for f in incident.figures)], "reported in"
        ),
        dossier={
            "incident": incident.id,
            "event_type": incident.type,
            "date": incident.date,
            "date_precision": told.precision,
            "place": incident.place,
            "country": incident.country,
            "perpetrator": incident.perpetrator,
            "contested": incident.contested,
            "suicide": incident.suicide,
            "figures": figures,
            **tolls,
        },
    )
    place = _location(b, incident)
    if place is not None:
        b.add(
            stix2.v21.Relationship,
            "relationship",
            ("located-at", id_, place),
            relationship_type="related-to",
            source_ref=id_,
            target_ref=place,
            description=f"located at {incident.place or incident.country}",
            external_references=b.cite(incident.citations, "place in"),
            dossier={"relation": "located-at"},
        )
    for said in incident.claimants:
        if said.group not in actors:
            continue
        b.add(
            stix2.v21.Relationship,
            "relationship",
            ("attributed-to", id_, said.group, said.stance, said.by),
            relationship_type="related-to",
            source_ref=id_,
            target_ref=actors[said.group],
            description=f"attributed to {said.group}: {said.stance}"
            + (f" by {said.by}" if said.by else ""),
            external_references=b.cite([said.evidence], "attributed in"),
            dossier={"relation": "attributed-to", "stance": said.stance, "said_by": said.by},
        )


def _relations(b: Bundler, actors: dict[str, str]) -> None:
    """One relationship per (subject, type, object), citing every sentence that states it."""
    stated: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for r in b.snap.relations:
        stated[(r.subject, r.type, r.object)].append(r.evidence)
    for (subject, type_, object_), evidence in stated.items():
        b.add(
            stix2.v21.Relationship,
            "relationship",
            ("related-to", subject, type_, object_),
            relationship_type="related-to",
            source_ref=actors[subject],
            target_ref=actors[object_],
            description=f"{subject} {type_.replace('_', ' ')} {object_}",
            external_references=b.cite(evidence, "stated in"),
            dossier={"relation": type_},
        )


def _claims(b: Bundler, actors: dict[str, str]) -> None:
    for claim in b.snap.claims:
        b.add(
            stix2.v21.Note,
            "note",
            (claim.evidence.citation, claim.source, claim.about),
            abstract=f"{claim.source} on {claim.about}",
            content=b.snap.quotes.get(claim.evidence) or claim.evidence.citation,
            authors=[claim.source],
            object_refs=[actors[claim.about], b.source(claim.source)],
            external_references=b.cite([claim.evidence], "said in"),
        )


def _reports(b: Bundler) -> None:
    """Each document as a report of what it supports (its publisher when it supports nothing);
    a document with no date is published at the store's latest date and says so."""
    for d in b.snap.documents:
        publisher = b.source(d.source, publisher=True) if d.source else None
        refs = list(dict.fromkeys(b.supports.get(d.id, ()))) or [publisher or b.me]
        cite = {"source_name": "dossier-document", "external_id": d.id}
        b.add(
            stix2.v21.Report,
            "report",
            (d.id,),
            name=d.title or d.id,
            published=timestamp(d.published) if d.published else b.stamp,
            report_types=["threat-report"],
            object_refs=refs,
            external_references=[cite | ({"url": d.url} if d.url else {})],
            dossier={
                "document": d.id,
                "publisher": d.source,
                "publisher_ref": publisher,
                "published_known": d.published is not None,
            },
        )


def bundle(snap: Snapshot) -> stix2.v21.Bundle:
    b = Bundler(snap)
    b.add(stix2.v21.Identity, "identity", ("dossier",), name="dossier", identity_class="system")
    b.objects[EXTENSION] = stix2.v21.ExtensionDefinition(
        id=EXTENSION,
        created_by_ref=b.me,
        created=EXTENSION_CREATED,
        modified=EXTENSION_CREATED,
        name="dossier",
        description="What dossier reads from news that STIX 2.1 has no property for: an "
        "incident's date, place, type, figures and tolls, an actor's danger index, who "
        "attributed an attack and how, and the relation between two actors.",
        schema=SCHEMA,
        version="1.0",
        extension_types=["property-extension"],
    )
    actors = _actors(b)
    for incident in snap.incidents:
        _incident(b, incident, actors)
    _relations(b, actors)
    _claims(b, actors)
    _reports(b)
    objects = list(b.objects.values())
    return stix2.v21.Bundle(objects, id=stix_id("bundle", *sorted(b.objects)))


def write_stix(snap: Snapshot, out: Path) -> list[Path]:
    """The bundle as one JSON file at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(bundle(snap).serialize(pretty=True) + "\n", encoding="utf-8")
    return [out]
