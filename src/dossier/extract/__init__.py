"""extract: Document -> Facts, a pure function.

No database, no network, no global state beyond the cached spaCy pipeline. The same function
runs in-process, in a process pool, and (later) in Ray workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from dossier.extract.facts import to_facts
from dossier.extract.pipeline import load_pipeline
from dossier.extract.state import state
from dossier.model import Document, Facts

BATCH_SIZE = 32


def extract(document: Document) -> Facts:
    return next(extract_many([document]))


def extract_many(documents: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Facts]:
    """Facts for each document, in order; spaCy batches the parsing."""
    nlp = load_pipeline()

    def prepared() -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            state(doc).published = document.published  # relative dates resolve against it
            yield doc, document

    for doc, document in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        yield to_facts(document, doc)
