"""The schema, in one place. The Alembic migrations create exactly these tables."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dossier.model import DateValue


class Base(DeclarativeBase):
    pass


def date_columns(date: DateValue | None) -> dict[str, str | None]:
    """The four columns a date is stored in, the same in events and attributes."""
    return {
        "date_value": date.value if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
    }


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    dropped: Mapped[list[str]] = mapped_column(JSON)
    # An export row's cells by column, and its row in the file (None for an article).
    record: Mapped[dict[str, str] | None] = mapped_column(JSON)
    row: Mapped[int | None] = mapped_column(Integer)
    # The MinHash of its word 5-grams ([shingle count, *values]), for near-duplicates.
    minhash: Mapped[list[int] | None] = mapped_column(JSON)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class DocumentBandRow(Base):
    """One band of a document's MinHash: documents sharing a band are near-duplicate
    candidates."""

    __tablename__ = "document_bands"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    band: Mapped[str] = mapped_column(String(40), index=True)


class RefusalRow(Base):
    """The quarantine: input that could not become a document, kept with its reason."""

    __tablename__ = "refusals"
    __table_args__ = (UniqueConstraint("path", "line", "reason"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    # -1 for a whole file, so that the unique constraint holds (NULLs never compare equal).
    line: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    row: Mapped[int | None] = mapped_column(Integer)
    size: Mapped[int | None] = mapped_column(Integer)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    refused_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class DuplicateRow(Base):
    """An input that repeated a stored document (`kind` "exact": the same text), kept with the
    document it repeats so that every input is accounted for."""

    __tablename__ = "duplicates"
    __table_args__ = (UniqueConstraint("path", "line", "document_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    line: Mapped[int] = mapped_column(Integer)  # -1 for a whole file, as for refusals
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    registered: Mapped[bool] = mapped_column(Boolean)
    parent: Mapped[str | None] = mapped_column(String(300))


class AliasRow(Base):
    """A name an actor goes by in the corpus, with the first place it was seen."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("actor_id", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    # Evidence that is a cell of the document's record rather than a span of its text.
    cell_row: Mapped[int | None] = mapped_column(Integer)
    cell_column: Mapped[str | None] = mapped_column(String(100))


class MentionRow(Base):
    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_actor_document", "actor_id", "document_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    # Evidence that is a cell of the document's record rather than a span of its text.
    cell_row: Mapped[int | None] = mapped_column(Integer)
    cell_column: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(String(32))


class StatementRow(Base):
    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_actor_topic", "actor_id", "topic"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(32))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)


class EventRow(Base):
    """An event as one document reports it (cross-document incidents are built on these)."""

    __tablename__ = "events"
    # Incident resolution searches by perpetrator and date.
    __table_args__ = (Index("ix_events_perpetrator_date", "perpetrator_id", "date_value"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(32))
    suicide: Mapped[bool] = mapped_column(Boolean)
    date_value: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(16))
    date_text: Mapped[str | None] = mapped_column(Text)
    place_name: Mapped[str | None] = mapped_column(Text)
    place_kind: Mapped[str | None] = mapped_column(String(16))
    site: Mapped[str | None] = mapped_column(Text)  # a settlement inside the place named
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    lat: Mapped[float | None] = mapped_column()
    lon: Mapped[float | None] = mapped_column()
    perpetrator_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    perpetrator_text: Mapped[str | None] = mapped_column(Text)
    attribution: Mapped[str] = mapped_column(String(16))
    attributed_by: Mapped[str | None] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    # Evidence that is a cell of the document's record rather than a span of its text.
    cell_row: Mapped[int | None] = mapped_column(Integer)
    cell_column: Mapped[str | None] = mapped_column(String(100))
    # The incident (across documents) this report belongs to: the smallest event id of the group.
    incident_id: Mapped[int | None] = mapped_column(Integer, index=True)
    figures: Mapped[list[FigureRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="FigureRow.id"
    )
    roles: Mapped[list[EventRoleRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="EventRoleRow.id"
    )
    claimants: Mapped[list[EventClaimantRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="EventClaimantRow.id"
    )


class FigureRow(Base):
    """One figure of an event (killed, wounded, abducted, casualties, count) with its source."""

    __tablename__ = "event_figures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # The sentence that states the figure (absent for figures stored before revision 0005).
    char_start: Mapped[int | None] = mapped_column(Integer)
    char_end: Mapped[int | None] = mapped_column(Integer)
    # Evidence that is a cell of the document's record rather than a span of its text.
    cell_row: Mapped[int | None] = mapped_column(Integer)
    cell_column: Mapped[str | None] = mapped_column(String(100))


class EventRoleRow(Base):
    """A role filler of an event as its report gives it: a target, a victim, a weapon, or an
    individual perpetrator, in the order the text gives them."""

    __tablename__ = "event_roles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # target, victim, weapon, perpetrator
    text: Mapped[str] = mapped_column(Text)


class EventClaimantRow(Base):
    """A group a report says did the attack, with its stance (its own claim, an accusation, a
    suspicion), who says so and the sentence that says it. Several rival claimants of one
    attack are all kept; none of them is then the event's perpetrator."""

    __tablename__ = "event_claimants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    attribution: Mapped[str] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)


class RelationRow(Base):
    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    about_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)


class AnomalyRow(Base):
    """A slip a careful reader should notice (a year out of sequence), with its span."""

    __tablename__ = "anomalies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text)


class VictimCategoryRow(Base):
    __tablename__ = "victim_categories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(100))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)


class AttributeRow(Base):
    """A founding, name, leader, strength or assessor of a group as one document states it
    (model.Attribute), with its date and count where it has them and the span that states it."""

    __tablename__ = "attributes"
    __table_args__ = (Index("ix_attributes_actor_kind", "actor_id", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(32))
    fate: Mapped[str | None] = mapped_column(String(32))
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(16))
    date_text: Mapped[str | None] = mapped_column(Text)
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    count_text: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
