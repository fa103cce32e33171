"""The records of docs/domain.md (Records) as tables. A synced record's columns are declared in
`sync.core.records` (one declaration for the laptop and the server); the tables here only this laptop keeps
are written out. Content only: rules live in sync.core.domain, use cases in desktop.services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from sync.core import records
from sync.core.records import RecordType

from .base import Base, Synced

# Uniqueness (a household number in its village, a serial, a username …) is checked by the use cases when a
# record is made. The tables do not enforce it: two laptops offline can both make one, and a pulled page must
# always apply; the township sees and merges such pairs.


def _declared(table: str) -> RecordType:
    return records.BY_TABLE[table]


# ---------------------------------------------------------------- places, people who work, configuration


class Division(Synced, Base):
    """A county, township or village with its 12-digit statistical division code."""

    __record__ = _declared("divisions")


class Org(Synced, Base):
    """Who can receive dispatched work: a village committee, a township unit (职能部门) or a mediation
    team."""

    __record__ = _declared("orgs")


class Account(Synced, Base):
    """A person who signs in. The password is not here: it wraps the database key in the key file."""

    __record__ = _declared("accounts")


class Grid(Synced, Base):
    __record__ = _declared("grids")
    __table_args__ = (Index("ix_grids_village_name", "village_id", "name"),)


class ConfigEntry(Synced, Base):
    """Township configuration (grade table, categories, channels …) as JSON values, synced from the
    township."""

    __record__ = _declared("config")


# ---------------------------------------------------------------- households and residents


class Household(Synced, Base):
    __record__ = _declared("households")
    __table_args__ = (Index("ix_households_village_number", "village_id", "number"),)


class Person(Synced, Base):
    __record__ = _declared("persons")


class Visit(Synced, Base):
    __record__ = _declared("visits")


# ---------------------------------------------------------------- matters and their histories


class Matter(Synced, Base):
    """A dispute (矛盾纠纷) or petition (信访事项). Status and handler are a cache of its events."""

    __record__ = _declared("matters")


class Party(Synced, Base):
    __record__ = _declared("parties")


class MatterLink(Synced, Base):
    __record__ = _declared("matter_links")


class Event(Synced, Base):
    """One step in a matter's history (流转记录). Append-only: never edited, so it never conflicts."""

    __record__ = _declared("events")
    __table_args__ = (Index("ix_events_matter_at", "matter_id", "at"),)


class MediationSession(Synced, Base):
    __record__ = _declared("mediation_sessions")


class Agreement(Synced, Base):
    """调解协议 (人民调解法 第二十九条): parties, facts and responsibilities, what was agreed, how and by
    when."""

    __record__ = _declared("agreements")


class FollowUp(Synced, Base):
    __record__ = _declared("follow_ups")


class Investigation(Synced, Base):
    """调查记录: who investigated what on a matter, when and where, and what they found."""

    __record__ = _declared("investigations")


class Period(Synced, Base):
    """A closed month (月结): its figures as published, never changed."""

    __record__ = _declared("periods")


class AssessmentMark(Synced, Base):
    """亮点工作赋分, 通报 or 约谈 recorded against a unit for a month; append-only."""

    __record__ = _declared("assessment_marks")


class Patrol(Synced, Base):
    """巡查: a patrol of a place that is no household, and what was seen there."""

    __record__ = _declared("patrols")


class KeyPersonPlan(Synced, Base):
    """重点人员: a watched resident's category, 包保责任人, 稳控 plan and contact frequency."""

    __record__ = _declared("key_person_plans")


class KeyPersonContact(Synced, Base):
    """A contact with a 重点人员 (date, way, what was seen); append-only."""

    __record__ = _declared("key_person_contacts")


class Attachment(Synced, Base):
    """A photo or scan, immutable and named by its content hash; the file may still be on its way."""

    __record__ = _declared("attachments")
    # Every sync asks which files are still to move (present or not, by hash): read here, not the whole table.
    __table_args__ = (Index("ix_attachments_present_sha256", "present", "sha256"),)


class Conflict(Synced, Base):
    """Two edits of one field that collided; resolved by a normal edit that names it."""

    __record__ = _declared("conflicts")


# ---------------------------------------------------------------- local only: audit, outbox, sync state


class AuditEntry(Base):
    """Who did or viewed what, when, on which device. Append-only and hash-chained (tamper-evident)."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    account: Mapped[str] = mapped_column(String(50))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """One local edit waiting for the server: the changed fields, each with the base it was made on."""

    __tablename__ = "outbox"
    op_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))  # insert / update / delete
    fields: Mapped[dict] = mapped_column(JSON)  # field → new value
    base_seqs: Mapped[dict] = mapped_column(JSON, default=dict)  # field → the server_seq it was edited on
    base_values: Mapped[dict | None] = mapped_column(JSON)  # field → the value it had: shown in a conflict
    author: Mapped[str | None] = mapped_column(String(36))  # the account that made the edit
    schema_version: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    reason: Mapped[str | None] = mapped_column(Text)


class UploadedFile(Base):
    """An attachment file the township server has confirmed complete (by sha256)."""

    __tablename__ = "uploaded_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class RecordTownship(Base):
    """On a county laptop, the township each pulled record belongs to (the server's township id, named by the
    handshake's list kept in sync_state "townships"). One small table keyed by record id rather than a column
    on every synced table: the periods (ranking by township) and the matters (the desk's 乡镇) both need it,
    and a township laptop, which never receives a township key, keeps it empty."""

    __tablename__ = "record_townships"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    township_id: Mapped[str] = mapped_column(String(36), index=True)


class SyncState(Base):
    """Device id, server URL, cursor, epoch: small values the sync keeps between runs."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[dict | list | str | int | None] = mapped_column(JSON)


# Every synced model, in the declaration's order (a test checks each declared record type has one).
SYNCED_MODELS = sorted(
    (m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)),
    key=lambda model: records.TABLES.index(model.__tablename__),
)
MODELS = {model.__tablename__: model for model in SYNCED_MODELS}
