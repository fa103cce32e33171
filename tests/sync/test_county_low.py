"""The security review's low leftovers of issue 29 (one server, many townships), on SQLite and PostgreSQL with
a real server process: no answer tells a township's device that an id, a name, a device or a file exists in
another township — an insert with another township's id, a replayed mutation id, a username, a device revoke,
a file's size are each answered exactly as for a thing of no township at all (or one of its own township out
of its reach)."""

from __future__ import annotations

import hashlib
import os
import uuid

import pytest
from sqlalchemy import select

from sync.server.models import Account, Device
from tests.conftest import PASSWORD

from .servers import RawDevice
from .test_townships import Two

VISITED = "2026-12-01T10:00:00"


@pytest.fixture
def two(laptops):
    return Two(laptops)


def household(device: RawDevice, village: str, grid: str, record_id: str | None = None, number="X") -> dict:
    fields = {"village_id": village, "grid_id": grid, "number": number, "address": "x"}
    return device.op("households", record_id, fields=fields)


def without(text: str, *ids: str) -> str:
    for i in ids:
        text = text.replace(i, "?")
    return text


# ------------------------------------------------------------------------------------------ ids


def test_an_insert_with_an_id_held_out_of_reach_gets_one_answer_wherever_it_is_held(two):
    """Grid 1 of A inserts with B's household id, with its own township's household of another village
    (grid 2's, out of its reach) and with those ids as another type: one refusal for all four, which names
    neither the township, nor the type, nor the scope; a fresh id applies."""
    town, a = two.town, two.a
    west = str(uuid.uuid4())
    grid2 = RawDevice(two.url, "grid2")
    assert grid2.push(household(grid2, town.village2, town.grid2, west, "W1"))[0]["status"] == "applied"
    visit = {"household_id": two.a_house, "visited_at": VISITED}
    ops = [
        household(a, town.village, town.grid, two.b_house),  # B's id, same type
        household(a, town.village, town.grid, west),  # its township's, out of its reach, same type
        a.op("visits", two.b_house, fields=visit),  # B's id as another type
        a.op("visits", west, fields=visit),  # its township's, out of its reach, as another type
        household(a, town.village, town.grid),  # a fresh id
    ]
    results = a.push(*ops)
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"], results
    reasons = {without(r["reason"], two.b_house, west) for r in results[:4]}
    assert len(reasons) == 1, reasons
    (reason,) = reasons
    assert "重新生成" in reason
    assert not any(word in reason for word in ("households", "另一类", "马厂湖", "北村", "西村", "不能修改"))
    with two.laptops.server.server.db.reading() as s:
        from sync.server.models import Record

        assert s.get(Record, two.b_house).township_id == two.b_id
        assert s.get(Record, west).data["number"] == "W1"


def test_a_replayed_mutation_id_of_another_township_is_answered_as_one_of_its_own(two):
    """(Read in the code: the answer was already the same; kept as the probe.) A's grid 1 replays a mutation
    id B's admin used and one its own township's grid 2 used: the same refusal, nothing of either op."""
    town = two.town
    grid2 = RawDevice(two.url, "grid2")
    b_mutation, a_mutation = str(uuid.uuid4()), str(uuid.uuid4())
    b_op = {
        **two.b.op("households", two.b_house, "update", {"address": "北村5号"}),
        "mutation_id": b_mutation,
    }
    assert two.b.push(b_op)[0]["status"] == "applied"
    mine = {**household(grid2, town.village2, town.grid2), "mutation_id": a_mutation}
    assert grid2.push(mine)[0]["status"] == "applied"
    replayed = two.a.push(
        {**household(two.a, town.village, town.grid), "mutation_id": b_mutation},
        {**household(two.a, town.village, town.grid), "mutation_id": a_mutation},
    )
    assert [r["status"] for r in replayed] == ["rejected", "rejected"]
    assert replayed[0]["reason"] == replayed[1]["reason"] and "北村" not in replayed[0]["reason"]
    assert not any(r.get("server_seq") or r.get("duplicate") for r in replayed)


# ------------------------------------------------------------------------------------------ usernames


def test_a_username_taken_in_another_township_is_said_taken_as_any_other(two):
    """B's admin makes accounts through the admin API: a name A holds and a name B itself holds get the same
    words (taken, by nobody named); a synced account record with A's name gets them too."""
    new = {"password": PASSWORD, "scope_kind": "township", "places": []}
    answers = {
        name: two.b.call("POST", "/v1/admin/accounts", json={**new, "username": name})
        for name in ("grid1", "badmin")
    }
    assert [a.status_code for a in answers.values()] == [422, 422], [a.text for a in answers.values()]
    details = {without(a.json()["detail"], name) for name, a in answers.items()}
    assert len(details) == 1, details
    (detail,) = details
    assert "已被使用" in detail and not any(w in detail for w in ("乡镇", "向城", "马厂湖"))
    synced = two.b.push(
        two.b.op("accounts", fields={"username": "grid1", "display_name": "冒名", "roles": "grid_worker"})
    )
    assert synced[0]["status"] == "rejected" and without(synced[0]["reason"], "grid1") == detail
    made = two.b.call("POST", "/v1/admin/accounts", json={**new, "username": "bnew"})
    assert made.status_code == 200, made.text


# ------------------------------------------------------------------------------------------ devices


def test_revoking_another_townships_device_is_answered_as_an_unknown_device(two):
    with two.laptops.server.server.db.reading() as s:
        grid1 = s.scalar(select(Account.id).where(Account.username == "grid1"))
        theirs = s.scalars(select(Device.id).where(Device.account_id == grid1)).first()
    unknown = str(uuid.uuid4())
    answers = [two.b.call("POST", f"/v1/admin/devices/{d}/revoke") for d in (theirs, unknown)]
    assert [a.status_code for a in answers] == [404, 404], [a.text for a in answers]
    assert without(answers[0].json()["detail"], theirs) == without(answers[1].json()["detail"], unknown)
    with two.laptops.server.server.db.reading() as s:
        assert s.get(Device, theirs).revoked_at is None
    # and A's device still syncs
    assert two.a.call("GET", "/v1/pull", params={"cursor": 0, "limit": 1}).status_code == 200


# ------------------------------------------------------------------------------------------ files


def name_in_b(two, sha: str, size: int) -> None:
    b, visit = two.b, str(uuid.uuid4())
    attachment = {"sha256": sha, "filename": "x.jpg", "size": size, "owner_kind": "visit", "owner_id": visit}
    results = b.push(
        b.op("visits", visit, fields={"household_id": two.b_house, "visited_at": VISITED}),
        b.op("attachments", fields=attachment),
    )
    assert [r["status"] for r in results] == ["applied"] * 2, results


def test_a_file_only_another_township_holds_is_to_a_device_a_file_not_uploaded_yet(two, tmp_path):
    """A's laptop uploads a photo; B's admin names its hash in B's own attachment, and a hash nobody sent in
    another: both are answered alike (the size B claims, nothing received), never A's file's size. B then
    sends the whole bytes, checked against the hash, and only then reads the file."""
    from tests.sync.test_file_scope import grid_b_file

    sha, content = grid_b_file(two.laptops, tmp_path)
    nobody = hashlib.sha256(os.urandom(64)).hexdigest()
    name_in_b(two, sha, 1)
    name_in_b(two, nobody, 1)
    b = two.b
    for asked in ({}, {"size": 1}, {"size": 7}):
        answers = [b.call("GET", f"/v1/blobs/{h}", params=asked) for h in (sha, nobody)]
        assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
        theirs, none = (dict(a.json(), sha256="?") for a in answers)
        assert theirs == none and theirs["size"] != len(content), (asked, theirs)
        # a chunk too big for the size it claimed is refused in the same words
        if asked:
            put = [b.call("PUT", f"/v1/blobs/{h}", data=b"x" * 8) for h in (sha, nobody)]
            assert [p.status_code for p in put] == [409, 409]
            assert put[0].json() == put[1].json()
    assert b.call("GET", f"/v1/blobs/{sha}/content").status_code == 403
    # B sends the bytes it has: the whole, checked against the hash, makes it the file's holder in B
    started = b.call("GET", f"/v1/blobs/{sha}", params={"size": len(content)}).json()
    assert started == {"sha256": sha, "size": len(content), "received": 0, "complete": False}
    sent = b.call("PUT", f"/v1/blobs/{sha}", params={"offset": 0}, data=content)
    assert sent.status_code == 200 and sent.json()["complete"], sent.text
    assert b.call("GET", f"/v1/blobs/{sha}/content", params={"length": len(content)}).content == content
    # A's laptop still reads its own file
    a_admin = RawDevice(two.url, "admin")
    got = a_admin.call("GET", f"/v1/blobs/{sha}/content", params={"length": len(content)})
    assert got.status_code == 200 and got.content == content
