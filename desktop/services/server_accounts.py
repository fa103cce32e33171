"""The township's accounts, changed where they live: on the township server, through its admin API (one truth
for accounts). The account screen (设置 → 账户) and `fengqiao account` use these; without the server they say
so and change nothing.

The laptop's own copy follows: the synced account records come back at the next sync (this module runs one
at once), and a disabled account can no longer sign in on a laptop once that laptop has synced — on this
laptop at once, its key slot removed. The key slots (desktop/store/keyslots.py) still let an account sign in
offline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import select

from desktop.store.keyslots import KdfParams
from desktop.store.models import Account, SyncState
from sync.client import AdminClient
from sync.core import protocol as p
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.roles import Role, parse_roles
from sync.transport import AuthFailed, Offline, Refused, SyncError, Transport

from .accounts import _check_password
from .context import Workspace
from .errors import ServiceError, ValidationFailed
from .syncing import sync_now

T = TypeVar("T")


class ServerNeeded(ServiceError):
    """Accounts are changed on the township server: without it nothing is changed, and this says so."""


def has_server(ws: Workspace) -> bool:
    """Whether this laptop has joined a township server (then accounts are changed there, and only there)."""
    with ws.read() as s:
        return s.get(SyncState, "device_token") is not None and s.get(SyncState, "server_url") is not None


def _admin(ws: Workspace) -> tuple[AdminClient, str]:
    with ws.read() as s:
        state = {row.key: row.value for row in s.scalars(select(SyncState))}
    url, token = state.get("server_url"), state.get("device_token")
    if not url or not token:
        raise ServerNeeded(
            msg("账号由乡镇服务器管理：这台电脑还没有在乡镇服务器登记，请先同步一次；本机什么都没有改")
        )
    transport = Transport(str(url), token=str(token), connect_timeout=3, read_timeout=30, retries=1)
    return AdminClient(transport), str(url)


def _call(ws: Workspace, action: Callable[[AdminClient], T]) -> T:
    client, url = _admin(ws)
    try:
        return action(client)
    except Offline:
        raise ServerNeeded(
            msg("账号由乡镇服务器管理，现在连不上 {0}：联网后再试；本机什么都没有改", url)
        ) from None
    except (Refused, AuthFailed) as exc:
        raise ServiceError(
            msg("乡镇服务器没有修改账号：{0}", str(exc).removeprefix("服务器拒绝："))
        ) from None


def _follow(ws: Workspace) -> None:
    """This laptop's copy follows the server's at once: a sync brings the account record back. Offline by now,
    it follows at the next sync (the server has the change)."""
    with contextlib.suppress(SyncError, ServiceError):
        sync_now(ws)


def server_accounts(ws: Workspace) -> list[p.AdminAccount]:
    """The township's accounts as the server holds them."""
    return list(_call(ws, lambda c: c.accounts()))


def _places(given: list[str] | None) -> list[str] | None:
    return None if given is None else [g.strip() for g in given if g and g.strip()]


def create_on_server(
    ws: Workspace,
    username: str,
    display_name: str,
    password: str,
    roles: str | set[Role],
    *,
    scope_kind: str = "grid",
    places: list[str] | None = None,
    org_id: str | None = None,
    kdf: KdfParams | None = None,
) -> p.AdminAccount:
    """A new account on the township server; it can sign in on this laptop too once it has synced here."""
    role_set = parse_roles(roles) if isinstance(roles, str) else set(roles)
    _check_password(password)
    request = _request(
        p.NewAccount,
        username=username,
        password=password,
        display_name=(display_name or "").strip(),
        roles=sorted(role_set),
        scope_kind=scope_kind,
        places=_places(places) or [],
        org_id=org_id,
    )
    made = _call(ws, lambda c: c.create(request))
    _follow(ws)
    _local_slot(ws, username, password, kdf)
    with ws.tx("account.add", username, roles=made.roles, on_server=True):
        pass
    return made


def edit_on_server(
    ws: Workspace,
    username: str,
    *,
    display_name: str | None = None,
    roles: str | set[Role] | None = None,
    scope_kind: str | None = None,
    places: list[str] | None = None,
    org_id: str | None = None,
) -> p.AdminAccount:
    """Roles, scope, unit or name corrected on the server (audited there and here)."""
    role_list = None
    if roles is not None:
        role_list = sorted(parse_roles(roles) if isinstance(roles, str) else set(roles))
    request = _request(
        p.AccountEdit,
        display_name=display_name,
        roles=role_list,
        scope_kind=scope_kind,
        places=_places(places),
        org_id=org_id,
    )
    made = _call(ws, lambda c: c.edit(username, request))
    _follow(ws)
    with ws.tx("account.edit", username, **request.model_dump(exclude_none=True)):
        pass
    return made


def disable_on_server(ws: Workspace, username: str, disabled: bool = True) -> p.AdminAccount:
    if disabled and username == ws.actor.username:
        raise ServiceError(msg("不能停用自己的账号"))
    made = _call(ws, lambda c: c.set_disabled(username, disabled))
    _follow(ws)
    if disabled:
        ws.db.keyfile.remove(username)  # no more offline sign-in here, whether or not the sync came through
    with ws.tx("account.disable" if disabled else "account.enable", username, on_server=True):
        pass
    return made


def reset_password_on_server(
    ws: Workspace, username: str, new_password: str, kdf: KdfParams | None = None
) -> p.AdminAccount:
    _check_password(new_password)
    made = _call(ws, lambda c: c.reset_password(username, new_password))
    if username in ws.db.keyfile.usernames():  # who signs in here uses the new password here too
        ws.db.keyfile.add(username, new_password, ws.data_key, kdf)
    with ws.tx("account.reset_password", username, on_server=True):
        pass
    return made


def _local_slot(ws: Workspace, username: str, password: str, kdf: KdfParams | None) -> None:
    """The new account may sign in on this (township) laptop once its record is here."""
    with ws.read() as s:
        here = s.scalar(select(Account).where(Account.username == username, Account.deleted.is_(False)))
    if here is not None:
        ws.db.keyfile.add(username, password, ws.data_key, kdf)


def _request(model: type[Any], **values: Any) -> Any:
    """Checked here as the server checks it, so a mistake is named before anything is sent."""
    try:
        return model(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        issues = [Issue(_FIELDS.get(str(e["loc"][0]), str(e["loc"][0])), _why(e)) for e in exc.errors()[:5]]
        raise ValidationFailed(issues) from None


_FIELDS = {
    "username": msg("账号名"),
    "display_name": msg("姓名"),
    "password": msg("密码"),
    "roles": msg("角色"),
    "scope_kind": msg("范围"),
    "places": msg("范围内的村、网格或住户"),
    "org_id": msg("所属单位"),
}


def _why(error: Any) -> str:
    ctx = error.get("ctx") or {}
    if error.get("type") == "string_too_long":
        return msg("最多 {0} 个字", ctx.get("max_length"))
    if error.get("type") == "string_too_short" and ctx.get("min_length", 0) > 1:
        return msg("至少 {0} 个字符", ctx.get("min_length"))
    if error.get("type") == "string_too_short":
        return msg("不能为空")
    return str(error.get("msg", ""))
