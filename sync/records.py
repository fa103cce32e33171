"""Every synced record type, declared once: its fields, where it belongs, whether it is searched, whether it
is append-only.

Both ends are derived from this file. The laptop builds its SQLAlchemy models from it
(`desktop.store.base.Synced`), its outbox, replica and search index read it; the township server takes its
scope rules and table list from it. A test pins the laptop's tables and the server's view to it, so adding a
synced record type is one entry here, its model class (one line naming the entry) and one laptop migration.
`docs/how-to.md` walks through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# ------------------------------------------------------------------------------------------ fields

_MISSING: Any = object()


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

    @property
    def has_default(self) -> bool:
        return self.default is not _MISSING


def string(size: int, *, optional=False, default=_MISSING, index=False) -> FieldSpec:
    return FieldSpec("string", size, optional, default, index=index)


def text(*, optional=False, default=_MISSING) -> FieldSpec:
    return FieldSpec("text", None, optional, default, index=False)


def integer(*, optional=False, default=_MISSING, index=False) -> FieldSpec:
    return FieldSpec("integer", None, optional, default, index=index)


def number(*, optional=False, default=_MISSING) -> FieldSpec:
    return FieldSpec("number", None, optional, default, index=False)


def boolean(*, optional=False, default=_MISSING, local=False) -> FieldSpec:
    return FieldSpec("boolean", None, optional, default, index=False, local=local)


def day(*, optional=False, index=False) -> FieldSpec:
    return FieldSpec("date", None, optional, index=index)


def moment(*, optional=False, index=False) -> FieldSpec:
    return FieldSpec("datetime", None, optional, index=index)


def json(*, optional=False, default=_MISSING) -> FieldSpec:
    return FieldSpec("json", None, optional, default, index=False)


def ref(table: str, *, optional=True, index=True) -> FieldSpec:
    """The id of another synced record. The laptop's foreign key is deferred: a pulled page may bring a child
    before its parent."""
    return FieldSpec("ref", 36, optional, ref=table, index=index)


def record_id(*, optional=True, index=False) -> FieldSpec:
    """An id with no foreign key: the record may arrive later, or its table is named by another field."""
    return FieldSpec("string", 36, optional, index=index)


# ------------------------------------------------------------------------------------------ where records belong


@dataclass(frozen=True)
class Direct:
    """The record names its village and grid itself."""

    village: str = "village_id"
    grid: str = "grid_id"


@dataclass(frozen=True)
class Parent:
    """The record belongs where its parent belongs. The parent's table is fixed, or named by a field."""

    id_field: str
    table: str | None = None
    table_field: str | None = None
    table_names: tuple[tuple[str, str], ...] = ()  # value of table_field → table

    def parent_table(self, data: dict) -> str | None:
        if self.table:
            return self.table
        value = data.get(self.table_field or "")
        return dict(self.table_names).get(value, value) if self.table_names else value


SHARED = "shared"  # reference data every device in the township reads; only township-wide accounts write it


@dataclass(frozen=True)
class Search:
    """The record is found by the laptop's text search: under `kind`, by these fields, and by one field of its
    children (a matter by its parties' names)."""

    kind: str
    fields: tuple[str, ...]
    children: tuple[tuple[str, str, str], ...] = ()  # (child table, its parent field, the field to add)


@dataclass(frozen=True)
class RecordType:
    table: str
    fields: dict[str, FieldSpec]
    scope: Direct | Parent | str
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
    RecordType("divisions", scope=SHARED, fields={
        "code": string(12, optional=True, index=True),  # 统计用区划代码
        "name": string(100),
        "level": string(10),  # county / township / village
        "parent_id": ref("divisions"),
        "short_name": string(20, optional=True),  # serial-number prefix, e.g. 向城
    }),
    RecordType("orgs", scope=SHARED, fields={
        "kind": string(20),  # village_committee / unit / team
        "name": string(100),
        "level": string(10, default="township"),
        "village_id": ref("divisions"),
    }),
    RecordType("accounts", scope=SHARED, fields={
        "username": string(50, index=True),
        "display_name": string(50),
        "roles": string(200),  # comma-separated desktop.domain.roles.Role values
        "scope_kind": string(10, default="township"),  # grid / village / township
        "scope_ids": json(default=list),
        "org_id": ref("orgs"),
        "phone": string(20, optional=True),
        "disabled": boolean(default=False),
        "created_at": moment(optional=True),
    }),
    RecordType("grids", scope=SHARED, fields={
        "village_id": ref("divisions", optional=False),
        "name": string(50),
        "worker_id": ref("accounts"),
    }),
    RecordType("config", scope=SHARED, fields={
        "key": string(50, index=True),
        "value": json(optional=True),
    }),
    # households and residents
    RecordType("households", scope=Direct(), search=Search("household", ("number", "address", "phone")), fields={
        "village_id": ref("divisions", optional=False),
        "grid_id": ref("grids"),
        "number": string(30, index=True),  # 户号, unique within a village (checked by the use case)
        "address": string(200, default=""),
        "head_id": record_id(),  # a person; no foreign key, the head may be pulled later
        "phone": string(20, optional=True),
        "tags": json(default=list),
        "worker_id": ref("accounts"),
        "note": text(default=""),
    }),
    RecordType("persons", scope=HOUSEHOLD, search=Search("person", ("name", "id_number", "mobile")), fields={
        "household_id": ref("households"),
        "name": string(50, index=True),
        "sex": string(2, optional=True),
        "ethnicity": string(20, optional=True),
        "birth_date": day(optional=True),
        "id_number": string(18, optional=True, index=True),
        "mobile": string(20, optional=True, index=True),
        "relation": string(20, optional=True),  # 与户主关系
        "tags": json(default=list),
        "note": text(default=""),
    }),
    RecordType("visits", scope=HOUSEHOLD, fields={
        "household_id": ref("households", optional=False),
        "visitor_id": ref("accounts"),
        "visited_at": moment(index=True),
        "purpose": string(100, default=""),  # desktop.domain.visits.PURPOSES, in the source language
        "findings": text(default=""),
        "needs_follow_up": boolean(default=False),
    }),
    # matters and their histories
    RecordType(
        "matters", scope=Direct(),
        search=Search("matter", ("serial", "title", "facts", "place"), children=(("parties", "matter_id", "name"),)),
        fields={
            "serial": string(40, index=True),
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
            "registered_at": moment(optional=True),
            "due_on": day(optional=True, index=True),
            "extension_days": integer(default=0),
            "pending_extension_days": integer(default=0),
            "supervised": integer(default=0),
            "outcome": string(20, optional=True),
            "closed_at": moment(optional=True),
            "checked_at": moment(optional=True),
            "satisfaction": string(10, optional=True),
            "repeat_of": ref("matters"),
            "is_group": boolean(default=False),
            "leader_id": ref("accounts"),
            "whistleblower": boolean(default=False),  # 检举: never shown to the accused
            "accused_org_id": ref("orgs"),
        },
    ),
    RecordType("parties", scope=MATTER, fields={
        "matter_id": ref("matters", optional=False),
        "kind": string(10, default="person"),  # person / org
        "person_id": ref("persons"),
        "name": string(100),
        "role": string(10),  # 申请人 / 被申请人 / 第三人 / 代理人
        "id_number": string(18, optional=True),
        "phone": string(20, optional=True),
        "address": string(200, default=""),
    }),
    RecordType("matter_links", scope=MATTER, fields={
        "matter_id": ref("matters", optional=False),
        "other_id": ref("matters", optional=False),
        "kind": string(10),  # repeat / related
    }),
    RecordType("events", scope=MATTER, append_only=True, fields={
        "matter_id": ref("matters", optional=False, index=False),  # indexed with `at` by the model
        "action": string(30),
        "actor_id": ref("accounts"),
        "actor_name": string(50, default=""),
        "device_id": record_id(),
        "at": moment(),
        "note": text(default=""),
        "data": json(default=dict),
    }),
    RecordType("mediation_sessions", scope=MATTER, append_only=True, fields={
        "matter_id": ref("matters", optional=False),
        "held_on": day(),
        "place": string(200, default=""),
        "kind": string(10),  # desktop.domain.mediation.SESSION_KINDS
        "mediators": string(200, default=""),
        "attendees": string(500, default=""),
        "record": text(default=""),
        "outcome": string(10),  # desktop.domain.lifecycle.SessionOutcome
        "level": string(10, default="village"),
    }),
    RecordType("agreements", scope=MATTER, fields={
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
        "judicial_confirmation": boolean(default=False),
        "performed": boolean(optional=True),
    }),
    RecordType("follow_ups", scope=MATTER, append_only=True, fields={
        "matter_id": ref("matters", optional=False),
        "on": day(),
        "by_id": ref("accounts"),
        "performed": boolean(optional=True),
        "satisfaction": string(10),  # desktop.domain.mediation.SATISFACTION
        "relapse": boolean(default=False),
        "next_step": text(default=""),
    }),
    RecordType(
        "attachments",
        scope=Parent("owner_id", table_field="owner_kind", table_names=(("matter", "matters"), ("visit", "visits"))),
        fields={
            "sha256": string(64, index=True),
            "filename": string(200),
            "mime": string(100, default="application/octet-stream"),
            "size": integer(default=0),
            "owner_kind": string(20),  # matter / visit
            "owner_id": record_id(optional=False, index=True),
            "present": boolean(default=False, local=True),  # the file is on this laptop
        },
    ),
    RecordType("conflicts", scope=Parent("record_id", table_field="table_name"), fields={
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
    }),
)  # fmt: skip

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
