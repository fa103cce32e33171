"""The township server on its own, over real HTTP: health and OpenAPI, throttled logins, a too-old client,
gzip bodies, scope by place names, and a backup that restores into the other database engine."""

from __future__ import annotations

import gzip
import json
import logging
import re
from datetime import datetime

import pytest
import requests

from sync.core import protocol as p
from sync.server import accounts as server_accounts
from sync.server import backup
from sync.server.models import Record

from .conftest import add_server_account, only_township
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
                    township_id=only_township(s),
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
                township_id=only_township(s),
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


def test_metrics_count_every_request(sqlite_server):
    def requests_so_far() -> int:
        text = requests.get(sqlite_server.url + "/metrics", timeout=5).text
        return int(re.search(r"^fengqiao_requests_total (\d+)$", text, re.MULTILINE).group(1))

    before = requests_so_far()  # counts itself
    for _ in range(3):
        requests.get(sqlite_server.url + "/v1/health", timeout=5)
    assert (
        requests.get(sqlite_server.url + "/v1/nowhere", timeout=5).status_code == 404
    )  # a refusal counts too
    assert requests_so_far() == before + 5


def device_headers(server) -> dict:
    add_server_account(server, "gw", "township")
    return {"Authorization": "Bearer " + register(server.url, "gw", PASSWORD).json()["token"]}


def test_a_value_the_protocol_refuses_is_refused_by_the_route_before_its_handler(sqlite_server):
    """Issue 31: a NUL in the pull's `schema_version` reached `protocol.Hello` inside the handler (500)."""
    headers = device_headers(sqlite_server)
    hello = {"device_time": "2026-11-20T09:00:00", "protocol": p.PROTOCOL_VERSION, "schema_version": "0001"}
    url = sqlite_server.url
    assert requests.get(url + "/v1/pull", params=hello, headers=headers, timeout=5).status_code == 200
    for field, value in [
        ("schema_version", "\x00\x0f"),
        ("epoch", "a\x00"),
        ("table", ""),
        ("table", "\x00"),
        ("device_time", "0"),  # text that is a number: pydantic alone would read a Unix time
    ]:
        answer = requests.get(url + "/v1/pull", params={**hello, field: value}, headers=headers, timeout=5)
        assert answer.status_code == 422 and f"query/{field}" in answer.json()["detail"], (field, answer.text)
    # The same type in the body of the handshake and of a push is refused the same way.
    answer = requests.post(
        url + "/v1/hello", json={**hello, "schema_version": "\x00"}, headers=headers, timeout=5
    )
    assert answer.status_code == 422 and "body/schema_version" in answer.json()["detail"]
    answer = requests.post(url + "/v1/push", json={"ops": [], "epoch": "\x00"}, headers=headers, timeout=5)
    assert answer.status_code == 422 and "body/epoch" in answer.json()["detail"]
    # A time is ISO 8601 text, as the schema says: pydantic alone would read a number as a Unix time.
    answer = requests.post(url + "/v1/hello", json={**hello, "device_time": 0.02}, headers=headers, timeout=5)
    assert answer.status_code == 422 and "body/device_time" in answer.json()["detail"]
    # A number in a message is a JSON number: text that looks like one is refused, as the schema says.
    op = {"op_seq": "5", "mutation_id": "m", "table": "households", "record_id": "r", "op": "insert"}
    answer = requests.post(url + "/v1/push", json={"ops": [op]}, headers=headers, timeout=5)
    assert answer.status_code == 422 and "body/ops/0/op_seq" in answer.json()["detail"]


def test_a_message_refused_inside_a_handler_is_a_422_naming_the_field_and_one_line_of_log(
    sqlite_server, caplog
):
    """The safety net under the routes' declarations: a route added to the real application builds a message
    from a value nobody checked, as the pull did."""
    app = sqlite_server.uvicorn.config.app

    @app.get("/test/unchecked")
    def unchecked(schema_version: str = "") -> dict:
        p.Hello(schema_version=schema_version, device_time=datetime(2026, 11, 20))
        return {}

    caplog.set_level(logging.WARNING, logger="sync.server")
    answer = requests.get(sqlite_server.url + "/test/unchecked", params={"schema_version": "\x00"}, timeout=5)
    assert answer.status_code == 422 and "Hello/schema_version" in answer.json()["detail"]
    logged = [r for r in caplog.records if r.name.startswith("sync.server")]
    assert len(logged) == 1 and logged[0].exc_info is None and "\n" not in logged[0].getMessage()
    assert "/test/unchecked" in logged[0].getMessage()
