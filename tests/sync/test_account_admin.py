"""One truth for accounts, the server's: the admin API (authorised by the caller's roles on the server),
disabling that stops devices at their next request, places given by name, the server's audit trail, and
laptop writes of account roles/scope/state through sync refused. Real uvicorn on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import select

from sync.server import account_admin, cli
from sync.server.models import Account, AuditEntry, Record
from tests.conftest import PASSWORD

from .conftest import add_server_account, only_township
from .servers import RawDevice

PLACES = [
    ("v1", "divisions", {"name": "新街村"}),
    ("v2", "divisions", {"name": "老街村"}),
    ("g1", "grids", {"name": "新街村第1网格", "village_id": "v1"}),
    ("g2", "grids", {"name": "老街村第1网格", "village_id": "v2"}),
    ("g3", "grids", {"name": "新街村第2网格", "village_id": "v1"}),
]


def seed(server) -> None:
    with server.server.db.writing() as s:
        for n, (rid, table, data) in enumerate(PLACES, 1):
            s.add(
                Record(
                    township_id=only_township(s),
                    id=rid,
                    table_name=table,
                    data=data,
                    field_seq={},
                    field_device={},
                    server_seq=n,
                    shared=True,
                    village_id=data.get("village_id"),
                )
            )
        s.add(
            add := Record(
                township_id=only_township(s),
                id="o1",
                table_name="orgs",
                data={"name": "司法所", "kind": "unit"},
            )
        )
        add.field_seq, add.field_device, add.server_seq, add.shared = {}, {}, 6, True


@pytest.fixture
def town(server):
    seed(server)
    add_server_account(server, "admin", "township")  # admin + platform by default
    add_server_account(server, "gw", "grid", ["g1"])
    return server


def new_account(device, **fields):
    body = {"username": "gw2", "password": PASSWORD, "display_name": "王二", "scope_kind": "grid"} | fields
    return device.call("POST", "/v1/admin/accounts", json=body)


def test_an_admin_manages_accounts_through_the_api_and_every_change_is_audited(town):
    admin = RawDevice(town.url, "admin")
    made = new_account(admin, places=["新街村/第1网格"], roles=["grid_worker"], org_id="o1")
    assert made.status_code == 200, made.text
    assert made.json()["scope_ids"] == ["g1"] and made.json()["scope_names"] == ["新街村第1网格"]

    edited = admin.call(
        "PATCH",
        "/v1/admin/accounts/gw2",
        json={"roles": ["mediator"], "scope_kind": "village", "places": ["老街村"]},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["roles"] == ["mediator"] and edited.json()["scope_ids"] == ["v2"]
    assert admin.call("POST", "/v1/admin/accounts/gw2/password", json={"password": "another pass"}).ok
    assert admin.call("POST", "/v1/admin/accounts/gw2/disable").json()["disabled"] is True
    assert admin.call("POST", "/v1/admin/accounts/gw2/enable").json()["disabled"] is False
    listed = {a["username"]: a for a in admin.call("GET", "/v1/admin/accounts").json()["accounts"]}
    assert listed["gw2"]["roles"] == ["mediator"] and listed["gw"]["scope_names"] == ["新街村第1网格"]

    with town.server.db.reading() as s:
        trail = [
            (e.account, e.action, e.target) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]
        assert account_admin.verify_audit(s) is None
        account = s.scalar(select(Account).where(Account.username == "gw2"))
        assert account.roles == ["mediator"] and account.scope_ids == ["v2"]
    assert trail == [
        ("admin", "account.add", "gw2"),
        ("admin", "account.edit", "gw2"),
        ("admin", "account.reset_password", "gw2"),
        ("admin", "account.disable", "gw2"),
        ("admin", "account.enable", "gw2"),
    ]
    # The trail's chain catches an entry changed afterwards.
    with town.server.db.writing() as s:
        s.scalars(select(AuditEntry).where(AuditEntry.action == "account.disable")).one().account = "gw"
    with town.server.db.reading() as s:
        assert account_admin.verify_audit(s) == 4


def test_only_a_township_admin_may_administer(town):
    """The platform office handles matters: were it a manager, it could make itself admin (review finding)."""
    add_server_account(town, "viewer", "township")
    add_server_account(town, "office", "township")
    with town.server.db.writing() as s:
        s.scalar(select(Account).where(Account.username == "viewer")).roles = ["auditor"]
        s.scalar(select(Account).where(Account.username == "office")).roles = ["platform"]
    for username in ("gw", "viewer", "office"):
        device = RawDevice(town.url, username)
        for method, path in [("GET", "/v1/admin/accounts"), ("POST", "/v1/admin/accounts/gw/disable")]:
            answer = device.call(method, path)
            assert answer.status_code == 403 and "不能管理账号" in answer.json()["detail"], answer.text
        assert new_account(device, places=["g1"]).status_code == 403
    with town.server.db.reading() as s:
        assert s.scalar(select(Account).where(Account.username == "gw")).disabled is False
        assert s.scalar(select(AuditEntry.seq)) is None


def test_an_admin_cannot_change_its_own_roles(town):
    admin = RawDevice(town.url, "admin")
    answer = admin.call("PATCH", "/v1/admin/accounts/admin", json={"roles": ["admin", "leader", "platform"]})
    assert answer.status_code in (400, 422) and "自己的角色" in answer.json()["detail"], answer.text
    with town.server.db.reading() as s:
        assert "leader" not in s.scalar(select(Account).where(Account.username == "admin")).roles


def test_a_disabled_account_is_stopped_at_its_next_request_and_cannot_register(town):
    admin, worker = RawDevice(town.url, "admin"), RawDevice(town.url, "gw")
    assert worker.call("GET", "/v1/pull").status_code == 200
    assert admin.call("POST", "/v1/admin/accounts/gw/disable").ok
    for method, path in [("GET", "/v1/pull"), ("GET", "/v1/counts"), ("GET", "/v1/blobs/" + "a" * 64)]:
        answer = worker.call(method, path)
        assert answer.status_code == 401 and "已停用" in answer.json()["detail"], answer.text
    pushed = requests.post(town.url + "/v1/push", json={"ops": []}, headers=worker.headers, timeout=30)
    assert pushed.status_code == 401 and "已停用" in pushed.json()["detail"]
    registered = requests.post(
        town.url + "/v1/register",
        json={"username": "gw", "password": PASSWORD, "device_id": str(uuid.uuid4()), "device_name": "new"},
        timeout=30,
    )
    assert registered.status_code == 401 and "已停用" in registered.json()["detail"]
    assert admin.call("POST", "/v1/admin/accounts/gw/enable").ok
    assert worker.call("GET", "/v1/pull").status_code == 200


def test_a_revoked_device_is_refused_and_others_of_the_account_keep_working(town):
    admin, first, second = RawDevice(town.url, "admin"), RawDevice(town.url, "gw"), RawDevice(town.url, "gw")
    with town.server.db.reading() as s:
        devices = account_admin.list_accounts(s).accounts
    first_id = next(a for a in devices if a.username == "gw").devices[0].id
    assert admin.call("POST", f"/v1/admin/devices/{first_id}/revoke").json()["revoked"] is True
    assert first.call("GET", "/v1/pull").status_code == 401
    assert second.call("GET", "/v1/pull").status_code == 200
    assert admin.call("POST", "/v1/admin/devices/nosuch/revoke").status_code == 404


def test_places_by_name_are_resolved_or_refused_with_the_choices(town):
    admin = RawDevice(town.url, "admin")
    assert new_account(admin, username="a1", places=["新街村第2网格"]).json()["scope_ids"] == ["g3"]
    assert new_account(admin, username="a2", places=["老街村/第1网格"]).json()["scope_ids"] == ["g2"]
    ambiguous = new_account(admin, username="a3", places=["第1网格"])
    assert ambiguous.status_code == 422
    assert "2 个同名" in ambiguous.json()["detail"]
    assert "新街村第1网格" in ambiguous.json()["detail"] and "老街村第1网格" in ambiguous.json()["detail"]
    unknown = new_account(admin, username="a4", places=["新街村第9网格"])
    assert unknown.status_code == 422 and "没有这个名称" in unknown.json()["detail"]
    assert "新街村第2网格" in unknown.json()["detail"]
    too_long = new_account(admin, username="x" * 51, places=["g1"])
    assert too_long.status_code == 422 and "username" in too_long.json()["detail"]
    long_name = new_account(admin, username="a5", display_name="张" * 51, places=["g1"])
    assert long_name.status_code == 422 and "display_name" in long_name.json()["detail"]
    bad_role = new_account(admin, username="a6", places=["g1"], roles=["boss"])
    assert bad_role.status_code == 422 and "boss" in bad_role.json()["detail"]
    with town.server.db.reading() as s:
        names = set(s.scalars(select(Account.username)))
    assert names == {"admin", "gw", "a1", "a2"}


def test_the_synced_account_record_follows_the_server_and_laptops_cannot_rewrite_it(town):
    admin, worker = RawDevice(town.url, "admin"), RawDevice(town.url, "gw")
    assert new_account(admin, places=["g1"], roles=["grid_worker"]).ok
    assert admin.call("POST", "/v1/admin/accounts/gw2/disable").ok
    pulled = {
        c["id"]: c for c in worker.call("GET", "/v1/pull").json()["changes"] if c["table"] == "accounts"
    }
    record = next(c for c in pulled.values() if c["data"].get("username") == "gw2")
    assert record["data"]["disabled"] is True and record["data"]["roles"] == "grid_worker"

    # The admin's own laptop may not rewrite roles or the disabled flag through sync: the API does that.
    op = admin.op(
        "accounts",
        record["id"],
        op="update",
        fields={"roles": "leader", "disabled": False, "display_name": "王小二"},
        base_seqs=dict.fromkeys(["roles", "disabled", "display_name"], 10**6),
    )
    [result] = admin.push(op)
    assert result["status"] == "rejected" and "账号管理" in result["reason"] and "roles" in result["reason"]
    # A new record that disagrees with the server's account of that name is refused too.
    forged = admin.op("accounts", fields={"username": "gw", "display_name": "x", "roles": "leader,admin"})
    [result] = admin.push(forged)
    assert result["status"] == "rejected" and "不一致" in result["reason"]
    # The display name, which is not the server's to decide, still syncs.
    [ok] = admin.push(
        admin.op(
            "accounts",
            record["id"],
            op="update",
            fields={"display_name": "王小二"},
            base_seqs={"display_name": 10**6},
        )
    )
    assert ok["status"] == "applied", ok
    with town.server.db.reading() as s:
        account = s.scalar(select(Account).where(Account.username == "gw2"))
        assert account.roles == ["grid_worker"] and account.disabled


def test_the_server_command_line_edits_accounts_and_refuses_unknown_places(town, capsys):
    url, data = town.server.db.url, str(town.server.blobs.folder.parent)
    base = ["--database-url", str(url), "--data-dir", data, "account"]
    assert (
        cli.main(
            [*base, "add", "c1", "--scope", "grid", "--places", "新街村/第2网格", "--password", PASSWORD]
        )
        == 0
    )
    assert (
        cli.main([*base, "edit", "c1", "--roles", "mediator,grid_worker", "--places", "新街村第1网格"]) == 0
    )
    assert (
        cli.main([*base, "add", "c2", "--scope", "grid", "--places", "第1网格", "--password", PASSWORD]) == 2
    )
    err = capsys.readouterr().err
    assert "新街村第1网格" in err and "老街村第1网格" in err
    assert cli.main([*base, "add", "c3", "--name", "张" * 51, "--places", "g1", "--password", PASSWORD]) == 2
    assert "display_name" in capsys.readouterr().err
    assert cli.main([*base, "disable", "c1"]) == 0
    assert cli.main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert "c1\tc1\tgrid_worker,mediator\tgrid\t新街村第1网格\t停用" in listed and "c2" not in listed
    with town.server.db.reading() as s:
        assert [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))] == [
            "account.add",
            "account.edit",
            "account.disable",
        ]
