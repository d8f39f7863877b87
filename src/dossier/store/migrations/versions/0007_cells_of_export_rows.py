"""export rows: a document's structured record, and cell evidence for mentions, aliases,
events and figures; the row of a refused export row; duplicates kept with what they repeat;
the settlement an event's place holds; each document's MinHash and its bands (near-duplicates)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CITING = ("mentions", "aliases", "events", "event_figures")


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("record", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("row", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("minhash", sa.JSON(), nullable=True))
    op.create_table(
        "document_bands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_bands_band"), ["band"], unique=False)
    for table in CITING:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("cell_row", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("cell_column", sa.String(length=100), nullable=True))
    with op.batch_alter_table("refusals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("row", sa.Integer(), nullable=True))
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("site", sa.Text(), nullable=True))
    op.create_table(
        "duplicates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("path", "line", "document_id"),
    )


def downgrade() -> None:
    op.drop_table("duplicates")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("site")
    with op.batch_alter_table("refusals", schema=None) as batch_op:
        batch_op.drop_column("row")
    for table in reversed(CITING):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("cell_column")
            batch_op.drop_column("cell_row")
    with op.batch_alter_table("document_bands", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_bands_band"))
    op.drop_table("document_bands")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("minhash")
        batch_op.drop_column("row")
        batch_op.drop_column("record")
