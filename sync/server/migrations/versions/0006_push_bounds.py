"""each device's latest complete push kept as the time bound needs it, with the sequence then (review: a bound
found among the latest fifty pushes could be pushed out of sight by padding)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# as sync.core.protocol.CLIENT_PUSH_BATCH when this revision was written: a push of fewer applied ops emptied
# the laptop's outbox
COMPLETE_PUSH = 500


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("complete_push_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("complete_push_seq", sa.BigInteger(), nullable=True))
    bind = op.get_bind()
    pushes = bind.execute(
        sa.text(
            "SELECT device_id, received_at, count(*), max(server_seq) FROM op_results "
            "WHERE status IN ('applied', 'conflict') GROUP BY device_id, received_at"
        )
    ).all()
    complete: dict[str, tuple[object, object]] = {}
    for device_id, at, count, seq in pushes:
        if count < COMPLETE_PUSH and (device_id not in complete or at > complete[device_id][0]):
            complete[device_id] = (at, seq)
    for device_id, (at, seq) in complete.items():
        bind.execute(
            sa.text("UPDATE devices SET complete_push_at = :at, complete_push_seq = :seq WHERE id = :id"),
            {"at": at, "seq": seq, "id": device_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("complete_push_seq")
        batch.drop_column("complete_push_at")
