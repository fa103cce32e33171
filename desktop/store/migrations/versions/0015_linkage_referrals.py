"""三调联动: a matter's referral from the court (诉前调解 / 委派调解) or the police (警调对接), and the result
sent back

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referral_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("referral_no", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("referral_body", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("referral_received_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("referral_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("referral_result", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("referral_result_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("referral_reply", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_matters_referral_kind"), ["referral_kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_matters_referral_no"), ["referral_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matters_referral_no"))
        batch_op.drop_index(batch_op.f("ix_matters_referral_kind"))
        for column in (
            "referral_reply",
            "referral_result_on",
            "referral_result",
            "referral_due_on",
            "referral_received_on",
            "referral_body",
            "referral_no",
            "referral_kind",
        ):
            batch_op.drop_column(column)
