"""The wire messages between a laptop and the township server, shared by both ends (docs/architecture.md,
Sync protocol).

Only additive changes: a new field gets a default, so an older peer can ignore it. PROTOCOL_VERSION goes up
only when an old peer could misunderstand a new message; the server then tells a too-old client to update.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from annotated_types import GroupedMetadata
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic.config import JsonDict

from .records import INVISIBLE, SHA256, unstorable

# 2: a pull does not echo the device's own applied edits (the push answer gives their numbers) and lists in
# field_seq only the fields whose number differs from the record's; a protocol-1 laptop still gets whole
# pages.
PROTOCOL_VERSION = 3
OLDEST_CLIENT_PROTOCOL = 1

# A base_seq a laptop can no longer vouch for: its edit was made before the server was restored from a backup.
PREVIOUS_EPOCH = -1
# The base of a whole record (used by deletes): "I saw the record as of this server_seq".
RECORD_BASE = "*"

SEQ_MAX = 2**53  # sequence numbers and cursors beyond this are malformed, not merely large
MAX_OPS_PER_PUSH = 1000  # a laptop sends 500 at a time
CLIENT_PUSH_BATCH = 500  # … this many: a push of fewer emptied its outbox (event times are bounded by it)
MAX_PULL_PAGE = 2000  # records a pull page may hold


def _storable(text: str) -> str:
    if unstorable(text):
        raise ValueError("含有无法保存的字符")
    return text


@dataclass(frozen=True)
class Text(GroupedMetadata):
    """A string of bounded length that a database can store (no NUL, no lone surrogates) and a screen or a
    terminal shows as it is (no control characters but tab, line feed and carriage return): `Annotated[str,
    Text(50, 1)]`, one to fifty characters."""

    max_length: int
    min_length: int = 0
    one_line: bool = False  # a name shown in a list or a terminal: no control characters at all

    def __iter__(self) -> Iterator[object]:
        # said in the schema too, so generated clients know it
        allowed = (
            rf"^[^\x00-\x1f{INVISIBLE}]*$"
            if self.one_line
            else rf"^[^\x00-\x08\x0b\x0c\x0e-\x1f{INVISIBLE}]*$"
        )
        yield from StringConstraints(min_length=self.min_length, max_length=self.max_length, pattern=allowed)
        yield AfterValidator(_storable)


def _written_time(value: object) -> object:
    """Pydantic would read a number, or text that is one ("0" in a query), as a Unix time: the schema says an
    ISO 8601 date and time."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and _NUMBER.fullmatch(value.strip())):
        raise ValueError("时间须为 ISO 8601 文本")
    return value


_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def _json_number(value: object) -> object:
    if isinstance(
        value, (str, bytes, bool)
    ):  # pydantic would read "5" or true as a number; the schema does not
        raise ValueError("须为数字")
    return value


# In a message a number is a JSON number (5 or 5.0, as JSON Schema's integer allows), never text: `Number`.
# A query parameter's values are all text, so the types that routes share below leave it to the messages.
Number = BeforeValidator(_json_number)
Seq = Annotated[int, Field(ge=PREVIOUS_EPOCH, le=SEQ_MAX), Number]
# Values a route takes as a query or path parameter as well as inside a message: declared once, here, so the
# server's routes refuse before their handler runs exactly what the messages would refuse.
ProtocolNumber = Annotated[int, Field(ge=1, le=10_000)]  # the sender's protocol (a push, a pull)
SchemaVersion = Annotated[str, Text(20)]
Epoch = Annotated[str, Text(40)]
TableName = Annotated[str, Text(40, 1)]
Cursor = Annotated[int, Field(ge=0, le=SEQ_MAX)]
PageSize = Annotated[int, Field(ge=1, le=MAX_PULL_PAGE)]
# A record's field name as the declarations write them (sync.core.records): anything else is not a field. A
# base may also be the whole record's (RECORD_BASE, a delete's).
FieldName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
BaseName = Annotated[str, Field(pattern=r"^([a-z][a-z0-9_]{0,39}|\*)$")]
# …and the schema says so: no other key (patternProperties alone would let a client think any key goes).
NAMES_ONLY: JsonDict = {"additionalProperties": False}
Sha256 = Annotated[str, Field(pattern=f"^{SHA256.pattern}$")]  # an attachment's name, as declared
DeviceTime = Annotated[datetime, BeforeValidator(_written_time)]  # a laptop's clock, as ISO 8601 text
# A time as the writer's clock had it, usually without an offset (laptops and the server keep local time):
# shown to people, never relied on.
Stamp = Annotated[
    datetime, WithJsonSchema({"type": "string", "description": "ISO 8601, often without an offset"})
]
OpKind = Literal["insert", "update", "delete"]
OpStatus = Literal["applied", "conflict", "rejected"]


# Where each record type belongs, its fields and the reserved sync columns: `sync.core.records`, the one
# declaration.

ScopeKind = Literal["household", "grid", "village", "township", "county"]


class AccountInfo(BaseModel):
    username: str
    display_name: str = ""
    roles: list[str] = []
    scope_kind: ScopeKind = "grid"
    scope_ids: list[str] = []


class TownshipInfo(BaseModel):
    """The township a device's account works in, as the server holds it (issue 29: one server, many)."""

    id: Annotated[str, Text(36, 1, one_line=True)]
    name: Annotated[str, Text(50, 1, one_line=True)]  # (as the server's townships table holds them)
    code: Annotated[str, Text(12, one_line=True)] = ""  # 统计用区划代码; empty for the placeholder township
    short_name: Annotated[str, Text(20, one_line=True)] = ""


# ------------------------------------------------------------------------------------ registration, handshake


class Register(BaseModel):
    username: Annotated[str, Text(50, 1, one_line=True)]
    password: Annotated[str, Text(200)]
    device_id: Annotated[str, Text(36, 1, one_line=True)]
    device_name: Annotated[str, Text(100, one_line=True)] = ""


class Registered(BaseModel):
    device_id: str
    token: str
    bundle_key: str  # base64 AES-256 key for offline bundles, known only to this device and the server
    account: AccountInfo


class Hello(BaseModel):
    protocol: Annotated[int, Number] = Field(PROTOCOL_VERSION, ge=0, le=10_000)
    schema_version: SchemaVersion = ""
    device_time: DeviceTime


class Welcome(BaseModel):
    protocol: int = PROTOCOL_VERSION
    update_required: bool = False
    message: str = ""
    epoch: str
    server_time: Stamp
    clock_offset_seconds: float  # server clock minus device clock, as the server saw the request
    account: AccountInfo
    township: TownshipInfo | None = None  # None: a county account, or a server older than issue 29
    # A county account's: every township of the server, so its laptop can name the township a record carries
    # (Change.township). Left out of the answer when empty (a township laptop's, an older server's).
    townships: list[TownshipInfo] = Field(default_factory=list, exclude_if=lambda v: not v)


# --------------------------------------------------------------------------------------- push


class Op(BaseModel):
    """One outbox entry: the changed fields of one record, each with the base its author saw."""

    op_seq: Annotated[int, Number] = Field(ge=0, le=SEQ_MAX)
    mutation_id: Annotated[str, Text(36, 1)]
    table: TableName
    record_id: Annotated[str, Text(36, 1)]
    op: OpKind
    # checked field by field against sync.core.records by the server
    fields: dict[FieldName, Any] = Field(default_factory=dict, json_schema_extra=NAMES_ONLY)
    base_seqs: dict[BaseName, Seq] = Field(default_factory=dict, json_schema_extra=NAMES_ONLY)
    base_values: dict[BaseName, Any] = Field(default_factory=dict, json_schema_extra=NAMES_ONLY)
    schema_version: SchemaVersion = ""
    device_time: DeviceTime | None = None
    # what the laptop says; the server records the token's account instead
    author: Annotated[str, Text(50)] | None = None


class PushRequest(BaseModel):
    epoch: Epoch | None = None
    ops: list[Op]  # at most MAX_OPS_PER_PUSH over HTTP; an offline bundle carries all it has
    hello: Hello | None = None  # protocol 2: the handshake with a sync's first push
    # The sender's; from 3 it reads the compact answer (`applied`).
    protocol: Annotated[ProtocolNumber, Number] = 1


class OpResult(BaseModel):
    op_seq: int
    mutation_id: str
    status: OpStatus
    duplicate: bool = False  # this op had been received before; status is what happened then
    reason: str | None = None
    server_seq: int | None = None
    conflicts: list[str] = []  # fields that collided


class PushResponse(BaseModel):
    epoch: str
    reset: bool = False
    results: list[OpResult] = []  # from protocol 3, only the ops that were not plainly applied
    # From protocol 3, the plainly applied ops as runs: (op_seq of the first, its server_seq, how many). A run
    # covers that many ops of the request in their order, numbered one after another.
    applied: list[tuple[int, int, int]] = []
    welcome: Welcome | None = None  # the answer to a hello that came with the push


def _plain(result: OpResult) -> bool:
    return (
        result.status == "applied"
        and not result.duplicate
        and not result.reason
        and not result.conflicts
        and result.server_seq is not None
    )


def compact_results(
    ops: list[Op], results: list[OpResult]
) -> tuple[list[tuple[int, int, int]], list[OpResult]]:
    """The answer to a protocol-3 push: plainly applied ops as runs, the rest in full."""
    by_seq = {r.op_seq: r for r in results}
    runs: list[tuple[int, int, int]] = []
    rest = []
    last = None  # (index in the request, server_seq) of the run's last op
    for index, op in enumerate(ops):
        result = by_seq.get(op.op_seq)
        if result is None:
            continue
        seq = result.server_seq
        if seq is None or not _plain(result):
            rest.append(result)
            last = None
            continue
        if last is not None and last == (index - 1, seq - 1):
            first, first_seq, count = runs[-1]
            runs[-1] = (first, first_seq, count + 1)
        else:
            runs.append((op.op_seq, seq, 1))
        last = (index, seq)
    return runs, rest


def expand_results(
    ops: list[Op], applied: list[tuple[int, int, int]], results: list[OpResult]
) -> list[OpResult]:
    """Every op's result again, from a compact answer (an older server's full list passes through)."""
    index = {op.op_seq: i for i, op in enumerate(ops)}
    expanded = list(results)
    for first, server_seq, count in applied:
        start = index.get(first)
        if start is None:
            continue
        for offset, op in enumerate(ops[start : start + count]):
            expanded.append(
                OpResult(
                    op_seq=op.op_seq,
                    mutation_id=op.mutation_id,
                    status="applied",
                    server_seq=server_seq + offset,
                )
            )
    return sorted(expanded, key=lambda r: index.get(r.op_seq, -1))


# --------------------------------------------------------------------------------------- pull


class Change(BaseModel):
    """A record as the server holds it now, or an instruction to remove it (it left the device's scope)."""

    table: str
    id: str
    server_seq: int
    removed: bool = False
    deleted: bool = False
    data: dict[str, Any] = {}
    field_seq: dict[str, int] = {}
    updated_by: str | None = None
    updated_device: str | None = None
    device_time: Stamp | None = None
    server_time: Stamp | None = None
    # The server id of the record's township (Welcome.townships names it): sent to county devices only, which
    # read many townships; left out of the JSON when None, so a township laptop's pull costs no byte more and
    # an older laptop ignores it.
    township: Annotated[str, Text(36, 1, one_line=True)] | None = Field(
        default=None, exclude_if=lambda v: v is None
    )


class PullPage(BaseModel):
    epoch: str
    reset: bool = False
    changes: list[Change] = []
    cursor: int  # pass back for the next page
    more: bool = False
    counts: dict[str, int] | None = None  # protocol 2, on the last page: records per type as of `cursor`
    welcome: Welcome | None = None  # the answer to a hello that came with the pull (device_time given)


class Counts(BaseModel):
    epoch: str
    cursor: int  # the newest change in scope when counted: compare only when the laptop is at this cursor
    counts: dict[str, int]


# --------------------------------------------------------------------------------------- attachments


def file_sha256(path: Path) -> str:
    """An attachment's name: the sha256 of its bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for piece in iter(lambda: f.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


class BlobState(BaseModel):
    sha256: str
    size: int
    received: int  # bytes the server holds: resume from here
    complete: bool


# --------------------------------------------------------------------------------------- offline bundles


class Bundle(BaseModel):
    """The pending push of a laptop, carried on a USB stick."""

    device_id: str
    epoch: str | None = None
    cursor: int = 0
    schema_version: str = ""
    protocol: int = 1  # the reply's pull as this laptop reads it (see PROTOCOL_VERSION)
    push: PushRequest


class BundleReply(BaseModel):
    device_id: str
    push: PushResponse
    pull: PullPage


# ------------------------------------------------------------------------------------ account administration
# The township's accounts live on the server (one truth); a platform or admin account changes them through
# `/v1/admin/…` (sync/server/routes/admin.py). A place is given by id or by the name the township uses.

AccountName = Annotated[str, Text(50, 1, one_line=True)]
PersonName = Annotated[str, Text(50, one_line=True)]
PlaceName = Annotated[str, Text(100, 1, one_line=True)]
RoleName = Annotated[str, Text(30, 1, one_line=True)]
NewPasswordText = Annotated[str, Text(200, 8)]


class AdminDevice(BaseModel):
    id: str
    name: str = ""
    registered_at: datetime | None = None
    last_seen: datetime | None = None
    revoked: bool = False


class AdminAccount(BaseModel):
    username: str
    display_name: str = ""
    roles: list[str] = []
    scope_kind: ScopeKind = "grid"
    scope_ids: list[str] = []
    scope_names: list[str] = []  # the places' names, as the township reads them
    org_id: str | None = None
    disabled: bool = False
    devices: list[AdminDevice] = []


class AccountList(BaseModel):
    accounts: list[AdminAccount] = []


class NewAccount(BaseModel):
    username: AccountName
    password: NewPasswordText
    display_name: PersonName = ""
    roles: Annotated[list[RoleName], Field(max_length=10)] = []
    scope_kind: ScopeKind = "grid"
    places: Annotated[list[PlaceName], Field(max_length=200)] = []
    org_id: Annotated[str, Text(36)] | None = None


class AccountEdit(BaseModel):
    """Only the fields given change; `org_id` "" clears the unit."""

    display_name: PersonName | None = None
    roles: Annotated[list[RoleName], Field(max_length=10)] | None = None
    scope_kind: ScopeKind | None = None
    places: Annotated[list[PlaceName], Field(max_length=200)] | None = None
    org_id: Annotated[str, Text(36)] | None = None


class NewPassword(BaseModel):
    password: NewPasswordText
