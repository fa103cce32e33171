"""The township server as the authority: who is pushing, and whether they could have made this change through
the use cases.

Roles come from the server's own account table, never from what a laptop sends. The rules of the work are the
core's (`sync.core.domain`, the same the laptop runs): which roles hold which permission, and which lifecycle
step may change a matter's state, from which state, for whom.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.core import records
from sync.core.domain import lifecycle
from sync.core.domain.roles import Permission, Role, may, shown_name
from sync.core.records import RecordType

from .models import Account, Record

# When an account was added without roles: what its scope is for (the township's own laptop is its admin and
# platform office, as `fengqiao init` makes it; a village or grid account is a grid worker).
DEFAULT_ROLES = {
    "township": ("admin", "platform"),
    "village": ("grid_worker",),
    "grid": ("grid_worker",),
    "household": ("household_head",),
    "county": ("platform",),  # 县综治中心
}


class Refused(Exception):
    """This account could not have made this change: the reason goes back to the laptop."""


@dataclass(frozen=True)
class Identity:
    """The account behind a device's token, as the server knows it."""

    username: str
    roles: frozenset[Role]
    account_id: str | None = None  # the township's account record of this name: the laptops' id for it
    org_id: str | None = None  # the unit or team the account belongs to
    township_pc: bool = False  # a township-wide office account: its PC is shared by several accounts
    names: frozenset[str] = frozenset()  # the names the server knows the account by: what its events show
    county: bool = False  # a county account (its scope's kind): the county's steps, and only those

    @property
    def author(self) -> str:
        """What an applied change is recorded as written by: the account record's id, as laptops show it."""
        return self.account_id or self.username

    def may(self, permission: str) -> bool:
        return may(set(self.roles), Permission(permission))

    def lifecycle_actor(self) -> lifecycle.Actor:
        keys = {f"account:{self.account_id}"} if self.account_id else set()
        if self.org_id:
            keys.add(f"org:{self.org_id}")
        return lifecycle.Actor(roles=self.roles, handler_keys=frozenset(keys), county=self.county)


def township_account_record(session: Session, username: str) -> Record | None:
    # Asked on every request (the caller's identity): the username is compared in SQL, not by loading every
    # account record of the township into Python.
    query = (
        select(Record)
        .where(
            Record.table_name == "accounts",
            Record.deleted.is_(False),
            Record.data["username"].as_string() == username,
        )
        .limit(1)
    )
    return session.scalars(query).first()


def roles_of(names) -> frozenset[Role]:
    return frozenset(Role(n) for n in names if n in set(Role))


def identity_of(session: Session, account: Account) -> Identity:
    record = township_account_record(session, account.username)
    roles = roles_of(account.roles or DEFAULT_ROLES.get(account.scope_kind, ()))
    data = record.data if record is not None else {}
    township_pc = account.scope_kind == "township" and bool(roles & {Role.PLATFORM, Role.ADMIN})
    county = account.scope_kind == "county" and account.township_id is None
    names = frozenset(n for n in (data.get("display_name"), account.display_name) if n)
    if county:  # its laptop writes the name it shows (县综治中心 and its roles when it was given none)
        names |= {shown_name(account.display_name, account.username, True, roles)}
    return Identity(
        account.username,
        roles,
        record.id if record else None,
        data.get("org_id"),
        township_pc,
        names,
        county=county,
    )


def acting(session: Session, who: Identity, actor_id: str | None) -> Identity:
    """Whose step a history entry records. A laptop writes steps in its own account's name; the township's own
    PCs (the platform office, a mediation room) are shared by several accounts, each signing in with its own
    password, and carry their steps too. The actor must be an account of the server's own table (an account
    record no server account stands behind is refused: review finding), with the roles that table gives."""
    if actor_id is None or actor_id == who.account_id:
        return who
    # A push remembers its actors for the batch (`ACTORS`, set by the Pusher): asking again for every matter
    # made the batch's pending records be written before each lookup, a small insert and a query a matter.
    known = session.info.get(ACTORS)
    if known is not None and (who, actor_id) in known:
        return known[who, actor_id]
    actor = _acting(session, who, actor_id)
    if known is not None:
        known[who, actor_id] = actor
    return actor


ACTORS = "fengqiao.actors"  # session.info key: {(identity, actor id): acting identity}, during one push


def _acting(session: Session, who: Identity, actor_id: str) -> Identity:
    record = session.get(Record, actor_id)
    if not who.township_pc or record is None or record.table_name != "accounts" or record.deleted:
        raise Refused("办理记录只能以本账号的名义写入")
    data = record.data
    account = session.scalar(select(Account).where(Account.username == data.get("username")))
    if account is None:
        raise Refused(
            f"账号 {data.get('username')} 不在乡镇服务器上，不能以它的名义办理（先在 设置 → 账号 建立）"
        )
    if account.disabled:
        raise Refused(f"账号 {account.username} 已停用，不能再以它的名义办理")
    roles = roles_of(account.roles or [])
    names = frozenset(str(n) for n in (data.get("display_name"), account.display_name) if n)
    return Identity(
        str(data.get("username")),
        roles,
        record.id,
        data.get("org_id"),
        names=names,
        county=account.scope_kind == "county" and account.township_id is None,
    )


# ------------------------------------------------------------------------------------------ permissions


def check_permission(who: Identity, record: RecordType) -> None:
    if not who.may(record.write):
        raise Refused(f"账号 {who.username} 无权修改“{record.table}”记录")


def check_append_only(record: RecordType, op_kind: str) -> None:
    if record.append_only and op_kind != "insert":
        raise Refused(f"“{record.table}”是办理历史，只能新增，不能修改或删除")


def check_event(session: Session, who: Identity, data: dict) -> None:
    """A step in a matter's history: a step of the lifecycle, by an account entitled to it, in a name this
    device may write."""
    try:
        action = lifecycle.Action(data.get("action"))
    except ValueError:
        raise Refused(f"未知的办理步骤“{data.get('action')}”") from None
    if problem := lifecycle.history_data_problem(data.get("data")):
        raise Refused(problem)
    actor = acting(session, who, data.get("actor_id"))
    if not actor.roles & lifecycle.RULES[action].roles:
        raise Refused(f"账号 {actor.username} 的角色不能办理“{lifecycle.ACTION_LABELS[action]}”")


# ------------------------------------------------------------------------------------------ accounts

# What only the server's account administration writes in the synced account record (`account_admin.py`).
# The unit or team (org_id) stays a laptop's too: 设置 → 单位与队伍 adds members to a team that way.
ACCOUNT_FIELDS = ("username", "roles", "scope_kind", "scope_ids", "disabled")


def _same(field: str, a, b) -> bool:
    if field == "roles":
        return set(filter(None, str(a or "").split(","))) == set(filter(None, str(b or "").split(",")))
    if field == "scope_ids":
        return sorted(a or []) == sorted(b or [])
    if field == "disabled":
        return bool(a) == bool(b)
    return (a or None) == (b or None)


def check_account_record(session: Session, record: Record | None, fields: dict) -> None:
    """An account's roles, scope, unit and state are the server's (changed through the admin API): a laptop
    may send an account record that agrees with the server's account table (a township's set-up), but not
    change them."""
    why = "账号的角色、范围和停用状态只能通过乡镇服务器的账号管理修改（设置 → 账号）"
    if record is not None:
        changed = [f for f in ACCOUNT_FIELDS if f in fields and not _same(f, fields[f], record.data.get(f))]
        if changed:
            raise Refused(f"{why}：不能经同步修改 {', '.join(changed)}")
        return
    account = session.scalar(select(Account).where(Account.username == fields.get("username")))
    if account is None:
        return
    server = {
        "roles": ",".join(account.roles or []),
        "scope_kind": account.scope_kind,
        "scope_ids": account.scope_ids,
        "disabled": account.disabled,
    }
    differs = [f for f, v in server.items() if f in fields and not _same(f, fields[f], v)]
    if differs:
        raise Refused(f"{why}：与服务器上账号 {account.username} 的 {', '.join(differs)} 不一致")


# ------------------------------------------------------------------------------------------ a matter's state


def state_of(session: Session, matter_id: str, data: dict) -> lifecycle.MatterState:
    """A matter's state from its fields as the server holds them (and its agreements)."""
    forms = {  # agreements in effect, as the laptop counts them (desktop.services.matters)
        r.data.get("form")
        for r in session.scalars(
            select(Record).where(Record.parent_id == matter_id, Record.table_name == "agreements")
        )
        if r.data.get("matter_id") == matter_id and not r.deleted and r.data.get("effective_on")
    }
    defaults, values = lifecycle.MatterState(), {}
    for column, (attribute, read) in lifecycle.STATE_FIELDS.items():
        raw = data.get(column)
        try:
            values[attribute] = getattr(defaults, attribute) if raw is None else read(raw)
        except (TypeError, ValueError):
            raise Refused(f"事项的“{column}”不是有效的值") from None
    watched = {*lifecycle.LOWERING_ACTIONS, lifecycle.Action.CONFIRM_RISK}
    lowered = lifecycle.risk_lowered_in(  # a risk lowered and not yet confirmed
        (r.data.get("action"), r.data.get("data"))
        for r in session.scalars(
            select(Record).where(Record.parent_id == matter_id, Record.table_name == "events")
        )
        if r.data.get("action") in watched and not r.deleted
    )
    return lifecycle.MatterState(
        has_agreement=bool(forms),
        written_agreement="written" in forms,
        risk_lowered=lowered,
        petition=data.get("kind") == "petition",
        **values,
    )


def check_new_matter(session: Session, who: Identity, data: dict) -> None:
    """A matter arrives as reported (采集上报), by a role that may report."""
    actor = acting(session, who, data.get("reported_by"))
    if not actor.roles & lifecycle.RULES[lifecycle.Action.REPORT].roles:
        raise Refused(f"账号 {actor.username} 的角色不能上报事项")
    if data.get("by_proxy") and data.get("kind") != "petition":
        raise Refused("by_proxy：只有信访事项可以代办")
    try:
        level = {} if data.get("level") is None else {"level": data["level"]}  # absent: the declared default
        reported = lifecycle.advance(lifecycle.MatterState(), lifecycle.Action.REPORT, level)
    except (TypeError, ValueError, lifecycle.Refused):
        raise Refused(f"新事项的层级“{data.get('level')}”不是有效的值") from None
    for column in lifecycle.STATE_FIELDS:
        if (
            column in data
            and data[column] != lifecycle.stored(reported, column)
            and data[column] not in (None, 0)
        ):
            raise Refused(f"新事项的“{column}”应为上报时的状态，办理步骤须逐步同步")


def check_state_change(
    session: Session, who: Identity, device_id: str, matter: Record, changes: dict, bases: dict
) -> None:
    """The matter's state changes only by a lifecycle step: an event this device sent after the state last
    changed here, that the rules allow this account from the state the server holds, and that leads to
    exactly these values."""
    step = latest_event(session, matter, device_id)
    if step is None:
        raise Refused("事项的办理状态只能由办理步骤改变（没有找到对应的办理记录）")
    action = lifecycle.Action(step.data["action"])
    actor = acting(session, who, step.data.get("actor_id"))
    # From the state the server holds, not the one the laptop says it saw (a claimed base is its word only).
    before = state_of(session, matter.id, matter.data)
    reason = lifecycle.why_not(before, action, actor.lifecycle_actor())
    if reason:
        raise Refused(f"不能{lifecycle.ACTION_LABELS[action]}：{reason}")
    try:
        after = lifecycle.advance(
            before, action, {**(step.data.get("data") or {}), "note": step.data.get("note")}
        )
    except (lifecycle.Refused, ValueError, IndexError, TypeError) as exc:
        raise Refused(str(exc)) from None
    wrong = [c for c, v in changes.items() if v != lifecycle.stored(after, c)]
    if wrong:
        raise Refused(f"“{lifecycle.ACTION_LABELS[action]}”不会把事项的 {', '.join(wrong)} 改成这样")


def latest_event(session: Session, matter: Record, device_id: str) -> Record | None:
    """This device's latest step on the matter since its state (or a field a step sets) last changed here."""
    watched = [*lifecycle.STATE_FIELDS, *lifecycle.STEP_SET_FIELDS, "handler_name"]
    changed_at = max((matter.field_seq.get(c, 0) for c in watched), default=0)
    events = session.scalars(
        select(Record).where(
            Record.parent_id == matter.id,
            Record.table_name == "events",
            Record.updated_device == device_id,
            # (>=: the fields the server derived from a step carry that step's number, `derived`)
            Record.server_seq >= changed_at,
        )
    )
    candidates = [e for e in events if not e.deleted and e.data.get("action") in set(lifecycle.Action)]
    return max(
        candidates,
        key=lambda e: (lifecycle.place_in_history(e.data.get("data")), e.server_seq),
        default=None,
    )


# ------------------------------------------------------------------------------------------ references


def check_references(
    session: Session, record: RecordType, data: dict, readable, only: set | None = None, lookup=None
) -> None:
    """Every id a record names is a record of the right kind that this device can see; a grid belongs to the
    village the record names. `only`: the fields an edit changes (the rest were checked when they were set).
    `lookup` finds a record by id (by default, the session)."""
    lookup = lookup or (lambda record_id: session.get(Record, record_id))
    for name, spec in record.fields.items():
        value = data.get(name)
        if spec.kind != "ref" or value is None or (only is not None and name not in only):
            continue
        target = lookup(value)
        if target is None or target.table_name != spec.ref:
            raise Refused(f"{name}：服务器上没有这条{spec.ref}记录")
        if not readable(target):
            raise Refused(f"{name}：引用的记录不在本设备账号的管辖范围内")
    place = record.scope
    if isinstance(place, records.Direct) and only is not None and not {place.village, place.grid} & only:
        return
    if isinstance(record.scope, records.Direct) and data.get(record.scope.grid):
        grid = lookup(data[record.scope.grid])
        if grid is not None and grid.data.get("village_id") != data.get(record.scope.village):
            raise Refused("网格不属于所填的村（社区）")
