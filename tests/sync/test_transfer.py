"""Protocol 2 on the wire (SQLite and PostgreSQL): a pusher is not sent its own edits back, yet keeps the
server's numbers for them and still gets what others changed in the same records; pages name only the field
numbers that differ from the record's; a protocol-1 laptop still gets whole pages. Protocol 3: a push is
answered with runs of plainly applied ops and only the exceptions in full."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import syncing
from desktop.store.models import Conflict, Household

from .test_end_to_end import add_household, edit_household, household_in


def _row(ws, household_id):
    with ws.read() as s:
        return s.get(Household, household_id)


def _server_record(laptops, household_id) -> dict:
    client = syncing.client_for(laptops.a.db, None)
    page = client.transport.call(
        "GET", "/v1/pull", params={"cursor": 0, "limit": 1000, "table": "households"}
    )
    return next(c for c in page["changes"] if c["id"] == household_id)


def test_a_pusher_gets_no_echo_and_keeps_the_servers_numbers(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    syncing.sync_now(a)
    syncing.sync_now(b)
    h = add_household(b, town, "0701", "东村7号")
    report = syncing.sync_now(b)
    assert report.pushed == 1 and report.pulled == 0  # its own household did not come back
    assert report.round_trips == 2  # push (with the handshake), pull (its last page brings the counts)
    assert syncing.sync_now(a).round_trips == 1  # one page, with the handshake and the counts
    server = _server_record(laptops, h)
    mine = _row(b, h)
    assert (
        mine.server_seq == server["server_seq"]
        and mine.field_seq["address"] == server["field_seq"]["address"]
    )
    # Edited again, the base it sends is the server's number: no conflict with itself or anyone.
    edit_household(b, town, h, address="东村7号之一")
    assert syncing.sync_now(b).conflicts == 0
    syncing.sync_now(a)
    assert household_in(a, "0701").address == "东村7号之一"
    assert syncing.status(b).pending == 0


def test_a_change_by_others_just_before_mine_still_arrives(laptops):
    """The record's newest version is the pusher's own, but another laptop changed another field of it first:
    that field comes to the pusher (the echo is skipped only when the pusher has seen everything else)."""
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0702", "东村8号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    edit_household(a, town, h, phone="13800000001")
    syncing.sync_now(a)
    edit_household(b, town, h, note="走访：家中有老人独居")  # b has not pulled a's phone yet
    report = syncing.sync_now(b)
    assert report.conflicts == 0
    row = _row(b, h)
    assert (row.phone, row.note) == ("13800000001", "走访：家中有老人独居")
    syncing.sync_now(a)
    assert _row(a, h).note == "走访：家中有老人独居"
    with b.read() as s:
        assert s.scalars(select(Conflict)).all() == []


def test_a_conflict_reaches_the_pusher_and_pages_are_slim(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    h = add_household(a, town, "0703", "东村9号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    edit_household(a, town, h, address="东村9号（甲）")
    edit_household(b, town, h, address="东村9号（乙）")
    syncing.sync_now(a)
    assert syncing.sync_now(b).conflicts == 1
    with b.read() as s:
        (conflict,) = s.scalars(select(Conflict)).all()
    assert {conflict.server_value, conflict.local_value} == {"东村9号（甲）", "东村9号（乙）"}
    assert _row(b, h).address == "东村9号（甲）"  # the server's value, as before; the conflict offers both
    client = syncing.client_for(b.db, None)
    slim = client.transport.call(
        "GET", "/v1/pull", params={"cursor": 0, "protocol": 2, "table": "households"}
    )
    whole = client.transport.call("GET", "/v1/pull", params={"cursor": 0, "table": "households"})
    (record,) = [c for c in slim["changes"] if c["id"] == h]
    (full,) = [c for c in whole["changes"] if c["id"] == h]
    newest = record["server_seq"]
    assert record["field_seq"] == {f: seq for f, seq in full["field_seq"].items() if seq != newest}
    assert len(record["field_seq"]) < len(full["field_seq"]) and {"number", "village_id"} <= set(
        full["field_seq"]
    )


def test_a_protocol_1_laptop_still_gets_its_own_edits_back(laptops):
    town, b = laptops.town, laptops.b
    syncing.sync_now(b)
    h = add_household(b, town, "0704", "东村10号")
    syncing.sync_now(b)
    client = syncing.client_for(b.db, None)
    cursor = client.local.get_state("cursor")
    old = client.transport.call("GET", "/v1/pull", params={"cursor": cursor - 1})
    new = client.transport.call("GET", "/v1/pull", params={"cursor": cursor - 1, "protocol": 2})
    assert h in [c["id"] for c in old["changes"]] and h not in [c["id"] for c in new["changes"]]


def test_a_too_old_laptop_is_told_to_update_with_its_first_push_and_nothing_applies(laptops):
    town, b = laptops.town, laptops.b
    client = syncing.client_for(b.db, None)
    op = {
        "op_seq": 1,
        "mutation_id": "11111111-2222-3333-4444-555555555555",
        "table": "households",
        "record_id": "11111111-2222-3333-4444-666666666666",
        "op": "insert",
        "fields": {"village_id": town.village, "grid_id": town.grid, "number": "0799", "address": "旧版"},
    }
    hello = {"protocol": 0, "device_time": "2026-11-23T09:00:00"}
    answer = client.transport.call("POST", "/v1/push", body={"ops": [op], "hello": hello})
    assert answer["welcome"]["update_required"] and answer["results"] == []
    syncing.sync_now(laptops.a)
    assert household_in(laptops.a, "0799") is None


def _op(town, seq: int, number: str) -> dict:
    return {
        "op_seq": seq,
        "mutation_id": f"11111111-2222-3333-4444-{seq:012d}",
        "table": "households",
        "record_id": f"11111111-2222-3333-5555-{seq:012d}",
        "op": "insert",
        "fields": {"village_id": town.village, "grid_id": town.grid, "number": number, "address": "东村"},
    }


def test_a_protocol_3_push_is_answered_with_runs_and_only_the_exceptions(laptops):
    town, b = laptops.town, laptops.b
    client = syncing.client_for(b.db, None)
    ops = [_op(town, seq, f"08{seq:02d}") for seq in (3, 4, 5)]
    ops.insert(2, {**_op(town, 9, "0809"), "table": "no_such_table"})  # refused alone, with its reason
    answer = client.transport.call("POST", "/v1/push", body={"ops": ops, "protocol": 3})
    assert [r["op_seq"] for r in answer["results"]] == [9] and answer["results"][0]["status"] == "rejected"
    (first, second) = answer["applied"]  # the refused op splits the run
    assert (first[0], first[2], second[0], second[2]) == (3, 2, 5, 1) and second[1] > first[1]
    again = client.transport.call("POST", "/v1/push", body={"ops": ops[:1], "protocol": 3})
    assert again["applied"] == [] and again["results"][0]["duplicate"]  # sent twice: said in full
    old = client.transport.call("POST", "/v1/push", body={"ops": [_op(town, 20, "0820")]})
    assert old["applied"] == [] and old["results"][0]["status"] == "applied"  # an older laptop: every result


def test_compact_results_expand_to_the_same_results():
    from sync.core import protocol as p

    ops = [
        p.Op(op_seq=s, mutation_id=f"m{s}", table="households", record_id=f"r{s}", op="insert")
        for s in range(1, 7)
    ]
    results = [
        p.OpResult(op_seq=1, mutation_id="m1", status="applied", server_seq=10),
        p.OpResult(op_seq=2, mutation_id="m2", status="applied", server_seq=11),
        p.OpResult(op_seq=3, mutation_id="m3", status="conflict", server_seq=12, conflicts=["address"]),
        p.OpResult(op_seq=4, mutation_id="m4", status="applied", server_seq=13),
        p.OpResult(op_seq=5, mutation_id="m5", status="applied", server_seq=15),
        p.OpResult(op_seq=6, mutation_id="m6", status="rejected", reason="管辖范围"),
    ]
    applied, rest = p.compact_results(ops, results)
    assert applied == [(1, 10, 2), (4, 13, 1), (5, 15, 1)] and [r.op_seq for r in rest] == [3, 6]
    assert p.expand_results(ops, applied, rest) == results


def test_a_pull_reads_past_the_pushers_own_edits_in_one_request(laptops, monkeypatch):
    """A first push of many records: the pull after it does not walk the pusher's own edits page by page."""
    from sync import client as sync_client

    town, b = laptops.town, laptops.b
    syncing.sync_now(b)
    monkeypatch.setattr(sync_client, "PULL_PAGE", 5)
    for i in range(30):
        add_household(b, town, f"09{i:02d}", f"东村{i}号")
    report = syncing.sync_now(b)
    assert report.pushed == 30 and report.pulled == 0
    assert report.round_trips == 2  # one push, one pull (six pages' worth of its own edits read past at once)


def test_pull_pages_grow_while_they_come_quickly(laptops, monkeypatch):
    """On a fast link each page is twice the one before (fewer requests, fewer transactions on the laptop)."""
    from sync import client as sync_client

    town, a, b = laptops.town, laptops.a, laptops.b
    syncing.sync_now(a)
    syncing.sync_now(b)
    for i in range(70):
        add_household(b, town, f"08{i:02d}", f"西村{i}号")
    syncing.sync_now(b)
    monkeypatch.setattr(sync_client, "PULL_PAGE", 5)
    report = syncing.sync_now(a)
    assert report.pulled == 70
    assert report.round_trips == 4  # pages of 5, 10, 20 and 40 (at a fixed 5: 14)
    assert household_in(a, "0869").address == "西村69号"
    # On a slow link they shrink again: a drop then loses less.
    client = syncing.client_for(a.db, None)
    client.page_size = 2000
    client._pace(sync_client.SLOW_PAGE_SECONDS + 1)
    assert client.page_size == 1000
