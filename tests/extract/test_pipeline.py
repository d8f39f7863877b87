"""The pipeline is what its config says: a component is swapped by naming another factory."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dossier.errors import DossierError
from dossier.extract import extract_many
from dossier.extract.pipeline import load_pipeline, pipeline_config
from dossier.extract.state import state
from dossier.model import Document, Evidence, VictimCategory
from dossier.settings import Settings


class FirstSentenceVictims:
    """A stand-in for a learned victims component: it files the first sentence as "civilians"."""

    def __call__(self, doc: Doc) -> Doc:
        first = next(iter(doc.sents))
        state(doc).victim_categories.append(("civilians", first.start_char, first.end_char))
        return doc


if not Language.has_factory("test_first_sentence_victims"):
    Language.factory("test_first_sentence_victims", func=lambda nlp, name: FirstSentenceVictims())


def _config(tmp_path: Path, component: str, section: dict[str, object]) -> str:
    config = pipeline_config()
    config["components"][component] = section
    path = tmp_path / "pipeline.cfg"
    config.to_disk(path)
    return str(path)


def test_a_component_is_swapped_by_configuration(seed_document: Document, tmp_path: Path) -> None:
    swapped = _config(tmp_path, "dossier_victims", {"factory": "test_first_sentence_victims"})
    (facts,) = extract_many([seed_document], pipeline=swapped)
    (stock,) = extract_many([seed_document])
    first = next(iter(load_pipeline(swapped)(seed_document.text).sents))
    evidence = Evidence(seed_document.id, first.start_char, first.end_char)
    assert facts.victim_categories == (VictimCategory("civilians", evidence),)
    # Only the swapped component's output changed.
    assert replace(facts, victim_categories=()) == replace(stock, victim_categories=())


def test_a_components_settings_come_from_the_config(tmp_path: Path) -> None:
    config = _config(tmp_path, "dossier_anaphora", {"factory": "dossier_anaphora"})
    assert load_pipeline(config).get_pipe("dossier_anaphora").window_sentences == 3  # default
    assert load_pipeline().get_pipe("dossier_places").labels == ("GPE", "LOC", "FAC", "NORP")


def test_a_config_out_of_the_models_order_is_refused(tmp_path: Path) -> None:
    config = pipeline_config()
    order = config["nlp"]["pipeline"]
    config["nlp"]["pipeline"] = [order[1], order[0], *order[2:]]
    path = tmp_path / "pipeline.cfg"
    config.to_disk(path)
    with pytest.raises(DossierError, match="model's own components"):
        load_pipeline(str(path))


def test_settings_name_the_pipeline_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_PIPELINE", "/etc/dossier/learned.cfg")
    assert Settings.from_env().pipeline == "/etc/dossier/learned.cfg"
    monkeypatch.delenv("DOSSIER_PIPELINE")
    assert Settings.from_env().pipeline is None
