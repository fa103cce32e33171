"""a matter's household: the household it concerns, so a 联户长 sees the matters of households they look after

Matters reported from a visit take that visit's household.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("household_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_matters_household_id"), ["household_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_matters_household_id_households"),
            "households",
            ["household_id"],
            ["id"],
            initially="DEFERRED",
            deferrable=True,
        )
    op.execute(
        "UPDATE matters SET household_id ="
        " (SELECT visits.household_id FROM visits WHERE visits.id = matters.visit_id)"
        " WHERE visit_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_matters_household_id_households"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_matters_household_id"))
        batch_op.drop_column("household_id")
