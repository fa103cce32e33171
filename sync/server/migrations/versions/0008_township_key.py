"""one server, many townships (issue 29): a townships table, and the township on every per-township row

A server that holds anything already (records or accounts) held one township: it becomes the first, named as
the township's own synced 区划 record names it (level "township": name, code, short name), or, when the
laptops never synced one, a placeholder that `fengqiao-server township set` corrects (`township list` says
so). Every existing record, scope exit, account and audit entry is put in it. The indexes a sync uses are
rebuilt to lead with the township.

Revision ID: 0008
Revises: 0007
"""

import json
import re
import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# as sync.server.townships.PLACEHOLDER when this revision was written
PLACEHOLDER = "本镇（待命名）"
CODE = re.compile(r"\d{12}")


def _first_township(bind) -> tuple[str, str | None, str]:
    """The name, code and short name the township's own laptops synced for it, or the placeholder's."""
    rows = bind.execute(
        sa.text(
            "SELECT data FROM records WHERE table_name = 'divisions' AND deleted = :no ORDER BY server_seq"
        ),
        {"no": False},
    ).all()
    for (data,) in rows:
        data = json.loads(data) if isinstance(data, str) else data
        if data.get("level") != "township" or not str(data.get("name") or "").strip():
            continue
        code = str(data.get("code") or "").strip()
        return (
            str(data["name"]).strip()[:50],
            code if CODE.fullmatch(code) else None,
            str(data.get("short_name") or "").strip()[:20],
        )
    return PLACEHOLDER, None, ""


def upgrade() -> None:
    op.create_table(
        "townships",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("short_name", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_townships")),
        sa.UniqueConstraint("code", name=op.f("uq_townships_code")),
        sa.UniqueConstraint("name", name=op.f("uq_townships_name")),
    )
    bind = op.get_bind()
    held = bind.execute(
        sa.text("SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM accounts)")
    ).scalar()
    first = None
    if held:
        name, code, short_name = _first_township(bind)
        first = str(uuid.uuid4())
        bind.execute(
            sa.text(
                "INSERT INTO townships (id, code, name, short_name, created_at) "
                "VALUES (:id, :code, :name, :short, :at)"
            ),
            {"id": first, "code": code, "name": name, "short": short_name, "at": datetime.utcnow()},
        )
    # Added nullable, filled, then made NOT NULL: one statement per table (no row-by-row work).
    for table in ("scope_exits",):
        op.add_column(table, sa.Column("township_id", sa.String(length=36), nullable=True))
        if first:
            bind.execute(sa.text(f"UPDATE {table} SET township_id = :t"), {"t": first})
        with op.batch_alter_table(table) as batch:
            batch.alter_column("township_id", existing_type=sa.String(length=36), nullable=False)
    # records: NULL is the county's own (its units), read by county devices only
    for table in ("records", "accounts", "server_audit"):
        op.add_column(table, sa.Column("township_id", sa.String(length=36), nullable=True))
        if first:
            bind.execute(sa.text(f"UPDATE {table} SET township_id = :t"), {"t": first})
    op.create_index("ix_accounts_township_id", "accounts", ["township_id"])
    op.drop_index("ix_records_scope", table_name="records")
    op.create_index("ix_records_scope", "records", ["township_id", "village_id", "grid_id", "server_seq"])
    op.drop_index("ix_records_household", table_name="records")
    op.create_index("ix_records_household", "records", ["township_id", "household_id", "server_seq"])
    op.create_index("ix_records_township_seq", "records", ["township_id", "server_seq"])
    # lookups by type, parent and file: within the township (every check of a push is confined to it)
    op.drop_index("ix_records_table_name", table_name="records")
    op.create_index("ix_records_township_table", "records", ["township_id", "table_name"])
    op.drop_index("ix_records_blob", table_name="records")
    op.create_index("ix_records_township_blob", "records", ["township_id", "blob"])
    op.drop_index("ix_records_parent", table_name="records")
    op.create_index("ix_records_parent", "records", ["township_id", "parent_id"])
    op.create_index("ix_scope_exits_township_seq", "scope_exits", ["township_id", "seq"])
    # the county's own records (its units), which have no township: read by every township
    where = sa.text("township_id IS NULL")
    op.create_index(
        "ix_records_township_none", "records", ["server_seq"], sqlite_where=where, postgresql_where=where
    )


def downgrade() -> None:
    op.drop_index("ix_records_township_none", table_name="records")
    op.drop_index("ix_scope_exits_township_seq", table_name="scope_exits")
    op.drop_index("ix_records_parent", table_name="records")
    op.create_index("ix_records_parent", "records", ["parent_id"])
    op.drop_index("ix_records_township_blob", table_name="records")
    op.create_index("ix_records_blob", "records", ["blob"])
    op.drop_index("ix_records_township_table", table_name="records")
    op.create_index("ix_records_table_name", "records", ["table_name"])
    op.drop_index("ix_records_township_seq", table_name="records")
    op.drop_index("ix_records_household", table_name="records")
    op.create_index("ix_records_household", "records", ["household_id", "server_seq"])
    op.drop_index("ix_records_scope", table_name="records")
    op.create_index("ix_records_scope", "records", ["village_id", "grid_id", "server_seq"])
    op.drop_index("ix_accounts_township_id", table_name="accounts")
    for table in ("server_audit", "accounts", "scope_exits", "records"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("township_id")
    op.drop_table("townships")
