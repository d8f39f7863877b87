"""Charts drawn on the server as SVG geometry (the templates turn it into markup): a map of
incidents, a graph of relations between groups, the danger index's yearly parts. Nothing is
fetched: the base map is a graticule and the country outlines shipped in the package
(`basemap.py`). Only placement lives here; what is drawn is the records analyse and the store
return."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.model import DangerIndex, Incident, RelationEdge
from dossier.web.basemap import Outline, outlines

MAP_WIDTH, MAP_HEIGHT = 720.0, 360.0
# A map is framed on its incidents: at least this wide (60 degrees of longitude), with this
# margin around the outermost dots, always twice as wide as high.
MIN_FRAME, FRAME_MARGIN = 120.0, 20.0
# A dot's radius on the whole world's scale: 6 units are 3 px on a phone 375 px wide.
DOT_RADIUS = 6.0


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    r: float = 2.0
    title: str = ""
    href: str = ""


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    title: str = ""


@dataclass(frozen=True)
class MapView:
    """The SVG's view box is (x, y, width, height) of the world's `MAP_WIDTH` by `MAP_HEIGHT`."""

    x: float
    y: float
    width: float
    height: float
    graticule: tuple[Segment, ...]
    countries: tuple[Outline, ...]
    incidents: tuple[Point, ...]
    unplaced: int  # incidents without coordinates, said under the map


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular: longitude and latitude scaled straight onto the plane."""
    return (lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT


def _frame(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The view box around the dots (the whole world when there are none or they spread too
    wide), so that a phone shows the region where the incidents are, not specks on a world."""
    if not points:
        return 0.0, 0.0, MAP_WIDTH, MAP_HEIGHT
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max(
        MIN_FRAME, max(xs) - min(xs) + 2 * FRAME_MARGIN, 2 * (max(ys) - min(ys) + 2 * FRAME_MARGIN)
    )
    if width >= MAP_WIDTH:
        return 0.0, 0.0, MAP_WIDTH, MAP_HEIGHT
    height = width / 2
    x = min(max((min(xs) + max(xs) - width) / 2, 0.0), MAP_WIDTH - width)
    y = min(max((min(ys) + max(ys) - height) / 2, 0.0), MAP_HEIGHT - height)
    return round(x, 1), round(y, 1), round(width, 1), round(height, 1)


def incident_map(incidents: Iterable[Incident], href: str = "/incidents#i-{id}") -> MapView:
    """Each placed incident a dot at its coordinates, sized by its counted deaths, on the
    countries of the region they are in."""
    lines = [
        Segment(0, project(lat, 0)[1], MAP_WIDTH, project(lat, 0)[1]) for lat in range(-60, 90, 30)
    ] + [
        Segment(project(0, lon)[0], 0, project(0, lon)[0], MAP_HEIGHT)
        for lon in range(-150, 180, 30)
    ]
    every = list(incidents)
    placed = [i for i in every if i.lat is not None and i.lon is not None]
    x0, y0, width, height = _frame([project(i.lat, i.lon) for i in placed])  # type: ignore[arg-type]
    scale = width / MAP_WIDTH  # dots keep their size on screen however close the frame
    points = []
    for incident in placed:
        x, y = project(incident.lat, incident.lon)  # type: ignore[arg-type]
        killed = incident.killed.count if incident.killed else 0
        where = ", ".join(p for p in (incident.place, incident.country) if p)
        title = f"{incident.date or 'undated'} {incident.type.replace('_', ' ')}, {where}"
        if killed:
            title += f": {killed} killed"
        r = round((DOT_RADIUS + math.sqrt(killed)) * scale, 2)
        points.append(Point(round(x, 1), round(y, 1), r, title, href.format(id=incident.id)))
    shown = tuple(
        o
        for o in outlines(project)
        if o.box[2] >= x0 and o.box[0] <= x0 + width and o.box[3] >= y0 and o.box[1] <= y0 + height
    )
    unplaced = len(every) - len(placed)
    return MapView(x0, y0, width, height, tuple(lines), shown, tuple(points), unplaced)


# A label's width per character, in SVG units: a generous average for the largest font a label
# is drawn at (15 on a phone, dossier.css), so that no label is cut at the edge.
LABEL_WIDTH = 9.0
LABEL_CHARS = 36  # a longer name is cut with an ellipsis on the graph, whole in its tooltip


@dataclass(frozen=True)
class Node:
    name: str
    x: float
    y: float
    anchor: str  # where the label sits: "start" right of the dot, "end" left of it
    lx: float
    ly: float
    focus: bool = False

    @property
    def label(self) -> str:
        cut = len(self.name) > LABEL_CHARS
        return self.name[: LABEL_CHARS - 1].rstrip() + "…" if cut else self.name


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    type: str
    title: str
    href: str


@dataclass(frozen=True)
class GraphView:
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def relation_graph(
    edges: Iterable[RelationEdge], focus: str | None = None, size: float = 520
) -> GraphView:
    """Actors on a circle in name order (the focused group, if any, first), one line per
    relation; labels sit outside the circle on the side of their dot."""
    from dossier.render.html import cite_url

    edges = list(edges)
    names = sorted({e.subject for e in edges} | {e.object for e in edges})
    if focus in names:
        names.remove(focus)
        names.insert(0, focus)
    radius = size * 0.36
    angles = [-math.pi / 2 + 2 * math.pi * k / max(len(names), 1) for k in range(len(names))]
    # As wide as the longest label needs on its side of the circle, no wider: a narrow graph
    # is drawn larger on a phone, where the labels' font grows too (dossier.css).
    reach = [
        abs((radius + 10) * math.cos(angle)) + min(len(name), LABEL_CHARS) * LABEL_WIDTH
        for name, angle in zip(names, angles, strict=True)
    ]
    width = 2 * max([size / 2, *reach]) + 10
    cx, cy = width / 2, size / 2
    at: dict[str, tuple[float, float]] = {}
    nodes = []
    for name, angle in zip(names, angles, strict=True):
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        at[name] = (x, y)
        right = math.cos(angle) >= -1e-9
        lx = cx + (radius + 10) * math.cos(angle)
        ly = cy + (radius + 10) * math.sin(angle) + 4
        nodes.append(
            Node(
                name,
                round(x, 1),
                round(y, 1),
                "start" if right else "end",
                round(lx, 1),
                round(ly, 1),
                name == focus,
            )
        )
    drawn = []
    for e in edges:
        (x1, y1), (x2, y2) = at[e.subject], at[e.object]
        said = f"{e.subject} {e.type.replace('_', ' ')} {e.object} ({e.mentions} mentions)"
        drawn.append(
            Edge(
                round(x1, 1),
                round(y1, 1),
                round(x2, 1),
                round(y2, 1),
                e.type,
                said,
                cite_url(e.first),
            )
        )
    return GraphView(round(width, 1), size, tuple(nodes), tuple(drawn))


@dataclass(frozen=True)
class Bar:
    year: int
    x: float
    width: float
    total_y: float
    total_h: float
    weighted_y: float
    weighted_h: float
    total: float
    weighted: float
    weight: float
    incidents: int


@dataclass(frozen=True)
class BarsView:
    width: float
    height: float
    base: float
    bars: tuple[Bar, ...]
    top: float


def index_bars(index: DangerIndex, width: float = 520, height: float = 220) -> BarsView:
    """A bar per year of the window, oldest first: the year's incident scores summed, and in
    front the part the index counts (that total times the year's weight)."""
    years = sorted(index.years, key=lambda y: y.year)
    top = max((y.total for y in years), default=0) or 1
    base, inner = height - 30, height - 50
    step = width / max(len(years), 1)
    bars = []
    for k, y in enumerate(years):
        th = inner * y.total / top
        wh = inner * y.weighted / top
        bars.append(
            Bar(
                y.year,
                round(k * step + step * 0.15, 1),
                round(step * 0.7, 1),
                round(base - th, 1),
                round(th, 1),
                round(base - wh, 1),
                round(wh, 1),
                round(y.total, 1),
                round(y.weighted, 2),
                y.weight,
                y.incidents,
            )
        )
    return BarsView(width, height, base, tuple(bars), round(top, 1))
