"""The actor graph as GraphML (networkx), for Gephi, Cytoscape or networkx itself.

Nodes are the armed groups, and the other actors (a state, an organisation) that a relation
names, each with its kind, danger index (where it has dated attacks), incident, document and
mention counts. Edges are directed and typed (`subject` -> `object`, keyed by the relation type),
one per (subject, type, object), with how many sentences state it (`evidence`) and their
citations. GraphML holds no nulls, so a missing value is an absent attribute.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx

from dossier.export.snapshot import Snapshot
from dossier.model import ARMED_GROUP, Evidence


def graph(snap: Snapshot) -> nx.MultiDiGraph:
    stated: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for r in snap.relations:
        stated[(r.subject, r.type, r.object)].append(r.evidence)
    sides = {name for subject, _, object_ in stated for name in (subject, object_)}
    g = nx.MultiDiGraph(name="dossier actor graph")
    for actor in snap.actors:
        if actor.kind != ARMED_GROUP and actor.name not in sides:
            continue
        ranked = snap.indices.get(actor.name)
        first, last = snap.seen(actor.name)
        attributes = {
            "label": actor.name,
            "kind": actor.kind,
            "registered": actor.registered,
            "parent": actor.parent,
            "aliases": "; ".join(actor.aliases),
            "incidents": len(snap.attacks.get(actor.name, ())),
            "documents": actor.documents,
            "mentions": actor.mentions,
            "danger_index": ranked.index.score if ranked else None,
            "danger_as_of": ranked.index.as_of if ranked else None,
            "first_seen": first,
            "last_seen": last,
        }
        g.add_node(actor.name, **{k: v for k, v in attributes.items() if v is not None})
    for (subject, type_, object_), evidence in stated.items():
        g.add_edge(
            subject,
            object_,
            key=type_,
            type=type_,
            evidence=len(evidence),
            citations=" ".join(f"[{e.citation}]" for e in evidence),
            documents=len({e.document_id for e in evidence}),
        )
    return g


def write_graphml(snap: Snapshot, out: Path) -> list[Path]:
    """The graph as one GraphML file at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph(snap), out)
    return [out]
