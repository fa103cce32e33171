"""blob holders: the devices that sent a file's bytes, so a file is readable only through a record one of them
wrote (issue 26)

Files already held are grandfathered: every device that wrote an attachment naming a complete file counts as
its holder, so nothing readable before the upgrade stops being readable.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 04:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blob_holders",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "device_id", name=op.f("pk_blob_holders")),
    )
    bind = op.get_bind()
    records = sa.table(
        "records",
        sa.column("blob", sa.String),
        sa.column("field_device", sa.JSON),
        sa.column("updated_device", sa.String),
    )
    blobs = sa.table("blobs", sa.column("sha256", sa.String), sa.column("complete", sa.Boolean))
    complete = sa.select(blobs.c.sha256).where(blobs.c.complete.is_(True))
    held = set()
    rows = bind.execute(
        sa.select(records.c.blob, records.c.field_device, records.c.updated_device).where(
            records.c.blob.in_(complete)
        )
    )
    for sha, field_device, updated_device in rows:
        device = (field_device or {}).get("sha256") or updated_device
        if device:
            held.add((sha, device))
    if held:
        holders = sa.table("blob_holders", sa.column("sha256", sa.String), sa.column("device_id", sa.String))
        op.bulk_insert(holders, [{"sha256": sha, "device_id": device} for sha, device in sorted(held)])


def downgrade() -> None:
    op.drop_table("blob_holders")
