"""Server accounts and devices: Argon2 password hashes, throttled logins, revocable device tokens."""

from __future__ import annotations

import hashlib
import os
import secrets
import uuid
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.core import protocol as p
from sync.core.domain.roles import Role

from . import county, places
from .admin_errors import AdminError
from .authority import DEFAULT_ROLES, township_account_record
from .models import Account, AuditEntry, Device, Record
from .scope import confine

HASHER = PasswordHasher()
MAX_FAILURES = 5
LOCK = timedelta(minutes=15)
SCOPE_KINDS = ("household", "grid", "village", "township", "county")
# Whoever holds the name, the same words (countylow): usernames are one space for the whole server.
USERNAME_TAKEN = "账号名（username）“{username}”已被使用：请换一个账号名"
NAME_LIMIT = 50  # the account table's username and display_name columns


class AuthError(Exception):
    """Wrong credentials, a locked or disabled account, a revoked device: said plainly, never which part."""


class DeviceLimit(AuthError):
    """The right password, but the account has as many active devices as it may: the message says which cap
    and how to free a place (it tells a guesser nothing; the password was right)."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# scope kind → (table of its members, the field that names one, what one is called)
_MEMBERS = {
    "village": ("divisions", "name", "村"),
    "grid": ("grids", "name", "网格"),
    "household": ("households", "number", "住户（户号）"),
}


def resolve_places(session: Session, kind: str, names: list[str]) -> list[str]:
    """Scope members given as ids or as the names the township uses (`东村`, `东村一网格`, `东村/一网格`,
    a 户号): a name that names no place or several is refused with the choices (`places.py`)."""
    if kind not in SCOPE_KINDS:
        raise AdminError(f"范围必须是 {' / '.join(SCOPE_KINDS)} 之一，而不是“{kind}”")
    if kind in ("township", "county"):  # the whole township; the county's matters (sync.server.county)
        return []
    _table, _name_field, called = _MEMBERS[kind]
    names = [n for n in (name.strip() for name in names) if n]
    if not names:
        raise AdminError(f"范围为 {kind} 时至少要给出一个{called}")
    try:
        return places.resolve(session, kind, names)
    except places.PlaceError as exc:
        raise AdminError(str(exc)) from None


def check_names(username: str, display_name: str) -> None:
    """The account table's limits, said with the field's name rather than as a database error."""
    if not username.strip():
        raise AdminError("账号名（username）：不能为空")
    for field, value in (("账号名（username）", username), ("姓名（display_name）", display_name)):
        if len(value) > NAME_LIMIT:
            raise AdminError(f"{field}：最多 {NAME_LIMIT} 个字，这里有 {len(value)} 个")


def add_account(
    session: Session,
    username: str,
    password: str,
    kind: str,
    places: list[str],
    *,
    display_name: str = "",
    roles: list[str] | None = None,
    township: str | None = None,
    now: datetime | None = None,
) -> Account:
    """`township` names the account's township (name, short name, code or id); left out, the server's only
    one (a new server makes its placeholder first: `townships.for_new_account`)."""
    from . import townships  # (it reads accounts: imported when used)

    check_names(username, display_name)
    check_password(password)
    if problem := county.roles_problem(kind, list(roles or [])):
        raise AdminError(problem)
    # A county account works across the county's townships: it has none of its own (issue 29).
    home = None if kind == "county" else townships.for_new_account(session, township, now or datetime.now())
    if home is not None:
        # The places, the township's own account record and anything else read from here on are this
        # township's.
        confine(session, home.id)
    home_id = home.id if home is not None else None
    existing = session.scalar(select(Account).where(Account.username == username))
    if existing is not None and existing.township_id != home_id:
        # Usernames are one space for the server (a device signs in by username alone), so "taken" must be
        # said; by whom, and in which township, is not: a township's administrator (the admin API, a synced
        # account record) gets the words any taken name gets there (changes.Pusher._check_username).
        raise AdminError(USERNAME_TAKEN.format(username=username))
    if existing is not None and _adopted_without_password(session, username):
        # the township's laptop sent this account before the server had it: `account add` completes it
        existing.password_hash = HASHER.hash(password)
        existing.display_name = display_name or existing.display_name
        existing.roles = check_roles(roles) if roles else existing.roles
        existing.scope_kind, existing.scope_ids = kind, resolve_places(session, kind, places)
        return existing
    if existing is not None:
        raise AdminError(USERNAME_TAKEN.format(username=username))
    township = township_account_record(session, username)
    account = Account(
        id=township.id if township else str(uuid.uuid4()),
        township_id=home_id,
        username=username,
        display_name=display_name or username,
        password_hash=HASHER.hash(password),
        roles=check_roles(roles or _township_roles(township) or list(DEFAULT_ROLES[kind])),
        scope_kind=kind,
        scope_ids=resolve_places(session, kind, places),
        disabled=False,
        failed_logins=0,
    )
    session.add(account)
    return account


def _adopted_without_password(session: Session, username: str) -> bool:
    """An account the server took from a township's synced record (account_admin.adopt) that no one has given
    a password since: its last audited change is its adoption."""
    last = session.scalar(
        select(AuditEntry.action)
        .where(AuditEntry.target == username)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )
    return last == "account.adopt"


def _township_roles(record: Record | None) -> list[str]:
    """The roles the township's own account record of that name gives (its admin wrote them)."""
    text = (record.data.get("roles") or "") if record is not None else ""
    return [r for r in (part.strip() for part in str(text).split(",")) if r]


def check_roles(roles: list[str]) -> list[str]:
    unknown = [r for r in roles if r not in {role.value for role in Role}]
    if unknown:
        raise AdminError(f"未知角色：{', '.join(unknown)}（可选：{', '.join(r.value for r in Role)}）")
    return roles


def check_password(password: str) -> None:
    if len(password) < 8:
        raise AdminError("密码至少 8 位")


def account_named(session: Session, username: str, township_id: str | None = None) -> Account:
    """The account of that name; with `township_id` (an administrator of one township), only among that
    township's: another township's account is refused exactly as an unknown name is."""
    account = session.scalar(select(Account).where(Account.username == username))
    if account is None or (township_id is not None and account.township_id != township_id):
        raise AdminError(f"没有账号 {username}")
    return account


def set_password(session: Session, username: str, password: str) -> None:
    check_password(password)
    account = account_named(session, username)
    account.password_hash = HASHER.hash(password)
    account.failed_logins, account.locked_until = 0, None


def password_ok(password_hash: str | None, password: str) -> bool:
    """The slow part of a sign-in, done with no database lock held."""
    if password_hash is None:
        HASHER.hash(password)  # same time either way: no hint which usernames exist
        return False
    try:
        return HASHER.verify(password_hash, password)
    except VerificationError:
        return False


def info(account: Account) -> p.AccountInfo:
    return p.AccountInfo(
        username=account.username,
        display_name=account.display_name,
        roles=account.roles,
        scope_kind=account.scope_kind,
        scope_ids=account.scope_ids,
    )


def bootstrap(session: Session, request: p.Register) -> None:
    """A server with no accounts yet, asked from its own machine: the first account is the township's.
    This is how the desktop's embedded township server, and a fresh `fengqiao-server`, get their first
    user."""
    if session.scalar(select(Account.id).limit(1)) is None:
        add_account(session, request.username, request.password, "township", [])
        session.flush()


def register(
    db,
    request: p.Register,
    now: datetime,
    *,
    gate: AbstractContextManager | None = None,
    max_devices: int | None = None,
) -> p.Registered:
    """Check the password with no lock held, then record the outcome (a failure counts towards the lock).
    `gate` bounds how many hashes run at once (`hashing.HashGate.slot()`); `max_devices` caps an account's
    active devices."""
    with db.reading() as s:
        found = s.scalar(select(Account).where(Account.username == request.username))
        password_hash = found.password_hash if found is not None else None
    with gate or nullcontext():
        ok = password_ok(password_hash, request.password)
    if found is None:
        raise AuthError("账号或密码不对")
    failure = None
    with db.writing() as s:
        account = s.get(Account, found.id, with_for_update=True)  # PostgreSQL: one outcome at a time
        if account.disabled:
            failure = "该账号已停用，请联系乡镇平台"
        elif account.locked_until and account.locked_until > now:
            failure = f"密码错误次数过多，账号锁定到 {account.locked_until:%H:%M}"
        elif not ok:
            account.failed_logins += 1
            if account.failed_logins >= MAX_FAILURES:
                account.locked_until, account.failed_logins = now + LOCK, 0
            failure = "账号或密码不对"
        else:
            account.failed_logins, account.locked_until = 0, None
            return _register_device(s, account, request, now, max_devices)
    raise AuthError(failure)


def _register_device(
    session: Session, account: Account, request: p.Register, now: datetime, max_devices: int | None = None
) -> p.Registered:
    device = session.get(Device, request.device_id)
    if device is not None and device.account_id != account.id:
        raise AuthError("这台设备已登记在另一个账号下，请联系乡镇平台")
    if device is not None and device.revoked_at is not None:
        raise AuthError("这台设备已被乡镇平台停用")
    if device is None and max_devices is not None:
        # Counted with the account row locked (`register`), so two at once cannot both take the last place.
        active = session.scalar(
            select(func.count())
            .select_from(Device)
            .where(Device.account_id == account.id, Device.revoked_at.is_(None))
        )
        if active >= max_devices:
            raise DeviceLimit(
                f"账号 {account.username} 已有 {active} 台在用设备，每个账号最多 {max_devices} 台；"
                "请乡镇平台先停用一台旧设备（fengqiao-server device list / device revoke 设备编号）再登记"
            )
    token = secrets.token_urlsafe(32)
    if device is None:
        device = Device(
            id=request.device_id, account_id=account.id, bundle_key=os.urandom(32), registered_at=now
        )
        session.add(device)
    device.name = request.device_name
    device.token_hash = _token_hash(token)
    return p.Registered(
        device_id=device.id, token=token, bundle_key=device.bundle_key.hex(), account=info(account)
    )


def authenticate(session: Session, token: str, now: datetime) -> tuple[Device, Account]:
    # Device and account in one statement: asked on every request.
    found = session.execute(
        select(Device, Account)
        .outerjoin(Account, Account.id == Device.account_id)
        .where(Device.token_hash == _token_hash(token))
    ).first()
    if found is None:
        raise AuthError("设备未登记或登记已失效，请重新登记")
    device, account = found
    if device.revoked_at is not None:
        raise AuthError("这台设备已被乡镇平台停用")
    if account is None or account.disabled:
        raise AuthError("该账号已停用，请联系乡镇平台")
    return device, account


def revoke(session: Session, device_id: str, now: datetime) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise AdminError(f"没有设备 {device_id}")
    device.revoked_at = now
    return device
