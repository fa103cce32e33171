"""Attachment files in resumable chunks, and offline bundles with the same idempotency as the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from desktop.services import attachments, syncing, visits
from desktop.store.models import Attachment, Household
from sync import client as sync_client
from sync.core.bundle import BundleError
from sync.server.cli import main as server_main
from sync.server.models import Blob
from sync.transport import Offline
from tests.sync.test_end_to_end import add_household, household_in


class BreaksAfter(requests.Session):
    """A link that dies after `allowed` chunk uploads; records every upload offset it carried."""

    def __init__(self, allowed: int | None = None):
        super().__init__()
        self.allowed = allowed
        self.offsets: list[int] = []

    def request(self, method, url, **kwargs):
        if method == "PUT" and "/v1/blobs/" in url:
            if self.allowed is not None and len(self.offsets) >= self.allowed:
                raise requests.ConnectionError("link dropped")
            self.offsets.append(int(kwargs["params"]["offset"]))
        return super().request(method, url, **kwargs)


def test_a_broken_upload_resumes_from_its_offset_and_arrives_byte_identical(laptops, tmp_path):
    town, a, b, server = laptops.town, laptops.a, laptops.b, laptops.server
    h = add_household(a, town, "0301", "东村301号")
    visit = visits.log_visit(a, visits.VisitInput(h, "走访")).ids[0]
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(os.urandom(3 * sync_client.CHUNK + 123))
    attachments.add_attachment(a, "visit", visit, photo)

    broken = BreaksAfter(allowed=2)
    client = syncing.client_for(a.db, session=broken)
    client.transport.retries = 0
    with pytest.raises(Offline):
        client.sync()
    assert broken.offsets == [0, sync_client.CHUNK]
    with server.server.db.reading() as s:
        blob = s.scalar(select(Blob))
        assert (blob.received, blob.complete) == (2 * sync_client.CHUNK, False)

    # The record did not wait for its file: the other laptop has it, marked as not here yet.
    syncing.sync_now(b)
    with b.read() as s:
        assert s.scalar(select(Attachment)).present is False

    resumed = BreaksAfter()
    report = syncing.sync_now(a, session=resumed)
    assert resumed.offsets == [2 * sync_client.CHUNK, 3 * sync_client.CHUNK] and report.uploaded == 1

    report = syncing.sync_now(b)
    assert report.downloaded == 1
    with b.read() as s:
        record = s.scalar(select(Attachment))
        assert record.present is True
    assert attachments.read_bytes(b, record.sha256) == photo.read_bytes()  # sealed on disk, whole in memory


def test_offline_bundles_have_the_same_idempotency_as_the_network(laptops, tmp_path):
    town, a, b, server = laptops.town, laptops.a, laptops.b, laptops.server
    add_household(a, town, "0401", "东村401号")
    syncing.sync_now(a)
    h = add_household(b, town, "0402", "东村402号")
    out, reply = tmp_path / "b.fqb", tmp_path / "b-reply.fqb"
    assert syncing.export_bundle(b, out) == 1
    args = ["--database-url", server.server.db.url, "--data-dir", str(tmp_path / "srv")]
    assert server_main([*args, "import-bundle", str(out), "--reply", str(reply)]) == 0
    assert server_main([*args, "import-bundle", str(out), "--reply", str(tmp_path / "again.fqb")]) == 0

    report = syncing.import_bundle(b, reply)
    assert (report.pushed, report.applied) == (1, 1)
    assert household_in(b, "0401") is not None  # the reply carried the township's news
    assert syncing.status(b).pending == 0
    again = syncing.import_bundle(b, tmp_path / "again.fqb")  # the second import was answered "duplicate"
    assert again.applied == 1 and syncing.status(b).pending == 0

    syncing.sync_now(a)
    with a.read() as s:
        assert len(s.scalars(select(Household).where(Household.id == h)).all()) == 1

    tampered = bytearray(reply.read_bytes())
    tampered[-5] ^= 0xFF
    Path(tmp_path / "bad.fqb").write_bytes(bytes(tampered))
    with pytest.raises(BundleError, match="已损坏"):
        syncing.import_bundle(b, tmp_path / "bad.fqb")
