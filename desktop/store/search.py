"""Finding people, households and matters by name, ID number, phone, serial number or any text.

Three characters or more go through the FTS5 trigram index. Shorter text (most Chinese names are two
characters) takes a prefix range on the indexed name column, and a scan of the search table for the rest.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .models import Person

MAX_HITS = 5000


def _fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def find(session: Session, kind: str, query: str, limit: int = MAX_HITS) -> list[str]:
    """Ids of records of this kind ("person", "household", "matter") whose text contains the query."""
    query = " ".join(query.split())
    if not query:
        return []
    if len(query) >= 3:
        rows = session.execute(
            text("SELECT ref FROM search_fts WHERE search_fts MATCH :q AND kind = :kind LIMIT :limit"),
            {"q": f"body:{_fts_phrase(query)}", "kind": kind, "limit": limit},
        )
        return [r[0] for r in rows]
    found: list[str] = []
    if kind == "person":
        # A range on the name index: 张三 finds 张三, 张三丰 … without reading the table.
        found = list(
            session.execute(
                select(Person.id).where(Person.name >= query, Person.name < query + "\uffff").limit(limit)
            ).scalars()
        )
    if len(found) < limit:
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = session.execute(
            text("SELECT ref FROM search_fts WHERE kind = :kind AND body LIKE :q ESCAPE '\\' LIMIT :limit"),
            {"q": f"%{escaped}%", "kind": kind, "limit": limit},
        )
        seen = set(found)
        found += [r[0] for r in rows if r[0] not in seen]
    return found[:limit]
