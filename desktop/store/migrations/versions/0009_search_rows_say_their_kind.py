"""search index row numbers say the kind of record: number × 8 + the kind's code

A search for households ("秀") found every entry holding the text, residents' and matters' too, and looked
each one up in search_fts_refs only to learn its kind and drop most of them. With the kind in the low bits of
the row number, the index itself answers how many households hold the text and which entries are theirs, and
only the entries of the wanted kind are looked up. Numbers still rise in the order written (0008): the entry
written next takes the next multiple of 8.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Callable

from alembic import op
from sqlalchemy import text

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BATCH = 5000
SLOTS = 8
CODES = {"person": 1, "household": 2, "matter": 3}  # as desktop.store.search.KIND_CODES had them at 0009
TRIGRAM = "CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize='trigram')"
SHORT = (
    "CREATE VIRTUAL TABLE search_fts_short"
    " USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
)


def _renumber(number: Callable[[int, str], int]) -> None:
    """Every entry again under number(its place in write order, its kind), in rising order."""
    conn = op.get_bind()
    entries = conn.execute(
        text(
            "SELECT r.kind, r.ref, f.body FROM search_fts_refs r"
            " JOIN search_fts f ON f.rowid = r.id ORDER BY r.id"
        )
    ).all()
    rows = [
        {"id": number(place, kind), "kind": kind, "ref": ref, "body": body or ""}
        for place, (kind, ref, body) in enumerate(entries, 1)
    ]
    for table in ("search_fts", "search_fts_short", "search_fts_refs"):
        op.execute(f"DROP TABLE {table}")
    op.execute(TRIGRAM)
    op.execute(SHORT)
    op.execute("CREATE TABLE search_fts_refs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL)")
    op.execute("CREATE UNIQUE INDEX ix_search_fts_refs_ref ON search_fts_refs (ref)")
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        conn.execute(text("INSERT INTO search_fts(rowid, body) VALUES (:id, :body)"), batch)
        conn.execute(
            text("INSERT INTO search_fts_short(rowid, body) VALUES (:id, :body)"),
            [{"id": r["id"], "body": " ".join(r["body"])} for r in batch],
        )
        conn.execute(text("INSERT INTO search_fts_refs(id, kind, ref) VALUES (:id, :kind, :ref)"), batch)


def upgrade() -> None:
    _renumber(lambda place, kind: place * SLOTS + CODES.get(kind, 0))


def downgrade() -> None:
    _renumber(lambda place, kind: place)
