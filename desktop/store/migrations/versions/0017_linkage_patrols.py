"""巡查: a grid worker's patrol of a place that is no household, and the matter found on one

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _key(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        initially="DEFERRED",
        deferrable=True,
    )


def upgrade() -> None:
    op.create_table(
        "patrols",
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("patroller_id", sa.String(length=36), nullable=True),
        sa.Column("patrolled_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("place_kind", sa.String(length=10), nullable=False),
        sa.Column("seen", sa.Text(), nullable=False),
        sa.Column("needs_follow_up", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("field_seq", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("device_time", sa.DateTime(), nullable=True),
        sa.Column("server_time", sa.DateTime(), nullable=True),
        _key("patrols", "grid_id", "grids"),
        _key("patrols", "patroller_id", "accounts"),
        _key("patrols", "village_id", "divisions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrols")),
    )
    with op.batch_alter_table("patrols", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrols_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_patrols_patrolled_at"), ["patrolled_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_patrols_patroller_id"), ["patroller_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_patrols_village_id"), ["village_id"], unique=False)
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("patrol_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_matters_patrol_id"), ["patrol_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_matters_patrol_id_patrols"),
            "patrols",
            ["patrol_id"],
            ["id"],
            initially="DEFERRED",
            deferrable=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_matters_patrol_id_patrols"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_matters_patrol_id"))
        batch_op.drop_column("patrol_id")
    op.drop_table("patrols")
