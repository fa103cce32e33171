"""The township's laptop changes the server's accounts (the one truth) through the admin API: the laptop's
copy follows at its sync, a disabled account is stopped at its device's next request and can no longer sign
in on a laptop that has synced, offline nothing changes and the laptop says the server is needed; `fengqiao
account` does the same from the command line. Real servers (SQLite and PostgreSQL), real SQLCipher laptops."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.services import accounts, server_accounts, syncing
from desktop.services.errors import NotAllowed, ServiceError
from desktop.store.keyslots import UnknownAccount
from desktop.store.models import Account as LocalAccount
from sync.core.domain.roles import Role
from sync.server import account_admin
from sync.server.models import Account
from sync.transport import AuthFailed
from tests.conftest import FAST_KDF, PASSWORD

from .conftest import add_server_account


def server_account(laptops, username):
    with laptops.server.server.db.reading() as s:
        return s.scalar(select(Account).where(Account.username == username))


def local_account(ws, username):
    with ws.read() as s:
        return s.scalar(select(LocalAccount).where(LocalAccount.username == username))


def test_the_township_laptop_changes_the_servers_accounts_and_its_copy_follows(laptops):
    a, town = laptops.a, laptops.town
    listed = {x.username: x for x in server_accounts.server_accounts(a)}
    assert listed["grid1"].scope_names == ["东村一网格"] and listed["admin"].roles == ["admin", "platform"]

    made = server_accounts.create_on_server(
        a,
        "grid3",
        "郑网格",
        "long enough 1",
        {Role.GRID_WORKER},
        scope_kind="grid",
        places=["西村/一网格"],
        kdf=FAST_KDF,
    )
    assert made.scope_ids == [town.grid2]
    assert server_account(laptops, "grid3").scope_ids == [town.grid2]
    here = local_account(a, "grid3")  # the sync that followed brought the record back
    assert here is not None and here.scope_ids == [town.grid2] and here.roles == "grid_worker"
    signed_in = accounts.login(town.path, "grid3", "long enough 1")  # and it may sign in on this laptop
    assert signed_in.actor.scope.ids == frozenset({town.grid2})
    signed_in.close()

    edited = server_accounts.edit_on_server(a, "grid3", roles="mediator", scope_kind="township", places=[])
    assert edited.roles == ["mediator"] and edited.scope_kind == "township"
    assert server_account(laptops, "grid3").roles == ["mediator"]
    assert (
        local_account(a, "grid3").roles == "mediator" and local_account(a, "grid3").scope_kind == "township"
    )
    with pytest.raises(
        ServiceError,
        match="找不到唯一的网格“一网格”.*东村一网格.*西村一网格|找不到唯一的网格“一网格”.*西村一网格.*东村一网格",
    ):
        server_accounts.edit_on_server(a, "grid3", scope_kind="grid", places=["一网格"])
    assert server_account(laptops, "grid3").scope_kind == "township"  # refused whole


def test_a_disabled_account_is_stopped_at_its_next_sync_and_cannot_sign_in_on_synced_laptops(laptops):
    a, b, town = laptops.a, laptops.b, laptops.town
    syncing.sync_now(b)
    server_accounts.disable_on_server(a, "grid1")
    assert server_account(laptops, "grid1").disabled
    with pytest.raises(AuthFailed, match="已停用"):
        syncing.sync_now(b)
    # The township laptop synced at once (its copy says disabled) and dropped grid1's key slot.
    assert local_account(a, "grid1").disabled
    with pytest.raises(UnknownAccount):
        accounts.login(town.path, "grid1", PASSWORD)
    # Disabled elsewhere (the server's own command line): a laptop refuses the sign-in after its next sync.
    accounts.login(town.path, "mediator", PASSWORD).close()  # signs in before
    add_server_account(laptops.server, "mediator")
    with laptops.server.server.db.writing() as s:
        account_admin.set_disabled(s, account_admin.SERVER_CLI, "mediator", True, datetime.now())
    syncing.sync_now(a)
    with pytest.raises(NotAllowed, match="已停用"):
        accounts.login(town.path, "mediator", PASSWORD)
    # A disabled account cannot register another laptop either.
    with pytest.raises(AuthFailed):
        syncing.join_township(
            town.path.parent / "c" / "fengqiao.db", laptops.server.url, "grid1", PASSWORD, kdf=FAST_KDF
        )
    server_accounts.disable_on_server(a, "grid1", False)
    syncing.sync_now(b)  # enabled again: its laptop syncs again
    assert not local_account(a, "grid1").disabled


def test_the_laptop_cannot_rewrite_an_accounts_roles_through_sync(laptops):
    a = laptops.a
    with a.tx("test.forge") as tx:  # what an old build's 设置 did: the synced record edited in place
        tx.session.scalar(select(LocalAccount).where(LocalAccount.username == "grid2")).roles = "leader"
    report = syncing.sync_now(a)
    assert report.rejected >= 1
    assert server_account(laptops, "grid2").roles == ["grid_worker"]
    assert any("账号管理" in r.reason for r in syncing.rejected_edits(a))


def test_offline_the_laptop_says_the_server_is_needed_and_changes_nothing(laptops):
    a = laptops.a
    before = [(x.username, x.roles, x.disabled) for x in accounts.list_accounts(a)]
    laptops.server.stop()
    for change in (
        lambda: server_accounts.create_on_server(
            a, "grid9", "赵九", "long enough 1", "grid_worker", places=["东村一网格"]
        ),
        lambda: server_accounts.disable_on_server(a, "grid1"),
        lambda: server_accounts.edit_on_server(a, "grid1", roles="leader"),
        lambda: server_accounts.reset_password_on_server(a, "grid1", "long enough 2"),
    ):
        with pytest.raises(server_accounts.ServerNeeded, match="连不上.*本机什么都没有改"):
            change()
    assert [(x.username, x.roles, x.disabled) for x in accounts.list_accounts(a)] == before
    assert "grid1" in a.db.keyfile.usernames()


def test_a_grid_workers_laptop_is_refused_by_the_server_with_its_reason(laptops):
    with pytest.raises(ServiceError, match="不能管理账号"):
        server_accounts.server_accounts(laptops.b)
    with pytest.raises(ServiceError, match="不能管理账号"):
        server_accounts.disable_on_server(laptops.b, "grid2")
    assert not server_account(laptops, "grid2").disabled


def fengqiao(db, *args, user="admin"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")}
    env |= {"FENGQIAO_PASSWORD": PASSWORD, "FENGQIAO_USER": user, "FENGQIAO_NEW_PASSWORD": "long enough 1"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *map(str, args), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_fengqiao_account_changes_the_server_and_refuses_unknown_places(laptops):
    db = laptops.town.path
    ambiguous = fengqiao(db, "account", "add", "gw5", "--scope", "grid", "--places", "一网格")
    assert ambiguous.returncode != 0 and "东村一网格" in ambiguous.stderr and "西村一网格" in ambiguous.stderr
    unknown = fengqiao(db, "account", "add", "gw5", "--scope", "grid", "--places", "北村一网格")
    assert unknown.returncode != 0 and "没有这个名称" in unknown.stderr, unknown.stderr
    long_name = fengqiao(db, "account", "add", "gw5", "--name", "张" * 51, "--places", "东村一网格")
    assert long_name.returncode != 0 and "姓名" in long_name.stderr and "50" in long_name.stderr
    assert server_account(laptops, "gw5") is None

    added = fengqiao(
        db, "account", "add", "gw5", "--scope", "grid", "--places", "东村/一网格", "--name", "钱五"
    )
    assert added.returncode == 0, added.stderr
    assert server_account(laptops, "gw5").scope_ids == [laptops.town.grid]
    edited = fengqiao(
        db, "account", "edit", "gw5", "--roles", "grid_leader", "--scope", "village", "--places", "东村"
    )
    assert edited.returncode == 0, edited.stderr
    assert server_account(laptops, "gw5").roles == ["grid_leader"]
    assert fengqiao(db, "account", "disable", "gw5").returncode == 0
    assert server_account(laptops, "gw5").disabled
    assert fengqiao(db, "account", "enable", "gw5").returncode == 0
    assert fengqiao(db, "account", "reset-password", "gw5").returncode == 0
    listed = fengqiao(db, "account", "list")
    assert listed.returncode == 0 and "gw5\t钱五\tgrid_leader\tvillage\t东村" in listed.stdout, listed.stdout
    refused = fengqiao(laptops.b.db.path, "account", "disable", "gw5", user="grid1")
    assert refused.returncode != 0 and "不能管理账号" in refused.stderr
    laptops.server.stop()
    offline = fengqiao(db, "account", "disable", "gw5")
    assert offline.returncode != 0 and "连不上" in offline.stderr and "本机什么都没有改" in offline.stderr
