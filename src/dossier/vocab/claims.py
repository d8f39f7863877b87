"""The verbs of saying that make their subject a sentence's source (data/claims.yaml)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml


@cache
def speech_verbs() -> frozenset[str]:
    data = yaml.safe_load(files("dossier.data").joinpath("claims.yaml").read_text("utf-8"))
    return frozenset(data["speech"])
