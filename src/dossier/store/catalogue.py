"""The whole store as records, table by table, for the exports: every alias, claim and document
at once, where `read.py` answers questions about one actor (its `relations_of(None)` gives every
relation)."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dossier.model import Claim, DocumentInfo, Evidence, NamedAlias
from dossier.store.tables import ActorRow, AliasRow, ClaimRow, DocumentRow


class Catalogue:
    engine: Engine

    def every_alias(self) -> list[NamedAlias]:
        """Every stored alias of every actor with the place it was first seen, by actor."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    ActorRow.name,
                    AliasRow.alias,
                    AliasRow.document_id,
                    AliasRow.char_start,
                    AliasRow.char_end,
                    AliasRow.cell_row,
                    AliasRow.cell_column,
                )
                .join(ActorRow, AliasRow.actor_id == ActorRow.id)
                .order_by(ActorRow.name, AliasRow.id)
            )
            return [
                NamedAlias(actor, alias, Evidence(doc, start, end, row=row, column=column))
                for actor, alias, doc, start, end, row, column in rows
            ]

    def every_claim(self) -> list[Claim]:
        """Every sourced sentence about an actor (who says something about whom)."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    ClaimRow.source,
                    ActorRow.name,
                    ClaimRow.document_id,
                    ClaimRow.char_start,
                    ClaimRow.char_end,
                )
                .join(ActorRow, ClaimRow.about_id == ActorRow.id)
                .order_by(ClaimRow.id)
            )
            return [
                Claim(source, about, Evidence(doc, start, end, source))
                for source, about, doc, start, end in rows
            ]

    def every_document(self) -> list[DocumentInfo]:
        """Every stored document, by id."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.title,
                    DocumentRow.published,
                    DocumentRow.source,
                    DocumentRow.path,
                    DocumentRow.url,
                ).order_by(DocumentRow.id)
            )
            return [
                DocumentInfo(
                    id_, title, published.isoformat() if published else None, source, path, url
                )
                for id_, title, published, source, path, url in rows
            ]
