"""sync details: base value and author per outbox entry, files the server confirmed, no unique constraints

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_values", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("author", sa.String(length=36), nullable=True))
    op.create_table(
        "uploaded_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_uploaded_files")),
    )
    # Uniqueness moves to the use cases: a pulled page must apply even when two offline laptops made twins.
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_accounts_username"), type_="unique")
        batch_op.create_index(batch_op.f("ix_accounts_username"), ["username"], unique=False)

    with op.batch_alter_table("config", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_config_key"), type_="unique")
        batch_op.create_index(batch_op.f("ix_config_key"), ["key"], unique=False)

    with op.batch_alter_table("divisions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_divisions_code"), type_="unique")
        batch_op.create_index(batch_op.f("ix_divisions_code"), ["code"], unique=False)

    with op.batch_alter_table("grids", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_grids_village_id"), type_="unique")
        batch_op.create_index("ix_grids_village_name", ["village_id", "name"], unique=False)

    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_households_village_id"), type_="unique")
        batch_op.create_index("ix_households_village_number", ["village_id", "number"], unique=False)

    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_matters_serial"), type_="unique")
        batch_op.create_index(batch_op.f("ix_matters_serial"), ["serial"], unique=False)


def downgrade() -> None:
    for table, index, columns in [
        ("matters", "ix_matters_serial", ["serial"]),
        ("households", "ix_households_village_number", ["village_id", "number"]),
        ("grids", "ix_grids_village_name", ["village_id", "name"]),
        ("divisions", "ix_divisions_code", ["code"]),
        ("config", "ix_config_key", ["key"]),
        ("accounts", "ix_accounts_username", ["username"]),
    ]:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)
            batch_op.create_unique_constraint(f"uq_{table}_{columns[0]}", columns)
    op.drop_table("uploaded_files")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("author")
        batch_op.drop_column("base_values")
