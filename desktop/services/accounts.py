"""Signing in, and the accounts of the people who use this database."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store import blobs
from desktop.store.database import Database
from desktop.store.keyslots import KdfParams
from desktop.store.models import Account, Division, Grid, Household, SyncState
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.place_names import Candidate, PlaceNameError
from sync.core.domain.place_names import resolve as resolve_names
from sync.core.domain.roles import Permission, Role, parse_roles, shown_name
from sync.core.domain.scope import Scope
from sync.core.domain.text import check_name

from . import audit
from .context import Actor, Changed, Workspace
from .errors import NotAllowed, NotFound, ServiceError, ValidationFailed

MIN_PASSWORD = 8


def actor_of(account: Account) -> Actor:
    roles = frozenset(parse_roles(account.roles))
    county = account.scope_kind == "county"
    return Actor(
        account_id=account.id,
        username=account.username,
        # a county account made without a name writes 县综治中心 and its roles, not its username (review)
        display_name=shown_name(account.display_name, account.username, county, roles),
        roles=roles,
        scope=Scope(account.scope_kind, frozenset(account.scope_ids or [])),
        org_id=account.org_id,
    )


def login(
    path: Path,
    username: str,
    password: str,
    *,
    clock: Callable[[], datetime] = datetime.now,
    **db_options: Any,
) -> Workspace:
    """Unlock the database with this account's password, migrating it if needed, and record the sign-in."""
    db, key = Database.unlock(Path(path), username, password, **db_options)
    with db.reading() as s:
        account = s.execute(select(Account).where(Account.username == username)).scalar()
        device = s.get(SyncState, "device_id")
    if account is None or account.deleted or account.disabled:
        db.close()
        raise NotAllowed(msg("账号“{0}”已停用，请联系管理员", username))
    ws = Workspace(db, actor_of(account), key, device.value, clock=clock)
    with db.writing(actor_id=account.id, device_id=ws.device_id) as s:
        audit.record(s, account=username, device=ws.device_id, action="login", at=ws.now())
    blobs.seal_folder(db.file_key, db.path.parent / "attachments")  # once: plain files from before sealing
    return ws


def usernames(path: Path) -> list[str]:
    """The accounts that can sign in on this computer (those with a key slot), for the login screen."""
    from desktop.store.keyslots import KeyFile, keyfile_for

    try:
        return KeyFile.load(keyfile_for(Path(path))).usernames()
    except Exception:
        return []


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ServiceError(msg("密码至少{0}个字符", MIN_PASSWORD))


def add_account(
    ws: Workspace,
    username: str,
    display_name: str,
    password: str,
    roles: str | set[Role],
    *,
    scope_kind: str = "township",
    scope_ids: list[str] | None = None,
    org_id: str | None = None,
    phone: str | None = None,
    kdf: KdfParams | None = None,
) -> Changed:
    ws.require(Permission.MANAGE_ACCOUNTS)
    if not re.fullmatch(r"[A-Za-z0-9_.\-]{2,50}", username or ""):
        raise ServiceError(msg("账号名应为2–50个字母、数字、下划线、点或横线"))
    if problems := check_name(display_name, msg("姓名")):
        raise ValidationFailed(problems)
    _check_password(password)
    role_set = parse_roles(roles) if isinstance(roles, str) else set(roles)
    if not role_set:
        raise ServiceError(msg("至少选择一个角色"))
    if Role.AUDITOR in role_set and Role.ADMIN in role_set:
        raise ServiceError(msg("管理员和审计员不能是同一个账号"))
    Scope(scope_kind, frozenset(scope_ids or []))  # checks the kind
    with ws.tx("account.add", username, roles=sorted(role_set)) as tx:
        if tx.session.execute(select(Account).where(Account.username == username)).first():
            raise ServiceError(msg("账号“{0}”已存在", username))
        if scope_kind == "household":
            scope_ids = _households(tx.session, scope_ids or [])
        elif scope_kind in ("grid", "village"):
            scope_ids = _named_places(tx.session, scope_kind, scope_ids or [])
        account = Account(
            username=username,
            display_name=display_name.strip(),
            roles=",".join(sorted(role_set)),
            scope_kind=scope_kind,
            scope_ids=list(scope_ids or []),
            org_id=org_id,
            phone=phone,
            created_at=ws.now(),
        )
        tx.session.add(account)
        tx.session.flush()
        ws.db.keyfile.add(username, password, ws.data_key, kdf)
    return Changed("accounts", (account.id,), "add")


def _households(session: Session, given: list[str]) -> list[str]:
    """A 联户长's households, given as ids or 户号: each must name exactly one household."""
    field = msg("联系的住户")
    if not given:
        raise ValidationFailed([Issue(field, msg("联户长至少要联系一户，请填写户号"))])
    ids = []
    for entry in given:
        found = session.get(Household, entry)
        if found is not None and not found.deleted:
            ids.append(found.id)
            continue
        matches = session.scalars(
            select(Household.id).where(Household.number == entry, Household.deleted.is_(False))
        ).all()
        if len(matches) != 1:
            why = (
                msg("找不到户号“{0}”", entry)
                if not matches
                else msg("户号“{0}”在多个村都有，请用住户编号", entry)
            )
            raise ValidationFailed([Issue(field, why)])
        ids.append(matches[0])
    return ids


def _named_places(session: Session, kind: str, given: list[str]) -> list[str]:
    """Grids or villages given by id or by name (新街村第1网格, 新街村/第1网格): each names exactly one."""
    field = msg("范围")
    villages = {d.id: d.name for d in session.scalars(select(Division).where(Division.deleted.is_(False)))}
    if kind == "village":
        candidates = [Candidate(i, name) for i, name in villages.items()]
    else:
        grids = session.scalars(select(Grid).where(Grid.deleted.is_(False)))
        candidates = [Candidate(g.id, g.name, villages.get(g.village_id, "")) for g in grids]
    given = [g for g in given if g.strip()]
    if not given:
        raise ValidationFailed([Issue(field, msg("范围为 {0} 时至少要给出一个村或网格", kind))])
    try:
        return resolve_names(given, candidates, "网格" if kind == "grid" else "村")
    except PlaceNameError as exc:
        raise ValidationFailed([Issue(field, str(exc))]) from None


def reset_password(ws: Workspace, username: str, new_password: str, kdf: KdfParams | None = None) -> Changed:
    """An admin gives an account a new password: its key slot rewritten, no data lost, the lock lifted."""
    if username != ws.actor.username:
        ws.require(Permission.MANAGE_ACCOUNTS)
    _check_password(new_password)
    with ws.tx("account.reset_password", username) as tx:
        account = tx.session.execute(select(Account).where(Account.username == username)).scalar()
        if account is None:
            raise NotFound(msg("账号“{0}”不存在", username))
        ws.db.keyfile.add(username, new_password, ws.data_key, kdf)
    return Changed("accounts", (account.id,), "reset_password")


def set_disabled(ws: Workspace, username: str, disabled: bool = True) -> Changed:
    ws.require(Permission.MANAGE_ACCOUNTS)
    if username == ws.actor.username:
        raise ServiceError(msg("不能停用自己的账号"))
    with ws.tx("account.disable" if disabled else "account.enable", username) as tx:
        account = tx.session.execute(select(Account).where(Account.username == username)).scalar()
        if account is None:
            raise NotFound(msg("账号“{0}”不存在", username))
        account.disabled = disabled
        if disabled:
            ws.db.keyfile.remove(username)
    return Changed("accounts", (account.id,), "disable")


def list_accounts(ws: Workspace) -> list[Account]:
    with ws.read() as s:
        return list(
            s.execute(select(Account).where(Account.deleted.is_(False)).order_by(Account.username)).scalars()
        )
