"""One server, many townships (issue 29): each township's devices read and write only their own township's
records, on SQLite and PostgreSQL, with real server processes; a township's records and accounts are
unknown to another township's device, refused exactly as an unknown id is."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.services import syncing
from sync.server import accounts as server_accounts
from sync.server import townships
from sync.server.models import Account, AuditEntry, Record, Township
from tests.conftest import PASSWORD

from .servers import RawDevice
from .test_end_to_end import household_in

B_CODE = "371324106000"


class Two:
    """Township A: the laptops fixture's (the server's first); township B: 马厂湖镇, its admin's raw device,
    which set up a village, a grid and a household of its own."""

    def __init__(self, laptops):
        self.laptops, self.town, self.url = laptops, laptops.town, laptops.server.url
        with laptops.server.server.db.writing() as s:
            self.a_id = townships.named(s, None).id
            self.b_id = townships.add(s, "马厂湖镇", B_CODE, "马厂湖", now=datetime.now()).id
            server_accounts.add_account(s, "badmin", PASSWORD, "township", [], township="马厂湖镇")
        self.b = RawDevice(self.url, "badmin")
        self.a = RawDevice(self.url, "grid1")
        self.b_village, self.b_grid, self.b_house = (str(uuid.uuid4()) for _ in range(3))
        results = self.b.push(
            self.b.op("divisions", self.b_village, fields={"name": "北村", "level": "village"}),
            self.b.op("grids", self.b_grid, fields={"name": "北村一网格", "village_id": self.b_village}),
            self.b.op(
                "households",
                self.b_house,
                fields={
                    "village_id": self.b_village,
                    "grid_id": self.b_grid,
                    "number": "B1",
                    "address": "北村",
                },
            ),
        )
        assert [r["status"] for r in results] == ["applied"] * 3, results
        self.a_house = str(uuid.uuid4())
        results = self.a.push(
            self.a.op(
                "households",
                self.a_house,
                fields={
                    "village_id": self.town.village,
                    "grid_id": self.town.grid,
                    "number": "A1",
                    "address": "东村",
                },
            )
        )
        assert results[0]["status"] == "applied", results


@pytest.fixture
def two(laptops):
    return Two(laptops)


def pulled(device: RawDevice) -> dict[str, dict]:
    """Everything a device receives from cursor 0, and the counts its last page carries."""
    cursor, found, counts = 0, {}, None
    while True:
        page = device.call("GET", "/v1/pull", params={"cursor": cursor, "limit": 200, "protocol": 2}).json()
        found.update((c["id"], c) for c in page["changes"])
        cursor, counts = page["cursor"], page.get("counts")
        if not page["more"]:
            return {"changes": found, "counts": counts}


def ids_of(session, township_id: str) -> set[str]:
    return set(session.scalars(select(Record.id).where(Record.township_id == township_id)))


def test_each_township_receives_only_its_own_records_and_counts(two):
    with two.laptops.server.server.db.reading() as s:
        a_ids, b_ids = ids_of(s, two.a_id), ids_of(s, two.b_id)
    assert a_ids and b_ids and not a_ids & b_ids
    b_got, a_got = pulled(two.b), pulled(two.a)
    assert set(b_got["changes"]) <= b_ids and {two.b_house, two.b_village} <= set(b_got["changes"])
    assert set(a_got["changes"]) <= a_ids and two.a_house in a_got["changes"]
    # shared reference data is shared within a township: B's admin counts its own villages, not A's two
    assert b_got["counts"]["divisions"] == 1 and b_got["counts"]["households"] == 1
    counts = two.b.call("GET", "/v1/counts").json()["counts"]
    assert sum(counts.values()) == len(b_ids)
    # the township's own laptop, syncing as it always has, holds nothing of B
    syncing.sync_now(two.laptops.a, password=PASSWORD, server_url=two.url)
    assert household_in(two.laptops.a, "A1") is not None and household_in(two.laptops.a, "B1") is None


def test_the_handshake_names_the_devices_township(two):
    hello = {"protocol": 2, "device_time": datetime.now().isoformat(), "app_version": "test"}
    b = two.b.call("POST", "/v1/hello", json=hello).json()
    assert b["township"] == {"id": two.b_id, "name": "马厂湖镇", "code": B_CODE, "short_name": "马厂湖"}
    assert two.a.call("POST", "/v1/hello", json=hello).json()["township"]["id"] == two.a_id


def test_a_hostile_device_naming_the_other_townships_records_is_refused_as_if_they_did_not_exist(two):
    """B's admin (township scope, admin role) knows A's ids: every op naming one is refused alone, with the
    reason an unknown id gets, and the rest of its batch applies."""
    b, town = two.b, two.town
    unknown = str(uuid.uuid4())
    a_mutation = str(uuid.uuid4())
    assert (
        two.a.push(
            {
                **two.a.op("households", two.a_house, "update", {"address": "东村2号"}),
                "mutation_id": a_mutation,
            }
        )[0]["status"]
        == "applied"
    )
    ops = [
        b.op("households", two.a_house, "update", {"address": "改掉"}),  # A's record
        b.op("households", unknown, "update", {"address": "改掉"}),  # no record at all
        b.op("residents", fields={"household_id": two.a_house, "name": "张三"}),  # under A's parent
        b.op("residents", fields={"household_id": unknown, "name": "张三"}),  # under no parent
        # a reference to A's grid and village (another township's place), and to unknown ones
        b.op(
            "households",
            fields={"village_id": town.village, "grid_id": town.grid, "number": "X", "address": "x"},
        ),
        b.op("households", fields={"village_id": unknown, "grid_id": unknown, "number": "Y", "address": "y"}),
        b.op(
            "households",
            two.a_house,
            fields={"village_id": two.b_village, "grid_id": two.b_grid, "number": "Z", "address": "z"},
        ),  # A's id taken for a new one
        {**b.op("households", two.b_house, "update", {"address": "北村2号"}), "mutation_id": a_mutation},
        b.op("households", two.b_house, "update", {"address": "北村3号"}),  # its own: applies
    ]
    results = b.push(*ops)
    status = [r["status"] for r in results]
    assert status == ["rejected"] * 8 + ["applied"], results
    reason = [r["reason"] for r in results]
    assert reason[0] == reason[1]  # A's record is as unknown as no record
    assert reason[2] == reason[3]
    assert reason[4].replace(town.village, "?").replace(town.grid, "?") == reason[5].replace(unknown, "?")
    assert "重新生成" in reason[6] and "重新生成" in reason[7]
    assert not any("东村" in r or "向城" in r for r in reason[:8])  # nothing of A is told
    with two.laptops.server.server.db.reading() as s:
        house = s.get(Record, two.a_house)
        assert house.data["address"] == "东村2号" and house.township_id == two.a_id
        assert not ids_of(s, two.b_id) & ids_of(s, two.a_id)
    # the replayed mutation's answer stays A's: A asking again gets its own result back
    again = two.a.push(
        {**two.a.op("households", two.a_house, "update", {"address": "东村2号"}), "mutation_id": a_mutation}
    )[0]
    assert again["status"] == "applied" and again.get("duplicate")


def test_a_file_is_read_only_through_its_own_townships_attachments(two, tmp_path):
    """A's laptop sends a photo; B's admin device, knowing the hash, names it in an attachment of its own:
    it can neither download the file nor receive A's attachment (the hash is held only in A)."""
    from tests.sync.test_file_scope import grid_b_file

    sha, content = grid_b_file(two.laptops, tmp_path)
    b = two.b
    visit = str(uuid.uuid4())
    results = b.push(
        b.op("visits", visit, fields={"household_id": two.b_house, "visited_at": "2026-12-01T10:00:00"}),
        b.op(
            "attachments",
            fields={
                "sha256": sha,
                "filename": "偷看.jpg",
                "size": len(content),
                "owner_kind": "visit",
                "owner_id": visit,
            },
        ),
    )
    assert [r["status"] for r in results] == ["applied"] * 2, results
    assert b.call("GET", f"/v1/blobs/{sha}/content").status_code == 403
    assert b.call("GET", f"/v1/blobs/{sha}").json()["size"] == 0  # as for a file not uploaded yet
    with two.laptops.server.server.db.reading() as s:
        theirs = set(s.scalars(select(Record.id).where(Record.blob == sha, Record.township_id == two.a_id)))
    assert theirs and not theirs & set(pulled(b)["changes"])


def test_a_townships_administrator_sees_and_changes_only_its_own_accounts(two):
    listed = two.b.call("GET", "/v1/admin/accounts").json()["accounts"]
    assert [a["username"] for a in listed] == ["badmin"]
    assert two.b.call("POST", "/v1/admin/accounts/grid1/disable").status_code == 404
    with two.laptops.server.server.db.reading() as s:
        assert not s.scalar(select(Account).where(Account.username == "grid1")).disabled


def test_places_resolve_within_the_accounts_own_township(two):
    with two.laptops.server.server.db.writing() as s, pytest.raises(server_accounts.AdminError, match="东村"):
        server_accounts.add_account(s, "bgrid", PASSWORD, "village", ["东村"], township="马厂湖镇")
    with two.laptops.server.server.db.writing() as s:
        made = server_accounts.add_account(s, "bgrid", PASSWORD, "village", ["北村"], township=B_CODE)
        assert made.scope_ids == [two.b_village] and made.township_id == two.b_id


def test_township_commands_check_what_they_are_given(server):
    now = datetime.now()
    with server.server.db.writing() as s:
        townships.add(s, "向城镇", "371324105000", "向城", now=now)
        for name, code, short, said in [
            ("", "371324105001", "", "名称"),
            ("马厂湖镇", "3713241060", "", "12 位"),
            ("马厂湖镇", "37132410600a", "", "12 位"),
            ("马厂湖镇", "371324105000", "", "另一个乡镇"),
            ("向城镇", "371324105009", "", "已有名为"),
            ("镇" * 51, "371324105009", "", "最多 50"),
            ("马厂湖镇", "371324106000", "简" * 21, "最多 20"),
        ]:
            with pytest.raises(server_accounts.AdminError, match=said):
                townships.add(s, name, code, short, now=now)
        townships.add(s, "马厂湖镇", "371324106000", now=now)
    with server.server.db.writing() as s, pytest.raises(server_accounts.AdminError, match="请指明其一"):
        server_accounts.add_account(s, "who", PASSWORD, "township", [])
    with server.server.db.writing() as s, pytest.raises(server_accounts.AdminError, match="没有名为“东镇”"):
        server_accounts.add_account(s, "who", PASSWORD, "township", [], township="东镇")
    with server.server.db.reading() as s:
        assert s.scalar(select(Account).where(Account.username == "who")) is None
        assert len(s.scalars(select(Township)).all()) == 2


def test_township_commands_on_the_command_line_are_audited(tmp_path, capsys):
    from sync.server import cli

    base = ["--data-dir", str(tmp_path)]
    assert (
        cli.main([*base, "township", "add", "向城镇", "--code", "371324105000", "--short-name", "向城"]) == 0
    )
    assert cli.main([*base, "township", "add", "马厂湖镇", "--code", "371324105000"]) == 2
    assert "已属于另一个乡镇" in capsys.readouterr().err
    assert cli.main([*base, "township", "add", "马厂湖镇", "--code", "371324106000"]) == 0
    assert cli.main([*base, "account", "add", "li", "--password", PASSWORD, "--scope", "township"]) == 2
    assert "马厂湖镇" in capsys.readouterr().err  # the choices are named
    args = ["account", "add", "li", "--password", PASSWORD, "--scope", "township", "--township", "向城"]
    assert cli.main([*base, *args]) == 0
    assert cli.main([*base, "township", "rename", "马厂湖镇", "马厂湖"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "township", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split("\t")[:4] == ["向城镇", "向城", "371324105000", "1"]
    assert lines[2].split("\t")[:4] == ["马厂湖", "", "371324106000", "0"]
    from sync.server.app import open_server

    server = open_server(f"sqlite:///{tmp_path / 'server.db'}", tmp_path)
    try:
        with server.db.reading() as s:
            actions = [(e.action, e.target) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    finally:
        server.db.close()
    assert ("township.add", "向城镇") in actions and ("township.change", "马厂湖镇") in actions


def test_a_new_account_record_may_not_take_another_townships_username(two):
    fields = {
        "display_name": "冒名",
        "roles": "admin",
        "scope_kind": "township",
        "scope_ids": [],
        "org_id": None,
    }
    taken, free = two.b.push(
        two.b.op("accounts", fields={**fields, "username": "grid1"}),  # A's grid worker
        two.b.op("accounts", fields={**fields, "username": "bnew"}),
    )
    assert taken["status"] == "rejected" and "已被使用" in taken["reason"] and "不一致" not in taken["reason"]
    assert free["status"] == "applied", free
    with two.laptops.server.server.db.reading() as s:
        grid1 = s.scalar(select(Account).where(Account.username == "grid1"))
        assert grid1.township_id == two.a_id and grid1.scope_kind == "grid"
        adopted = s.scalar(select(Account).where(Account.username == "bnew"))
        assert adopted.township_id == two.b_id  # adopted into the pushing device's township
