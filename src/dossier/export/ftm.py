"""The store as FollowTheMoney entities (JSON Lines), for Aleph, OpenAleph and the `ftm`
tools.

Each document is an `Article`; armed groups and other organisations are `Organization`s (a
state, a security force included), named people `Person`s; each incident is an `Event`
(date, place, country, the groups `involved`, its tolls in `description`); each relation
between actors is an `UnknownLink` whose `role` is dossier's relation type; what sources say
about an actor is a `Note`. Every entity cites its evidence: `notes` or `description` hold the
citations, `proof` the articles, `sourceUrl` and `publisher` where the documents give them;
and a `Documentation` links each entity to each article it is read in. Ids are hashes of
stable keys, so two exports of one store are equal.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from followthemoney import model
from followthemoney.proxy import EntityProxy

from dossier.export.snapshot import Snapshot, told_by
from dossier.model import PERSON, Evidence, Incident

SCHEMA = {PERSON: "Person"}  # every other kind of actor is an Organization


def entity(schema: str, *key: str, **properties: object) -> EntityProxy:
    """An entity with a stable id; properties the schema lacks raise (InvalidData), and
    None or empty values are left out."""
    proxy = model.make_entity(schema)
    proxy.make_id("dossier", schema, *key)
    for name, value in properties.items():
        _add(proxy, name, value)
    return proxy


class Entities:
    """The entities of a snapshot, with the articles that each one is read in."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self.documents = {d.id: d for d in snap.documents}
        self.articles = {
            d.id: entity(
                "Article",
                d.id,
                name=d.title or d.id,
                title=d.title,
                publishedAt=d.published,
                publisher=d.source,
                sourceUrl=d.url,
                fileName=d.path,
            )
            for d in snap.documents
        }
        self.read_in: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def cited(self, proxy: EntityProxy, evidence: Iterable[Evidence | None]) -> dict[str, object]:
        """The evidence properties every fact carries: the articles (`proof` where the schema
        has it), their urls and publishers; recorded for the Documentation links."""
        found = list(dict.fromkeys(e for e in evidence if e is not None))
        docs = list(dict.fromkeys(e.document_id for e in found))
        for e in found:
            self.read_in[proxy.id][e.document_id].append(e.citation)  # type: ignore[index]
        properties: dict[str, object] = {
            "sourceUrl": [self.documents[d].url for d in docs],
            "publisher": [self.documents[d].source for d in docs],
        }
        if "proof" in proxy.schema.properties:
            properties["proof"] = [self.articles[d].id for d in docs]
        return properties

    def citations(self, evidence: Iterable[Evidence | None]) -> list[str]:
        return [f"[{e.citation}]" for e in dict.fromkeys(e for e in evidence if e is not None)]

    def actors(self) -> dict[str, EntityProxy]:
        first_uses: dict[str, list[Evidence]] = defaultdict(list)
        for alias in self.snap.aliases:
            first_uses[alias.actor].append(alias.evidence)
        found = {}
        for actor in self.snap.actors:
            proxy = entity(SCHEMA.get(actor.kind, "Organization"), actor.name)
            ranked = self.snap.indices.get(actor.name)
            about = f"{actor.kind.replace('_', ' ')} in {actor.documents} documents"
            if ranked:
                about += f"; danger index {ranked.index.score} as of {ranked.index.as_of}"
            evidence = first_uses[actor.name]
            for name, value in {
                "name": actor.name,
                "alias": [a for a in actor.aliases if a != actor.name],
                "description": about,
                "notes": self.citations(evidence),
                **self.cited(proxy, evidence),
            }.items():
                _add(proxy, name, value)
            found[actor.name] = proxy
        return found

    def event(self, incident: Incident, actors: dict[str, EntityProxy]) -> EntityProxy:
        told = told_by(incident)
        tolls = [
            f"{kind.replace('_', ' ')}: {toll.count}" + (" (disputed)" if toll.disputed else "")
            for kind in ("killed", "attackers_killed", "wounded", "abducted")
            if (toll := getattr(incident, kind)) is not None
        ]
        figures = [
            f"{f.count.text} {f.kind}"
            + (f" ({f.source})" if f.source else "")
            + (f" [{f.evidence.citation}]" if f.evidence else "")
            for f in incident.figures
        ]
        groups = [incident.perpetrator, *incident.groups]
        proxy = entity(
            "Event",
            str(incident.id),
            name=f"{incident.type.replace('_', ' ')} in "
            f"{incident.place or incident.country or 'an unknown place'}",
            date=incident.date,
            location=incident.place,
            country=incident.country,
            involved=[actors[g].id for g in dict.fromkeys(groups) if g in actors],
            summary=self.snap.quotes.get(told.evidence),
            description="; ".join(
                [f"type: {incident.type}", *tolls, *figures]
                + (["contested"] if incident.contested else [])
            ),
            keywords=[incident.type],
        )
        evidence = [*incident.citations, *(a.evidence for a in incident.claimants)]
        evidence += [f.evidence for f in incident.figures]
        for name, value in {
            "notes": self.citations(evidence),
            **self.cited(proxy, evidence),
        }.items():
            _add(proxy, name, value)
        return proxy

    def links(self, actors: dict[str, EntityProxy]) -> Iterator[EntityProxy]:
        """One UnknownLink per (subject, type, object), citing every sentence that states it."""
        stated: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        for r in self.snap.relations:
            stated[(r.subject, r.type, r.object)].append(r.evidence)
        for (subject, type_, object_), evidence in stated.items():
            proxy = entity(
                "UnknownLink",
                subject,
                type_,
                object_,
                subject=actors[subject].id,
                object=actors[object_].id,
                role=type_,
                summary=[self.snap.quotes.get(e) for e in evidence],
            )
            _add(
                proxy,
                "description",
                f"{subject} {type_} {object_} " + " ".join(self.citations(evidence)),
            )
            for name, value in self.cited(proxy, evidence).items():
                _add(proxy, name, value)
            yield proxy

    def notes(self, actors: dict[str, EntityProxy]) -> Iterator[EntityProxy]:
        for claim in self.snap.claims:
            proxy = entity(
                "Note",
                claim.evidence.citation,
                claim.about,
                entity=actors[claim.about].id,
                name=f"{claim.source} on {claim.about}",
                description=self.snap.quotes.get(claim.evidence),
                notes=self.citations([claim.evidence]),
            )
            for name, value in self.cited(proxy, [claim.evidence]).items():
                _add(proxy, name, value)
            yield proxy

    def documentation(self) -> Iterator[EntityProxy]:
        """Which article each entity is read in, and where (`summary`: the citations)."""
        for entity_id, documents in self.read_in.items():
            for document_id, citations in documents.items():
                yield entity(
                    "Documentation",
                    entity_id,
                    document_id,
                    entity=entity_id,
                    document=self.articles[document_id].id,
                    role="evidence",
                    summary=" ".join(f"[{c}]" for c in dict.fromkeys(citations)),
                )


def _add(proxy: EntityProxy, name: str, value: object) -> None:
    values = value if isinstance(value, (list, tuple)) else [value]
    for one in values:
        if one not in (None, ""):
            proxy.add(name, str(one))


def entities(snap: Snapshot) -> list[EntityProxy]:
    """Every entity: articles, actors, events, links, notes, then the Documentation links."""
    made = Entities(snap)
    actors = made.actors()
    found = [*made.articles.values(), *actors.values()]
    found += [made.event(i, actors) for i in snap.incidents]
    found += [*made.links(actors), *made.notes(actors)]
    return found + list(made.documentation())


def write_ftm(snap: Snapshot, out: Path) -> list[Path]:
    """The entities as JSON Lines at `out`, one entity a line, as `ftm` tools read them."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as file:
        for proxy in entities(snap):
            file.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return [out]
