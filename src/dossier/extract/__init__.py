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


def extract_many(
    documents: Iterable[Document],
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    pipeline: str | None = None,
) -> Iterator[Facts]:
    """Facts for each document, in order; spaCy batches the parsing and, with `n_process` above
    one, spreads the batches over worker processes. `pipeline` is a pipeline config file (None:
    the packaged one)."""
    nlp = load_pipeline(pipeline)

    def prepared() -> Iterator[tuple[Doc, Document]]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            state(doc).published = document.published  # relative dates resolve against it
            yield doc, document

    processed = nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, document in processed:
        yield to_facts(document, doc)
