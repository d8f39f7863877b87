"""store: the only place that speaks SQL.

`Store` writes what extract and resolve produce (`write.py`, a batch of documents at a
time, its rows built by `rows.py`), keeps refusals and repeats
(`inputs.py`), runs the queries of the incident
search (`incidents.py`) and answers the questions analyse asks (`read.py`, and `reports.py`
for the reports of attacks, `documents.py` for browsing documents and relations);
`catalogue.py` reads whole tables as records for the exports; `attributes.py` keeps and reads
each group's attributes and its relations dated by their documents.
"""

from __future__ import annotations

from sqlalchemy import Engine

from dossier.store.attributes import AttributeReads
from dossier.store.catalogue import Catalogue
from dossier.store.db import make_engine, open_schema
from dossier.store.documents import Documents
from dossier.store.incidents import Incidents
from dossier.store.inputs import Inputs
from dossier.store.read import Reads
from dossier.store.reports import Reports
from dossier.store.write import Writes

__all__ = ["Store"]


class Store(Writes, Inputs, Reads, Reports, Incidents, Documents, Catalogue, AttributeReads):
    def __init__(self, url: str) -> None:
        """Open the store at `url`; a new database gets the schema, an outdated one is refused
        (`SchemaMismatch`) until `dossier db upgrade`."""
        self.url = url
        self.engine: Engine = make_engine(url)
        try:
            open_schema(self.engine, url)
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()
