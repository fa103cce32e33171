"""searches by one or two characters from an index, and search hits found without reading their text

A second full-text index holds one token per character (contentless: it keeps only the index). A small table
maps each index row to its record, so a search that matches thousands reads a few pages, not their words. A
household's words now include its residents' names, ID numbers and mobiles: one index answers a household
search.

Revision ID: 0007
Revises: 0006
"""

from collections import defaultdict

from alembic import op
from sqlalchemy import text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 5000


def _in_batches(conn, sql: str, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        conn.execute(text(sql), rows[start : start + BATCH])


def upgrade() -> None:
    op.execute("CREATE TABLE search_fts_refs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL)")
    op.execute(
        "CREATE VIRTUAL TABLE search_fts_short USING fts5("
        "body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
    )
    conn = op.get_bind()
    members = defaultdict(list)
    for household_id, *words in conn.execute(
        text(
            "SELECT household_id, name, id_number, mobile FROM persons"
            " WHERE deleted = 0 AND household_id IS NOT NULL"
        )
    ):
        members[household_id] += [w for w in words if w]
    indexed = dict(conn.execute(text("SELECT ref, rowid FROM search_fts WHERE kind = 'household'")).all())
    households = [
        {
            "rowid": indexed[ref],
            "body": " ".join(str(w) for w in [number, address, phone, *members[ref]] if w),
        }
        for ref, number, address, phone in conn.execute(
            text("SELECT id, number, address, phone FROM households WHERE deleted = 0")
        )
        if ref in indexed
    ]
    _in_batches(conn, "UPDATE search_fts SET body = :body WHERE rowid = :rowid", households)
    rows = [
        dict(r._mapping) for r in conn.execute(text("SELECT rowid AS id, kind, ref, body FROM search_fts"))
    ]
    _in_batches(conn, "INSERT INTO search_fts_refs(id, kind, ref) VALUES (:id, :kind, :ref)", rows)
    spaced = [{"id": r["id"], "body": " ".join(r["body"] or "")} for r in rows]
    _in_batches(conn, "INSERT INTO search_fts_short(rowid, body) VALUES (:id, :body)", spaced)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts_short")
    op.execute("DROP TABLE IF EXISTS search_fts_refs")
