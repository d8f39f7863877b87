"""Terrorist listings of registered groups (data/designations.yaml) as `Designation` records."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from dossier.model import Designation


@cache
def designations() -> tuple[Designation, ...]:
    data = yaml.safe_load(files("dossier.data").joinpath("designations.yaml").read_text("utf-8"))
    lists = data["lists"]
    return tuple(
        Designation(
            group=d["group"],
            list=lists[d["list"]]["name"],
            by=lists[d["list"]]["by"],
            listed=str(d["listed"]),
            url=lists[d["list"]]["url"],
            delisted=str(d["delisted"]) if d.get("delisted") else None,
            listed_as=d.get("as"),
            note=d.get("note"),
        )
        for d in data["designations"]
    )


def designations_of(group: str) -> tuple[Designation, ...]:
    """The listings of one group (by its registry name), oldest first."""
    return tuple(sorted((d for d in designations() if d.group == group), key=lambda d: d.listed))
