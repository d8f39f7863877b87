"""Short reports whose only account of the attack is a phrase the cue list must catch, or whose
date and place stand in an opening sentence of their own: each must still give its event."""

from __future__ import annotations

import datetime as dt

from dossier.extract import extract
from dossier.model import Document


def _doc(text: str, published: str = "2022-04-12") -> Document:
    return Document("t", text, "h", "t.txt", published=dt.date.fromisoformat(published))


def test_a_cue_that_names_whom_was_shot_matches_before_its_object() -> None:
    (event,) = extract(_doc("Assailants shot two shopkeepers in Kolda town, Senegal.")).events
    assert event.place is not None and event.place.name == "Kolda"
