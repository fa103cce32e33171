"""The declarative base, and the synced record: its columns made from its `sync.core.records` declaration,
plus the sync metadata every synced record carries (docs/architecture.md, Sync protocol)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    bindparam,
    func,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync.core.records import FieldSpec, RecordType

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# ids per IN (…) list: a few queries for a page of records, well under SQLite's bound-value limit
IN_LIST = 500


def chunks(ids) -> Iterator[list]:
    """Ids in lists of IN_LIST, for `column.in_(…)` a few queries at a time."""
    ids = list(ids)
    for start in range(0, len(ids), IN_LIST):
        yield ids[start : start + IN_LIST]


# A list of ids as a subquery for `column.in_(LISTED)`, executed with {"ids": as_listed(ids)}: sent as one
# JSON text, a page of 200 ids binds one parameter, not 200, and the statement can be built once.
LISTED = select(func.json_each(bindparam("ids")).table_valued("value").c.value)


def as_listed(ids) -> str:
    return json.dumps(list(ids))


def by_id(session, model, ids) -> list:
    """The records of a model with these ids (the session's own objects where it holds them)."""
    return [row for chunk in chunks(ids) for row in session.scalars(select(model).where(model.id.in_(chunk)))]


def new_id() -> str:
    return str(uuid.uuid4())


def ref(target: str, *, nullable: bool = True, index: bool = True) -> Mapped:
    """A reference to another synced record. Deferred, because a pulled page may bring a child before its
    parent."""
    return mapped_column(
        String(36), ForeignKey(target, deferrable=True, initially="DEFERRED"), nullable=nullable, index=index
    )


# The kinds of sync.core.records fields as column types.
COLUMN_TYPES = {
    "text": Text,
    "integer": Integer,
    "number": Float,
    "boolean": Boolean,
    "date": Date,
    "datetime": DateTime,
    "json": JSON,
}


def column_for(spec: FieldSpec):
    """The laptop's column for one declared field."""
    if spec.kind == "ref":
        return ref(f"{spec.ref}.id", nullable=spec.optional, index=spec.index)
    kind = String(spec.size) if spec.kind == "string" else COLUMN_TYPES[spec.kind]
    extra = {"default": spec.default} if spec.has_default else {}
    return mapped_column(kind, nullable=spec.optional, index=spec.index or None, **extra)


if TYPE_CHECKING:
    from sqlalchemy.orm.decl_api import DeclarativeAttributeIntercept

    class _DeclaredColumns(DeclarativeAttributeIntercept):
        """For the type checker only: a synced model's content columns are made at run time from its
        declaration (`__init_subclass__` below), so mypy cannot see them; on the class (`Matter.status` in a
        query) they are Any. The sync columns written out on `Synced` keep their types."""

        def __getattr__(cls, name: str) -> Any: ...
else:
    _DeclaredColumns = type  # at run time the plain default: SQLAlchemy's own metaclass comes with `Base`


class Synced(metaclass=_DeclaredColumns):
    """A record that travels between laptops and the township server; its columns come from its declaration.

    A model names its entry of `sync.core.records` as `__record__`; its table and content columns are made
    from it, so the laptop's tables, the outbox, the replica and the server's checks all read one declaration.
    Its id is a UUID made on the laptop that created it, so a retried upload can never make a second record.
    `field_seq` maps each field to the server sequence of its last accepted change: the base an edit is made
    on.
    """

    __record__: ClassVar[RecordType]

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    server_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    field_seq: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    updated_by: Mapped[str | None] = mapped_column(String(36))
    updated_device: Mapped[str | None] = mapped_column(String(36))
    device_time: Mapped[datetime | None] = mapped_column(DateTime)
    server_time: Mapped[datetime | None] = mapped_column(DateTime)

    if TYPE_CHECKING:
        # ... and on a record (`matter.status`), read or written, they are Any too.
        def __getattr__(self, name: str) -> Any: ...
        def __setattr__(self, name: str, value: Any) -> None: ...

    def __init_subclass__(cls, **kw) -> None:
        record = cls.__dict__.get("__record__")
        if record is not None:
            cls.__tablename__ = record.table
            for name, spec in record.fields.items():
                setattr(cls, name, column_for(spec))
        super().__init_subclass__(**kw)
