"""records: `county`, a matter that is or was at county level and every record under it, what a county
device reads (sync.server.county)

Existing matters at county level now become the county's, with everything under them.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Deep enough for matter → agreement or attachment → its conflicts.
_PARENT_DEPTH = 4


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("county", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_records_county", "records", ["county", "server_seq"], unique=False)
    records = sa.table(
        "records", sa.column("id", sa.String), sa.column("table_name"), sa.column("data", sa.JSON)
    )
    bind = op.get_bind()
    at_county = [
        row.id
        for row in bind.execute(
            sa.select(records.c.id, records.c.data).where(records.c.table_name == "matters")
        )
        if isinstance(row.data, dict) and row.data.get("level") == "county"
    ]
    for start in range(0, len(at_county), 500):
        chunk = at_county[start : start + 500]
        bind.execute(
            sa.text("UPDATE records SET county = true WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": chunk},
        )
    for _ in range(_PARENT_DEPTH):
        op.execute(
            "UPDATE records SET county = true WHERE county = false AND parent_id IN"
            " (SELECT p.id FROM records p WHERE p.county = true)"
        )


def downgrade() -> None:
    op.drop_index("ix_records_county", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("county")
