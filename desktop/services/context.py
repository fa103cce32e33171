"""The signed-in account and everything a use case needs: the database, the device, the clock, the rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.store.database import Database
from desktop.store.models import ConfigEntry, Division, Grid
from sync.core.domain import calendar as township_calendar
from sync.core.domain import lifecycle
from sync.core.domain.deadlines import DeadlineCalculator, DeadlinePolicy
from sync.core.domain.messages import msg
from sync.core.domain.roles import PERMISSION_LABELS, Permission, Role, may
from sync.core.domain.scope import Scope
from sync.core.domain.workdays import WorkdayCalendar

from . import audit
from .errors import NotAllowed

# What a county account never does, whatever its roles: the township's residents are the township's.
COUNTY_NEVER = frozenset(
    {Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS, Permission.LOG_VISIT, Permission.CLOSE_PERIOD}
)


@dataclass(frozen=True)
class Actor:
    account_id: str
    username: str
    display_name: str
    roles: frozenset[Role]
    scope: Scope = field(default_factory=Scope)
    org_id: str | None = None

    @property
    def handler_keys(self) -> frozenset[str]:
        keys = {f"account:{self.account_id}"}
        if self.org_id:
            keys.add(f"org:{self.org_id}")
        return frozenset(keys)

    def for_lifecycle(self) -> lifecycle.Actor:
        # the tier is the account's scope, never its roles: a township account never acts as the county
        county = self.scope.kind == "county"
        return lifecycle.Actor(roles=frozenset(self.roles), handler_keys=self.handler_keys, county=county)


@dataclass(frozen=True)
class Changed:
    """What a use case changed, for the screens to refresh: a kind of record (its `sync.core.records` table),
    its ids, the action, and any other kinds the change touched. The window's change hub publishes it."""

    kind: str
    ids: tuple[str, ...]
    action: str
    also: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.ids[0]

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset((self.kind, *self.also))


@dataclass
class Tx:
    session: Session
    target: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


class Workspace:
    """An unlocked database and the account using it. Built once at login; handed to every use case."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        data_key: bytes,
        device_id: str,
        clock: Callable[[], datetime] = datetime.now,
        calendar: WorkdayCalendar | None = None,
    ):
        self.db = db
        self.actor = actor
        self.data_key = data_key
        self.device_id = device_id
        self.clock = clock
        self._calendar = calendar
        self.ambient: Session | None = None  # set by bulk(): use cases then share one transaction

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    @cached_property
    def calendar(self) -> WorkdayCalendar:
        return self._calendar or WorkdayCalendar.load(paths.reference("holidays.json"))

    def deadlines(self, session: Session) -> DeadlineCalculator:
        config = config_value(session, "deadline_policy")
        policy = DeadlinePolicy.from_config(config) if config else DeadlinePolicy.default()
        # The built-in years with the township's own entered over them (synced configuration).
        entered = config_value(session, township_calendar.CONFIG_KEY)
        return DeadlineCalculator(policy, township_calendar.merged(self.calendar, entered))

    def may(self, permission: Permission) -> bool:
        if self.actor.scope.kind == "county" and permission in COUNTY_NEVER:
            return False  # the county receives no households (the server sends it none): no such pages
        return may(set(self.actor.roles), permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise NotAllowed(
                msg("账号“{0}”没有“{1}”的权限", self.actor.display_name, PERMISSION_LABELS[permission])
            )

    def has_role(self, *roles: Role) -> bool:
        return bool(set(roles) & set(self.actor.roles))

    @contextmanager
    def tx(self, action: str, target: str = "", **detail: Any) -> Iterator[Tx]:
        """One use case's transaction; its audit entry is written last, inside the same transaction."""
        now = self.now()
        if self.ambient is not None:
            self.ambient.info.update(actor_id=self.actor.account_id, device_id=self.device_id, now=now)
            yield from self._run(self.ambient, action, target, detail, now)
            return
        with self.db.writing(actor_id=self.actor.account_id, device_id=self.device_id, now=now) as session:
            yield from self._run(session, action, target, detail, now)

    def _run(
        self, session: Session, action: str, target: str, detail: dict[str, Any], now: datetime
    ) -> Iterator[Tx]:
        tx = Tx(session, target, dict(detail))
        yield tx
        audit.record(
            session,
            account=self.actor.username,
            device=self.device_id,
            action=action,
            target=tx.target,
            detail=tx.detail,
            at=now,
        )

    def as_actor(self, actor: Actor) -> Workspace:
        """The same open database used by another account (demo data, and a centre PC's shared session)."""
        other = Workspace(self.db, actor, self.data_key, self.device_id, self.clock, self._calendar)
        other.ambient = self.ambient
        return other

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session to read in; inside a shared transaction (the demo's chunks) that one, which sees what the
        transaction wrote before it commits."""
        if self.ambient is not None:
            yield self.ambient
            return
        with self.db.reading() as session:
            yield session

    def close(self) -> None:
        self.db.close()


def config_value(session: Session, key: str, default: Any = None) -> Any:
    entry = session.execute(
        select(ConfigEntry).where(ConfigEntry.key == key, ConfigEntry.deleted.is_(False))
    ).scalar()
    return default if entry is None else entry.value


def set_config(session: Session, key: str, value: Any) -> None:
    entry = session.execute(select(ConfigEntry).where(ConfigEntry.key == key)).scalar()
    if entry is None:
        session.add(ConfigEntry(key=key, value=value))
    else:
        entry.value = value
        entry.deleted = False


Place = TypeVar("Place", Division, Grid)


def name_of(session: Session, model: type[Place], record_id: str | None) -> str:
    """A village's or grid's name; blank when there is none, or a pulled page brought a record before it."""
    place = session.get(model, record_id) if record_id else None
    if place is None:
        return ""
    name: str = place.name
    return name
