"""The county laptop knows each record's township (issue 29): a small table keyed by record id, filled from
the township a county device's pull carries on each change (Change.township).

A table of its own rather than a nullable `township` column on matters: the county ranks its townships from
their closed months (periods records) and shows a 乡镇 column on its desk (matters), so two or more record
types need the key; one table serves them all, takes no column from a township laptop's tables (which never
receive a township), and is dropped whole if the county ever needs it no longer.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_townships",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("township_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_record_townships")),
    )
    op.create_index(
        op.f("ix_record_townships_township_id"), "record_townships", ["township_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_record_townships_township_id"), table_name="record_townships")
    op.drop_table("record_townships")
