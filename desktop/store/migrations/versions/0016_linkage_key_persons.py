"""重点人员 management: a watched resident's 稳控 plan (category, 包保责任人, contact frequency) and each
contact

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    """The columns every synced table carries (as 0013's)."""
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("field_seq", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("device_time", sa.DateTime(), nullable=True),
        sa.Column("server_time", sa.DateTime(), nullable=True),
    ]


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
        "key_person_plans",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("keeper_id", sa.String(length=36), nullable=True),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        *_sync_columns(),
        _key("key_person_plans", "keeper_id", "accounts"),
        _key("key_person_plans", "person_id", "persons"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_person_plans")),
    )
    with op.batch_alter_table("key_person_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_key_person_plans_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_key_person_plans_keeper_id"), ["keeper_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_key_person_plans_person_id"), ["person_id"], unique=False)
    op.create_table(
        "key_person_contacts",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("way", sa.String(length=10), nullable=False),
        sa.Column("seen", sa.Text(), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=True),
        *_sync_columns(),
        _key("key_person_contacts", "by_id", "accounts"),
        _key("key_person_contacts", "person_id", "persons"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_person_contacts")),
    )
    with op.batch_alter_table("key_person_contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_key_person_contacts_by_id"), ["by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_key_person_contacts_on"), ["on"], unique=False)
        batch_op.create_index(batch_op.f("ix_key_person_contacts_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_table("key_person_contacts")
    op.drop_table("key_person_plans")
