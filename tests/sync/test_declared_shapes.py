"""A record whose content breaks its declared shape (a hash that is a path, a serial with `../`) is refused by
the township server alone, with the field named; one already stored before the declaration said so is skipped
by the laptop that pulls it, which goes on syncing. Against a real server, SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from desktop.services import attachments, syncing
from sync.server.models import Record

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
