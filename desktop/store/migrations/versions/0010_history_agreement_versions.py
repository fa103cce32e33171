"""an agreement may replace a signed one (变更协议): the one it changes stays as the parties signed it

Revision ID: 0010_history
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_history"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaces_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_column("replaces_id")
