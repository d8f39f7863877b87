"""Attributes of groups (founding, names, leaders, strength, assessors) scored per kind against
our own annotation in eval/attributes/DOCUMENT.json (rules in eval/README.md).

A gold attribute names the group (`about`), the `kind`, the value (`value`, or for a strength
`count` in the gold files' count form or `count_text`), an optional `role`, and `quote`: the
words of the clean text that state it. A prediction matches when its group and kind are the
gold's, its value agrees, its role agrees where the gold gives one, and its evidence overlaps
the quote: a value read from the wrong sentence is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dossier.model import ATTRIBUTE_KINDS, Attribute, Facts
from dossier.vocab.fold import name_key
from eval.fields import Score, count_matches, place_keys, same_name, similar_name

GOLD = Path(__file__).resolve().parent / "attributes"


def gold_attributes(document: str) -> dict[str, Any] | None:
    """Our annotation of one document, or None where there is none."""
    path = GOLD / f"{document}.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else None


def _value_agrees(predicted: Attribute, gold: dict[str, Any]) -> bool:
    kind = gold["kind"]
    if kind == "founded":
        return predicted.date is not None and predicted.date.value == gold["value"]
    if kind in ("founding_place", "area"):
        return bool(place_keys(predicted.value) & place_keys(gold["value"]))
    if kind == "strength":
        if "count" in gold:
            return count_matches(predicted.count, gold["count"])
        return name_key(gold["count_text"]) in name_key(predicted.value)
    if kind in ("founder", "source", "leader"):
        return similar_name(predicted.value, gold["value"])
    return same_name(predicted.value, gold["value"])


def _agrees(predicted: Attribute, gold: dict[str, Any], text: str) -> bool:
    if predicted.kind != gold["kind"] or not same_name(predicted.about, gold["about"]):
        return False
    if gold.get("role") and predicted.role != gold["role"]:
        return False
    at = text.find(gold["quote"])
    if at < 0:
        raise ValueError(f"gold quote not in the text: {gold['quote']!r}")
    overlaps = predicted.evidence.start < at + len(gold["quote"]) and at < predicted.evidence.end
    return overlaps and _value_agrees(predicted, gold)


def score_attributes(facts: Facts, gold: dict[str, Any]) -> dict[str, Score]:
    """Per kind: each prediction matched one-to-one to the first gold attribute it agrees with;
    a prediction with no match is a false positive, a gold attribute left over a miss."""
    text = facts.document.text
    scores = {kind: Score() for kind in ATTRIBUTE_KINDS}
    wanted = list(gold["attributes"])
    used: set[int] = set()
    for predicted in facts.attributes:
        hit = next(
            (i for i, g in enumerate(wanted) if i not in used and _agrees(predicted, g, text)),
            None,
        )
        if hit is None:
            scores[predicted.kind].fp += 1
        else:
            used.add(hit)
            scores[predicted.kind].tp += 1
    for i, g in enumerate(wanted):
        if i not in used:
            scores[g["kind"]].fn += 1
    return scores
