"""Finding people, households and matters by name, ID number, phone, serial number or any text.

Two full-text indexes hold the same words. Three characters or more go through `search_fts`, an FTS5 trigram
index. Shorter text (most Chinese names are two characters, and a grid worker often types just the surname)
goes through `search_fts_short`, where every character is a token of its own, so "秀英" is the phrase of the
tokens 秀 and 英 and a one- or two-character search is an index lookup too, never a scan of the table.

A hit is an index row number; `search_fts_refs` maps it to the record, so a search that matches thousands
reads a small table and never the words themselves (each page of an encrypted file read is decrypted first).
A household's words include its residents' (desktop.store.tracking), so one index answers a household search.
`matching` answers with a subquery, not a list of ids, so the database does the whole search in one go.
"""

from __future__ import annotations

from sqlalchemy import String, bindparam, text
from sqlalchemy.sql.selectable import TextualSelect

SHORT = 3  # below this many characters the trigram index cannot help


def spaced(body: str) -> str:
    """A body as the short index stores it: one token per character."""
    return " ".join(body)


def _phrase(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def matching(kind: str, query: str) -> TextualSelect | None:
    """The ids ("ref") of records of this kind ("person", "household", "matter") whose text holds the query.

    None when the query is blank. Characters the tokenizer ignores (spaces, punctuation) match across.
    """
    query = " ".join(query.split())
    if not query:
        return None
    if len(query) >= SHORT:
        table, phrase = "search_fts", "body:" + _phrase(query)
    else:
        table, phrase = "search_fts_short", "body:" + _phrase(spaced(query.replace(" ", "")))
    sql = text(
        f"SELECT ref FROM search_fts_refs WHERE id IN (SELECT rowid FROM {table} WHERE {table} MATCH :q) "
        "AND kind = :kind"
    )
    # unique: a query may hold several searches (households by their own text or by their residents')
    return sql.bindparams(bindparam("q", phrase, unique=True), bindparam("kind", kind, unique=True)).columns(
        ref=String
    )
