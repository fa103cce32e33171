"""a matter's supervision awaiting an explanation, its filed dossier, its hotline order number and reply

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("explanation_due", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("external_no", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("closing_reply", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_matters_external_no"), ["external_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matters_external_no"))
        batch_op.drop_column("closing_reply")
        batch_op.drop_column("external_no")
        batch_op.drop_column("archived")
        batch_op.drop_column("explanation_due")
