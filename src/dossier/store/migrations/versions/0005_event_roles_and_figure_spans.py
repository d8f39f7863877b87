"""event roles (targets, victims, weapons, individual perpetrators) and figure spans

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_roles_event_id"), ["event_id"], unique=False)
    with op.batch_alter_table("event_figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("char_start", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("char_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_figures", schema=None) as batch_op:
        batch_op.drop_column("char_end")
        batch_op.drop_column("char_start")
    with op.batch_alter_table("event_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_roles_event_id"))
    op.drop_table("event_roles")
