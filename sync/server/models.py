"""The township server's tables. Records are stored generically (table, id, fields as JSON): the server keeps
order and scope, and needs none of the desktop's code to do so."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Meta(Base):
    """Single values: the epoch, the last sequence number handed out (locked by every writer), …"""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Township(Base):
    """A township the server holds (issue 29): every per-township row names one. The first is made from what
    a one-township server knew of itself (migration 0008), or when the first account is added."""

    __tablename__ = "townships"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # 统计用区划代码, 12 digits; NULL only for a placeholder a server made before anyone named its township
    code: Mapped[str | None] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    short_name: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Record(Base):
    """The current state of one synced record, and where it belongs."""

    __tablename__ = "records"
    # Every index a pull, a count or a check of a push uses leads with the township: a township's sync touches
    # its own rows only, however many townships the server holds (issue 29).
    __table_args__ = (
        Index("ix_records_scope", "township_id", "village_id", "grid_id", "server_seq"),
        Index("ix_records_parent", "township_id", "parent_id"),
        Index("ix_records_household", "township_id", "household_id", "server_seq"),
        Index("ix_records_township_seq", "township_id", "server_seq"),
        Index("ix_records_township_table", "township_id", "table_name"),
        Index("ix_records_township_blob", "township_id", "blob"),
        # the county's own (its units, no township), read by every township as a stream of their own
        Index(
            "ix_records_township_none",
            "server_seq",
            sqlite_where=text("township_id IS NULL"),
            postgresql_where=text("township_id IS NULL"),
        ),
        # a county device reads across townships: what is or was at county level, in order
        Index("ix_records_county", "county", "server_seq"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # None: the county's own (its units), read by county devices only
    township_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(JSON)
    field_seq: Mapped[dict] = mapped_column(JSON)
    field_device: Mapped[dict] = mapped_column(
        JSON
    )  # who wrote each field last: a device never conflicts with itself
    server_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)  # reference data, read by every device
    village_id: Mapped[str | None] = mapped_column(String(36))
    grid_id: Mapped[str | None] = mapped_column(String(36))
    parent_id: Mapped[str | None] = mapped_column(String(36))
    household_id: Mapped[str | None] = mapped_column(String(36))  # the household it concerns (联户长 scopes)
    # The unit a whistleblower matter (and all under it) reports: that unit's devices never receive it.
    protected_from: Mapped[str | None] = mapped_column(String(36))
    # A matter that is or was at county level, and all under it: what a county device reads (server.county)
    county: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    blob: Mapped[str | None] = mapped_column(String(64))  # an attachment's file, by its sha256
    updated_by: Mapped[str | None] = mapped_column(String(50))
    updated_device: Mapped[str | None] = mapped_column(String(36))
    device_time: Mapped[datetime | None] = mapped_column(DateTime)
    server_time: Mapped[datetime | None] = mapped_column(DateTime)


class ScopeExit(Base):
    """A record moved from one village or grid to another: devices of the old one must drop it."""

    __tablename__ = "scope_exits"
    __table_args__ = (Index("ix_scope_exits_township_seq", "township_id", "seq"),)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    township_id: Mapped[str] = mapped_column(String(36))
    village_id: Mapped[str | None] = mapped_column(String(36))
    grid_id: Mapped[str | None] = mapped_column(String(36))
    household_id: Mapped[str | None] = mapped_column(String(36))


class OpResult(Base):
    """What happened to every op ever received, so a resend gets the same answer and changes nothing."""

    __tablename__ = "op_results"
    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    op_seq: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text)
    server_seq: Mapped[int | None] = mapped_column(BigInteger)
    conflicts: Mapped[list] = mapped_column(JSON, default=list)
    schema_version: Mapped[str] = mapped_column(String(20), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime)


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    # NULL: a county account (issue 29), above every township; a township's accounts name it
    township_id: Mapped[str | None] = mapped_column(String(36), index=True)
    display_name: Mapped[str] = mapped_column(String(50), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list] = mapped_column(JSON, default=list)
    scope_kind: Mapped[str] = mapped_column(String(10))
    scope_ids: Mapped[list] = mapped_column(JSON, default=list)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    registered_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime | None] = mapped_column(DateTime)
    clock_offset_seconds: Mapped[float | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # what the time bound needs of its pushes (sync.server.counted_time): kept here, not searched for among
    # the latest pushes, so no number of padded pushes puts the bound out of sight (review)
    complete_push_at: Mapped[datetime | None] = mapped_column(DateTime)
    complete_push_seq: Mapped[int | None] = mapped_column(BigInteger)


class Blob(Base):
    """An attachment file, named by its sha256; `received` bytes of it are on disk."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class BlobHolder(Base):
    """A device that sent a file's bytes (a complete upload, or the same bytes again as proof): an attachment
    record it wrote makes the file readable to its scope (sync.server.blob_scope)."""

    __tablename__ = "blob_holders"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class AuditEntry(Base):
    """The server's audit trail of account administration: who changed which account, from which device,
    each entry chained to the last by hash (as the laptops' own trail is)."""

    __tablename__ = "server_audit"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    account: Mapped[str] = mapped_column(String(50))
    device_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(40))
    township_id: Mapped[str | None] = mapped_column(String(36))  # the township administered; NULL: the server
    target: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
