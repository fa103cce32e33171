"""信访 by the regulation: a petition's stage after the written reply (复查 / 复核 / 终结), the day its window
runs from, and 信访代办

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("petition_stage", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("petition_since", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("by_proxy", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_column("by_proxy")
        batch_op.drop_column("petition_since")
        batch_op.drop_column("petition_stage")
