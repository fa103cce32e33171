"""search index rows numbered in the order they are written, not by a hash of the record id

FTS5 keeps new entries in memory and writes them out as one segment when the transaction ends, but only while
row numbers rise: a smaller one makes it write what it holds at once. Row numbers hashed from record ids came
in random order, so a pulled page of 500 records was written as hundreds of tiny segments and merged again and
again. Now each record's entry takes the next number (search_fts_refs finds a record's entry by its id), and
the trigram index keeps only the words (the kind and record id are in search_fts_refs already).

Revision ID: 0008
Revises: 0007
"""

import uuid
from collections.abc import Callable

from alembic import op
from sqlalchemy import text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000
SHORT = (
    "CREATE VIRTUAL TABLE search_fts_short"
    " USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
)


def _rebuild(trigram_ddl: str, number: Callable[[int, str], int], with_refs: bool) -> None:
    """Every entry again under its new number, in rising order (one segment per batch)."""
    conn = op.get_bind()
    entries = conn.execute(
        text(
            "SELECT r.id, r.kind, r.ref, f.body FROM search_fts_refs r"
            " JOIN search_fts f ON f.rowid = r.id ORDER BY r.id"
        )
    ).all()
    rows = sorted(
        (
            {"id": number(i, ref), "kind": kind, "ref": ref, "body": body or ""}
            for i, (_, kind, ref, body) in enumerate(entries, 1)
        ),
        key=lambda row: row["id"],
    )
    for table in ("search_fts", "search_fts_short", "search_fts_refs"):
        op.execute(f"DROP TABLE {table}")
    op.execute(trigram_ddl)
    op.execute(SHORT)
    op.execute("CREATE TABLE search_fts_refs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL)")
    columns = "rowid, kind, ref, body" if with_refs else "rowid, body"
    values = ":id, :kind, :ref, :body" if with_refs else ":id, :body"
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        conn.execute(text(f"INSERT INTO search_fts({columns}) VALUES ({values})"), batch)
        conn.execute(
            text("INSERT INTO search_fts_short(rowid, body) VALUES (:id, :body)"),
            [{"id": r["id"], "body": " ".join(r["body"])} for r in batch],
        )
        conn.execute(text("INSERT INTO search_fts_refs(id, kind, ref) VALUES (:id, :kind, :ref)"), batch)


def upgrade() -> None:
    _rebuild(
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize='trigram')",
        lambda i, ref: i,
        with_refs=False,
    )
    op.execute("CREATE UNIQUE INDEX ix_search_fts_refs_ref ON search_fts_refs (ref)")


def downgrade() -> None:
    _rebuild(
        "CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, ref UNINDEXED, body, tokenize='trigram')",
        lambda i, ref: int(uuid.UUID(ref).hex[:15], 16),
        with_refs=True,
    )
