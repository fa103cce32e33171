"""The township's accounts, administered from a laptop: list, create, edit roles / scope / unit, disable /
enable, reset a password, revoke a device. Only a township-wide platform or admin account may; anyone else is
refused (403) with the reason. Every change is audited on the server (`account_admin.py`)."""

from contextlib import contextmanager

from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from sync.core import protocol as p

from .. import account_admin
from ..accounts import AdminError
from ..body import GzipRoute
from ..models import Account, Device
from ..service import Caller
from .deps import Authed, ServerState

router = APIRouter(route_class=GzipRoute)


def manager(who: Caller) -> account_admin.Admin:
    """The calling device's account, as the server's own table gives its roles and scope."""
    if not (who.identity.roles & account_admin.MANAGERS) or who.scope.kind != "township":
        raise HTTPException(
            403, f"账号 {who.username} 不能管理账号：需要乡镇范围的管理员或平台角色，请联系乡镇平台"
        )
    return account_admin.Admin(
        who.username, who.device_id, who.identity.author, township_id=who.scope.township_id
    )


@contextmanager
def admin_errors():
    try:
        yield
    except AdminError as exc:
        raise HTTPException(422, str(exc)) from None


def _exists(session, username: str, township_id: str | None = None) -> None:
    """Another township's account is as unknown as one that does not exist."""
    query = select(Account.id).where(Account.username == username)
    if township_id is not None:
        query = query.where(Account.township_id == township_id)
    if session.scalar(query) is None:
        raise HTTPException(404, f"没有账号 {username}")


@router.get("/v1/admin/accounts")
def list_accounts(who: Authed, server: ServerState) -> p.AccountList:
    manager(who)
    with server.db.reading() as s:
        return account_admin.list_accounts(s, who.scope.township_id)


@router.post("/v1/admin/accounts")
def create_account(request: p.NewAccount, who: Authed, server: ServerState) -> p.AdminAccount:
    admin = manager(who)
    with admin_errors(), server.db.writing() as s:
        return account_admin.create(s, admin, request, server.clock())


@router.patch("/v1/admin/accounts/{username}")
def edit_account(
    username: p.AccountName, request: p.AccountEdit, who: Authed, server: ServerState
) -> p.AdminAccount:
    admin = manager(who)
    with admin_errors(), server.db.writing() as s:
        _exists(s, username, admin.township_id)
        return account_admin.edit(s, admin, username, request, server.clock())


@router.post("/v1/admin/accounts/{username}/disable")
def disable_account(username: p.AccountName, who: Authed, server: ServerState) -> p.AdminAccount:
    admin = manager(who)
    with admin_errors(), server.db.writing() as s:
        _exists(s, username, admin.township_id)
        return account_admin.set_disabled(s, admin, username, True, server.clock())


@router.post("/v1/admin/accounts/{username}/enable")
def enable_account(username: p.AccountName, who: Authed, server: ServerState) -> p.AdminAccount:
    admin = manager(who)
    with admin_errors(), server.db.writing() as s:
        _exists(s, username, admin.township_id)
        return account_admin.set_disabled(s, admin, username, False, server.clock())


@router.post("/v1/admin/accounts/{username}/password")
def reset_password(
    username: p.AccountName, request: p.NewPassword, who: Authed, server: ServerState
) -> p.AdminAccount:
    admin = manager(who)
    with admin_errors(), server.db.writing() as s:
        _exists(s, username, admin.township_id)
        return account_admin.reset_password(s, admin, username, request.password, server.clock())


@router.post("/v1/admin/devices/{device_id}/revoke")
def revoke_device(device_id: p.AccountName, who: Authed, server: ServerState) -> p.AdminDevice:
    admin = manager(who)
    with admin_errors(), server.db.writing() as s:
        device = s.get(Device, device_id)
        owner = s.get(Account, device.account_id) if device is not None else None
        # Another township's device is answered exactly as an unknown one (404, the same words), never as a
        # device it may not revoke: its administrator learns nothing of what other townships hold.
        if owner is None or (admin.township_id is not None and owner.township_id != admin.township_id):
            raise HTTPException(404, f"没有设备 {device_id}")
        return account_admin.revoke_device(s, admin, device_id, server.clock())
