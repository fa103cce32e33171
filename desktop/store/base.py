"""The declarative base, and the sync metadata every synced record carries (DESIGN.md, Sync protocol)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_id() -> str:
    return str(uuid.uuid4())


def ref(target: str, *, nullable: bool = True, index: bool = True) -> Mapped:
    """A reference to another synced record. Deferred, because a pulled page may bring a child before its parent."""
    return mapped_column(
        String(36), ForeignKey(target, deferrable=True, initially="DEFERRED"), nullable=nullable, index=index
    )


# Columns that describe a row's sync state rather than its content: never sent as edits.
SYNC_COLUMNS = frozenset(
    {"server_seq", "field_seq", "updated_by", "updated_device", "device_time", "server_time"}
)


class Synced:
    """A record that travels between laptops and the township server.

    Its id is a UUID made on the laptop that created it, so a retried upload can never make a second record.
    `field_seq` maps each field to the server sequence of its last accepted change: the base an edit is made on.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    server_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    field_seq: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    updated_by: Mapped[str | None] = mapped_column(String(36))
    updated_device: Mapped[str | None] = mapped_column(String(36))
    device_time: Mapped[datetime | None] = mapped_column(DateTime)
    server_time: Mapped[datetime | None] = mapped_column(DateTime)
