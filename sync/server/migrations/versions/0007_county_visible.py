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
    at_county = {
        row.id
        for row in bind.execute(
            sa.select(records.c.id, records.c.data).where(records.c.table_name == "matters")
        )
        if isinstance(row.data, dict) and row.data.get("level") == "county"
    }
    ids = sorted(at_county | _were_at_county(bind, records))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
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


_LEVELS = ("village", "township", "county")


def _were_at_county(bind, records) -> set[str]:
    """Matters the county sent down before this revision (交下级落实 from county level): their histories,
    walked level by level (提级 one up, 交下级落实 one down, from the report's level), reach the county."""
    histories: dict[str, list[tuple[int, str, str, dict]]] = {}
    for row in bind.execute(sa.select(records.c.data).where(records.c.table_name == "events")):
        data = row.data if isinstance(row.data, dict) else {}
        step = data.get("data") if isinstance(data.get("data"), dict) else {}
        n = step.get("n") if isinstance(step.get("n"), int) else 0
        if isinstance(data.get("matter_id"), str):
            histories.setdefault(data["matter_id"], []).append(
                (n, str(data.get("at") or ""), str(data.get("action") or ""), step)
            )
    found = set()
    for matter_id, events in histories.items():
        level = 0
        for _n, _at, action, step in sorted(events, key=lambda e: (e[0], e[1])):
            if action == "reported":
                level = _LEVELS.index(step["level"]) if step.get("level") in _LEVELS else 0
            elif action == "escalated":
                level = min(level + 1, 2)
            elif action == "referred_down":
                level = max(level - 1, 0)
            if level == 2:
                found.add(matter_id)
                break
    return found


def downgrade() -> None:
    op.drop_index("ix_records_county", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("county")
