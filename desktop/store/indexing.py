"""The search index, kept by an ORM hook: each flush re-indexes the records whose words it changed (and their
parents: a household's entry holds its residents' words), in the same transaction, so no use case can forget
it. A pulled page, inserted without the ORM, is indexed by `index_new`. The index's tables and how they are
searched: desktop.store.search."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import bindparam, event, inspect, select, text
from sqlalchemy.orm import Session

from sync.core.records import RECORD_TYPES, searched_children

from .base import Synced, by_id, chunks
from .models import MODELS
from .search import next_place, row_numbers, spaced

# A change to a child (a party) re-indexes its parent (the matter), found by the declaration.
PARENT_OF_CHILD = searched_children()


# A child table → the fields that put words in its parent's index entry, and the field naming the parent.
CHILD_WORDS = {
    child: (*fields, parent_field)
    for record in RECORD_TYPES
    if record.search
    for child, parent_field, fields in record.search.children
}


def _changed(obj, fields) -> bool:
    """Whether a flush changes any of these fields, or removes the record: only then do its words change (the
    sync columns a push answer or a pulled page sets are not words)."""
    changed = inspect(obj).committed_state  # the attributes set since it was loaded, until this flush ends
    return any(name in changed for name in (*fields, "deleted"))


def _searched(obj) -> bool:
    return isinstance(obj, Synced) and obj.__record__.search is not None


def _bodies(session: Session, objs: list) -> dict[str, tuple[str, str]]:
    """Each record's kind and words, its children's words fetched a few queries per table, not one per record
    (a pulled page of 200 matters is one query for their parties)."""
    words = {obj.id: [getattr(obj, name) for name in obj.__record__.search.fields] for obj in objs}
    wanted: dict[tuple, list[str]] = {}
    for obj in objs:
        for child in obj.__record__.search.children:
            wanted.setdefault(child, []).append(obj.id)
    for (child_table, parent_field, child_fields), parent_ids in wanted.items():
        child = MODELS[child_table]
        parent = getattr(child, parent_field)
        for chunk in chunks(parent_ids):
            rows = session.execute(
                select(parent, *(getattr(child, name) for name in child_fields)).where(
                    parent.in_(chunk), child.deleted.is_(False)
                )
            )
            for parent_id, *values in rows:
                words[parent_id] += values
    return {
        obj.id: (obj.__record__.search.kind, " ".join(str(w) for w in words[obj.id] if w)) for obj in objs
    }


def after_flush(session: Session, flush_context) -> None:
    touched = {}
    for obj in session.deleted:  # a record removed from this laptop (it left the scope)
        if _searched(obj):
            touched[obj.id] = None
    parents: dict[str, set] = {}
    new = set(session.new)
    for obj in list(session.new) + list(session.dirty):
        if _searched(obj) and (obj in new or _changed(obj, obj.__record__.search.fields)):
            touched[obj.id] = obj
        if (
            isinstance(obj, Synced)
            and obj.__tablename__ in PARENT_OF_CHILD
            and (obj in new or _changed(obj, CHILD_WORDS[obj.__tablename__]))
        ):
            parent_table, parent_field = PARENT_OF_CHILD[obj.__tablename__]
            # the parent it has now, and the one it left (a resident moved to another household)
            left = inspect(obj).attrs[parent_field].history.deleted or ()
            parents.setdefault(parent_table, set()).update({getattr(obj, parent_field), *left} - {None})
    for parent_table, ids in parents.items():  # a few queries for a page's parents, not one per child
        touched.update((parent.id, parent) for parent in by_id(session, MODELS[parent_table], sorted(ids)))
    _write_index(session, touched)


def index_new(session: Session, rows_by_table: dict[str, dict[str, dict]]) -> None:
    """Index records inserted without the ORM (a pulled page, in bulk), from their rows as inserted, and
    re-index the parents of new children (from this page's rows where it has them)."""
    touched: dict = {}
    parents: dict[str, set] = {}
    for table, rows in rows_by_table.items():
        model = MODELS[table]
        record = getattr(model, "__record__", None)
        if record is None:
            continue
        for row in rows.values():
            if row.get("deleted"):
                continue
            if record.search is not None:
                touched[row["id"]] = SimpleNamespace(**row, __record__=record)
            if table in PARENT_OF_CHILD:
                parent_table, parent_field = PARENT_OF_CHILD[table]
                parents.setdefault(parent_table, set()).add(row.get(parent_field))
    for parent_table, ids in parents.items():
        wanted = sorted(ids - {None} - set(touched))
        for obj in by_id(session, MODELS[parent_table], wanted):
            touched[obj.id] = obj
    # A record new to this table may still have an entry: one lost here outside any sync (a damaged copy)
    # whose entry stayed is pulled again by the count check. Its stale entry is replaced, as a changed
    # record's is (one lookup on the unique ref index per record, next to the full-text writes).
    _write_index(session, touched)


# A record's index entries, found by its id.
ENTRIES_OF = text("SELECT id FROM search_fts_refs WHERE ref IN :refs").bindparams(
    bindparam("refs", expanding=True)
)


def _write_index(session: Session, touched: dict) -> None:
    """Replace the index entries of these records (None: the record is gone from this laptop). Each entry
    written takes the next place in write order (search.row_numbers)."""
    if not touched:
        return
    conn = session.connection()
    place = next_place(conn.execute(text("SELECT max(id) FROM search_fts_refs")).scalar())
    removals = [
        {"rowid": row}
        for chunk in chunks(touched)
        for row in conn.execute(ENTRIES_OF, {"refs": chunk}).scalars()
    ]
    bodies = _bodies(session, [obj for obj in touched.values() if obj is not None and not obj.deleted])
    numbers = row_numbers(place, [kind for kind, _ in bodies.values()])
    inserts = [
        {"rowid": row, "kind": kind, "ref": record_id, "body": body}
        for row, (record_id, (kind, body)) in zip(numbers, bodies.items(), strict=True)
    ]
    if removals:
        for table in ("search_fts", "search_fts_short"):
            conn.execute(text(f"DELETE FROM {table} WHERE rowid = :rowid"), removals)
        conn.execute(text("DELETE FROM search_fts_refs WHERE id = :rowid"), removals)
    if inserts:
        conn.execute(text("INSERT INTO search_fts(rowid, body) VALUES (:rowid, :body)"), inserts)
        conn.execute(text("INSERT INTO search_fts_refs(id, kind, ref) VALUES (:rowid, :kind, :ref)"), inserts)
        conn.execute(
            text("INSERT INTO search_fts_short(rowid, body) VALUES (:rowid, :body)"),
            [{"rowid": row["rowid"], "body": spaced(row["body"])} for row in inserts],
        )


def install(factory) -> None:
    """Re-index what the factory's sessions flush."""
    event.listen(factory, "after_flush", after_flush)
