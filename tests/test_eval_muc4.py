"""The MUC-4 scorer follows the published metric, and `python -m eval muc4` writes predictions
in the benchmark's format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from eval.muc4 import ROLES, normalise, score
from tests.conftest import ROOT, SHARED


def _gold(**roles: list[list[list]]) -> dict:
    return {"docid": "d1", "doctext": "", "extracts": {r: roles.get(r, []) for r in ROLES}}


def test_normalise_drops_case_punctuation_and_articles() -> None:
    assert normalise('The "Santo Tomas" presidential farm.') == "santo tomas presidential farm"


def test_any_mention_of_a_gold_entity_matches_once() -> None:
    gold = _gold(PerpOrg=[[["farabundo marti national liberation front", 3], ["fmln", 9]]])
    predicted = {"d1": {"pred_extracts": {"PerpOrg": [["FMLN"], ["the fmln"]]}}}
    result = score(predicted, [gold])["PerpOrg"]
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)  # one-to-one: the second is extra


def test_every_string_of_a_predicted_entity_must_match() -> None:
    gold = _gold(Weapon=[[["bomb", 1]]])
    predicted = {"d1": {"pred_extracts": {"Weapon": [["bomb", "rifle"]]}}}
    result = score(predicted, [gold])["Weapon"]
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)


def test_command_writes_predictions(tmp_path: Path) -> None:
    dev = SHARED / "eval" / "muc4" / "dev.jsonl"
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(dev.open().readlines()[:3]))
    out = tmp_path / "pred.json"
    result = subprocess.run(
        [sys.executable, "-m", "eval", "muc4", str(sample), "--predictions", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "micro" in result.stdout
    predictions = json.loads(out.read_text())
    assert len(predictions) == 3
    for prediction in predictions.values():
        assert set(prediction["pred_extracts"]) == set(ROLES)
        for entities in prediction["pred_extracts"].values():
            assert all(isinstance(e, list) and all(isinstance(m, str) for m in e) for e in entities)
