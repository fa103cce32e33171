"""records: whom a whistleblower matter is hidden from, and the attachment file a record names

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("records", sa.Column("protected_from", sa.String(length=36), nullable=True))
    op.add_column("records", sa.Column("blob", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_records_blob"), "records", ["blob"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_records_blob"), table_name="records")
    op.drop_column("records", "blob")
    op.drop_column("records", "protected_from")
