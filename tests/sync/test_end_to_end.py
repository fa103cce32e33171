"""Two or more laptops and a real township server (uvicorn on 127.0.0.1), on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.services import residents, syncing
from desktop.services.residents import HouseholdInput
from desktop.store.models import Conflict, Household, OutboxEntry, Person
from sync.core.domain.residents import PersonFields
from sync.server import accounts as server_accounts
from sync.transport import AuthFailed


def household_in(ws, number):
    with ws.read() as s:
        return s.scalar(select(Household).where(Household.number == number))


def add_household(ws, town, number, address, grid="grid"):
    village = town.village if grid == "grid" else town.village2
    return residents.save_household(ws, HouseholdInput(village, number, address, getattr(town, grid))).id


def edit_household(ws, town, household_id, **changes):
    with ws.read() as s:
        h = s.get(Household, household_id)
        data = HouseholdInput(
            h.village_id, h.number, h.address, h.grid_id, h.phone or "", list(h.tags), h.note
        )
    for key, value in changes.items():
        setattr(data, key, value)
    residents.save_household(ws, data, household_id)


def conflicts(ws):
    with ws.read() as s:
        return list(s.scalars(select(Conflict)))


def test_a_household_travels_both_ways(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0001", "东村1号")
    syncing.sync_now(a)
    report = syncing.sync_now(b)
    assert report.pulled >= 1 and household_in(b, "0001").address == "东村1号"

    edit_household(b, town, h, address="东村1号（新门牌）")
    residents.save_person(b, h, PersonFields("张三", mobile="13800138000"))
    assert syncing.status(b).pending == 2
    syncing.sync_now(b)
    assert syncing.status(b).pending == 0
    syncing.sync_now(a)
    assert household_in(a, "0001").address == "东村1号（新门牌）"
    with a.read() as s:
        assert s.scalar(select(Person).where(Person.name == "张三")).household_id == h


def test_the_same_field_edited_on_two_laptops_gives_one_conflict_with_both_values(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0002", "东村2号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    edit_household(a, town, h, address="A 写的地址")
    edit_household(b, town, h, address="B 写的地址")
    syncing.sync_now(a)
    report = syncing.sync_now(b)
    assert report.conflicts == 1
    syncing.sync_now(a)
    for ws in (a, b):
        (conflict,) = conflicts(ws)
        assert (conflict.field, conflict.server_value, conflict.local_value) == (
            "address",
            "A 写的地址",
            "B 写的地址",
        )
        assert conflict.base_value == "东村2号"
        assert household_in(ws, "0002").address == "A 写的地址"  # the server keeps its value provisionally

    (row,) = syncing.open_conflicts(b)
    assert row.record_label == "0002" and row.local_author == "王网格"
    syncing.resolve_conflict(b, row.id, "local")
    syncing.sync_now(b)
    syncing.sync_now(a)
    for ws in (a, b):
        assert household_in(ws, "0002").address == "B 写的地址"
        assert syncing.open_conflicts(ws) == []


def test_different_fields_merge_cleanly(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0003", "东村3号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    edit_household(a, town, h, phone="13900139000")
    edit_household(b, town, h, note="独居老人")
    syncing.sync_now(a)
    syncing.sync_now(b)
    syncing.sync_now(a)
    for ws in (a, b):
        got = household_in(ws, "0003")
        assert (got.phone, got.note, got.address) == ("13900139000", "独居老人", "东村3号")
        assert conflicts(ws) == []


def test_an_edit_racing_a_delete_is_a_conflict(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0004", "东村4号")
    p = residents.save_person(a, h, PersonFields("李四")).id
    syncing.sync_now(a)
    syncing.sync_now(b)
    residents.remove_person(a, p, "迁出")
    residents.save_person(b, h, PersonFields("李四", mobile="13700137000"), person_id=p)
    syncing.sync_now(a)
    report = syncing.sync_now(b)
    assert report.conflicts == 1
    (conflict,) = conflicts(b)
    assert conflict.field == "deleted" and conflict.local_value == {"mobile": "13700137000"}
    with b.read() as s:
        assert s.get(Person, p).deleted  # the delete stands until someone decides

    syncing.resolve_conflict(b, conflict.id, "local")
    syncing.sync_now(b)
    syncing.sync_now(a)
    with a.read() as s:
        person = s.get(Person, p)
        assert not person.deleted and person.mobile == "13700137000"


def test_scope_isolation_a_grid_worker_neither_pulls_nor_pushes_another_grid(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    add_household(a, town, "0101", "东村101号", "grid")
    add_household(a, town, "0201", "西村201号", "grid2")
    syncing.sync_now(a)
    syncing.sync_now(b)
    assert household_in(b, "0101") is not None
    assert household_in(b, "0201") is None

    # A laptop that writes into another grid anyway (a tampered or buggy client) is refused by the server.
    with b.db.writing(actor_id=b.actor.account_id, device_id=b.device_id) as s:
        s.add(Household(village_id=town.village2, grid_id=town.grid2, number="0299", address="越界", tags=[]))
    report = syncing.sync_now(b)
    assert report.rejected == 1
    (rejected,) = syncing.rejected_edits(b)
    assert "管辖范围" in rejected.reason and rejected.record_label == "0299"
    syncing.sync_now(a)
    assert household_in(a, "0299") is None


def test_a_household_moved_to_another_grid_leaves_the_old_grid_laptop(laptops, tmp_path):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0005", "东村5号")
    residents.save_person(a, h, PersonFields("王五"))
    syncing.sync_now(a)
    syncing.sync_now(b)
    c = laptops.join(tmp_path / "c" / "fengqiao.db", "grid2")
    edit_household(a, town, h, village_id=town.village2, grid_id=town.grid2)
    syncing.sync_now(a)
    report = syncing.sync_now(b)
    assert report.removed == 2  # the household and its resident
    assert household_in(b, "0005") is None
    with b.read() as s:
        assert s.scalar(select(Person).where(Person.name == "王五")) is None
    syncing.sync_now(c)
    assert household_in(c, "0005") is not None


def test_a_revoked_device_is_refused(laptops):
    b = laptops.b
    with laptops.server.server.db.writing() as s:
        server_accounts.revoke(s, b.device_id, b.now())
    with pytest.raises(AuthFailed, match="停用"):
        syncing.sync_now(b)
    assert "停用" in syncing.status(b).last_error


def test_registration_needs_the_right_password(laptops, tmp_path):
    with pytest.raises(AuthFailed, match="账号或密码不对"):
        syncing.join_township(tmp_path / "d" / "x.db", laptops.server.url, "grid2", "wrong password")


def test_pushing_twice_changes_nothing(laptops):
    town, a = laptops.town, laptops.a
    add_household(a, town, "0006", "东村6号")
    with a.read() as s:
        ops = syncing.client_for(a.db).local.pending_ops(1000)
    syncing.sync_now(a)
    client = syncing.client_for(a.db)
    from sync.core import protocol as p

    again = p.PushResponse.model_validate(
        client.transport.call("POST", "/v1/push", body=p.PushRequest(ops=ops).model_dump(mode="json"))
    )
    assert {r.duplicate for r in again.results} == {True}
    assert {r.status for r in again.results} == {"applied"}
    with a.read() as s:
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.state == "pending")) is None


def test_server_restore_leads_to_a_reset_with_nothing_lost(laptops, tmp_path):
    from sync.server import backup

    KEY = backup.backup_key(tmp_path / "server-data")  # noqa: N806
    town, a, b, running = laptops.town, laptops.a, laptops.b, laptops.server
    add_household(a, town, "0007", "东村7号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    backup.backup(running.server.db, running.server.blobs, tmp_path / "backup.zip", KEY)
    # Work that reaches the server after the backup, and is lost with it.
    h8 = add_household(b, town, "0008", "东村8号")
    edit_household(a, town, household_in(a, "0007").id, note="备份之后的备注")
    syncing.sync_now(b)
    syncing.sync_now(a)
    backup.restore(running.server.db, running.server.blobs, tmp_path / "backup.zip", KEY)

    report_a = syncing.sync_now(a)
    report_b = syncing.sync_now(b)
    syncing.sync_now(a)
    assert report_a.reset and report_b.reset
    for ws in (a, b):
        assert household_in(ws, "0007").note == "备份之后的备注"
        assert household_in(ws, "0008").id == h8
        assert conflicts(ws) == []
