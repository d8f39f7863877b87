"""Reading documents as a reader browses them: the list of sources, one document with the span
of every fact read in it, and every relation of the store (the graph of groups)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, aliased

from dossier.errors import NotFound
from dossier.model import DocumentInfo, DocumentText, Evidence, Marked, RelationEdge
from dossier.store.tables import (
    ActorRow,
    AnomalyRow,
    ClaimRow,
    DocumentRow,
    EventClaimantRow,
    EventRow,
    FigureRow,
    MentionRow,
    RelationRow,
    StatementRow,
    VictimCategoryRow,
)


class Documents:
    engine: Engine

    def document_count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def document_list(self, limit: int = 50, offset: int = 0) -> list[DocumentInfo]:
        """Documents newest first (undated last), then by id, so that pages never overlap."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.title,
                    DocumentRow.published,
                    DocumentRow.source,
                    DocumentRow.path,
                )
                .order_by(
                    DocumentRow.published.is_(None), DocumentRow.published.desc(), DocumentRow.id
                )
                .limit(limit)
                .offset(offset)
            )
            return [
                DocumentInfo(id_, title, day.isoformat() if day else None, source, path)
                for id_, title, day, source, path in rows
            ]

    def document_with_spans(self, document_id: str) -> DocumentText:
        """The document's clean text and the span of each fact stored from it, in text order.
        Facts citing a cell of an export row have no span of the text and are left out."""
        with Session(self.engine) as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"no document {document_id!r} in the store")
            info = DocumentInfo(
                row.id,
                row.title,
                row.published.isoformat() if row.published else None,
                row.source,
                row.path,
            )
            text, url = row.text, row.url
            spans: list[Marked] = []

            def add(kind: str, query, cells: bool = False) -> None:  # type: ignore[no-untyped-def]
                for label, start, end, *cell in session.execute(query):
                    if start is None or end is None or (cells and cell[0] is not None):
                        continue
                    spans.append(Marked(kind, str(label), Evidence(document_id, start, end)))

            here = document_id
            add(
                "mention",
                select(ActorRow.name, MentionRow.char_start, MentionRow.char_end)
                .add_columns(MentionRow.cell_column)
                .join(ActorRow, MentionRow.actor_id == ActorRow.id)
                .where(MentionRow.document_id == here),
                cells=True,
            )
            add(
                "statement",
                select(
                    ActorRow.name + ": " + StatementRow.topic,
                    StatementRow.char_start,
                    StatementRow.char_end,
                )
                .join(ActorRow, StatementRow.actor_id == ActorRow.id)
                .where(StatementRow.document_id == here),
            )
            add(
                "event",
                select(EventRow.type, EventRow.char_start, EventRow.char_end)
                .add_columns(EventRow.cell_column)
                .where(EventRow.document_id == here),
                cells=True,
            )
            add(
                "figure",
                select(FigureRow.kind + ": " + FigureRow.text, FigureRow.char_start)
                .add_columns(FigureRow.char_end, FigureRow.cell_column)
                .join(EventRow, FigureRow.event_id == EventRow.id)
                .where(EventRow.document_id == here),
                cells=True,
            )
            add(
                "claimant",
                select(
                    EventClaimantRow.name + " " + EventClaimantRow.attribution,
                    EventClaimantRow.char_start,
                    EventClaimantRow.char_end,
                )
                .join(EventRow, EventClaimantRow.event_id == EventRow.id)
                .where(EventRow.document_id == here),
            )
            subject, obj = aliased(ActorRow), aliased(ActorRow)
            add(
                "relation",
                select(
                    subject.name + " " + RelationRow.type + " " + obj.name,
                    RelationRow.char_start,
                    RelationRow.char_end,
                )
                .join(subject, RelationRow.subject_id == subject.id)
                .join(obj, RelationRow.object_id == obj.id)
                .where(RelationRow.document_id == here),
            )
            add(
                "claim",
                select(ClaimRow.source, ClaimRow.char_start, ClaimRow.char_end).where(
                    ClaimRow.document_id == here
                ),
            )
            add(
                "anomaly",
                select(AnomalyRow.why, AnomalyRow.char_start, AnomalyRow.char_end).where(
                    AnomalyRow.document_id == here
                ),
            )
            add(
                "victim",
                select(
                    VictimCategoryRow.category,
                    VictimCategoryRow.char_start,
                    VictimCategoryRow.char_end,
                ).where(VictimCategoryRow.document_id == here),
            )
        spans.sort(key=lambda m: (m.evidence.start, -m.evidence.end, m.kind, m.label))
        return DocumentText(info, text, url, tuple(dict.fromkeys(spans)))

    def relation_edges(self, name: str | None = None) -> list[RelationEdge]:
        """Every relation the store holds (those `name` is a side of, when given), once per
        (subject, type, object), with how many spans state it and the first to cite: the graph
        of relations between groups."""
        edges: dict[tuple[str, str, str], list[Evidence]] = {}
        for r in self.relations_of(name):
            cited = Evidence(r.evidence.document_id, r.evidence.start, r.evidence.end)
            edges.setdefault((r.subject, r.type, r.object), []).append(cited)
        return [RelationEdge(s, k, o, len(cites), cites[0]) for (s, k, o), cites in edges.items()]
