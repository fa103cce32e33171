"""The wire messages between a laptop and the township server, shared by both ends (DESIGN.md, Sync protocol).

Only additive changes: a new field gets a default, so an older peer can ignore it. PROTOCOL_VERSION goes up
only when an old peer could misunderstand a new message; the server then tells a too-old client to update.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 1
OLDEST_CLIENT_PROTOCOL = 1

# A base_seq a laptop can no longer vouch for: its edit was made before the server was restored from a backup.
PREVIOUS_EPOCH = -1
# The base of a whole record (used by deletes): "I saw the record as of this server_seq".
RECORD_BASE = "*"

OpKind = Literal["insert", "update", "delete"]
OpStatus = Literal["applied", "conflict", "rejected"]


# Where each record type belongs, its fields and the reserved sync columns: `sync.records`, the one declaration.

ScopeKind = Literal["grid", "village", "township"]


class AccountInfo(BaseModel):
    username: str
    display_name: str = ""
    roles: list[str] = []
    scope_kind: ScopeKind = "grid"
    scope_ids: list[str] = []


# --------------------------------------------------------------------------------------- registration, handshake


class Register(BaseModel):
    username: str
    password: str
    device_id: str = Field(min_length=1, max_length=36)
    device_name: str = ""


class Registered(BaseModel):
    device_id: str
    token: str
    bundle_key: str  # base64 AES-256 key for offline bundles, known only to this device and the server
    account: AccountInfo


class Hello(BaseModel):
    protocol: int = PROTOCOL_VERSION
    schema_version: str = ""
    device_time: datetime


class Welcome(BaseModel):
    protocol: int = PROTOCOL_VERSION
    update_required: bool = False
    message: str = ""
    epoch: str
    server_time: datetime
    clock_offset_seconds: float  # server clock minus device clock, as the server saw the request
    account: AccountInfo


# --------------------------------------------------------------------------------------- push


class Op(BaseModel):
    """One outbox entry: the changed fields of one record, each with the base its author saw."""

    op_seq: int
    mutation_id: str = Field(min_length=1, max_length=36)
    table: str
    record_id: str = Field(min_length=1, max_length=36)
    op: OpKind
    fields: dict = {}
    base_seqs: dict[str, int] = {}
    base_values: dict = {}
    schema_version: str = ""
    device_time: datetime | None = None
    author: str | None = None


class PushRequest(BaseModel):
    epoch: str | None = None
    ops: list[Op]


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
    results: list[OpResult] = []


# --------------------------------------------------------------------------------------- pull


class Change(BaseModel):
    """A record as the server holds it now, or an instruction to remove it (it left the device's scope)."""

    table: str
    id: str
    server_seq: int
    removed: bool = False
    deleted: bool = False
    data: dict = {}
    field_seq: dict[str, int] = {}
    updated_by: str | None = None
    updated_device: str | None = None
    device_time: datetime | None = None
    server_time: datetime | None = None


class PullPage(BaseModel):
    epoch: str
    reset: bool = False
    changes: list[Change] = []
    cursor: int  # pass back for the next page
    more: bool = False


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
    push: PushRequest


class BundleReply(BaseModel):
    device_id: str
    push: PushResponse
    pull: PullPage
