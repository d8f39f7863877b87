"""Facts cite their document: every evidence the components wrote gets the document's id."""

from __future__ import annotations

from dossier.extract.facts import to_facts
from dossier.extract.pipeline import load_pipeline
from dossier.extract.state import state
from dossier.model import Count, Document, Event, Evidence, Figure


def test_each_figure_of_an_event_cites_the_document() -> None:
    text = "A bomb killed 13 soldiers, officials said. Others put the toll at 20."
    document = Document("kabul-1", text, "h", "kabul-1.txt")
    doc = load_pipeline().make_doc(text)
    stated = Figure("killed", Count(13, 13, "13"), "officials", Evidence("", 0, 42, "officials"))
    unplaced = Figure("killed", Count(20, 20, "20"), None)
    state(doc).events.append(Event("bombing", Evidence("", 0, 42), reports=(stated, unplaced)))
    (event,) = to_facts(document, doc).events
    assert event.evidence.document_id == "kabul-1"
    assert event.reports[0].evidence == Evidence("kabul-1", 0, 42, "officials")
    assert event.reports[1].evidence is None
