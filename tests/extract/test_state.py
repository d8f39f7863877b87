"""The view of a Doc's outputs: one per Doc while it is in use, and the Doc stays the truth."""

from __future__ import annotations

from spacy.lang.en import English

from dossier.extract.state import span_text, state


def test_components_share_one_view_of_a_doc_and_its_outputs_outlive_the_view() -> None:
    nlp = English()
    doc = nlp.make_doc("Gunmen attacked a checkpoint near the market.")
    assert state(doc) is state(doc)
    state(doc).furniture.append((0, 6))
    # Many other documents later, the view is gone; what it wrote is on the Doc.
    for n in range(40):
        state(nlp.make_doc(f"Another report, number {n}."))
    assert state(doc).furniture == [(0, 6)]


def test_a_span_text_is_the_text_spacy_gives() -> None:
    nlp = English()
    nlp.add_pipe("sentencizer")
    doc = nlp("Two  soldiers were killed.\n\nThe group said so, on Monday. Nobody else did.")
    for span in [*doc.sents, doc[1:4], doc[0:1], doc[-3:]]:
        assert span_text(span) == span.text
