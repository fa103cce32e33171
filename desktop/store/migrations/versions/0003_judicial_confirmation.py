"""judicial confirmation of an agreement: when it was applied for, the court's decision and its date

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
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirmation_applied_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("confirmation_decided_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("confirmation_result", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_column("confirmation_result")
        batch_op.drop_column("confirmation_decided_on")
        batch_op.drop_column("confirmation_applied_on")
