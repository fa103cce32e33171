"""Push and pull: per-field merge against each edit's base, conflicts as records, scope moves, pages of
changes.

Everything here runs inside one writing (push) or reading (pull) transaction opened by the caller.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import event, func, insert, not_, select
from sqlalchemy.orm import Session

from sync.core import protocol as p
from sync.core import records

from . import (
    account_admin,
    authority,
    counted_time,
    county,
    derived,
    fact_checks,
    history,
    key_persons,
    marks,
    patrols,
    periods,
)
from .accounts import USERNAME_TAKEN, AdminError
from .authority import Identity
from .db import Sequencer, meta
from .models import Account, OpResult, Record, ScopeExit
from .scope import EVERY_TOWNSHIP, DeviceScope, Place, confine, place_of

FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]{0,39}")
CONFLICT_IDS = uuid.UUID("6f0e1a52-6b8e-4a43-9d2c-2f1f6c0c1a51")
PREFETCH = 500  # ids per IN (…) list


class Rejected(Exception):
    """The op cannot be applied at all; the reason goes back to the laptop and stays visible there."""


class RefusedAfterWriting(Exception):
    """An op was refused after it had begun to write: the batch is applied again, each op in a savepoint."""


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


class NewRecord(SimpleNamespace):
    """A record this push inserts, with a `Record`'s columns: written with the batch's other new records in
    one statement, not one ORM object each (building, tracking and flushing those was most of a first
    push)."""


# (countylow) the one refusal of an insert with an id held out of the device's reach
ID_TAKEN = "编号 {id} 已被本设备管辖范围以外的记录使用，不能用于新记录：请在本机重新生成编号"


class Pusher:
    """Applies a device's ops in order, in the caller's transaction, and remembers each result."""

    def __init__(
        self,
        session: Session,
        device_id: str,
        who: Identity,
        scope: DeviceScope,
        now: datetime,
        *,
        savepoints: bool = False,
    ):
        # Every check of an op comes before its first write, so a refused op has nothing to undo and the batch
        # is written in one flush. Should an op be refused after writing, the caller applies the batch again
        # with a savepoint around each op (`savepoints`), which a refusal rolls back.
        self.savepoints = savepoints
        self.wrote = False
        self.session = session
        self.device_id = device_id
        self.who = who
        self.author = who.author  # never what the op says
        self.scope = scope
        # Whatever this push's checks read of records is its township's alone (scope.confine); a record of
        # another township is as absent as an unknown id.
        self.township_id = scope.township_id
        confine(session, scope.township_id)
        self.now = now
        self.seq = Sequencer(session, deferred=True)
        self.epoch_start = int(meta(session, "epoch_start_seq").value)
        self.times: history.DeviceTimes | None = None  # read once, when the batch holds an event

    def push(self, ops: list[p.Op]) -> list[p.OpResult]:
        self._prefetch(ops)
        self.new: dict[str, NewRecord] = {}
        self.answers: list[dict] = []
        # Whatever the checks ask the database (an actor, a matter's events) sees this batch's new records.
        event.listen(self.session, "do_orm_execute", self._write_new)
        # The actors the batch's steps name, looked up once each (authority.acting); an accounts op forgets
        # them, as it may change one.
        self.session.info[authority.ACTORS] = {}
        try:
            results = [self.one(op) for op in ops]
            self._write_new()
            self.seq.save()
            if self.answers:
                self.session.connection().execute(insert(OpResult.__table__), self.answers)
                counted_time.record_push(self.session, self.device_id, self.now, self.answers)
        finally:
            event.remove(self.session, "do_orm_execute", self._write_new)
            self.session.info.pop(authority.ACTORS, None)
        return results

    def _write_new(self, *_) -> None:
        if self.new:
            rows = [vars(record) for record in self.new.values()]
            self.new = {}
            self.session.connection().execute(insert(Record.__table__), rows)

    def _prefetch(self, ops: list[p.Op]) -> None:
        """One query for the batch's earlier answers and a few for the records it names (and the records their
        fields refer to): each op then finds them in the session instead of asking the database one by one."""
        self.answered = {}
        self.taken: set[str] = set()  # mutation ids another device's ops already have
        mutations = [op.mutation_id for op in ops]
        wanted = {op.record_id for op in ops}
        wanted |= {v for op in ops for v in op.fields.values() if isinstance(v, str) and len(v) == 36}
        wanted = sorted(wanted)
        for start in range(0, len(mutations), PREFETCH):
            chunk = mutations[start : start + PREFETCH]
            for r in self.session.scalars(select(OpResult).where(OpResult.mutation_id.in_(chunk))):
                # Only the device's own answer is given back: another device's (perhaps another
                # township's) says nothing of its op to a device replaying its id.
                if r.device_id == self.device_id:
                    self.answered[r.mutation_id] = r
                else:
                    self.taken.add(r.mutation_id)
        # Held here as well: the session's identity map, where `session.get` finds them, keeps only weak
        # references to unchanged objects.
        self.held: dict[str, Record] = {}
        # Record ids are one space for the whole server: an id this township does not have may still be
        # another township's, which no insert here may take. Looked up by id alone, and another township's
        # record leaves the session at once: to every check it is as absent as an unknown id.
        self.elsewhere: set[str] = set()
        for start in range(0, len(wanted), PREFETCH):
            chunk = wanted[start : start + PREFETCH]
            query = select(Record).where(Record.id.in_(chunk)).execution_options(**{EVERY_TOWNSHIP: True})
            for r in self.session.scalars(query):
                if self.township_id is not None and r.township_id != self.township_id:
                    self.session.expunge(r)
                    self.elsewhere.add(r.id)
                else:
                    self.held[r.id] = r
        self.absent = set(wanted) - set(self.held)

    def _record(self, record_id: str) -> Record | NewRecord | None:
        """A record by id: from the session when the batch's prefetch saw it, known absent without a query."""
        if record_id in self.held:
            return self.held[record_id]
        if record_id in self.absent:
            return None
        return self.session.get(Record, record_id)

    def _stored(self, record: Record | NewRecord) -> Record:
        """The record as a tracked ORM object, to change it: one inserted by this batch is written first."""
        if isinstance(record, Record):
            return record
        self._write_new()
        self.held[record.id] = self.session.get(Record, record.id)
        return self.held[record.id]

    def _forget_new(self) -> None:
        """A refused op's new records were never written (its savepoint is rolled back)."""
        for record_id in self.new:
            self.held.pop(record_id, None)
            self.absent.add(record_id)
        self.new = {}

    def one(self, op: p.Op) -> p.OpResult:
        seen = self.answered.get(op.mutation_id)
        if seen is None and op.mutation_id in self.taken:
            # Not stored (the id is another op's): refused alone, and the batch goes on.
            return p.OpResult(
                op_seq=op.op_seq,
                mutation_id=op.mutation_id,
                status="rejected",
                reason="操作编号（mutation_id）已被另一操作使用：请在本机重新生成后再同步",
            )
        if seen is not None:
            return p.OpResult(
                op_seq=op.op_seq,
                mutation_id=op.mutation_id,
                status=seen.status,
                duplicate=True,
                reason=seen.reason,
                server_seq=seen.server_seq,
                conflicts=seen.conflicts,
            )
        self.wrote = False
        try:
            if self.savepoints:
                with self.session.begin_nested():  # a refused op leaves nothing behind; the batch goes on
                    try:
                        seq, conflicts = self._apply(op)
                        self._write_new()
                    except (Rejected, authority.Refused):
                        self._forget_new()
                        raise
            else:
                seq, conflicts = self._apply(op)
            status, reason = ("conflict" if conflicts else "applied"), None
        except (Rejected, authority.Refused) as exc:
            if self.wrote and not self.savepoints:
                raise RefusedAfterWriting(str(exc)) from exc
            seq, conflicts, status, reason = None, [], "rejected", str(exc)
        if op.table == "accounts":  # it may have changed an actor the batch remembers
            self.session.info[authority.ACTORS] = {}
        answer = dict(
            mutation_id=op.mutation_id,
            device_id=self.device_id,
            op_seq=op.op_seq,
            status=status,
            reason=reason,
            server_seq=seq,
            conflicts=conflicts,
            schema_version=op.schema_version,
            received_at=self.now,
        )
        self.answers.append(answer)
        # The same op twice in one batch is answered once.
        self.answered[op.mutation_id] = SimpleNamespace(**answer)
        return p.OpResult(
            op_seq=op.op_seq,
            mutation_id=op.mutation_id,
            status=status,
            reason=reason,
            server_seq=seq,
            conflicts=conflicts,
        )

    # ------------------------------------------------------------------------------------------ one op

    def _apply(self, op: p.Op) -> tuple[int | None, list[str]]:
        kind = records.BY_TABLE.get(op.table)
        if kind is None:
            raise Rejected(f"服务器不认识记录类型“{op.table}”（客户端版本比服务器新？）")
        bad = [f for f in op.fields if f in records.RESERVED_FIELDS or not FIELD_NAME.fullmatch(f)]
        if bad:
            raise Rejected(f"字段名不合法：{', '.join(bad[:5])}")
        # A laptop's own facts (a file present there) are not the township's: an older laptop still sends
        # them.
        op.fields = {k: v for k, v in op.fields.items() if not (k in kind.fields and kind.fields[k].local)}
        record = self._record(op.record_id)
        # An insert whose id the server holds in a record this device may not read (another township's, or
        # its own township's out of its scope) gets one answer, whoever holds it and whatever its type: the
        # device learns that the id is taken (unavoidable: ids are one space for the server), never where.
        if op.op == "insert" and (
            op.record_id in self.elsewhere or (record is not None and not self._readable(record))
        ):
            raise Rejected(ID_TAKEN.format(id=op.record_id))
        if record is not None and record.table_name != op.table:
            raise Rejected(f"编号 {op.record_id} 已是另一类记录（{record.table_name}）")
        if record is None and op.op != "insert":
            raise Rejected("服务器上没有这条记录，无法修改或删除")
        found = records.problems(kind, op.fields, whole=record is None, arriving=True)
        found += [
            f"{name}（原值）：{problem}"
            for name, value in op.base_values.items()
            if value is not None and (problem := records.value_problem(records.json(), value))
        ]
        if found:
            raise Rejected("；".join(found[:5]))
        self._authorise(op, kind, record)
        if record is None:
            seq = self._insert(op, kind)
            if kind.table == "events":  # the step's consequences on the server's matter: derived, not written
                derived.apply_step(self, op.fields, seq)
            return seq, []
        return self._update(op, self._stored(record), kind)

    def _adopt_account(self, op: p.Op) -> None:
        """A new account record for a username the server has no account for becomes one (account_admin)."""
        username = op.fields.get("username")
        if self.session.scalar(select(Account.id).where(Account.username == username)) is not None:
            return
        admin = account_admin.Admin(
            self.who.username, self.device_id, self.who.author, township_id=self.township_id
        )
        try:
            account_admin.adopt(self.session, admin, op.record_id, op.fields, self.now)
        except AdminError as exc:
            raise authority.Refused(str(exc)) from None

    def _authorise(self, op: p.Op, kind: records.RecordType, record: Record | None) -> None:
        """Could this account have made this change through the use cases?"""
        if self.scope.kind == "county" and kind.table in ("periods", "assessment_marks"):
            raise authority.Refused("县级账号不做乡镇的月结和考核赋分")
        if kind.table == "periods":  # 月结: published once, never changed
            return periods.check(self.session, self.who, op.op, op.record_id, op.fields, record, self.now)
        if kind.table == "assessment_marks":  # 督考办's marks, also from the township's shared PC
            return marks.check(self.session, self.who, op.op, op.fields, record)
        if record is not None or op.op != "insert":
            authority.check_append_only(kind, "update")
        data = {**(record.data if record is not None else {}), **op.fields}
        matter = county.matter_of(kind.table, data, record, self._record)
        county_device = self.scope.kind == "county"
        if problem := county.tier_problem(kind.table, op.fields, matter, county_device):
            raise authority.Refused(problem)
        if county_device:  # its matters' records, and its own units (sync.server.county)
            county.check_write(kind.table, op.fields, record)
            if problem := county.unit_problem(kind.table, op.fields, self._record):
                raise authority.Refused(problem)
            if problem := county.crossing_problem(op.fields, matter, self._record):
                raise authority.Refused(problem)
        elif problem := county.township_org_problem(kind.table, op.fields, record):
            raise authority.Refused(problem)
        if kind.table == "conflicts":  # written by the server; a laptop only marks one settled
            if record is None or set(op.fields) - {"resolved"}:
                raise authority.Refused("冲突记录由服务器写入，本机只能把它标为已处理")
            return
        if county_device and kind.table == "accounts" and record is not None and county.own_account(record):
            # the county's platform staffs its own units (county.check_write took org_id only): not an
            # administrator's account work, the configuring of the county's units
            if not self.who.may("configure"):
                raise authority.Refused(f"账号 {self.who.username} 无权给县级单位添加成员")
        else:
            authority.check_permission(self.who, kind)
        if kind.table in key_persons.TABLES:  # 重点人员's plans and contacts
            key_persons.check(self.session, self.who, kind.table, op.fields, record, self.now.date())
        if kind.table == "patrols":  # 巡查
            patrols.check(self.session, self.who, op.fields, record, self.now)
        if kind.table == "accounts":
            if record is None:
                self._check_username(op.fields)
            authority.check_account_record(self.session, record, op.fields)
            if record is None:
                self._adopt_account(op)
        if record is None and kind.table == "events":
            authority.check_event(self.session, self.who, op.fields)
            if self.times is None:
                self.times = history.DeviceTimes.of(self.session, self.device_id, self.now)
            history.check_event(self.session, self.who, op.fields, self.times, self._record)
        if record is None and kind.table in history.TYPED_RECORDS:
            if self.times is None:
                self.times = history.DeviceTimes.of(self.session, self.device_id, self.now)
            history.check_typed_record(self.session, kind.table, op.fields, self.times, self._record)
        if record is None and kind.table == "matters":
            authority.check_new_matter(self.session, self.who, op.fields)
        if record is None and kind.table == "agreements":  # by its 记录协议 step (fact_checks)
            fact_checks.check_new_agreement(self.session, op.fields, self.device_id)

    def _check_username(self, fields: dict) -> None:
        """Usernames sign in to the whole server: a township's new account record may not take one another
        township's account has (nor be compared with that account's roles and scope)."""
        if self.township_id is None:
            return
        query = select(Account.township_id).where(Account.username == fields.get("username"))
        owner = self.session.execute(query).first()
        if owner is not None and owner[0] != self.township_id:
            raise authority.Refused(USERNAME_TAKEN.format(username=fields.get("username")))

    def _readable(self, record: Record) -> bool:
        return record.shared or self.scope.covers(Place.of(record))

    def _check_place(self, table: str, record_id: str, data: dict, verb: str, was_county=False) -> Place:
        place = place_of(self.session, table, record_id, data, self._record)
        if place is None:
            raise Rejected("它所属的住户或事项不在服务器上")
        # once at county level, a matter is the county's for good (sent down, it still follows it); a record
        # under it follows its parent, wherever it is moved (review)
        if was_county and table == "matters":
            place = replace(place, county=True)
        if not self.scope.covers(place):
            raise Rejected(f"不能{verb}：记录不在本设备账号的管辖范围内")
        return place

    def _insert(self, op: p.Op, kind: records.RecordType) -> int:
        data = dict(op.fields)
        place = self._check_place(op.table, op.record_id, data, "新增")
        authority.check_references(self.session, kind, data, self._readable, lookup=self._record)
        self.wrote = True
        seq = self.seq.next()
        record = NewRecord(
            id=op.record_id,
            table_name=op.table,
            data=data,
            field_seq=dict.fromkeys(data, seq),
            field_device=dict.fromkeys(data, self.device_id),
            server_seq=seq,
            deleted=bool(data.get("deleted")),
        )
        self._stamp(record, op, place)
        # 月结: its closed_at is the server's receipt time, which the laptop pulls back
        if op.table == "periods":
            periods.received(record, self.seq.next())
        self.new[op.record_id] = record
        self.absent.discard(op.record_id)
        self.held[op.record_id] = record
        return seq

    def _base_ok(self, record: Record, field: str, base: int) -> bool:
        current = record.field_seq.get(field, 0)
        if record.field_device.get(field) == self.device_id:
            return True  # the author saw its own earlier edit, whatever number it got
        if base == p.PREVIOUS_EPOCH:
            return current <= self.epoch_start  # nobody changed it since the server was restored
        return base >= current

    def _update(self, op: p.Op, record: Record, kind: records.RecordType) -> tuple[int | None, list[str]]:
        old = Place.of(record)
        if not self.scope.covers(old):
            raise Rejected("不能修改：记录不在本设备账号的管辖范围内")
        if kind.table == "agreements":  # what the parties signed, whatever the edit's base
            history.check_agreement_change(record, op.fields)
            fact_checks.check_agreement_edit(self.session, record, op.fields, self.device_id, op.op)
        undelete = op.fields.get("deleted") is False and self._base_ok(
            record, "deleted", op.base_seqs.get("deleted", 0)
        )
        if record.deleted and not undelete:  # (an undelete by someone who saw the delete is an ordinary edit)
            if op.fields.get("deleted") is True:
                return record.server_seq, []  # deleted twice: nothing to do
            self._conflict(op, record, "deleted", op.fields)  # an edit racing a delete
            return None, ["deleted"]
        if op.op == "delete":
            base = op.base_seqs.get(p.RECORD_BASE, record.server_seq)
            edited_since = any(not self._base_ok(record, f, base) for f in record.field_seq if f != "deleted")
            if edited_since:
                self._conflict(op, record, "deleted", True)
                return None, ["deleted"]
        applied, conflicts = {}, []
        for field, value in op.fields.items():
            if self._base_ok(record, field, op.base_seqs.get(field, 0)):
                applied[field] = value
            elif record.data.get(field) != value:
                conflicts.append(field)
        seq = None
        if applied.get("deleted") is True:  # a deleted person's data goes, here and on every laptop
            applied.update({k: v for k, v in records.cleared(kind).items() if record.data.get(k) != v})
        if applied:
            data = {**record.data, **applied}
            authority.check_references(
                self.session, kind, data, self._readable, only=set(applied), lookup=self._record
            )
            if kind.table == "matters":
                self._check_state(record, applied, op.base_values)
                data = {**record.data, **applied}  # the server's counted times stand (history)
            place = self._check_place(op.table, record.id, data, "移出管辖范围", bool(record.county))
            self.wrote = True
            seq = self.seq.next()
            record.data = data
            record.field_seq = {**record.field_seq, **dict.fromkeys(applied, seq)}
            record.field_device = {**record.field_device, **dict.fromkeys(applied, self.device_id)}
            record.server_seq = seq
            record.deleted = bool(data.get("deleted"))
            self._stamp(record, op, place)
            if set(applied) - set(op.fields) or any(
                op.fields[f] != v for f, v in applied.items() if f in op.fields
            ):
                record.updated_device = None  # the server changed more than the device sent: it pulls it back
            if place.moved_from(old):
                self._exit(record, old)
            if record.county and not old.county:  # reached the county: sent to it whole
                county.entered(self, record)
        for field in conflicts:
            self._conflict(op, record, field, op.fields[field])
        return seq, conflicts

    def _check_state(self, matter: Record, applied: dict, bases: dict) -> None:
        history.check_matter_change(self.session, self.who, self.device_id, matter, applied, bases)

    def _stamp(self, record: Record | NewRecord, op: p.Op, place: Place) -> None:
        # A township device writes in its own township. A county device (no township of its own) writes under
        # a matter of a township, in that township; its own units (no parent) are the county's (None).
        if self.township_id is not None:
            record.township_id = self.township_id
        elif getattr(record, "township_id", None) is None:
            record.township_id = place.township_id
        record.shared, record.village_id, record.grid_id = place.shared, place.village_id, place.grid_id
        record.parent_id, record.protected_from = place.parent_id, place.protected_from
        record.household_id = place.household_id
        record.county = place.county or bool(getattr(record, "county", False))  # once at county, kept
        record.blob = record.data.get("sha256") if record.table_name == "attachments" else None
        record.updated_by = self.author
        record.updated_device = self.device_id
        record.device_time = op.device_time
        record.server_time = self.now

    def _exit(self, record: Record, old: Place) -> None:
        """The record moved: devices of its old place drop it, and its children follow it."""
        self.session.add(
            ScopeExit(
                seq=record.server_seq,
                table_name=record.table_name,
                record_id=record.id,
                township_id=record.township_id,
                village_id=old.village_id,
                grid_id=old.grid_id,
                household_id=old.household_id,
            )
        )
        self.session.flush()
        for child in self.session.scalars(select(Record).where(Record.parent_id == record.id)):
            child_old = Place.of(child)
            child.village_id, child.grid_id = record.village_id, record.grid_id
            child.household_id, child.protected_from = record.household_id, record.protected_from
            child.server_seq = self.seq.next()
            child.updated_device = None  # moved by the server, not by a device
            self._exit(child, child_old)

    def _conflict(self, op: p.Op, record: Record, field: str, local_value) -> None:
        self.wrote = True
        seq = self.seq.next()
        data = {
            "table_name": record.table_name,
            "record_id": record.id,
            "field": field,
            "base_value": op.base_values.get(field),
            "server_value": record.data.get(field, record.deleted),
            "local_value": local_value,
            "server_author": record.updated_by,
            "local_author": self.author,
            "server_device": record.field_device.get(field, record.updated_device),
            "local_device": self.device_id,
            "server_at": _iso(record.server_time),
            "local_at": _iso(op.device_time),
            "resolved": False,
            "deleted": False,
        }
        if field == "deleted":
            data["server_value"] = record.deleted
        self.session.add(
            Record(
                id=str(uuid.uuid5(CONFLICT_IDS, f"{op.mutation_id}:{field}")),
                table_name="conflicts",
                data=data,
                field_seq=dict.fromkeys(data, seq),
                field_device=dict.fromkeys(data, self.device_id),
                server_seq=seq,
                deleted=False,
                township_id=record.township_id,
                shared=record.shared,
                village_id=record.village_id,
                grid_id=record.grid_id,
                parent_id=record.id,
                protected_from=record.protected_from,
                household_id=record.household_id,
                county=bool(record.county),
                updated_by=self.author,  # written by the server: every device pulls it, the pusher too
                updated_device=None,
                device_time=op.device_time,
                server_time=self.now,
            )
        )


# ------------------------------------------------------------------------------------------------ pull


def _readable(scope: DeviceScope):
    return scope.readable(
        Record.village_id,
        Record.grid_id,
        Record.household_id,
        Record.shared,
        Record.protected_from,
        Record.county,
        Record.township_id,
    )


def visible_blob(session: Session, scope: DeviceScope, sha: str) -> bool:
    """A device may read or send a file only if it can see an attachment that names it."""
    query = select(Record.id).where(Record.blob == sha, Record.deleted.is_(False), _readable(scope)).limit(1)
    return session.scalar(query) is not None


def _exits(scope: DeviceScope, cursor: int, table: str | None):
    """Moves out of this scope after the cursor, unless the record has come back in since."""
    if (scope.kind == "township" and not scope.org_id) or scope.kind == "county":
        return None  # (a matter once at county level stays the county's: nothing leaves its scope)
    was_in = scope.readable(
        ScopeExit.village_id, ScopeExit.grid_id, ScopeExit.household_id, township_col=ScopeExit.township_id
    )
    query = (
        select(ScopeExit)
        .join(Record, Record.id == ScopeExit.record_id)
        .where(ScopeExit.seq > cursor, was_in, not_(_readable(scope)))
    )
    return query.where(ScopeExit.table_name == table) if table else query


def _echo(record: Record, device_id: str, cursor: int) -> bool:
    """The device's own edit, as it has it: written last by this device, and every field either its own or one
    it had already pulled (numbered at or below its cursor). The server's own changes name no device."""
    if record.updated_device != device_id or record.table_name == "events":
        return (
            False  # (a step's history entry goes back to its author too: the server's receipt time is news)
        )
    return all(
        record.field_device.get(f) == device_id or seq <= cursor for f, seq in record.field_seq.items()
    )


def _change(record: Record, slim: bool = False, county: bool = False) -> p.Change:
    seqs = record.field_seq
    if slim:
        seqs = {field: seq for field, seq in seqs.items() if seq != record.server_seq}
    return p.Change(
        table=record.table_name,
        id=record.id,
        server_seq=record.server_seq,
        deleted=record.deleted,
        data=record.data,
        field_seq=seqs,
        updated_by=record.updated_by,
        updated_device=record.updated_device,
        device_time=record.device_time,
        server_time=record.server_time,
        # a county device reads many townships: it is told whose each record is (its own units: None)
        township=record.township_id if county else None,
    )


def newest(session: Session) -> int:
    """The newest sequence number committed (records and scope exits): a pull that has read everything up to
    it stores it as its cursor, so changes out of scope or skipped are not read again."""
    return max(
        session.scalar(select(func.max(Record.server_seq))) or 0,
        session.scalar(select(func.max(ScopeExit.seq))) or 0,
    )


ECHO_READ_AHEAD = 20  # pages' worth of records a pull reads past while they are all the device's own


def pull(
    session: Session,
    scope: DeviceScope,
    epoch: str,
    cursor: int,
    limit: int,
    table: str | None = None,
    *,
    device_id: str | None = None,
    protocol: int = 1,
    with_counts: bool = True,
):
    """A page of changes after the cursor. From protocol 2 on, the device's own plainly applied edits are not
    echoed back (its push answer gave it their sequence numbers), and a record's field_seq lists only the
    fields whose number differs from the record's."""
    up_to = newest(session)  # read first: what commits after it has a higher number, and comes next time
    query = select(Record).where(Record.server_seq > cursor, Record.server_seq <= up_to, _readable(scope))
    if table:
        query = query.where(Record.table_name == table)
    fetched = list(session.scalars(query.order_by(Record.server_seq).limit(limit)))
    echoes = protocol >= 2 and device_id and cursor > 0 and not table
    records = [r for r in fetched if not (echoes and _echo(r, device_id, cursor))]
    scanned = len(fetched)
    # A run of the device's own edits (its first push) is read past here, not sent as empty pages to ask
    # again.
    while echoes and len(fetched) == limit and len(records) < limit and scanned < limit * ECHO_READ_AHEAD:
        after_read = fetched[-1].server_seq
        fetched = list(
            session.scalars(
                query.where(Record.server_seq > after_read).order_by(Record.server_seq).limit(limit)
            )
        )
        records += [r for r in fetched if not _echo(r, device_id, cursor)]
        scanned += len(fetched)
    exits_query = _exits(scope, cursor, table)
    exits = (
        []
        if exits_query is None
        else list(
            session.scalars(exits_query.where(ScopeExit.seq <= up_to).order_by(ScopeExit.seq).limit(limit))
        )
    )
    county_query = _county_shared(scope, cursor, table)
    county_rows = (
        []
        if county_query is None
        else list(
            session.scalars(
                county_query.where(Record.server_seq <= up_to).order_by(Record.server_seq).limit(limit)
            )
        )
    )
    changes = sorted(
        [_change(r, slim=protocol >= 2, county=scope.kind == "county") for r in records + county_rows]
        + [p.Change(table=e.table_name, id=e.record_id, server_seq=e.seq, removed=True) for e in exits],
        key=lambda c: c.server_seq,
    )
    more = len(fetched) == limit or len(exits) == limit or len(county_rows) == limit
    if len(changes) > limit:
        changes, more = changes[:limit], True
        after = changes[-1].server_seq
    elif more:  # up to where reading stopped, whether the last records read were sent or were echoes
        after = min(
            fetched[-1].server_seq if len(fetched) == limit else up_to,
            exits[-1].seq if len(exits) == limit else up_to,
            county_rows[-1].server_seq if len(county_rows) == limit else up_to,
        )
    else:
        after = max(up_to, cursor)
    # The last page of a protocol-2 pull carries the counts the laptop checks itself against: no extra
    # request. Counting reads the whole scope, so a laptop asks for it only when it compares (on a schedule).
    wanted = with_counts and protocol >= 2 and not more and not table
    counted = _counted(session, scope, up_to) if wanted else None
    return p.PullPage(epoch=epoch, changes=changes, cursor=after, more=more, counts=counted)


def _county_shared(scope: DeviceScope, cursor: int, table: str | None):
    """The county's own shared records (its units: no township), which every township of the county reads —
    a matter the county dispatched names its unit — read as a stream of their own beside the township's, each
    on its township-leading index (one condition `township = mine OR township IS NULL` would sort a township's
    whole change set for every page). None for a county device: it reads them through its own rule."""
    if scope.kind == "county" or scope.township_id is None:
        return None
    query = select(Record).where(
        Record.township_id.is_(None), Record.shared.is_(True), Record.server_seq > cursor
    )
    query = query.execution_options(**{EVERY_TOWNSHIP: True})  # (not confined: these are no township's)
    return query.where(Record.table_name == table) if table else query


def _counted(session: Session, scope: DeviceScope, up_to: int) -> dict[str, int]:
    rows = session.execute(
        select(Record.table_name, func.count())
        .where(_readable(scope), Record.server_seq <= up_to)
        .group_by(Record.table_name)
    ).all()
    counted = {name: n for name, n in rows}
    county = _county_shared(scope, 0, None)
    if county is not None:
        ours = county.where(Record.server_seq <= up_to).subquery()
        for name, n in session.execute(select(ours.c.table_name, func.count()).group_by(ours.c.table_name)):
            counted[name] = counted.get(name, 0) + n
    return counted


def counts(session: Session, scope: DeviceScope, epoch: str) -> p.Counts:
    up_to = newest(session)  # counted as of this number: a laptop compares only when its cursor is there
    return p.Counts(epoch=epoch, cursor=up_to, counts=_counted(session, scope, up_to))
