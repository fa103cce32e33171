"""records and scope exits: the household a record concerns, so a 联户长's device reads its own households

Existing households name themselves; their residents and visits (and what hangs under those) take their
parent's household.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 07:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Deep enough for household → visit → attachment → its conflicts.
_PARENT_DEPTH = 4


def upgrade() -> None:
    op.add_column("records", sa.Column("household_id", sa.String(length=36), nullable=True))
    op.add_column("scope_exits", sa.Column("household_id", sa.String(length=36), nullable=True))
    op.create_index("ix_records_household", "records", ["household_id", "server_seq"], unique=False)
    op.execute("UPDATE records SET household_id = id WHERE table_name = 'households'")
    for _ in range(_PARENT_DEPTH):
        op.execute(
            "UPDATE records SET household_id = "
            "(SELECT p.household_id FROM records p WHERE p.id = records.parent_id)"
            " WHERE household_id IS NULL AND parent_id IS NOT NULL"
        )


def downgrade() -> None:
    op.drop_index("ix_records_household", table_name="records")
    op.drop_column("scope_exits", "household_id")
    op.drop_column("records", "household_id")
