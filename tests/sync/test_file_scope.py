"""A file is readable by a device only through an attachment its sender wrote, or if the device sent the same
bytes itself (issue 26): a device of grid A that names grid B's file in its own attachment is refused the
download; grid B's devices and the township still get it. Against a real server, SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import uuid

import pytest
from sqlalchemy import select

from desktop.services import attachments, syncing, visits
from desktop.store.models import Attachment
from sync.server.models import BlobHolder
from tests.sync.test_authority import everyone_keeps_syncing
from tests.sync.test_end_to_end import add_household

from .servers import RawDevice


def grid_b_file(laptops, tmp_path) -> tuple[str, bytes]:
    """The township's laptop attaches a photo to a visit in grid 2 and uploads it."""
    a, town = laptops.a, laptops.town
    household = add_household(a, town, "B01", "西村1号", grid="grid2")
    visit = visits.log_visit(a, visits.VisitInput(household, "走访")).ids[0]
    photo = tmp_path / "西村现场.jpg"
    content = os.urandom(300_000)
    photo.write_bytes(content)
    attachments.add_attachment(a, "visit", visit, photo)
    assert syncing.sync_now(a).uploaded == 1
    return hashlib.sha256(content).hexdigest(), content


def name_it_in_grid_a(device: RawDevice, town, sha: str, size: int) -> str:
    """A hostile device of grid 1: its own household, visit and an attachment that names the hash."""
    household, visit = str(uuid.uuid4()), str(uuid.uuid4())
    results = device.push(
        device.op(
            "households",
            household,
            fields={"village_id": town.village, "grid_id": town.grid, "number": "A99", "address": "东村"},
        ),
        device.op("visits", visit, fields={"household_id": household, "visited_at": "2026-12-01T10:00:00"}),
        device.op(
            "attachments",
            fields={
                "sha256": sha,
                "filename": "偷看.jpg",
                "size": size,
                "owner_kind": "visit",
                "owner_id": visit,
            },
        ),
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    return visit


def test_naming_another_grids_file_does_not_open_it(laptops, tmp_path):
    sha, content = grid_b_file(laptops, tmp_path)
    thief = RawDevice(laptops.server.url, "grid1")
    name_it_in_grid_a(thief, laptops.town, sha, len(content))

    got = thief.call("GET", f"/v1/blobs/{sha}/content")
    assert got.status_code == 403 and "不是本设备上传的" in got.json()["detail"], got.text
    state = thief.call("GET", f"/v1/blobs/{sha}")  # as for a file not uploaded yet: nothing to fetch
    assert state.status_code == 200 and (state.json()["size"], state.json()["complete"]) == (0, False)
    # Asked as an upload, it is told to send the bytes: nothing of the file is said but its size.
    start = thief.call("GET", f"/v1/blobs/{sha}", params={"size": len(content)})
    assert start.status_code == 200 and start.json()["complete"] is False and start.json()["received"] == 0
    forged = thief.call("PUT", f"/v1/blobs/{sha}", params={"offset": 0}, data=os.urandom(len(content)))
    assert forged.status_code == 409 and "sha256 不符" in forged.json()["detail"]
    assert thief.call("GET", f"/v1/blobs/{sha}/content").status_code == 403
    # A colleague in grid 1 sees the thief's attachment, but no sender wrote it: refused as well.
    colleague = RawDevice(laptops.server.url, "grid1")
    assert colleague.call("GET", f"/v1/blobs/{sha}/content").status_code == 403
    # A file no attachment in scope names at all: 404, as before.
    assert colleague.call("GET", f"/v1/blobs/{'ab' * 32}/content").status_code == 404

    # The honest laptop of grid 1 pulls the hostile attachment, cannot fetch its file, and keeps syncing.
    syncing.sync_now(laptops.b)
    with laptops.b.read() as s:
        pulled = s.scalar(select(Attachment).where(Attachment.sha256 == sha))
        assert pulled is not None and pulled.present is False
    everyone_keeps_syncing(laptops)

    # Grid 2's own laptop and another township device still get the file.
    c = laptops.join(tmp_path / "c" / "fengqiao.db", "grid2")  # joining syncs, files included
    syncing.sync_now(c)
    with c.read() as s:
        assert s.scalar(select(Attachment).where(Attachment.sha256 == sha)).present is True
    assert attachments.stored_path(c, sha).read_bytes() == content
    township = RawDevice(laptops.server.url, "admin")
    whole = township.call("GET", f"/v1/blobs/{sha}/content", params={"length": len(content)})
    assert whole.status_code == 200 and whole.content == content


def test_a_device_that_sends_the_same_bytes_itself_reads_them(laptops, tmp_path):
    """The same photo attached in grid 1: its device sends the bytes again as proof, and from then on its
    attachment opens the file to grid 1."""
    sha, content = grid_b_file(laptops, tmp_path)
    owner = RawDevice(laptops.server.url, "grid1")
    name_it_in_grid_a(owner, laptops.town, sha, len(content))
    start = owner.call("GET", f"/v1/blobs/{sha}", params={"size": len(content)}).json()
    assert (start["received"], start["complete"]) == (0, False)
    half = len(content) // 2
    part = owner.call("PUT", f"/v1/blobs/{sha}", params={"offset": 0}, data=content[:half]).json()
    assert (part["received"], part["complete"]) == (half, False)
    done = owner.call("PUT", f"/v1/blobs/{sha}", params={"offset": half}, data=content[half:]).json()
    assert done["complete"] is True
    with laptops.server.server.db.reading() as s:
        held = set(s.scalars(select(BlobHolder.device_id).where(BlobHolder.sha256 == sha)))
    assert len(held) == 2
    assert owner.call("GET", f"/v1/blobs/{sha}/content").status_code == 200
    # Grid 1's laptop sees the proved attachment and now fetches the file.
    report = syncing.sync_now(laptops.b)
    assert report.downloaded == 1
    with laptops.b.read() as s:
        assert s.scalar(select(Attachment).where(Attachment.sha256 == sha)).present is True


def test_a_laptop_attaching_a_file_the_server_already_holds_sends_it_as_proof(laptops, tmp_path):
    """The honest client needs nothing new: told the file is not complete for it, it uploads as usual."""
    sha, content = grid_b_file(laptops, tmp_path)
    b, town = laptops.b, laptops.town
    household = add_household(b, town, "A01", "东村1号")
    visit = visits.log_visit(b, visits.VisitInput(household, "走访")).ids[0]
    same = tmp_path / "同一张照片.jpg"
    same.write_bytes(content)
    attachments.add_attachment(b, "visit", visit, same)
    assert syncing.sync_now(b).uploaded == 1
    other_grid1 = laptops.join(tmp_path / "d" / "fengqiao.db", "grid1")  # joining syncs, files included
    syncing.sync_now(other_grid1)
    assert attachments.stored_path(other_grid1, sha).read_bytes() == content


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old-server.db'}"
    return request.getfixturevalue("postgres").new_database()


def test_upgrading_keeps_every_file_readable_through_the_attachments_that_named_it(database_url):
    """Files held before the rule: each device that wrote an attachment naming a complete file becomes its
    holder, so nothing readable before the upgrade stops being readable; a file still uploading has none."""
    from alembic import command
    from sqlalchemy import text

    from sync.server.db import alembic_config, make_engine, migrate

    engine = make_engine(database_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    whole, partial = "a" * 64, "b" * 64
    rows = [
        ("f1", whole, '{"sha256": "dev-1", "filename": "dev-9"}', "dev-9"),  # later edited by dev-9
        ("f2", whole, "{}", "dev-2"),
        ("f3", partial, '{"sha256": "dev-3"}', "dev-3"),
    ]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO blobs (sha256, size, received, complete)"
                " VALUES (:a, 1, 1, true), (:b, 2, 1, false)"
            ),
            {"a": whole, "b": partial},
        )
        for seq, (rid, sha, devices, updated) in enumerate(rows, 1):
            conn.execute(
                text(
                    "INSERT INTO records (id, table_name, data, field_seq, field_device, server_seq, deleted,"
                    " shared, blob, updated_device)"
                    " VALUES (:id, 'attachments', '{}', '{}', :fd, :seq, false, false, :blob, :dev)"
                ),
                {"id": rid, "fd": devices, "seq": seq, "blob": sha, "dev": updated},
            )
    migrate(engine)
    with engine.connect() as conn:
        found = set(conn.execute(text("SELECT sha256, device_id FROM blob_holders")).all())
    engine.dispose()
    assert found == {(whole, "dev-1"), (whole, "dev-2")}


def test_a_device_that_only_knows_the_hash_cannot_restart_or_spoil_anothers_upload(laptops):
    """Each device uploads into its own partial file (review finding: another grid's device that named the
    hash could reset an upload in progress with a different size, or append garbage at its offset)."""
    content = os.urandom(300_000)
    sha = hashlib.sha256(content).hexdigest()
    sender = RawDevice(laptops.server.url, "grid1")
    name_it_in_grid_a(sender, laptops.town, sha, len(content))
    assert sender.call("GET", f"/v1/blobs/{sha}", params={"size": len(content)}).json()["received"] == 0
    first = sender.call("PUT", f"/v1/blobs/{sha}", params={"offset": 0}, data=content[:100_000])
    assert first.json()["received"] == 100_000

    other = RawDevice(laptops.server.url, "grid1")
    name_it_in_grid_a(other, laptops.town, sha, len(content))
    restarted = other.call("GET", f"/v1/blobs/{sha}", params={"size": 1})
    assert restarted.json()["received"] == 0  # its own upload, not the sender's
    other.call("PUT", f"/v1/blobs/{sha}", params={"offset": 0}, data=b"x")  # its own, refused at the hash

    mine = sender.call("GET", f"/v1/blobs/{sha}", params={"size": len(content)}).json()
    assert (mine["size"], mine["received"]) == (len(content), 100_000)  # untouched by the other device
    done = sender.call("PUT", f"/v1/blobs/{sha}", params={"offset": 100_000}, data=content[100_000:])
    assert done.json()["complete"] is True, done.text
    assert sender.call("GET", f"/v1/blobs/{sha}/content", params={"length": 1 << 20}).content == content
