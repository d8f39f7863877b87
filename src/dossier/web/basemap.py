"""The base map under the incidents: country outlines (Natural Earth 1:110m, from world-atlas,
shipped in data/world) drawn as SVG paths on the server, in the same equirectangular projection
as the incidents, so that no tile or script is fetched.

TopoJSON keeps each border once, as a quantized, delta-encoded arc; a country's rings list the
arcs they follow (`~i`, a negative index, follows arc i backwards). Decoding is a few lines, so
no geometry library is needed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

Projection = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Outline:
    """One country: its name, the SVG path of its rings and their bounding box (x0, y0, x1,
    y1), so that a map framed on a region draws only the countries it shows."""

    name: str
    d: str
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as (longitude, latitude) points, undoing quantization and delta encoding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # arcs share their end points
    return points


def _box(rings: list[list[tuple[float, float]]], project: Projection) -> tuple[float, ...]:
    xy = [project(lat, lon) for ring in rings for lon, lat in ring]
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    return (min(xs), min(ys), max(xs), max(ys))


def _path(rings: list[list[tuple[float, float]]], project: Projection) -> str:
    parts = []
    for ring in rings:
        xy = [project(lat, lon) for lon, lat in ring]
        # A ring crossing the antimeridian would streak across the map: split it where it jumps.
        moves, previous = [], None
        for x, y in xy:
            jump = previous is not None and abs(x - previous) > 180
            moves.append(f"{'M' if previous is None or jump else 'L'}{x:.1f},{y:.1f}")
            previous = x
        parts.append("".join(moves) + "Z")
    return "".join(parts)


@functools.cache
def outlines(project: Projection) -> tuple[Outline, ...]:
    """Every country's outline in the projection given (cached: the geometry never changes)."""
    text = files("dossier.data").joinpath("world/countries-110m.json").read_text("utf-8")
    topology = json.loads(text)
    arcs = _arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = (
            [geometry["arcs"]]
            if kind == "Polygon"
            else geometry["arcs"]
            if kind == "MultiPolygon"
            else []
        )
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        if rings:
            name = (geometry.get("properties") or {}).get("name", "")
            x0, y0, x1, y1 = _box(rings, project)
            found.append(Outline(name, _path(rings, project), (x0, y0, x1, y1)))
    return tuple(sorted(found, key=lambda o: o.name))
