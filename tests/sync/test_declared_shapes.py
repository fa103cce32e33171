"""A record whose content breaks its declared shape (a hash that is a path, a serial with `../`) is refused by
the township server alone, with the field named; one already stored before the declaration said so is skipped
by the laptop that pulls it, which goes on syncing. Against a real server, SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
import requests

from desktop.services import attachments, syncing
from sync.server.models import Record
from tests.conftest import PASSWORD

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, reported_in_grid
from .test_end_to_end import household_in

GOOD_HASH = "0123456789abcdef" * 4


@pytest.fixture
def grid_device(laptops):
    return RawDevice(laptops.server.url, "grid1")


def a_household(town, number: str) -> dict:
    return {"village_id": town.village, "grid_id": town.grid, "number": number, "address": "东村"}


@pytest.mark.parametrize(
    ("table", "fields", "field"),
    [
        ("attachments", {"sha256": "z" * 64, "filename": "a.pdf"}, "sha256"),
        ("attachments", {"sha256": "../../fengqiao.db".ljust(64, "a"), "filename": "a.pdf"}, "sha256"),
        ("attachments", {"sha256": GOOD_HASH, "filename": "../../a.pdf"}, "filename"),
    ],
)
def test_an_attachment_of_the_wrong_shape_is_refused_alone(laptops, grid_device, table, fields, field):
    household = str(uuid.uuid4())
    results = grid_device.push(
        grid_device.op("households", household, fields=a_household(laptops.town, "S1")),
        grid_device.op(table, fields={**fields, "owner_kind": "visit", "owner_id": household}),
    )
    assert results[0]["status"] == "applied"
    assert results[1]["status"] == "rejected" and results[1]["reason"].startswith(field), results[1]
    everyone_keeps_syncing(laptops)
    assert household_in(laptops.a, "S1") is not None


def test_a_serial_with_dot_dots_is_refused_alone(laptops, grid_device):
    results = grid_device.push(
        grid_device.op(
            "matters",
            fields={"serial": "../../evil", "title": "邻里纠纷", "village_id": laptops.town.village},
        ),
    )
    assert results[0]["status"] == "rejected" and "serial" in results[0]["reason"], results
    everyone_keeps_syncing(laptops)


def test_a_bad_hash_stored_before_the_rule_is_skipped_and_sync_goes_on(laptops, tmp_path):
    """An attachment on the server whose hash is a path (stored by an earlier version): the laptop that pulls
    it marks it as one it cannot use, keeps syncing, and never makes a path of it."""
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG scan" * 100)
    matter = reported_in_grid(laptops)
    changed = attachments.add_attachment(laptops.a, "matter", matter, scan)
    syncing.sync_now(laptops.a)
    evil = "../../fengqiao.db".ljust(64, "a")
    with laptops.server.server.db.writing() as s:
        row = s.get(Record, changed.id)
        row.data = {**row.data, "sha256": evil}

    report = syncing.sync_now(laptops.b)  # the grid's laptop pulls the matter and the bad attachment
    assert report.rejected == 0 and report.skipped >= 1
    assert syncing.status(laptops.b).unstorable >= 1
    assert syncing.sync_now(laptops.b).rejected == 0  # and the next sync goes on as well
    assert not (laptops.b.db.path.parent / "attachments" / evil[:2]).exists()


# ------------------------------------------------------------- what a stolen laptop tried next (review)


def a_new_matter(town, **extra) -> dict:
    return {
        "serial": f"东村-2026-{uuid.uuid4().hex[:5]}",
        "source": "网格排查",
        "title": "邻里纠纷",
        "status": "reported",
        "reported_at": "2026-11-23T10:00:00",
        "village_id": town.village,
        "grid_id": town.grid,
        **extra,
    }


def test_a_new_matter_without_a_level_takes_the_default_and_a_bogus_one_is_refused(laptops, grid_device):
    results = grid_device.push(
        grid_device.op("matters", fields=a_new_matter(laptops.town)),
        grid_device.op("matters", fields=a_new_matter(laptops.town, level="bogus")),
    )
    assert results[0]["status"] == "applied", results[0].get("reason")
    assert results[1]["status"] == "rejected" and "层级" in results[1]["reason"]
    everyone_keeps_syncing(laptops)


@pytest.mark.parametrize("n", ["zzz", None, [1], True, -1])
def test_a_history_entry_out_of_order_is_refused_and_every_history_still_reads(laptops, grid_device, n):
    """An event whose place in the history is not a whole number used to make the matter, and the month's
    figures, unreadable on every laptop in its scope (and the device's next step a 500)."""
    matter = reported_in_grid(laptops)
    results = grid_device.push(
        grid_device.op(
            "events",
            fields={
                "matter_id": matter,
                "action": "session_held",
                "actor_id": laptops.b.actor.account_id,
                "at": "2026-11-24T10:00:00",
                "data": {"n": n},
            },
        )
    )
    assert results[0]["status"] == "rejected" and "序号" in results[0]["reason"], results
    everyone_keeps_syncing(laptops)


def test_a_history_with_a_bad_entry_stored_before_still_reads():
    from sync.core.domain.lifecycle import place_in_history

    entries = [{"n": "zzz"}, {"n": 2}, None, [1], {"n": True}, {"n": 1}]
    assert sorted(entries, key=place_in_history)[-2:] == [{"n": 1}, {"n": 2}]


@pytest.mark.parametrize("name", ["\ud800", "a\x00b", "k" * 5000, "Title", "../x"])
def test_a_field_name_that_is_not_one_is_a_422_not_a_500(laptops, grid_device, name):
    op = grid_device.op("households", fields={**a_household(laptops.town, "S9"), name: 1})
    answer = grid_device.call("POST", "/v1/push", json={"ops": [op], "protocol": 3})
    assert answer.status_code == 422, answer.text
    assert "fields" in answer.text and len(answer.text) < 5000  # the field named, nothing echoed at length
    everyone_keeps_syncing(laptops)


def test_a_device_name_that_would_drive_a_terminal_is_refused(laptops):
    answer = requests.post(
        laptops.server.url + "/v1/register",
        timeout=30,
        json={
            "username": "grid1",
            "password": PASSWORD,
            "device_id": str(uuid.uuid4()),
            "device_name": "\x1b[2J\x1b]0;pwned\x07FAKE\tadmin",
        },
    )
    assert answer.status_code == 422 and "device_name" in answer.text
