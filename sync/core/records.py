"""Every synced record type, declared once: its fields, where it belongs, whether it is searched, whether it
is append-only.

Both ends are derived from this file. The laptop builds its SQLAlchemy models from it
(`desktop.store.base.Synced`), its outbox, replica and search index read it; the township server takes its
scope rules and table list from it. A test pins the laptop's tables and the server's view to it, so adding a
synced record type is one entry here, its model class (one line naming the entry) and one laptop migration.
`docs/how-to.md` walks through it.
"""

from __future__ import annotations

import json as jsonlib
import math
import re
from dataclasses import dataclass
from datetime import date as date_type
from datetime import datetime as datetime_type
from typing import Any

# ------------------------------------------------------------------------------------------ fields

_MISSING: Any = object()


@dataclass(frozen=True)
class Shape:
    """What a string field may hold beyond its length, as a regular expression the whole value must match, and
    the words that say it when a value does not."""

    pattern: str
    words: str

    def fits(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None


# A file's content hash: it names the file on disk at both ends, so anything else (a path) is refused.
SHA256 = Shape(r"[0-9a-f]{64}", "应为 64 位小写十六进制的 sha256")
# A name that becomes part of a file's name (an attachment's name, a matter's serial in a dossier): one
# component, no separators or control characters.
FILE_NAME_PART = Shape(r"[^/\\\x00-\x1f\x7f]*", "不能含有 / \\ 或控制字符")


@dataclass(frozen=True)
class FieldSpec:
    """One content field: its kind, its size, whether it may be empty, what it points at.

    kind: string (bounded, `size` characters), text, integer, number, boolean, date, datetime, json, ref (the
    id of another synced record, in table `ref`).
    """

    kind: str
    size: int | None = None
    optional: bool = False
    default: Any = _MISSING
    ref: str | None = None
    index: bool = True  # for refs; other fields set it where a screen filters or searches by them
    local: bool = False  # this laptop's own fact (a file present here): never sent, never taken from a pull
    # a person's data: cleared everywhere, the server included, when the record is deleted
    personal: bool = False
    shape: Shape | None = None  # for strings: what the value may hold beyond its length

    @property
    def has_default(self) -> bool:
        return self.default is not _MISSING


def string(
    size: int,
    *,
    optional: bool = False,
    default: Any = _MISSING,
    index: bool = False,
    personal: bool = False,
    shape: Shape | None = None,
) -> FieldSpec:
    return FieldSpec("string", size, optional, default, index=index, personal=personal, shape=shape)


def text(*, optional: bool = False, default: Any = _MISSING, personal: bool = False) -> FieldSpec:
    return FieldSpec("text", None, optional, default, index=False, personal=personal)


def integer(*, optional: bool = False, default: Any = _MISSING, index: bool = False) -> FieldSpec:
    return FieldSpec("integer", None, optional, default, index=index)


def number(*, optional: bool = False, default: Any = _MISSING) -> FieldSpec:
    return FieldSpec("number", None, optional, default, index=False)


def boolean(*, optional: bool = False, default: Any = _MISSING, local: bool = False) -> FieldSpec:
    return FieldSpec("boolean", None, optional, default, index=False, local=local)


def day(*, optional: bool = False, index: bool = False, personal: bool = False) -> FieldSpec:
    return FieldSpec("date", None, optional, index=index, personal=personal)


def moment(*, optional: bool = False, index: bool = False) -> FieldSpec:
    return FieldSpec("datetime", None, optional, index=index)


def json(*, optional: bool = False, default: Any = _MISSING, size: int | None = None) -> FieldSpec:
    """size: the most bytes the value may take, encoded, where it is not JSON_MAX_BYTES."""
    return FieldSpec("json", size, optional, default, index=False)


def ref(table: str, *, optional: bool = True, index: bool = True) -> FieldSpec:
    """The id of another synced record. The laptop's foreign key is deferred: a pulled page may bring a child
    before its parent."""
    return FieldSpec("ref", 36, optional, ref=table, index=index)


def record_id(*, optional: bool = True, index: bool = False) -> FieldSpec:
    """An id with no foreign key: the record may arrive later, or its table is named by another field."""
    return FieldSpec("string", 36, optional, index=index)


# --------------------------------------------------------------------------------------- where records belong


@dataclass(frozen=True)
class Direct:
    """The record names its village and grid itself, and the household it concerns (a 联户长's scope is a
    group of households): a field naming it, or the record itself when it is a household."""

    village: str = "village_id"
    grid: str = "grid_id"
    household: str | None = None  # "id": the record is the household

    def household_of(self, record_id: str, data: dict[str, Any]) -> str | None:
        if self.household == "id":
            return record_id
        return data.get(self.household) if self.household else None


@dataclass(frozen=True)
class Parent:
    """The record belongs where its parent belongs. The parent's table is fixed, or named by a field."""

    id_field: str
    table: str | None = None
    table_field: str | None = None
    table_names: tuple[tuple[str, str], ...] = ()  # value of table_field → table

    def parent_table(self, data: dict[str, Any]) -> str | None:
        if self.table:
            return self.table
        value: str | None = data.get(self.table_field or "")
        if value is None or not self.table_names:
            return value
        return dict(self.table_names).get(value, value)


SHARED = "shared"  # reference data every device in the township reads; only township-wide accounts write it


@dataclass(frozen=True)
class Search:
    """The record is found by the laptop's text search: under `kind`, by these fields, and by fields of its
    children (a matter by its parties' names, a household by its residents' names, ID numbers and mobiles)."""

    kind: str
    fields: tuple[str, ...]
    children: tuple[
        tuple[str, str, tuple[str, ...]], ...
    ] = ()  # (child table, its parent field, fields to add)


@dataclass(frozen=True)
class RecordType:
    """`write` names the permission (sync.core.domain.roles.Permission) an account needs to write the record;
    the township server checks it against its own account table. Matters are written by lifecycle steps, which
    the server checks step by step."""

    table: str
    fields: dict[str, FieldSpec]
    scope: Direct | Parent | str
    write: str
    search: Search | None = None
    append_only: bool = False  # a history: inserted once, never edited or deleted

    @property
    def synced_fields(self) -> dict[str, FieldSpec]:
        """The fields that travel: everything but this laptop's own facts."""
        return {name: spec for name, spec in self.fields.items() if not spec.local}


# Columns that describe a row's sync state rather than its content: never sent as edited fields.
SYNC_COLUMNS = frozenset(
    {"server_seq", "field_seq", "updated_by", "updated_device", "device_time", "server_time"}
)
RESERVED_FIELDS = SYNC_COLUMNS | {"id"}

# ------------------------------------------------------------------------------------------ the record types

MATTER = Parent("matter_id", table="matters")
HOUSEHOLD = Parent("household_id", table="households")

RECORD_TYPES: tuple[RecordType, ...] = (
    # places, people who work, configuration: shared reference data
    RecordType(
        "divisions",
        write="configure",
        scope=SHARED,
        fields={
            "code": string(12, optional=True, index=True),  # 统计用区划代码
            "name": string(100),
            "level": string(10),  # county / township / village
            "parent_id": ref("divisions"),
            "short_name": string(20, optional=True),  # serial-number prefix, e.g. 向城
        },
    ),
    RecordType(
        "orgs",
        write="configure",
        scope=SHARED,
        fields={
            "kind": string(20),  # village_committee / unit / team
            "name": string(100),
            "level": string(10, default="township"),
            "village_id": ref("divisions"),
            # the 人民调解委员会 that seals its agreements ("X村委会" → "X村人民调解委员会" when empty),
            # and the short
            # name in its 调解文书号 ("（2026）芒新调字第1号": township and unit, first characters when empty)
            "committee_name": string(100, optional=True),
            "short_name": string(10, optional=True),
        },
    ),
    RecordType(
        "accounts",
        write="manage_accounts",
        scope=SHARED,
        fields={
            "username": string(50, index=True),
            "display_name": string(50),
            "roles": string(200),  # comma-separated sync.core.domain.roles.Role values
            "scope_kind": string(10, default="township"),  # household / grid / village / township
            "scope_ids": json(default=list),
            "org_id": ref("orgs"),
            "phone": string(20, optional=True),
            "disabled": boolean(default=False),
            "created_at": moment(optional=True),
        },
    ),
    RecordType(
        "grids",
        write="configure",
        scope=SHARED,
        fields={
            "village_id": ref("divisions", optional=False),
            "name": string(50),
            "worker_id": ref("accounts"),
        },
    ),
    RecordType(
        "config",
        write="configure",
        scope=SHARED,
        fields={
            "key": string(50, index=True),
            "value": json(optional=True),
        },
    ),
    # households and residents
    RecordType(
        "households",
        write="edit_residents",
        scope=Direct(household="id"),
        search=Search(
            "household",
            ("number", "address", "phone"),
            children=(("persons", "household_id", ("name", "id_number", "mobile")),),
        ),
        fields={
            "village_id": ref("divisions", optional=False),
            "grid_id": ref("grids"),
            "number": string(30, index=True),  # 户号, unique within a village (checked by the use case)
            "address": string(200, default=""),
            "head_id": record_id(),  # a person; no foreign key, the head may be pulled later
            "phone": string(20, optional=True),
            "tags": json(default=list),
            "worker_id": ref("accounts"),
            "note": text(default=""),
        },
    ),
    RecordType(
        "persons",
        write="edit_residents",
        scope=HOUSEHOLD,
        search=Search("person", ("name", "id_number", "mobile")),
        fields={
            "household_id": ref("households"),
            "name": string(50, index=True, personal=True),
            "sex": string(2, optional=True, personal=True),
            "ethnicity": string(20, optional=True, personal=True),
            "birth_date": day(optional=True, personal=True),
            "id_number": string(18, optional=True, index=True, personal=True),
            "mobile": string(20, optional=True, index=True, personal=True),
            "relation": string(20, optional=True),  # 与户主关系
            "tags": json(default=list),
            "note": text(default="", personal=True),
        },
    ),
    RecordType(
        "visits",
        write="log_visit",
        scope=HOUSEHOLD,
        fields={
            "household_id": ref("households", optional=False),
            "visitor_id": ref("accounts"),
            "visited_at": moment(index=True),
            "purpose": string(100, default=""),  # sync.core.domain.visits.PURPOSES, in the source language
            "findings": text(default=""),
            "needs_follow_up": boolean(default=False),
        },
    ),
    # matters and their histories
    RecordType(
        "matters",
        write="view_matters",
        scope=Direct(household="household_id"),
        search=Search(
            "matter",
            ("serial", "external_no", "title", "facts", "place", "referral_no"),
            children=(("parties", "matter_id", ("name",)),),
        ),
        fields={
            "serial": string(40, index=True, shape=FILE_NAME_PART),
            "kind": string(10, default="dispute"),  # dispute / petition
            "source": string(30, index=True),
            "category": string(30, optional=True, index=True),
            "subcategory": string(30, optional=True),
            "title": string(200),
            "facts": text(default=""),
            "occurred_at": moment(optional=True),
            "place": string(200, default=""),
            "village_id": ref("divisions"),
            "grid_id": ref("grids"),
            "people_count": integer(default=0),
            "amount": number(default=0),
            "risk": string(10, default="low", index=True),
            "signals": json(default=list),  # group / fight / criminal / death
            "grade": integer(optional=True, index=True),
            "status": string(20, index=True),  # a cache of the events
            "level": string(10, default="village"),
            "failed_tries": integer(default=0),
            "handler": string(50, optional=True, index=True),  # "org:<id>" / "account:<id>"
            "handler_name": string(100, optional=True),
            "reported_at": moment(index=True),
            "reported_by": ref("accounts"),
            "visit_id": ref("visits"),
            "household_id": ref("households"),  # the household it concerns, when reported from one
            "registered_at": moment(optional=True),
            "due_on": day(optional=True, index=True),
            "extension_days": integer(default=0),
            "pending_extension_days": integer(default=0),
            "supervised": integer(default=0),
            "explanation_due": boolean(default=False),  # 督办 since the last 超期说明
            "archived": boolean(default=False),  # 卷宗归档
            "external_no": string(40, optional=True, index=True),  # 12345 / 首发 order number
            "closing_reply": text(default=""),  # 销号回复 to the hotline, given when closed
            "outcome": string(20, optional=True),
            "closed_at": moment(optional=True),
            "checked_at": moment(optional=True),
            "satisfaction": string(10, optional=True),
            "repeat_of": ref("matters"),
            "is_group": boolean(default=False),
            "leader_id": ref("accounts"),
            "whistleblower": boolean(default=False),  # 检举: never shown to the accused
            "accused_org_id": ref("orgs"),
            # 三调联动 (sync.core.domain.linkage): set by its two steps only
            "referral_kind": string(20, optional=True, index=True),  # court_pre / court_entrusted / police
            "referral_no": string(60, optional=True, index=True),  # the court's 案号 or the 110 接警编号
            "referral_body": string(100, optional=True),  # the court or the police station
            "referral_received_on": day(optional=True),
            "referral_due_on": day(optional=True),  # the court's deadline for the mediation
            "referral_result": string(10, optional=True),  # success / failure, sent back
            "referral_result_on": day(optional=True),
            "referral_reply": text(default=""),  # what the 回复函 / 反馈单 says
            "patrol_id": ref("patrols"),  # the 巡查 entry it was found on (sync.core.domain.patrols)
            # 信访 (sync.core.domain.petitions): the stage after the written reply, the ISO day its window
            # runs from, and 信访代办 (the reporting grid worker files on the petitioner's behalf)
            "petition_stage": string(20, optional=True),
            "petition_since": string(10, optional=True),
            "by_proxy": boolean(default=False),
        },
    ),
    RecordType(
        "parties",
        write="view_matters",
        scope=MATTER,
        fields={
            "matter_id": ref("matters", optional=False),
            "kind": string(10, default="person"),  # person / org
            "person_id": ref("persons"),
            "name": string(100, personal=True),
            "role": string(10),  # 申请人 / 被申请人 / 第三人 / 代理人
            "id_number": string(18, optional=True, personal=True),
            "phone": string(20, optional=True, personal=True),
            "address": string(200, default="", personal=True),
            # for the agreement's particulars (人民调解法 Art. 29) when the party is not a registered resident
            "ethnicity": string(20, optional=True, personal=True),
            "occupation": string(100, optional=True, personal=True),  # 职业或工作单位
        },
    ),
    RecordType(
        "matter_links",
        write="view_matters",
        scope=MATTER,
        fields={
            "matter_id": ref("matters", optional=False),
            "other_id": ref("matters", optional=False),
            "kind": string(10),  # repeat / related
        },
    ),
    RecordType(
        "events",
        write="view_matters",
        scope=MATTER,
        append_only=True,
        fields={
            "matter_id": ref("matters", optional=False, index=False),  # indexed with `at` by the model
            "action": string(30),
            "actor_id": ref("accounts"),
            "actor_name": string(50, default=""),
            "device_id": record_id(),
            "at": moment(),
            "note": text(default=""),
            "data": json(default=dict),
            # The time the step counts at, written by the server (sync.core.domain.timing.counted_time).
            "counted_at": moment(optional=True),
        },
    ),
    RecordType(
        "mediation_sessions",
        write="view_matters",
        scope=MATTER,
        append_only=True,
        fields={
            "matter_id": ref("matters", optional=False),
            "held_on": day(),
            "place": string(200, default=""),
            "kind": string(10),  # sync.core.domain.mediation.SESSION_KINDS
            "mediators": string(200, default=""),
            "attendees": string(500, default=""),
            "record": text(default=""),
            "outcome": string(10),  # sync.core.domain.lifecycle.SessionOutcome
            "level": string(10, default="village"),
            "mediator_ids": json(default=list),  # the accounts who mediated (the agreement's mediator line)
        },
    ),
    RecordType(
        "agreements",
        write="view_matters",
        scope=MATTER,
        fields={
            "matter_id": ref("matters", optional=False),
            "session_id": ref("mediation_sessions"),
            "form": string(10),  # written / oral
            "parties": text(),
            "facts": text(),
            "terms": text(),
            "performance": text(default=""),  # how it is carried out
            "perform_by": day(optional=True),
            "signed_by_parties": boolean(default=False),
            "signed_by_mediator": boolean(default=False),
            "effective_on": day(optional=True),
            "copies": integer(default=0),
            "judicial_confirmation": boolean(default=False),  # confirmed by the court (人民调解法 Art. 33)
            "confirmation_applied_on": day(optional=True),  # applied for, within 30 days of taking effect
            "confirmation_decided_on": day(optional=True),
            "confirmation_result": string(10, optional=True),  # confirmed / rejected
            "court": string(100, optional=True),  # the court applied to (申请司法确认 / 司法确认结果)
            "confirmation_document_no": string(60, optional=True),  # 文书号: （2026）鲁1324民特12号
            "performed": boolean(optional=True),
            # 变更协议: the signed agreement this one changes (that one stays as signed, and printable)
            "replaces_id": record_id(),
            # 调解文书号 "（2026）芒新调字第1号": per committee and year, given when signed (or first printed)
            "doc_no": string(40, optional=True),
        },
    ),
    RecordType(
        # 调查记录: a fact established outside a session (a measurement by 自然资源所, a site visit),
        # written by
        # its step (lifecycle.Action.INVESTIGATE) and filed in the dossier before the sessions
        "investigations",
        write="view_matters",
        scope=MATTER,
        append_only=True,
        fields={
            "matter_id": ref("matters", optional=False),
            "held_on": day(),
            "place": string(200, default=""),
            "investigators": string(200),  # who investigated, with their unit: 自然资源所 张工
            "present": string(500, default=""),  # who was asked or present
            "subject": string(200, default=""),  # what was looked into
            "findings": text(),
            "by_id": ref("accounts"),  # who entered it
        },
    ),
    RecordType(
        "follow_ups",
        write="view_matters",
        scope=MATTER,
        append_only=True,
        fields={
            "matter_id": ref("matters", optional=False),
            "on": day(),
            "by_id": ref("accounts"),
            "performed": boolean(optional=True),
            "satisfaction": string(10),  # sync.core.domain.mediation.SATISFACTION
            "relapse": boolean(default=False),
            "next_step": text(default=""),
        },
    ),
    RecordType(
        "attachments",
        write="view_matters",
        scope=Parent(
            "owner_id",
            table_field="owner_kind",
            table_names=(("matter", "matters"), ("visit", "visits"), ("patrol", "patrols")),
        ),
        fields={
            "sha256": string(64, index=True, shape=SHA256),
            "filename": string(200, shape=FILE_NAME_PART),
            "mime": string(100, default="application/octet-stream"),
            "size": integer(default=0),
            "owner_kind": string(20),  # matter / visit / patrol
            "owner_id": record_id(optional=False, index=True),
            "present": boolean(default=False, local=True),  # the file is on this laptop
        },
    ),
    RecordType(
        "conflicts",
        write="view_matters",
        scope=Parent("record_id", table_field="table_name"),
        fields={
            "table_name": string(40),
            "record_id": record_id(optional=False, index=True),
            "field": string(40),
            "base_value": json(optional=True),
            "server_value": json(optional=True),
            "local_value": json(optional=True),
            "server_author": string(50, optional=True),
            "local_author": string(50, optional=True),
            "server_device": record_id(),
            "local_device": record_id(),
            "server_at": moment(optional=True),
            "local_at": moment(optional=True),
            "resolved": boolean(default=False),
        },
    ),
)

PERIOD_FIGURES_MAX_BYTES = 2 * 1024 * 1024  # a month's figures for every unit: far below a push's 8 MB
# A closed month (月结): its figures as published, fixed by a digest; written once by those who may close a
# period, never changed (sync.core.domain.periods).
RECORD_TYPES += (
    RecordType(
        "periods",
        write="close_period",
        scope=SHARED,
        append_only=True,
        fields={
            "month": string(7, index=True, shape=Shape(r"[0-9]{4}-(0[1-9]|1[0-2])", "应写作 2026-11")),
            # sections, rankings, adjustments (docs/domain.md, Periods): every unit of a large township
            "figures": json(default=dict, size=PERIOD_FIGURES_MAX_BYTES),
            "digest": string(64, shape=SHA256),  # sha256 of the canonical month and figures
            "closed_by": ref("accounts"),
            "closed_by_name": string(50, default=""),
            "closed_at": moment(),
            "automatic": boolean(default=False),  # closed by itself N days after the month's end
        },
    ),
    RecordType(
        # 亮点工作赋分 (points beside the formula score), 通报 and 约谈, recorded by the 督考办 against a unit
        # of assessment for a month (sync.core.domain.measures.mark_problem); never edited: a mistake is
        # answered by another mark with a reason
        "assessment_marks",
        write="mark_assessment",
        scope=SHARED,
        append_only=True,
        fields={
            "kind": string(12),  # highlight / notice / interview
            "month": string(7, index=True, shape=Shape(r"[0-9]{4}-(0[1-9]|1[0-2])", "应写作 2026-11")),
            "on": day(),
            "unit_by": string(10),  # village / grid / unit / team / handler
            "unit_key": string(50),  # the unit's id ("account:<id>" / "org:<id>" for a handler)
            "unit_name": string(100),
            "points": number(default=0),  # highlight points; 0 for a 通报 or 约谈
            "reason": text(),
            "by_id": ref("accounts"),
            "by_name": string(50, default=""),
        },
    ),
)

# 重点人员 management (sync.core.domain.key_persons): a watched resident's 稳控 plan, and each contact made.
KEY_PERSON_SCOPE = Parent("person_id", table="persons")
RECORD_TYPES += (
    RecordType(
        "key_person_plans",
        write="edit_residents",
        scope=KEY_PERSON_SCOPE,
        fields={
            "person_id": ref("persons", optional=False),
            "category": string(10, index=True),  # key_persons.CATEGORIES
            "keeper_id": ref("accounts"),  # 包保责任人
            "plan": text(default=""),  # 稳控措施
            "every_days": integer(default=30),  # a contact at least this often
            "since": day(),  # 列管日期
            "ended_on": day(optional=True),  # 解除列管
        },
    ),
    RecordType(
        "key_person_contacts",
        write="log_visit",
        scope=KEY_PERSON_SCOPE,
        append_only=True,
        fields={
            "person_id": ref("persons", optional=False),
            "on": day(index=True),
            "way": string(10),  # key_persons.WAYS
            "seen": text(default=""),  # what was seen and said
            "by_id": ref("accounts"),
        },
    ),
)

# 巡查: a grid worker's patrol of a place that is no household (sync.core.domain.patrols).
RECORD_TYPES += (
    RecordType(
        "patrols",
        write="log_visit",
        scope=Direct(),
        fields={
            "village_id": ref("divisions", optional=False),
            "grid_id": ref("grids"),
            "patroller_id": ref("accounts"),
            "patrolled_at": moment(index=True),
            "place": string(200),
            "place_kind": string(10),  # patrols.PLACE_KINDS
            "seen": text(default=""),
            "needs_follow_up": boolean(default=False),
        },
    ),
)

BY_TABLE: dict[str, RecordType] = {record.table: record for record in RECORD_TYPES}
TABLES: tuple[str, ...] = tuple(BY_TABLE)
SCOPE_RULES: dict[str, Direct | Parent | str] = {record.table: record.scope for record in RECORD_TYPES}


def searched_children() -> dict[str, tuple[str, str]]:
    """Child table → (parent table, parent field): a change to the child re-indexes its parent."""
    return {
        child: (record.table, parent_field)
        for record in RECORD_TYPES
        if record.search
        for child, parent_field, _ in record.search.children
    }


# ------------------------------------------------------------------------------------------ checking values

# Sizes no honest laptop comes near; anything past them is refused with a reason naming the field.
TEXT_MAX = 20_000  # characters in a text field
JSON_MAX_BYTES = 64 * 1024  # a JSON field, encoded
JSON_MAX_DEPTH = 8  # lists and objects inside one another
INTEGER_RANGE = (-(2**53), 2**53)
NUMBER_MAX = 1e15


def unstorable(value: str) -> bool:
    """A string not every database can store: a lone surrogate from a broken client's JSON escape, or a NUL
    (PostgreSQL keeps no NUL in text)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return "\x00" in value


# Control characters a value arriving at the server may not hold, naming the field (issue 26): none in a
# one-line string or a reference, none but tab, line feed and carriage return in multi-line text. Checked on
# arrival only (`problems(..., arriving=True)`): a record the server already holds stays readable everywhere.
# C1 controls (a terminal's escape sequences), the Unicode line and paragraph separators and the bidirectional
# overrides and isolates (which can make a name read backwards, 'gpj.exe' as 'exe.jpg') go with them.
INVISIBLE = r"\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL_ONE_LINE = re.compile(f"[\\x00-\\x1f{INVISIBLE}]")
_CONTROL_MULTI_LINE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f{INVISIBLE}]")


def control_problem(spec: FieldSpec, value: object) -> str | None:
    """Why a string field's value holds a control character it may not, or None."""
    if spec.kind not in ("string", "ref", "text") or not isinstance(value, str):
        return None
    found = (_CONTROL_MULTI_LINE if spec.kind == "text" else _CONTROL_ONE_LINE).search(value)
    if found is None:
        return None
    return f"含有控制字符 U+{ord(found.group()):04X}（第 {found.start() + 1} 个字符）"


def without_controls(spec: FieldSpec, value: object) -> object:
    """The value as the server would take it: each control character `control_problem` names becomes a space
    (a tab pasted into a name, a line break typed with Alt+Enter in a one-line cell). The laptop writes this,
    so an honest record is never refused for what a person cannot see."""
    if spec.kind not in ("string", "ref", "text") or not isinstance(value, str):
        return value
    return (_CONTROL_MULTI_LINE if spec.kind == "text" else _CONTROL_ONE_LINE).sub(" ", value)


def _depth_and_strings_ok(value: object) -> str | None:
    """Nesting depth and every string inside a JSON value, without recursion (a hostile value may be deep)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > JSON_MAX_DEPTH:
                return f"嵌套超过 {JSON_MAX_DEPTH} 层"
            children = list(item.items()) if isinstance(item, dict) else [(None, v) for v in item]
            for key, child in children:
                if isinstance(key, str) and unstorable(key):
                    return "含有无法保存的字符"
                stack.append((child, depth + 1))
        elif isinstance(item, str) and unstorable(item):
            return "含有无法保存的字符"
        elif isinstance(item, float) and not math.isfinite(item):
            return "含有无效的数字"
    return None


def _date_ok(value: str, kind: str) -> bool:
    try:
        if kind == "date":
            date_type.fromisoformat(value[:10])
        else:
            datetime_type.fromisoformat(value)
    except ValueError:
        return False
    return len(value) <= 40


def value_problem(spec: FieldSpec, value: object) -> str | None:
    """Why a value cannot be stored in a field of this kind, or None. Empty (None) is the caller's
    question."""
    kind = spec.kind
    if kind in ("string", "ref", "text"):
        if not isinstance(value, str):
            return "应为文字"
        limit = TEXT_MAX if kind == "text" else spec.size
        if limit and len(value) > limit:
            return f"长度 {len(value)} 超过上限 {limit}"
        if unstorable(value):
            return "含有无法保存的字符"
        return spec.shape.words if spec.shape is not None and not spec.shape.fits(value) else None
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return "应为整数"
        return None if INTEGER_RANGE[0] <= value <= INTEGER_RANGE[1] else "数值超出范围"
    if kind == "number":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return "应为数字"
        return None if math.isfinite(value) and abs(value) <= NUMBER_MAX else "数值超出范围"
    if kind == "boolean":
        return None if isinstance(value, bool) else "应为 true 或 false"
    if kind in ("date", "datetime"):
        if not isinstance(value, str) or not _date_ok(value, kind):
            return "应为日期" if kind == "date" else "应为日期和时间"
        return None
    if kind == "json":
        shape = spec.default if spec.has_default and spec.default in (list, dict) else None
        if shape is not None and not isinstance(value, shape):
            return "应为列表" if shape is list else "应为对象"
        if problem := _depth_and_strings_ok(value):
            return problem
        try:
            size = len(jsonlib.dumps(value, ensure_ascii=False).encode())
        except (TypeError, ValueError):
            return "不是有效的 JSON"
        limit = spec.size or JSON_MAX_BYTES
        return None if size <= limit else f"超过 {limit // 1024} KB"
    return f"未知的字段类型 {kind}"


def problems(record: RecordType, fields: dict[str, Any], *, whole: bool, arriving: bool = False) -> list[str]:
    """What is wrong with these fields of a record, each naming the field and the reason; [] when nothing.

    whole: the fields are the whole record (an insert, or a record as the server holds it), so every required
    field must be there; otherwise they are an edit of some fields. arriving: pushed to the server now, so
    control characters are refused as well (`control_problem`)."""
    found = []
    for name, value in fields.items():
        if name == "deleted":
            if not isinstance(value, bool):
                found.append("deleted：应为 true 或 false")
            continue
        spec = record.fields.get(name)
        if spec is None:
            shown = name if len(name) <= 40 and not unstorable(name) else ascii(name[:40])
            found.append(f"{shown}：{record.table} 没有这个字段")
        elif value is None:
            if not spec.optional and not spec.local:
                found.append(f"{name}：不能为空")
        elif problem := value_problem(spec, value) or (control_problem(spec, value) if arriving else None):
            found.append(f"{name}：{problem}")
    if whole:
        for name, spec in record.synced_fields.items():
            if not spec.optional and not spec.has_default and fields.get(name) is None and name not in fields:
                found.append(f"{name}：缺少必填字段")
    return found


def cleared(record: RecordType) -> dict[str, Any]:
    """The values a deleted record's personal fields take: empty where they may be, blank where required."""
    return {
        name: (None if spec.optional else ("" if spec.kind in ("string", "text") else spec.default))
        for name, spec in record.fields.items()
        if spec.personal
    }
