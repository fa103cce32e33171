"""closed months (月结): the periods table, one record per month as published

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "periods",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("closed_by", sa.String(length=36), nullable=True),
        sa.Column("closed_by_name", sa.String(length=50), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("field_seq", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("device_time", sa.DateTime(), nullable=True),
        sa.Column("server_time", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_by"],
            ["accounts.id"],
            name=op.f("fk_periods_closed_by_accounts"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_periods")),
    )
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_periods_closed_by"), ["closed_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_periods_month"), ["month"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_periods_month"))
        batch_op.drop_index(batch_op.f("ix_periods_closed_by"))
    op.drop_table("periods")
