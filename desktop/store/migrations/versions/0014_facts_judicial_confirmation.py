"""司法确认 with structured fields: the court applied to, and the ruling's 文书号

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("court", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("confirmation_document_no", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_column("confirmation_document_no")
        batch_op.drop_column("court")
