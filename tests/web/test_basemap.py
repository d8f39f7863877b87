"""The base map: every country of the shipped outlines decoded to an SVG path inside the map,
in the projection the incidents use."""

from __future__ import annotations

import re

from dossier.web.basemap import outlines
from dossier.web.charts import MAP_HEIGHT, MAP_WIDTH, project


def test_countries_are_outlined_inside_the_map() -> None:
    shapes = {o.name: o.d for o in outlines(project)}
    assert len(shapes) > 150 and {"Afghanistan", "Somalia", "Nigeria", "Mali"} <= shapes.keys()
    for d in shapes.values():
        assert d.startswith("M") and d.endswith("Z")
        for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", d):
            assert -1 <= float(x) <= MAP_WIDTH + 1 and -1 <= float(y) <= MAP_HEIGHT + 1


def test_a_country_lies_where_its_towns_do() -> None:
    """Kabul (34.5 N, 69.2 E) falls inside Afghanistan's outline's bounding box."""
    d = {o.name: o.d for o in outlines(project)}["Afghanistan"]
    points = [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", d)]
    x, y = project(34.53, 69.17)
    assert min(p[0] for p in points) < x < max(p[0] for p in points)
    assert min(p[1] for p in points) < y < max(p[1] for p in points)
