"""event claimants: every group a report says claimed or was accused of an attack

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_claimants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("attribution", sa.String(length=16), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event_claimants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_claimants_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_claimants_actor_id"), ["actor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_claimants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_claimants_actor_id"))
        batch_op.drop_index(batch_op.f("ix_event_claimants_event_id"))
    op.drop_table("event_claimants")
