"""Finding people, households and matters by name, ID number, phone, serial number or any text.

Two full-text indexes hold the same words. Three characters or more go through `search_fts`, an FTS5 trigram
index. Shorter text (most Chinese names are two characters, and a grid worker often types just the surname)
goes through `search_fts_short`, where every character is a token of its own, so "秀英" is the phrase of the
tokens 秀 and 英 and a one- or two-character search is an index lookup too, never a scan of the table.

A hit is an index row number; `search_fts_refs` maps it to the record, so a search that matches thousands
reads a small table and never the words themselves (each page of an encrypted file read is decrypted first).
A household's words include its residents' (desktop.store.indexing), so one index answers a household search.
`matching` answers with a subquery, not a list of ids, so the database does the whole search in one go. A row
number also says the entry's kind, so `entry_rows` needs the index alone, and `entry_in` lets a list that
thousands of records match be read in its own order, keeping the records whose entry is a hit.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, String, bindparam, column, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

REFS = table("search_fts_refs", column("id", Integer), column("ref", String))  # an entry's record

SHORT = 3  # below this many characters the trigram index cannot help
# An entry's row number is (its place in write order) × SLOTS + its kind's code (migration 0009), so the index
# alone tells a household's entry from a resident's.
SLOTS = 8
KIND_CODES = {"person": 1, "household": 2, "matter": 3}


def spaced(body: str) -> str:
    """A body as the short index stores it: one token per character."""
    return " ".join(body)


def row_numbers(first_place: int, kinds: list[str]) -> list[int]:
    """Row numbers for entries of these kinds written in this order, from this place on: rising, as FTS5
    writes a transaction's entries as one segment only while they rise (migration 0008)."""
    return [(first_place + i) * SLOTS + KIND_CODES[kind] for i, kind in enumerate(kinds)]


def next_place(last_row: int | None) -> int:
    return (last_row or 0) // SLOTS + 1


def _phrase(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def _entries(kind: str, query: str) -> tuple[str, str, dict] | None:
    """The index to ask, and a WHERE that picks the entries of this kind holding the query (None if blank).
    Characters the tokenizer ignores (spaces, punctuation) match across."""
    query = " ".join(query.split())
    if not query:
        return None
    if len(query) >= SHORT:
        table, phrase = "search_fts", "body:" + _phrase(query)
    else:
        table, phrase = "search_fts_short", "body:" + _phrase(spaced(query.replace(" ", "")))
    where = f"{table} MATCH :q AND {table}.rowid % {SLOTS} = :code"
    return table, where, {"q": phrase, "code": KIND_CODES[kind]}


def _with(sql: str, params: dict) -> TextualSelect:
    # unique: a query may hold several searches (households by their own text or by their residents')
    return text(sql).bindparams(*(bindparam(k, v, unique=True) for k, v in params.items()))


def matching(kind: str, query: str) -> TextualSelect | None:
    """The ids ("ref") of records of this kind ("person", "household", "matter") whose text holds the query;
    None when the query is blank."""
    found = _entries(kind, query)
    if found is None:
        return None
    table, where, params = found
    # A join, not `id IN (hits)`: the index gives its hits in row order, so each is found in search_fts_refs
    # next to the last one, with no list of all hits built and sorted first.
    sql = (
        f"SELECT search_fts_refs.ref FROM {table} "
        f"CROSS JOIN search_fts_refs ON search_fts_refs.id = {table}.rowid WHERE {where}"
    )
    return _with(sql, params).columns(ref=String)


def entry_rows(kind: str, query: str) -> TextualSelect | None:
    """The row numbers ("rowid") of the index entries of this kind holding the query: the index alone."""
    found = _entries(kind, query)
    if found is None:
        return None
    table, where, params = found
    return _with(f"SELECT rowid FROM {table} WHERE {where}", params).columns(rowid=Integer)


def entry_in(ref, rows) -> ColumnElement[bool]:
    """Whether the record with this id (a column) has its entry among these rows (a CTE of entry_rows), asked
    of each record a list walks through: the record's entry is looked up by id, none of the hits is."""
    return select(REFS.c.id).where(REFS.c.ref == ref).scalar_subquery().in_(select(rows.c.rowid))


def holds_at_least(session: Session, kind: str, query: str, records: int) -> bool:
    """Whether at least this many records of this kind hold the query; the index stops counting there."""
    found = _entries(kind, query)
    if found is None:
        return False
    table, where, params = found
    sql = text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT :n)")
    return session.execute(sql, {**params, "n": records}).scalar_one() >= records
