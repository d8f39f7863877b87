"""event incidents: an incident id per event, and the date index the grouping searches by

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("incident_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_date_value"), ["date_value"], unique=False)
        batch_op.create_index(
            "ix_events_perpetrator_date", ["perpetrator_id", "date_value"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_perpetrator_date")
        batch_op.drop_index(batch_op.f("ix_events_date_value"))
        batch_op.drop_index(batch_op.f("ix_events_incident_id"))
        batch_op.drop_column("incident_id")
