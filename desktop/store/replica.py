"""This laptop's side of sync over the encrypted database: the `sync.client.LocalStore` the sync client
drives.

Each method is one transaction. A pulled value never overwrites a field that still has a pending local edit,
and a page and the cursor after it are stored together, so a crash re-fetches the page instead of skipping it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Date, DateTime, bindparam, delete, func, insert, select, update

from sync.core import protocol as p
from sync.core import records
from sync.core.records import BY_TABLE, RESERVED_FIELDS

from . import blobs, indexing
from .base import by_id, chunks
from .database import Database
from .models import MODELS, SYNCED_MODELS, Attachment, OutboxEntry, RecordTownship, SyncState, UploadedFile

STATE_OF = {"applied": "applied", "conflict": "conflict", "rejected": "rejected"}


def _converter(column):
    if isinstance(column.type, DateTime):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column.type, Date):
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) else v
    return lambda v: v


# The fields a pulled record brings, each with its conversion from JSON: the declaration's synced fields.
CONVERTERS = {
    table: {key: _converter(model.__table__.c[key]) for key in [*BY_TABLE[table].synced_fields, "deleted"]}
    for table, model in MODELS.items()
}
# Content columns a pulled record may empty (a field the server does not name is empty there).
NULLABLE = {
    table: [key for key, spec in BY_TABLE[table].synced_fields.items() if spec.optional] for table in MODELS
}


MAX_SKIPPED = 500  # remembered unstorable records; the oldest are forgotten
# Tables whose new records a pulled page inserts in bulk (an attachment asks whether its file is here: one by
# one).
BULK = {table for table in MODELS if MODELS[table] is not Attachment}


def _default(column):
    if column.default is None:
        return lambda: None
    arg = column.default.arg
    if column.default.is_callable:
        return lambda: arg(None)
    return lambda: arg


# Each column's value when a pulled record does not name it: the same defaults an ORM insert would apply.
DEFAULTS = {table: {c.key: _default(c) for c in model.__table__.columns} for table, model in MODELS.items()}


def _values(change: p.Change) -> dict:
    """A pulled record's content as this laptop's columns hold it."""
    convert = CONVERTERS[change.table]
    return {k: convert[k](v) for k, v in change.data.items() if k in convert and k not in RESERVED_FIELDS}


def _their_seqs(change: p.Change) -> dict[str, int]:
    """Each field's number: from protocol 2 a page names only the fields whose number differs from the
    record's."""
    return {**{field: change.server_seq for field in change.data}, **change.field_seq}


def _unstorable(change: p.Change) -> str | None:
    """Why a pulled record cannot be stored here, or None. Fields this version does not know are ignored (the
    server may be newer: additive changes only)."""
    kind = BY_TABLE.get(change.table)
    if kind is None or change.removed:
        return None
    known = {k: v for k, v in change.data.items() if k in kind.fields or k == "deleted"}
    found = records.problems(kind, known, whole=True)
    return "；".join(found[:3]) if found else None


class Replica:
    def __init__(self, db: Database, files: Path | None = None):
        self.db = db
        self.files = Path(files) if files else db.path.parent / "attachments"

    # ------------------------------------------------------------------------------------------ small state

    def get_state(self, key: str, default=None):
        with self.db.reading() as s:
            row = s.get(SyncState, key)
            return default if row is None or row.value is None else row.value

    def set_state(self, **values) -> None:
        with self.db.applying() as s:
            for key, value in values.items():
                s.merge(SyncState(key=key, value=value))

    def schema_version(self) -> str:
        return self.db.schema_version

    # ------------------------------------------------------------------------------------------ push

    def pending_count(self) -> int:
        with self.db.reading() as s:
            return s.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
            )

    def pending_ops(self, limit: int, after: int = -1) -> list[p.Op]:
        """Without their authors: the server records the pushing account's, never what an op says."""
        with self.db.reading() as s:
            entries = s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.state == "pending", OutboxEntry.op_seq > after)
                .order_by(OutboxEntry.op_seq)
                .limit(limit)
            )
            return [
                p.Op(
                    op_seq=e.op_seq,
                    mutation_id=e.mutation_id,
                    table=e.table_name,
                    record_id=e.record_id,
                    op=e.op,
                    fields=e.fields,
                    base_seqs=e.base_seqs,
                    base_values=e.base_values or {},
                    schema_version=e.schema_version,
                    device_time=e.created_at,
                )
                for e in entries
            ]

    def record_results(self, results: list[p.OpResult]) -> None:
        """Each op's outcome; and the server's numbers for what it applied, which a pull no longer echoes
        back: a field's next edit names the number its author saw."""
        outbox = OutboxEntry.__table__
        with self.db.applying() as s, s.no_autoflush:
            if results:  # one statement for the batch (executemany), not one round trip per op
                s.connection().execute(
                    update(outbox)
                    .where(outbox.c.mutation_id == bindparam("mutation"))
                    .values(state=bindparam("new_state"), reason=bindparam("why")),
                    [
                        {
                            "mutation": r.mutation_id,
                            "new_state": STATE_OF[r.status],
                            "why": r.reason
                            or (f"冲突字段：{', '.join(r.conflicts)}" if r.conflicts else None),
                        }
                        for r in results
                    ],
                )
            self._adopt_numbers(s, [r for r in results if r.server_seq and r.status != "rejected"])

    def _adopt_numbers(self, s, results: list[p.OpResult]) -> None:
        """Read and written as plain rows, a few statements per batch: sequence numbers are no one's words, so
        neither the outbox nor the search index has anything to do with them."""
        outbox = OutboxEntry.__table__
        entries = {}
        ids = [r.mutation_id for r in results]
        for chunk in chunks(ids):
            entries.update(
                (e.mutation_id, e)
                for e in s.execute(
                    select(
                        outbox.c.mutation_id, outbox.c.table_name, outbox.c.record_id, outbox.c.fields
                    ).where(outbox.c.mutation_id.in_(chunk))
                )
            )
        by_table: dict[str, list[str]] = {}
        for entry in entries.values():
            by_table.setdefault(entry.table_name, []).append(entry.record_id)
        current = {}  # (table, record id) → [field_seq, server_seq]
        for table, record_ids in by_table.items():
            model = MODELS.get(table)
            if model is None:
                continue
            columns = model.__table__.c
            for chunk in chunks(record_ids):
                for rid, seqs, seq in s.execute(
                    select(columns.id, columns.field_seq, columns.server_seq).where(columns.id.in_(chunk))
                ):
                    current[(table, rid)] = [dict(seqs or {}), seq]
        pending = self._pending_fields(s, [entry.record_id for entry in entries.values()])
        for r in results:
            entry = entries.get(r.mutation_id)
            row = current.get((entry.table_name, entry.record_id)) if entry is not None else None
            if row is None:
                continue
            took = set(entry.fields) - set(r.conflicts) - pending.get(entry.record_id, set())
            row[0].update({f: max(row[0].get(f, 0), r.server_seq) for f in took})
            # A record this laptop made is the server's from its first number on; an edited one keeps the
            # number of the version last pulled (a change by others before this one may still be on its way).
            row[1] = row[1] or r.server_seq
        for table in by_table:
            if table not in MODELS:
                continue
            columns = MODELS[table].__table__.c
            rows = [
                {"rid": rid, "seqs": seqs, "seq": seq}
                for (t, rid), (seqs, seq) in current.items()
                if t == table
            ]
            if rows:
                s.connection().execute(
                    update(MODELS[table].__table__)
                    .where(columns.id == bindparam("rid"))
                    .values(field_seq=bindparam("seqs"), server_seq=bindparam("seq")),
                    rows,
                )

    # ------------------------------------------------------------------------------------------ pull

    def _pending_fields(self, s, ids: list[str]) -> dict[str, set[str]]:
        """Fields with an edit still waiting to be pushed, by record id. Asked on the record-id index only:
        with the state in the WHERE clause SQLite takes the state index and walks every pending entry for
        each chunk (a first push's 500-op batches each walked all the ones still to go); the few entries of
        one record are filtered here instead."""
        pending: dict[str, set[str]] = {}
        for chunk in chunks(ids):
            rows = s.execute(
                select(OutboxEntry.record_id, OutboxEntry.fields, OutboxEntry.state).where(
                    OutboxEntry.record_id.in_(chunk)
                )
            )
            for record_id, fields, state in rows:
                if state == "pending":
                    pending.setdefault(record_id, set()).update(fields)
        return pending

    def apply_page(self, changes: list[p.Change], cursor: int | None) -> int:
        """Apply a page and store the cursor after it; returns how many records could not be stored here.

        A record this laptop cannot store (a field of the wrong kind, a required field missing: something a
        broken laptop once got past an older server) is skipped and remembered with its reason; the rest of
        the page applies and sync goes on."""
        with self.db.applying() as s, s.no_autoflush:  # one flush per page, not one per record
            pending = self._pending_fields(s, [c.id for c in changes])
            rows = self._rows(s, changes)
            skipped = s.get(SyncState, "skipped") or SyncState(key="skipped", value={})
            unstorable = dict(skipped.value or {})
            fresh: dict[
                str, dict[str, dict]
            ] = {}  # records new here, by table and id: inserted in bulk below
            for change in changes:
                if problem := _unstorable(change):
                    unstorable[change.id] = {"table": change.table, "reason": problem}
                    continue
                unstorable.pop(change.id, None)
                row = rows.get(change.id)
                if row is None and change.table in BULK and not change.removed:
                    fresh.setdefault(change.table, {})[change.id] = self._new_row(change)
                    continue
                self._apply(s, change, row, pending.get(change.id, set()))
            self._insert(s, fresh)
            self._townships(s, [c for c in changes if c.id not in unstorable])
            if unstorable != (skipped.value or {}):
                skipped.value = dict(list(unstorable.items())[-MAX_SKIPPED:])
                s.merge(skipped)
            if cursor is not None:
                row = s.get(SyncState, "cursor")
                if row is None:
                    s.add(SyncState(key="cursor", value=cursor))
                elif cursor > (row.value or 0):
                    row.value = cursor
        return sum(1 for c in changes if c.id in unstorable)

    @staticmethod
    def _townships(s, changes: list[p.Change]) -> None:
        """A county laptop's: whose township each record of the page is (only a county device's pull carries
        it; a township laptop's pages have none and write nothing here)."""
        owned = {c.id: (c.table, c.township) for c in changes if c.township and not c.removed}
        gone = [c.id for c in changes if c.removed]
        for chunk in chunks([*owned, *gone]):
            s.execute(delete(RecordTownship).where(RecordTownship.record_id.in_(chunk)))
        if owned:
            s.execute(
                insert(RecordTownship.__table__),
                [{"record_id": i, "table_name": t, "township_id": w} for i, (t, w) in owned.items()],
            )

    @staticmethod
    def _rows(s, changes: list[p.Change]) -> dict:
        """The page's records this laptop already has, fetched a few queries at a time."""
        by_table: dict[str, list[str]] = {}
        for change in changes:
            if change.table in MODELS:
                by_table.setdefault(change.table, []).append(change.id)
        return {r.id: r for table, ids in by_table.items() for r in by_id(s, MODELS[table], ids)}

    @staticmethod
    def _new_row(change: p.Change) -> dict:
        """Every column of a record new here, as one row of an executemany: what it brought, else the
        default."""
        row = _values(change)
        row.update(
            id=change.id,
            field_seq=_their_seqs(change),
            server_seq=change.server_seq,
            updated_by=change.updated_by,
            updated_device=change.updated_device,
            device_time=change.device_time,
            server_time=change.server_time,
        )
        # Defaults only for the columns it did not bring (an id's default is a fresh uuid: not made in vain).
        row.update(
            {column: default() for column, default in DEFAULTS[change.table].items() if column not in row}
        )
        return row

    @staticmethod
    def _insert(s, fresh: dict[str, dict[str, dict]]) -> None:
        """New records in one INSERT per table (not one ORM object each), then their search index entries."""
        if not fresh:
            return
        for table, rows in fresh.items():
            s.execute(insert(MODELS[table].__table__), list(rows.values()))
        indexing.index_new(s, fresh)

    def _apply(self, s, change: p.Change, row, pending: set[str]) -> None:
        model = MODELS.get(change.table)
        if model is None:
            return  # a record type of a newer version; the next upgrade pulls it again
        if change.removed:
            if row is not None:
                s.delete(row)
            return
        if row is not None and row.server_seq and row.server_seq >= change.server_seq:
            if row.server_time is None and row.server_seq == change.server_seq:
                row.server_time = change.server_time  # its own step sent back: when the server received it
                if "counted_at" in change.data and hasattr(row, "counted_at"):  # … and the time it counts at
                    row.counted_at = _values(change).get("counted_at")
            return  # already as new (a page fetched twice, or a late offline reply)
        values = _values(change)
        if model is Attachment:
            # Whether the file is on this laptop is this laptop's fact, not the uploader's.
            path = self._path(values.get("sha256", ""))
            values["present"] = row.present if row is not None else path is not None and path.exists()
        theirs = _their_seqs(change)
        if row is None:
            row = model(id=change.id, **values)
            s.add(row)
            field_seq = theirs
        else:
            for key, value in {**dict.fromkeys(NULLABLE[change.table]), **values}.items():
                if key not in pending:
                    setattr(row, key, value)
            mine = row.field_seq or {}
            field_seq = {**theirs, **{f: mine.get(f, 0) for f in pending}}
        row.field_seq = field_seq
        row.server_seq = change.server_seq
        row.updated_by, row.updated_device = change.updated_by, change.updated_device
        row.device_time, row.server_time = change.device_time, change.server_time

    def prepare_reset(self, epoch: str) -> None:
        """The server lost its recent past: send every edit again (bases unknown) and take its snapshot
        anew."""
        with self.db.applying() as s:
            s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.state.in_(["pending", "applied", "conflict"]))
                .values(state="pending", reason=None)
            )
            for entry in s.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending")):
                entry.base_seqs = dict.fromkeys(entry.base_seqs or entry.fields, p.PREVIOUS_EPOCH)
            for model in SYNCED_MODELS:
                s.execute(update(model).values(server_seq=0))
            s.merge(SyncState(key="cursor", value=0))
            s.merge(SyncState(key="epoch", value=epoch))
            s.execute(delete(UploadedFile))
            s.execute(delete(RecordTownship))  # the re-pull says again whose each record is

    # ------------------------------------------------------------------------------------------ verification

    def local_counts(self) -> dict[str, int]:
        """Records per type as the server counts them: those held here, and those skipped as unstorable (they
        are known, not missing: pulling them again would change nothing)."""
        with self.db.reading() as s:
            counts = {
                table: s.scalar(select(func.count()).select_from(model).where(model.server_seq > 0))
                for table, model in MODELS.items()
            }
            skipped = s.get(SyncState, "skipped")
        for entry in (skipped.value or {}).values() if skipped else ():
            counts[entry["table"]] = counts.get(entry["table"], 0) + 1
        return counts

    def keep_only(self, table: str, ids: set[str]) -> int:
        """After a full re-pull of one type: drop what the server no longer holds in this scope."""
        model = MODELS[table]
        with self.db.applying() as s:
            gone = [r for r in s.scalars(select(model).where(model.server_seq > 0)) if r.id not in ids]
            for row in gone:
                s.delete(row)
            for chunk in chunks([r.id for r in gone]):  # a county laptop's township of each: gone with it
                s.execute(delete(RecordTownship).where(RecordTownship.record_id.in_(chunk)))
            return len(gone)

    # --------------------------------------------------------------------------------------- attachment files

    def _path(self, sha: str) -> Path | None:
        """Where a file's bytes are kept; None for a declared hash that is not one (records written before the
        declaration said so, or a laptop's own bad row): such a name never becomes a path."""
        return self.files / sha[:2] / sha if records.SHA256.fits(sha) else None

    def files_to_upload(self) -> list[tuple[str, Path, int]]:
        with self.db.reading() as s:
            rows = s.execute(
                select(Attachment.sha256, func.max(Attachment.size))
                .where(Attachment.present.is_(True), Attachment.sha256.not_in(select(UploadedFile.sha256)))
                .group_by(Attachment.sha256)
            ).all()
        paths = [(sha, self._path(sha), size) for sha, size in rows]
        return [(sha, path, size) for sha, path, size in paths if path is not None and path.exists()]

    def read_file(self, sha: str, path: Path) -> bytes:
        """A stored file's plain bytes, in memory, to upload (the server knows it by their hash)."""
        return blobs.read(self.db.file_key, path, sha)

    def keep_file(self, sha: str, part: Path, target: Path) -> None:
        """A downloaded file (already checked against its hash): sealed into place, the plain part removed."""
        try:
            blobs.write(self.db.file_key, target, sha, part.read_bytes())
        finally:
            part.unlink(missing_ok=True)

    def mark_uploaded(self, sha: str) -> None:
        with self.db.applying() as s:
            s.merge(UploadedFile(sha256=sha, at=datetime.now()))

    def files_to_download(self) -> list[tuple[str, int, Path]]:
        with self.db.reading() as s:
            rows = s.execute(
                select(Attachment.sha256, func.max(Attachment.size))
                .where(Attachment.present.is_(False), Attachment.deleted.is_(False))
                .group_by(Attachment.sha256)
            ).all()
        paths = [(sha, size, self._path(sha)) for sha, size in rows]
        return [(sha, size, path) for sha, size, path in paths if path is not None]

    def mark_present(self, sha: str) -> None:
        """The file arrived. `present` is this laptop's fact, so it is written without an outbox entry."""
        with self.db.applying() as s:
            s.execute(update(Attachment).where(Attachment.sha256 == sha).values(present=True))
            s.merge(UploadedFile(sha256=sha, at=datetime.now()))
