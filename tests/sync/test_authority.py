"""The township server is the authority: each attack a buggy, outdated or stolen laptop could make, done
against a real server (uvicorn on 127.0.0.1, SQLite and PostgreSQL). Each is refused, the other devices keep
syncing, and nothing already stored changes."""

from __future__ import annotations

import gzip
import hashlib
import json
import uuid
import zipfile

import pytest
import requests
from sqlalchemy import select

from desktop.services import attachments, matters, residents, steps, syncing
from desktop.services.matters import MatterInput, PartyInput
from desktop.store.models import Event, Household, Matter, Person
from sync.client import SyncReport
from sync.core.domain.residents import PersonFields
from sync.server import accounts as server_accounts
from sync.server import backup
from sync.server.app import open_server
from sync.server.models import Record
from sync.server.thread import ServerThread
from tests.conftest import PASSWORD

from .conftest import add_server_account, only_township
from .servers import RawDevice
from .test_end_to_end import add_household, household_in


def stored(server) -> dict:
    with server.server.db.reading() as s:
        return {r.id: (r.table_name, r.data, r.deleted, r.server_seq) for r in s.scalars(select(Record))}


def everyone_keeps_syncing(laptops) -> None:
    for ws in (laptops.a, laptops.b):
        assert syncing.sync_now(ws).rejected == 0
    assert syncing.sync_now(laptops.a).repulled_tables == []


def record_on_server(server, record_id):
    with server.server.db.reading() as s:
        return s.get(Record, record_id)


def reasons(results) -> list[str]:
    assert all(r["status"] == "rejected" for r in results), results
    return [r["reason"] for r in results]


@pytest.fixture
def grid_device(laptops):
    return RawDevice(laptops.server.url, "grid1")


# ------------------------------------------------------------------------------------------ schema


def test_a_record_missing_a_required_field_is_refused_alone(laptops, grid_device):
    town = laptops.town
    h = str(uuid.uuid4())
    results = grid_device.push(
        grid_device.op("households", fields={"grid_id": town.grid, "number": "X1", "address": "无村"}),
        grid_device.op(
            "households", h, fields={"village_id": town.village, "grid_id": town.grid, "number": "X2"}
        ),
        grid_device.op("attachments", fields={"sha256": "a" * 64, "owner_kind": "visit", "owner_id": h}),
    )
    assert results[0]["status"] == "rejected" and "village_id" in results[0]["reason"]
    assert results[1]["status"] == "applied"  # the rest of the batch applies
    assert results[2]["status"] == "rejected" and "filename" in results[2]["reason"]
    everyone_keeps_syncing(laptops)
    assert household_in(laptops.a, "X2") is not None and household_in(laptops.a, "X1") is None


@pytest.mark.parametrize(
    "fields, word",
    [
        ({"tags": json.loads("[" * 300 + "]" * 300)}, "嵌套"),
        ({"note": "长" * 20_001}, "长度"),
        ({"grid_id": ["g1", "g2"]}, "grid_id"),
        ({"address": "\ud800"}, "无法保存"),
        ({"deleted": "yes"}, "deleted"),
        ({"number": 7}, "number"),
        ({"roles": "admin"}, "没有这个字段"),
    ],
    ids=["deep", "long", "list", "surrogate", "deleted", "number", "unknown"],
)
def test_malformed_values_are_refused_with_the_field_named(laptops, grid_device, fields, word):
    town = laptops.town
    before = stored(laptops.server)
    base = {"village_id": town.village, "grid_id": town.grid, "number": "M1", "address": "东村"}
    (reason,) = reasons(grid_device.push(grid_device.op("households", fields={**base, **fields})))
    assert word in reason
    assert stored(laptops.server) == before
    everyone_keeps_syncing(laptops)


def test_malformed_requests_are_422_never_500(laptops, grid_device):
    op = grid_device.op("households", fields={})
    assert grid_device.call("POST", "/v1/push", json={"ops": [{**op, "op_seq": 2**70}]}).status_code == 422
    assert grid_device.call("POST", "/v1/push", json={"ops": "nope"}).status_code == 422
    assert grid_device.call("GET", "/v1/pull", params={"cursor": 2**70}).status_code == 422
    assert grid_device.call("GET", "/v1/pull", params={"cursor": -1}).status_code == 422
    assert grid_device.call("GET", f"/v1/blobs/{'a' * 64}/content", params={"offset": -1}).status_code == 422
    assert grid_device.call("GET", "/v1/blobs/not-a-hash").status_code == 422
    too_many = [grid_device.op("households", fields={}) for _ in range(1001)]
    assert grid_device.call("POST", "/v1/push", json={"ops": too_many}).status_code == 413
    everyone_keeps_syncing(laptops)


# ------------------------------------------------------------------------------------------ limits


def test_bodies_are_capped_before_and_after_decompression(laptops):
    url = laptops.server.url
    bomb = gzip.compress(b"{" + b" " * (512 * 1024 * 1024) + b"}", compresslevel=9)
    assert len(bomb) < 1024 * 1024
    answer = requests.post(
        url + "/v1/register",
        data=bomb,
        timeout=60,
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert answer.status_code == 413 and "解压" in answer.json()["detail"]
    big = b'{"username": "' + b"x" * (9 * 1024 * 1024) + b'"}'
    answer = requests.post(
        url + "/v1/register", data=big, timeout=60, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 413
    everyone_keeps_syncing(laptops)


def test_wrong_passwords_from_one_address_are_throttled_with_one_message(laptops):
    url = laptops.server.url

    def attempt(password):
        return requests.post(
            url + "/v1/register",
            timeout=30,
            json={"username": "grid1", "password": password, "device_id": str(uuid.uuid4())},
        )

    answers = [attempt(f"guess {i}") for i in range(10)]
    assert {a.status_code for a in answers} == {401} and len({a.json()["detail"] for a in answers}) == 1
    assert attempt("guess 11").status_code == 429
    everyone_keeps_syncing(laptops)  # devices with tokens are not held up


# --------------------------------------------------------------------------------------- roles and authorship


def test_roles_come_from_the_server_and_the_author_from_the_token(laptops):
    town, server = laptops.town, laptops.server
    with server.server.db.writing() as s:
        server_accounts.add_account(s, "viewer", PASSWORD, "township", [], roles=["auditor"])
    viewer = RawDevice(server.url, "viewer")
    grid1 = town.accounts["grid1"]
    seen = record_on_server(server, grid1)
    (reason,) = reasons(
        viewer.push(
            viewer.op(
                "accounts",
                grid1,
                "update",
                {"roles": "admin,platform"},
                {"roles": seen.field_seq["roles"]},
                author=town.accounts["mediator"],
            )
        )
    )
    assert "无权" in reason
    assert record_on_server(server, grid1).data["roles"] == "grid_worker"
    # A grid worker's edit is recorded as the grid worker's, whatever its op claims.
    grid_device = RawDevice(server.url, "grid1")
    h = add_household(laptops.a, town, "0300", "东村300号")
    syncing.sync_now(laptops.a)
    seq = record_on_server(server, h).field_seq["address"]
    (result,) = grid_device.push(
        grid_device.op(
            "households", h, "update", {"address": "改"}, {"address": seq}, author=town.accounts["mediator"]
        )
    )
    assert result["status"] == "applied"
    assert record_on_server(server, h).updated_by == laptops.b.actor.account_id
    everyone_keeps_syncing(laptops)


def test_a_grid_worker_cannot_write_reference_data_or_make_conflicts(laptops, grid_device):
    results = grid_device.push(
        grid_device.op("config", fields={"key": "deadline_policy", "value": {"grades": []}}),
        grid_device.op("grids", fields={"village_id": laptops.town.village, "name": "私设网格"}),
        grid_device.op(
            "conflicts",
            fields={
                "table_name": "households",
                "record_id": str(uuid.uuid4()),
                "field": "address",
                "resolved": False,
            },
        ),
    )
    assert len(reasons(results)) == 3
    everyone_keeps_syncing(laptops)


# ------------------------------------------------------------------------------------------ the lifecycle


def reported_in_grid(laptops) -> str:
    town = laptops.town
    party = PartyInput("张三", "申请人", id_number="110105198001010016", phone="13800138000")
    m = matters.report(
        laptops.a,
        MatterInput(
            "邻里噪音",
            "网格排查",
            village_id=town.village,
            grid_id=town.grid,
            facts="夜间噪音",
            parties=[party],
        ),
    ).id
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    return m


def test_history_is_append_only_and_status_moves_only_by_a_step(laptops, grid_device):
    server, b, town = laptops.server, laptops.b, laptops.town
    m = reported_in_grid(laptops)
    with b.read() as s:
        (event,) = s.scalars(select(Event).where(Event.matter_id == m))
    before = stored(server)
    matter = record_on_server(server, m)
    results = grid_device.push(
        grid_device.op("events", event.id, "update", {"note": "改写"}, {"note": event.field_seq["note"]}),
        grid_device.op("events", event.id, "delete", {"deleted": True}, {"*": event.server_seq}),
        grid_device.op(
            "matters",
            m,
            "update",
            {"status": "closed"},
            {"status": matter.field_seq["status"]},
            base_values={"status": "reported"},
        ),
        grid_device.op(
            "events",
            fields={
                "matter_id": m,
                "action": "registered",
                "actor_id": town.accounts["platform"],
                "at": "2026-11-23T10:00:00",
                "data": {"grade": 1, "n": 2},
            },
        ),
    )
    r = reasons(results)
    assert "只能新增" in r[0] and "只能新增" in r[1] and "办理" in r[2] and "本账号" in r[3]
    assert stored(server) == before
    everyone_keeps_syncing(laptops)
    # The honest path still works: the platform registers, the grid worker's laptop receives it.
    steps.register(laptops.a, m, 1, category="邻里")
    everyone_keeps_syncing(laptops)
    with b.read() as s:
        assert s.get(Matter, m).status == "registered"


def test_a_step_the_rules_do_not_allow_is_refused_with_its_state_change(laptops, grid_device):
    """A grid worker forging a registration in its own name: the event is refused (not its role), and so is
    the status change that would need it."""
    m = reported_in_grid(laptops)
    matter = record_on_server(laptops.server, m)
    results = grid_device.push(
        grid_device.op(
            "events",
            fields={
                "matter_id": m,
                "action": "registered",
                "actor_id": laptops.b.actor.account_id,
                "at": "2026-11-23T10:00:00",
                "data": {"grade": 1, "n": 2},
            },
        ),
        grid_device.op(
            "matters",
            m,
            "update",
            {"status": "registered", "grade": 1},
            {"status": matter.field_seq["status"], "grade": 0},
            base_values={"status": "reported"},
        ),
    )
    r = reasons(results)
    assert "不能办理" in r[0] and "办理" in r[1]
    everyone_keeps_syncing(laptops)


# ------------------------------------------------------------------------------------------ scope and places


def test_a_household_in_another_village_or_grid_is_refused(laptops, grid_device):
    town = laptops.town
    results = grid_device.push(
        grid_device.op(
            "households", fields={"village_id": town.village2, "grid_id": town.grid, "number": "V2"}
        ),
        grid_device.op(
            "households", fields={"village_id": town.village2, "grid_id": town.grid2, "number": "G2"}
        ),
    )
    r = reasons(results)
    assert "不属于" in r[0] and "管辖范围" in r[1]
    everyone_keeps_syncing(laptops)
    assert household_in(laptops.a, "V2") is None


def test_a_whistleblower_matter_never_reaches_the_accused_units_devices(laptops, tmp_path):
    town, a, server = laptops.town, laptops.a, laptops.server
    party = PartyInput("李四", "申请人", id_number="110105198001010016", phone="13800138000")
    secret = matters.report(
        a,
        MatterInput(
            "反映调解队收费",
            "信访来信",
            village_id=town.village,
            grid_id=town.grid,
            whistleblower=True,
            accused_org_id=town.team,
            parties=[party],
        ),
    ).id
    open_one = matters.report(
        a, MatterInput("邻里噪音", "网格排查", village_id=town.village, grid_id=town.grid)
    ).id
    syncing.sync_now(a)
    add_server_account(server, "mediator", "township")
    mediator = laptops.join(tmp_path / "m" / "fengqiao.db", "mediator")  # a member of the accused team
    with mediator.read() as s:
        assert s.get(Matter, secret) is None and s.get(Matter, open_one) is not None
        assert not list(s.scalars(select(Event).where(Event.matter_id == secret)))
    assert (
        syncing.sync_now(mediator).repulled_tables == []
    )  # its counts agree: the server counts what it may see
    everyone_keeps_syncing(laptops)
    with laptops.b.read() as s:
        assert s.get(Matter, secret) is not None  # the grid worker of that grid sees it


# ------------------------------------------------------------------------------------------ privacy


def test_a_deleted_persons_data_is_cleared_everywhere(laptops, tmp_path):
    town, a, b, server = laptops.town, laptops.a, laptops.b, laptops.server
    h = add_household(a, town, "0400", "东村400号")
    person = residents.save_person(
        a, h, PersonFields("王五", id_number="110105198001010016", mobile="13800138000")
    ).id
    syncing.sync_now(a)
    syncing.sync_now(b)
    residents.remove_person(b, person, "迁出")
    syncing.sync_now(b)
    on_server = record_on_server(server, person)
    assert on_server.deleted and on_server.data["id_number"] is None and on_server.data["mobile"] is None
    assert on_server.data["name"] == ""
    syncing.sync_now(a)
    add_server_account(server, "grid1b", "grid", [town.grid])
    new = laptops.join(tmp_path / "n" / "fengqiao.db", "grid1b")
    for ws in (a, b, new):
        with ws.read() as s:
            row = s.get(Person, person)
            assert row.deleted and row.id_number is None and row.mobile is None and row.name == ""


# ------------------------------------------------------------------------------------------ files


def test_a_backup_cannot_write_outside_the_data_folder_or_be_changed(laptops, tmp_path):
    server = laptops.server
    key = backup.backup_key(tmp_path / "server-data")
    good = tmp_path / "good.zip"
    backup.backup(server.server.db, server.server.blobs, good, key)
    before = stored(server)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(good) as z, zipfile.ZipFile(evil, "w") as out:
        for name in z.namelist():
            out.writestr(name, z.read(name))
        out.writestr("blobs/../../../escaped", b"x")
    with pytest.raises(backup.BackupRefused, match="不该有的成员"):
        backup.restore(server.server.db, server.server.blobs, evil, key)
    assert not list(tmp_path.parent.parent.glob("**/escaped"))
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(good) as z, zipfile.ZipFile(changed, "w") as out:
        for name in z.namelist():
            content = z.read(name)
            out.writestr(name, content.replace(b"grid1", b"gridX") if name == "records.jsonl" else content)
    with pytest.raises(backup.BackupRefused, match="损坏或被改动"):
        backup.restore(server.server.db, server.server.blobs, changed, key)
    with pytest.raises(backup.BackupRefused, match="校验码"):
        backup.restore(server.server.db, server.server.blobs, good, b"another key, 32 bytes long......")
    assert stored(server) == before
    everyone_keeps_syncing(laptops)


def test_a_file_is_read_only_by_devices_that_see_it_and_a_wrong_size_does_not_block_it(laptops, tmp_path):
    a, server = laptops.a, laptops.server
    m = reported_in_grid(laptops)
    content = b"\x89PNG scan of the agreement" * 100
    photo = tmp_path / "scan.png"
    photo.write_bytes(content)
    sha = hashlib.sha256(content).hexdigest()
    other_grid = RawDevice(server.url, "grid2")
    liar = RawDevice(server.url, "grid1")
    attachments.add_attachment(a, "matter", m, photo)
    syncing.client_for(a.db).push(SyncReport())  # the record first; the file waits
    assert liar.call("GET", f"/v1/blobs/{sha}", params={"size": 3}).status_code == 200  # a wrong size, first
    assert other_grid.call("GET", f"/v1/blobs/{sha}", params={"size": len(content)}).status_code == 404
    assert syncing.sync_now(a).uploaded == 1  # the real upload goes through
    assert liar.call("GET", f"/v1/blobs/{sha}/content").content == content
    assert other_grid.call("GET", f"/v1/blobs/{sha}/content").status_code == 404
    assert liar.call("GET", f"/v1/blobs/{sha}", params={"size": 3}).json()["size"] == len(
        content
    )  # fixed now
    everyone_keeps_syncing(laptops)


# ------------------------------------------------------------------------------------------ registration


def test_a_server_without_accounts_waits_for_account_add(tmp_path):
    def first(url, username="admin", headers=None):
        return requests.post(
            url + "/v1/register",
            timeout=30,
            headers=headers or {},
            json={"username": username, "password": PASSWORD, "device_id": str(uuid.uuid4())},
        )

    standalone = ServerThread(open_server(f"sqlite:///{tmp_path / 's.db'}", tmp_path / "s"))
    embedded = ServerThread(
        open_server(f"sqlite:///{tmp_path / 'e.db'}", tmp_path / "e", first_account_from_loopback=True)
    )
    try:
        assert first(standalone.url).status_code == 401
        assert (
            first(embedded.url, headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 401
        )  # via a proxy
        assert first(embedded.url).status_code == 200  # its own machine, directly
        assert first(embedded.url, "someone").status_code == 401  # only the first
    finally:
        standalone.stop()
        embedded.stop()


# ------------------------------------------------------------------------------------------ spreadsheets


def test_exported_and_error_workbooks_write_formulas_as_text(township, tmp_path):
    from openpyxl import Workbook, load_workbook

    from desktop.services import ledger, roster
    from desktop.services.lists import MatterFilter

    t = township
    p = t.login("platform")
    matters.report(
        p,
        MatterInput(
            '=HYPERLINK("http://evil.example","点这里")',
            "网格排查",
            village_id=t.village,
            grid_id=t.grid,
            facts="+1-1 @SUM(A1)",
        ),
    )
    out = tmp_path / "ledger.xlsx"
    ledger.export_ledger(p, out, MatterFilter())
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith("=")]
    assert risky and all(c.data_type == "s" for c in risky)
    sheet = Workbook()
    sheet.active.append(roster.HEADERS)
    sheet.active.append(
        ["东村", "东村一网格", "=1+1", "东村1号", "张三", "户主", "男", "汉", "123", "1", "=1+1"]
    )
    for cell in sheet.active[2]:
        cell.data_type = "s"  # typed as text, as a township's clerk types it
    roster_file, errors = tmp_path / "roster.xlsx", tmp_path / "errors.xlsx"
    sheet.save(roster_file)
    roster.import_households(t.login("grid1"), roster_file, errors_path=errors)
    cells = [c for row in load_workbook(errors).active.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_laptop_skips_what_it_cannot_store_says_so_and_goes_on(laptops):
    """A record an older, trusting server once took (no village, tags that are not a list) reaches a laptop:
    it is skipped with its reason, the rest of the page applies."""
    town, server, b = laptops.town, laptops.server, laptops.b
    from sync.server.db import Sequencer

    bad = str(uuid.uuid4())
    with server.server.db.writing() as s:
        seq = Sequencer(s).next()
        data = {"grid_id": town.grid, "number": "BAD", "tags": "oops", "deleted": False}
        s.add(
            Record(
                township_id=only_township(s),
                id=bad,
                table_name="households",
                data=data,
                field_seq=dict.fromkeys(data, seq),
                field_device={},
                server_seq=seq,
                deleted=False,
                shared=False,
                village_id=town.village,
                grid_id=town.grid,
            )
        )
    good = add_household(laptops.a, town, "0500", "东村500号")
    syncing.sync_now(laptops.a)
    report = syncing.sync_now(b)
    assert report.skipped == 1
    assert syncing.status(b).unstorable == 1
    with b.read() as s:
        assert s.get(Household, bad) is None and s.get(Household, good) is not None
    assert syncing.sync_now(b).rejected == 0  # and it keeps syncing
