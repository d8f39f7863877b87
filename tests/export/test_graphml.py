"""GraphML: networkx reads back the actor graph, its nodes carrying the danger index and its
edges the relations with their evidence."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from dossier.export.graphml import write_graphml
from dossier.export.snapshot import Snapshot
from dossier.model import ARMED_GROUP
from tests.export.conftest import files_equal, relation_triples


def test_graph_reads_back_with_groups_and_typed_relations(snap: Snapshot, tmp_path: Path) -> None:
    [path] = write_graphml(snap, tmp_path / "actors.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert {a.name for a in snap.groups} <= set(g.nodes)
    for name, ranked in snap.indices.items():
        assert g.nodes[name]["danger_index"] == ranked.index.score
    for group in snap.groups:
        node = g.nodes[group.name]
        assert node["kind"] == ARMED_GROUP and node["documents"] == group.documents
        assert node["incidents"] == len(snap.attacks.get(group.name, ()))
    edges = {(s, d["type"], o) for s, o, d in g.edges(data=True)}
    assert edges == relation_triples(snap)
    assert sum(d["evidence"] for _, _, d in g.edges(data=True)) == len(snap.relations)
    assert all(d["citations"].startswith("[") for _, _, d in g.edges(data=True))


def test_two_exports_are_equal(snap: Snapshot, tmp_path: Path) -> None:
    assert files_equal(
        write_graphml(snap, tmp_path / "a.graphml"), write_graphml(snap, tmp_path / "b.graphml")
    )
