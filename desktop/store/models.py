"""The records of DOMAIN.md as tables. Content only: rules live in desktop.domain, use cases in desktop.services."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, ref

# Uniqueness (a household number in its village, a serial, a username …) is checked by the use cases when a
# record is made. The tables do not enforce it: two laptops offline can both make one, and a pulled page must
# always apply; the township sees and merges such pairs.

# ---------------------------------------------------------------- places, people who work, configuration


class Division(Synced, Base):
    """A county, township or village with its 12-digit statistical division code."""

    __tablename__ = "divisions"
    code: Mapped[str | None] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10))  # county / township / village
    parent_id: Mapped[str | None] = ref("divisions.id")
    short_name: Mapped[str | None] = mapped_column(String(20))  # serial-number prefix, e.g. 向城


class Org(Synced, Base):
    """Who can receive dispatched work: a village committee, a township unit (职能部门) or a mediation team."""

    __tablename__ = "orgs"
    kind: Mapped[str] = mapped_column(String(20))  # village_committee / unit / team
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10), default="township")
    village_id: Mapped[str | None] = ref("divisions.id")


class Account(Synced, Base):
    """A person who signs in. The password is not here: it wraps the database key in the key file."""

    __tablename__ = "accounts"
    username: Mapped[str] = mapped_column(String(50), index=True)
    display_name: Mapped[str] = mapped_column(String(50))
    roles: Mapped[str] = mapped_column(String(200))  # comma-separated desktop.domain.roles.Role values
    scope_kind: Mapped[str] = mapped_column(String(10), default="township")  # grid / village / township
    scope_ids: Mapped[list] = mapped_column(JSON, default=list)
    org_id: Mapped[str | None] = ref("orgs.id")
    phone: Mapped[str | None] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)


class Grid(Synced, Base):
    __tablename__ = "grids"
    __table_args__ = (Index("ix_grids_village_name", "village_id", "name"),)
    village_id: Mapped[str] = ref("divisions.id", nullable=False)
    name: Mapped[str] = mapped_column(String(50))
    worker_id: Mapped[str | None] = ref("accounts.id")


class ConfigEntry(Synced, Base):
    """Township configuration (grade table, categories, channels …) as JSON values, synced from the township."""

    __tablename__ = "config"
    key: Mapped[str] = mapped_column(String(50), index=True)
    value: Mapped[dict | list | str | int | None] = mapped_column(JSON)


# ---------------------------------------------------------------- households and residents


class Household(Synced, Base):
    __tablename__ = "households"
    __table_args__ = (Index("ix_households_village_number", "village_id", "number"),)
    village_id: Mapped[str] = ref("divisions.id", nullable=False)
    grid_id: Mapped[str | None] = ref("grids.id")
    number: Mapped[str] = mapped_column(String(30), index=True)  # 户号, unique within a village
    address: Mapped[str] = mapped_column(String(200), default="")
    head_id: Mapped[str | None] = mapped_column(String(36))  # a Person; no FK, the head may be pulled later
    phone: Mapped[str | None] = mapped_column(String(20))
    tags: Mapped[list] = mapped_column(JSON, default=list)
    worker_id: Mapped[str | None] = ref("accounts.id")
    note: Mapped[str] = mapped_column(Text, default="")


class Person(Synced, Base):
    __tablename__ = "persons"
    household_id: Mapped[str | None] = ref("households.id")
    name: Mapped[str] = mapped_column(String(50), index=True)
    sex: Mapped[str | None] = mapped_column(String(2))
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    mobile: Mapped[str | None] = mapped_column(String(20), index=True)
    relation: Mapped[str | None] = mapped_column(String(20))  # 与户主关系
    tags: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")


class Visit(Synced, Base):
    __tablename__ = "visits"
    household_id: Mapped[str] = ref("households.id", nullable=False)
    visitor_id: Mapped[str | None] = ref("accounts.id")
    visited_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    purpose: Mapped[str] = mapped_column(String(100), default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    needs_follow_up: Mapped[bool] = mapped_column(Boolean, default=False)


# ---------------------------------------------------------------- matters and their histories


class Matter(Synced, Base):
    """A dispute (矛盾纠纷) or petition (信访事项). Status and handler are a cache of its events."""

    __tablename__ = "matters"
    serial: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="dispute")  # dispute / petition
    source: Mapped[str] = mapped_column(String(30), index=True)
    category: Mapped[str | None] = mapped_column(String(30), index=True)
    subcategory: Mapped[str | None] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    facts: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    village_id: Mapped[str | None] = ref("divisions.id")
    grid_id: Mapped[str | None] = ref("grids.id")
    people_count: Mapped[int] = mapped_column(Integer, default=0)
    amount: Mapped[float] = mapped_column(Float, default=0)
    risk: Mapped[str] = mapped_column(String(10), default="low", index=True)
    signals: Mapped[list] = mapped_column(JSON, default=list)  # group / fight / criminal / death
    grade: Mapped[int | None] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    level: Mapped[str] = mapped_column(String(10), default="village")
    failed_tries: Mapped[int] = mapped_column(Integer, default=0)
    handler: Mapped[str | None] = mapped_column(String(50), index=True)  # "org:<id>" / "account:<id>"
    handler_name: Mapped[str | None] = mapped_column(String(100))
    reported_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    reported_by: Mapped[str | None] = ref("accounts.id")
    visit_id: Mapped[str | None] = ref("visits.id")
    registered_at: Mapped[datetime | None] = mapped_column(DateTime)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    pending_extension_days: Mapped[int] = mapped_column(Integer, default=0)
    supervised: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(20))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    satisfaction: Mapped[str | None] = mapped_column(String(10))
    repeat_of: Mapped[str | None] = ref("matters.id")
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    leader_id: Mapped[str | None] = ref("accounts.id")
    whistleblower: Mapped[bool] = mapped_column(Boolean, default=False)  # 检举: never shown to the accused
    accused_org_id: Mapped[str | None] = ref("orgs.id")


class Party(Synced, Base):
    __tablename__ = "parties"
    matter_id: Mapped[str] = ref("matters.id", nullable=False)
    kind: Mapped[str] = mapped_column(String(10), default="person")  # person / org
    person_id: Mapped[str | None] = ref("persons.id")
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))  # 申请人 / 被申请人 / 第三人 / 代理人
    id_number: Mapped[str | None] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200), default="")


class MatterLink(Synced, Base):
    __tablename__ = "matter_links"
    matter_id: Mapped[str] = ref("matters.id", nullable=False)
    other_id: Mapped[str] = ref("matters.id", nullable=False)
    kind: Mapped[str] = mapped_column(String(10))  # repeat / related


class Event(Synced, Base):
    """One step in a matter's history (流转记录). Append-only: never edited, so it never conflicts."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_matter_at", "matter_id", "at"),)
    matter_id: Mapped[str] = ref("matters.id", nullable=False, index=False)
    action: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[str | None] = ref("accounts.id")
    actor_name: Mapped[str] = mapped_column(String(50), default="")
    device_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class MediationSession(Synced, Base):
    __tablename__ = "mediation_sessions"
    matter_id: Mapped[str] = ref("matters.id", nullable=False)
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(10))  # 人民调解 / 行政调解 / 司法调解 / 联合调解
    mediators: Mapped[str] = mapped_column(String(200), default="")
    attendees: Mapped[str] = mapped_column(String(500), default="")
    record: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(10))  # desktop.domain.lifecycle.SessionOutcome
    level: Mapped[str] = mapped_column(String(10), default="village")


class Agreement(Synced, Base):
    """调解协议 (人民调解法 第二十九条): parties, facts and responsibilities, what was agreed, how and by when."""

    __tablename__ = "agreements"
    matter_id: Mapped[str] = ref("matters.id", nullable=False)
    session_id: Mapped[str | None] = ref("mediation_sessions.id")
    form: Mapped[str] = mapped_column(String(10))  # written / oral
    parties: Mapped[str] = mapped_column(Text)
    facts: Mapped[str] = mapped_column(Text)
    terms: Mapped[str] = mapped_column(Text)
    performance: Mapped[str] = mapped_column(Text, default="")  # how it is carried out
    perform_by: Mapped[date | None] = mapped_column(Date)
    signed_by_parties: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_by_mediator: Mapped[bool] = mapped_column(Boolean, default=False)
    effective_on: Mapped[date | None] = mapped_column(Date)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    judicial_confirmation: Mapped[bool] = mapped_column(Boolean, default=False)
    performed: Mapped[bool | None] = mapped_column(Boolean)


class FollowUp(Synced, Base):
    __tablename__ = "follow_ups"
    matter_id: Mapped[str] = ref("matters.id", nullable=False)
    on: Mapped[date] = mapped_column(Date)
    by_id: Mapped[str | None] = ref("accounts.id")
    performed: Mapped[bool | None] = mapped_column(Boolean)
    satisfaction: Mapped[str] = mapped_column(String(10))  # 满意 / 基本满意 / 不满意
    relapse: Mapped[bool] = mapped_column(Boolean, default=False)
    next_step: Mapped[str] = mapped_column(Text, default="")


class Attachment(Synced, Base):
    """A photo or scan, immutable and named by its content hash; the file may still be on its way."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    owner_kind: Mapped[str] = mapped_column(String(20))  # matter / visit / agreement
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=False)


class Conflict(Synced, Base):
    """Two edits of one field that collided; resolved by a normal edit that names it."""

    __tablename__ = "conflicts"
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    base_value: Mapped[dict | list | str | int | float | bool | None] = mapped_column(JSON)
    server_value: Mapped[dict | list | str | int | float | bool | None] = mapped_column(JSON)
    local_value: Mapped[dict | list | str | int | float | bool | None] = mapped_column(JSON)
    server_author: Mapped[str | None] = mapped_column(String(50))
    local_author: Mapped[str | None] = mapped_column(String(50))
    server_device: Mapped[str | None] = mapped_column(String(36))
    local_device: Mapped[str | None] = mapped_column(String(36))
    server_at: Mapped[datetime | None] = mapped_column(DateTime)
    local_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


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


class SyncState(Base):
    """Device id, server URL, cursor, epoch: small values the sync keeps between runs."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[dict | list | str | int | None] = mapped_column(JSON)


SYNCED_MODELS = [
    Division, Org, Account, Grid, ConfigEntry, Household, Person, Visit, Matter, Party, MatterLink, Event,
    MediationSession, Agreement, FollowUp, Attachment, Conflict,
]  # fmt: skip
