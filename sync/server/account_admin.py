"""Account administration on the server, the one truth for accounts: list, create, edit roles / scope / unit,
disable / enable, reset a password, revoke a device. Used by the admin API (`routes/admin.py`) and by
`fengqiao-server account`.

Every change is written to the server's audit trail (`AuditEntry`, hash-chained) and to the synced `accounts`
record of that name, which the server alone writes from now on: laptops receive it at their next sync, so a
disabled account can no longer sign in on any laptop once that laptop has synced.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.core import protocol as p
from sync.core.domain.roles import Role

from . import accounts, county
from .accounts import AdminError
from .authority import township_account_record
from .db import Sequencer
from .models import Account, AuditEntry, Device, Record
from .scope import confine

GENESIS = "0" * 64
# Who may administer accounts: the admin alone, as Permission.MANAGE_ACCOUNTS says on the laptop (the platform
# office handles matters; letting it grant roles would let it make itself admin).
MANAGERS = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class Admin:
    """Who is administering: an account (by its device) or the server's own command line."""

    username: str
    device_id: str = ""
    author: str = ""  # what the synced record shows as written by
    # An administrator's own township: the accounts it may see and change. None: the server's command line.
    township_id: str | None = None


SERVER_CLI = Admin("fengqiao-server", "", "")


# ------------------------------------------------------------------------------------------ the audit trail

# No device makes the county: not a township's admin (it would read every township's county matters), nor the
# county's own platform; only the server's command line gives the tier.
COUNTY_ON_SERVER_ONLY = "县级账号只在服务器上用 fengqiao-server account add --scope county 建立"


def _digest(
    prev: str, at: datetime, account: str, device: str, action: str, target: str, detail: dict
) -> str:
    payload = json.dumps(
        [prev, at.isoformat(), account, device, action, target, detail],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def audit(
    session: Session,
    who: Admin,
    action: str,
    target: str,
    detail: dict[str, Any],
    at: datetime,
    township_id: str | None = None,
) -> None:
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)) or GENESIS
    detail = json.loads(json.dumps(detail, ensure_ascii=False, default=str))  # as stored, so as verified
    session.add(
        AuditEntry(
            at=at,
            account=who.username,
            device_id=who.device_id,
            action=action,
            target=target,
            detail=detail,
            township_id=township_id or who.township_id,
            prev_hash=prev,
            hash=_digest(prev, at, who.username, who.device_id, action, target, detail),
        )
    )


def verify_audit(session: Session) -> int | None:
    """The seq of the first entry whose chain is broken, or None when the whole trail is intact."""
    prev = GENESIS
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        if e.prev_hash != prev or e.hash != _digest(
            prev, e.at, e.account, e.device_id, e.action, e.target, e.detail
        ):
            return e.seq
        prev = e.hash
    return None


# ------------------------------------------------------------------------------------------ reading


def _names(session: Session, account: Account) -> list[str]:
    if account.scope_kind not in accounts._MEMBERS:  # the township, the county: no places named
        return []
    table, field, _called = accounts._MEMBERS[account.scope_kind]
    shown = []
    for place_id in account.scope_ids:
        record = session.get(Record, place_id)
        shown.append(
            str(record.data.get(field)) if record is not None and record.table_name == table else place_id
        )
    return shown


def view(session: Session, account: Account) -> p.AdminAccount:
    record = township_account_record(session, account.username)
    devices = session.scalars(
        select(Device).where(Device.account_id == account.id).order_by(Device.registered_at)
    )
    return p.AdminAccount(
        username=account.username,
        display_name=account.display_name,
        roles=list(account.roles or []),
        scope_kind=account.scope_kind,
        scope_ids=list(account.scope_ids or []),
        scope_names=_names(session, account),
        org_id=(record.data.get("org_id") if record is not None else None),
        disabled=account.disabled,
        devices=[
            p.AdminDevice(
                id=d.id,
                name=d.name,
                registered_at=d.registered_at,
                last_seen=d.last_seen,
                revoked=bool(d.revoked_at),
            )
            for d in devices
        ],
    )


def list_accounts(session: Session, township_id: str | None = None) -> p.AccountList:
    """Every account; with `township_id`, that township's only (what its administrator may see)."""
    query = select(Account).order_by(Account.username)
    if township_id is not None:
        query = query.where(Account.township_id == township_id)
    found = session.scalars(query)
    return p.AccountList(accounts=[view(session, a) for a in found])


# ------------------------------------------------------------------------------------------ changing


def _check_org(session: Session, org_id: str | None) -> str | None:
    if not org_id:
        return None
    record = session.get(Record, org_id)
    if record is None or record.table_name != "orgs" or record.deleted:
        raise AdminError(f"所属单位（org_id）：服务器上没有单位“{org_id}”")
    return org_id


def _check_roles(roles: list[str]) -> list[str]:
    accounts.check_roles(roles)
    if not roles:
        raise AdminError("角色（roles）：至少选择一个角色")
    if Role.AUDITOR in roles and Role.ADMIN in roles:
        raise AdminError("角色（roles）：管理员和审计员不能是同一个账号")
    return sorted(set(roles))


def publish(
    session: Session,
    account: Account,
    who: Admin,
    now: datetime,
    org_id: str | None = None,
    *,
    set_org: bool = False,
) -> None:
    """The synced account record follows the server's account: every laptop of its township gets it at its
    next sync."""
    confine(session, account.township_id)
    record = township_account_record(session, account.username)
    values = {
        "username": account.username,
        "display_name": account.display_name,
        "roles": ",".join(sorted(account.roles or [])),
        "scope_kind": account.scope_kind,
        "scope_ids": list(account.scope_ids or []),
        "disabled": bool(account.disabled),
    }
    if set_org:
        values["org_id"] = org_id
    seq = Sequencer(session).next()
    if record is None:
        record = Record(
            id=account.id,
            township_id=account.township_id,
            table_name="accounts",
            data={"org_id": None, **values, "created_at": now.isoformat()},
            field_seq={},
            field_device={},
            server_seq=seq,
            deleted=False,
            shared=True,
        )
        session.add(record)
        changed = dict(record.data)
    else:
        changed = {k: v for k, v in values.items() if record.data.get(k) != v}
        record.data = {**record.data, **changed}
    record.field_seq = {**(record.field_seq or {}), **dict.fromkeys(changed, seq)}
    record.field_device = {**(record.field_device or {}), **dict.fromkeys(changed, "")}
    record.server_seq = seq
    record.updated_by = who.author or who.username
    record.updated_device = None  # every device pulls it, the admin's own included
    record.server_time = now


def create(session: Session, who: Admin, request: p.NewAccount, now: datetime) -> p.AdminAccount:
    if request.scope_kind == "county" and who != SERVER_CLI:  # the server's to give, as in edit(), adopt()
        raise AdminError(f"范围（scope_kind）：{COUNTY_ON_SERVER_ONLY}")
    try:
        account = accounts.add_account(
            session,
            request.username,
            request.password,
            request.scope_kind,
            list(request.places),
            display_name=request.display_name,
            roles=_check_roles(list(request.roles)) if request.roles else None,
            township=who.township_id,
            now=now,
        )
    except ValueError as exc:
        raise AdminError(f"范围（places）：{exc}") from None
    org_id = _check_org(session, request.org_id)
    session.flush()
    publish(session, account, who, now, org_id, set_org=True)
    audit(session, who, "account.add", account.username, _state(account, org_id), now, account.township_id)
    return view(session, account)


def _state(account: Account, org_id: str | None = None) -> dict[str, Any]:
    return {
        "display_name": account.display_name,
        "roles": list(account.roles or []),
        "scope_kind": account.scope_kind,
        "scope_ids": list(account.scope_ids or []),
        "disabled": account.disabled,
        "org_id": org_id,
    }


def edit(
    session: Session, who: Admin, username: str, request: p.AccountEdit, now: datetime
) -> p.AdminAccount:
    account = accounts.account_named(session, username, who.township_id)
    confine(session, account.township_id)
    before = _state(account)
    if request.display_name is not None:
        account.display_name = request.display_name
    if request.roles is not None:
        roles = _check_roles(list(request.roles))
        if username == who.username and set(roles) != set(account.roles or []):
            raise AdminError("角色（roles）：不能修改自己的角色，请另一位管理员修改")
        account.roles = roles
    if request.scope_kind is not None or request.places is not None:
        kind = request.scope_kind or account.scope_kind
        if (kind == "county") != (account.scope_kind == "county"):
            # The tier is the server's to give: a township's admin never makes the county (review), and the
            # server's command line moves an account out of its township when it does.
            if who.township_id is not None or account.scope_kind == "county":
                raise AdminError(f"范围（scope_kind）：{COUNTY_ON_SERVER_ONLY}")
            account.township_id = None
        given = list(request.places) if request.places is not None else list(account.scope_ids)
        try:
            account.scope_kind, account.scope_ids = kind, accounts.resolve_places(session, kind, given)
        except ValueError as exc:
            raise AdminError(f"范围（places）：{exc}") from None
    if problem := county.roles_problem(account.scope_kind, list(account.roles or [])):
        raise AdminError(problem)  # (a county account holds county roles, whichever was changed)
    set_org = request.org_id is not None  # "" clears the unit
    org = _check_org(session, request.org_id) if set_org else None
    publish(session, account, who, now, org, set_org=set_org)
    after = _state(account)
    changed = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if set_org:
        changed["org_id"] = org
    audit(session, who, "account.edit", username, changed, now, account.township_id)
    return view(session, account)


def set_disabled(
    session: Session, who: Admin, username: str, disabled: bool, now: datetime
) -> p.AdminAccount:
    account = accounts.account_named(session, username, who.township_id)
    if disabled and username == who.username:
        raise AdminError("不能停用自己的账号")
    account.disabled = disabled
    publish(session, account, who, now)
    audit(
        session,
        who,
        "account.disable" if disabled else "account.enable",
        username,
        {},
        now,
        account.township_id,
    )
    return view(session, account)


def reset_password(
    session: Session, who: Admin, username: str, password: str, now: datetime
) -> p.AdminAccount:
    account = accounts.account_named(session, username, who.township_id)
    accounts.set_password(session, username, password)
    audit(session, who, "account.reset_password", username, {}, now, account.township_id)
    return view(session, account)


def revoke_device(session: Session, who: Admin, device_id: str, now: datetime) -> p.AdminDevice:
    device = session.get(Device, device_id)
    owner = session.get(Account, device.account_id) if device is not None else None
    if who.township_id is not None and (owner is None or owner.township_id != who.township_id):
        raise AdminError(f"没有设备 {device_id}")  # another township's device, as an unknown one
    device = accounts.revoke(session, device_id, now)
    audit(session, who, "device.revoke", device_id, {"account": owner.username if owner else ""}, now)
    return p.AdminDevice(
        id=device.id,
        name=device.name,
        registered_at=device.registered_at,
        last_seen=device.last_seen,
        revoked=True,
    )


def adopt(session: Session, who: Admin, record_id: str, fields: dict[str, Any], now: datetime) -> None:
    """An account record a township's admin laptop sends for a username the server has no account for (a
    township set up offline, then joined) becomes a server account — audited, and disabled like any other —
    with no password until an admin sets one, so it can neither sign in nor register a device before. Steps in
    its name are then checked against this account (review: such a record used to stand alone, a name with
    roles no server account held)."""
    username = str(fields.get("username") or "")
    kind = str(fields.get("scope_kind") or "township")
    try:
        if kind == "county":  # a township's laptop never makes the county (review)
            raise AdminError(COUNTY_ON_SERVER_ONLY)
        roles = _check_roles([r for r in str(fields.get("roles") or "").split(",") if r])
        places = accounts.resolve_places(session, kind, list(fields.get("scope_ids") or []))
        if problem := county.roles_problem(kind, roles):
            raise AdminError(problem)
    except (AdminError, ValueError) as exc:
        raise AdminError(f"账号 {username}：{exc}") from None
    account = Account(
        id=record_id,
        township_id=who.township_id,
        username=username,
        display_name=str(fields.get("display_name") or username),
        password_hash=accounts.HASHER.hash(secrets.token_urlsafe(32)),  # no one knows it: set by an admin
        roles=roles,
        scope_kind=kind,
        scope_ids=places,
        disabled=bool(fields.get("disabled")),
        failed_logins=0,
    )
    session.add(account)
    audit(session, who, "account.adopt", username, _state(account), now)
