"""a party's ethnicity and occupation or employer: the particulars a mediation agreement names (Art. 29)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ethnicity", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("occupation", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_column("occupation")
        batch_op.drop_column("ethnicity")
