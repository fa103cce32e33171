"""assessment marks: 亮点工作赋分, 通报 and 约谈 recorded by the 督考办 against a unit for a month

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_marks",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("unit_by", sa.String(length=10), nullable=False),
        sa.Column("unit_key", sa.String(length=50), nullable=False),
        sa.Column("unit_name", sa.String(length=100), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=True),
        sa.Column("by_name", sa.String(length=50), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("field_seq", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("device_time", sa.DateTime(), nullable=True),
        sa.Column("server_time", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"],
            ["accounts.id"],
            name=op.f("fk_assessment_marks_by_id_accounts"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_marks")),
    )
    with op.batch_alter_table("assessment_marks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_marks_by_id"), ["by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessment_marks_month"), ["month"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("assessment_marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_marks_month"))
        batch_op.drop_index(batch_op.f("ix_assessment_marks_by_id"))
    op.drop_table("assessment_marks")
