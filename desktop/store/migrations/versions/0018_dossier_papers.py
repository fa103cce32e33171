"""dossier papers: 调查记录 (investigations), the unit's 人民调解委员会 name and short name, the agreement's
调解文书号, the sessions' mediators as accounts

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "investigations",
        sa.Column("matter_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("investigators", sa.String(length=200), nullable=False),
        sa.Column("present", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=True),
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
            name=op.f("fk_investigations_by_id_accounts"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["matter_id"],
            ["matters.id"],
            name=op.f("fk_investigations_matter_id_matters"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_investigations")),
    )
    with op.batch_alter_table("investigations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_investigations_by_id"), ["by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_investigations_matter_id"), ["matter_id"], unique=False)
    with op.batch_alter_table("orgs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("committee_name", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("short_name", sa.String(length=10), nullable=True))
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("doc_no", sa.String(length=40), nullable=True))
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mediator_ids", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("mediation_sessions", schema=None) as batch_op:
        batch_op.drop_column("mediator_ids")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_column("doc_no")
    with op.batch_alter_table("orgs", schema=None) as batch_op:
        batch_op.drop_column("short_name")
        batch_op.drop_column("committee_name")
    with op.batch_alter_table("investigations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_investigations_matter_id"))
        batch_op.drop_index(batch_op.f("ix_investigations_by_id"))
    op.drop_table("investigations")
