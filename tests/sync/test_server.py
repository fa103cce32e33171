"""The township server on its own, over real HTTP: health and OpenAPI, throttled logins, a too-old client,
gzip bodies, scope by place names, and a backup that restores into the other database engine."""

from __future__ import annotations

import gzip
import json
from datetime import datetime

import pytest
import requests

from sync.core import protocol as p
from sync.server import accounts as server_accounts
from sync.server import backup
from sync.server.models import Record

from .conftest import add_server_account
from .servers import start

PASSWORD = "correct horse 1"
KEY = bytes(range(32))  # a backup key, as the data folder's backup.key holds one


def register(url, username, password, device="dev-1"):
    body = p.Register(username=username, password=password, device_id=device).model_dump()
    return requests.post(url + "/v1/register", json=body, timeout=10)


def test_health_and_openapi(server):
    health = requests.get(server.url + "/v1/health", timeout=5).json()
    assert health["status"] == "ok" and health["protocol"] == p.PROTOCOL_VERSION and health["epoch"]
    paths = requests.get(server.url + "/openapi.json", timeout=5).json()["paths"]
    assert {"/v1/register", "/v1/hello", "/v1/push", "/v1/pull", "/v1/counts", "/v1/blobs/{sha}"} <= set(
        paths
    )


def test_failed_logins_lock_the_account_and_every_refusal_reads_the_same(server):
    add_server_account(server, "gw", "township")
    for _ in range(5):
        assert register(server.url, "gw", "wrong password").status_code == 401
    locked = register(server.url, "gw", PASSWORD)
    assert locked.status_code == 401  # the right password, but the account is locked now
    with server.server.db.reading() as s:
        assert server_accounts.account_named(s, "gw").locked_until is not None
    # No hint which accounts exist or are locked: one message for every refusal.
    assert register(server.url, "nobody", PASSWORD).json()["detail"] == locked.json()["detail"]


def test_a_too_old_client_is_told_to_update_and_gzip_bodies_are_read(server, monkeypatch):
    add_server_account(server, "gw", "township")
    token = register(server.url, "gw", PASSWORD).json()["token"]
    hello = {"protocol": 0, "schema_version": "0001", "device_time": "2026-11-20T09:00:00"}
    answer = requests.post(
        server.url + "/v1/hello",
        timeout=5,
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
        },
        data=gzip.compress(json.dumps(hello).encode()),
    ).json()
    assert answer["update_required"] and "新版" in answer["message"]
    assert answer["clock_offset_seconds"] > 2 * 86400  # this device's clock is days behind
    assert requests.post(server.url + "/v1/hello", json=hello, timeout=5).status_code == 401


def test_scopes_are_given_by_place_names(server):
    with server.server.db.writing() as s:
        for rid, table, name in [("v1", "divisions", "东村"), ("g1", "grids", "东村一网格")]:
            s.add(
                Record(
                    id=rid,
                    table_name=table,
                    data={"name": name},
                    field_seq={},
                    field_device={},
                    server_seq=1,
                    shared=True,
                )
            )
        s.flush()
        assert server_accounts.add_account(s, "a", PASSWORD, "grid", ["东村一网格"]).scope_ids == ["g1"]
        assert server_accounts.add_account(s, "b", PASSWORD, "village", ["v1"]).scope_ids == ["v1"]
        with pytest.raises(server_accounts.AdminError, match="找不到唯一的村"):
            server_accounts.add_account(s, "c", PASSWORD, "village", ["西村"])


def test_a_backup_restores_into_the_other_engine(server, postgres, tmp_path):
    add_server_account(server, "gw", "township")
    with server.server.db.writing() as s:
        s.add(
            Record(
                id="h1",
                table_name="households",
                data={"number": "0001", "address": "东村1号"},
                field_seq={"number": 1},
                field_device={},
                server_seq=1,
                village_id="v",
                grid_id="g",
                server_time=datetime(2026, 11, 23, 9, 30),
            )
        )
    backup.backup(server.server.db, server.server.blobs, tmp_path / "b.zip", KEY)
    other_url = (
        postgres.new_database() if server.server.db.url.startswith("sqlite") else f"sqlite:///{tmp_path}/o.db"
    )
    other = start(other_url, tmp_path / "other")
    try:
        old_epoch = server.server.epoch()
        new_epoch = backup.restore(other.server.db, other.server.blobs, tmp_path / "b.zip", KEY)
        assert new_epoch != old_epoch
        with other.server.db.reading() as s:
            record = s.get(Record, "h1")
            assert record.data["address"] == "东村1号" and record.server_time == datetime(2026, 11, 23, 9, 30)
        assert register(other.url, "gw", PASSWORD).status_code == 200
    finally:
        other.stop()


def test_the_embedded_township_server_takes_its_first_account_from_its_own_machine(tmp_path, clock):
    from desktop.local_server import run_local_server, start_if_needed
    from desktop.services import syncing
    from tests.conftest import Township

    from .servers import free_port

    local = run_local_server(tmp_path / "server", "127.0.0.1", free_port())
    town = Township(tmp_path, clock)
    try:
        report = syncing.sync_now(town.admin, password="correct horse 1", server_url=local.url)
        assert report.rejected == 0 and report.pushed > 10  # the first account is the township's
        assert register(local.url, "grid1", "correct horse 1").status_code == 401  # only the first
        assert start_if_needed("http://192.0.2.1:8765") is None  # another address: not ours to start
    finally:
        town.close()
        local.stop()
