"""Offline bundles are bounded like requests, and refused from a disabled account or a revoked device (#26).

The bombs are real sealed bundles under a real device's key: the server's `fengqiao-server import-bundle` runs
as its own process (its peak memory read from /proc at exit), the laptop's import on a real SQLCipher
workspace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from desktop.services import residents, syncing
from desktop.services.residents import HouseholdInput
from sync.core import bundle
from sync.server import body
from sync.server.models import Device, Record
from tests.sync.test_end_to_end import add_household, household_in

GIB = 1 << 30
MIB = 1 << 20

# Runs the server's command line and says on stderr how much memory the process ever held (VmHWM, kB).
CLI_WITH_PEAK = """
import sys
from sync.server.cli import main
try:
    code = main(sys.argv[1:])
finally:
    peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
    print(f'PEAK_KB={peak}', file=sys.stderr)
sys.exit(code)
"""


def server_cli(server, tmp_path, *args) -> tuple[subprocess.CompletedProcess, int]:
    command = ["--database-url", server.server.db.url, "--data-dir", str(tmp_path / "srv"), *args]
    done = subprocess.run(
        [sys.executable, "-c", CLI_WITH_PEAK, *command], capture_output=True, text=True, timeout=300
    )
    peak = int(done.stderr.rsplit("PEAK_KB=", 1)[1].split()[0]) * 1024
    return done, peak


def sealed_bomb(device_id: str, key: bytes, purpose: str, inflated: int) -> bytes:
    """A bundle sealed like `bundle.seal` whose gzip content inflates to `inflated` bytes, compressed a piece
    at a time so the test never holds it either."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"0" * (16 * MIB)
    parts = [squeezer.compress(b'{"device_id": "' + zeros[: 16 * MIB - 20])]
    for _ in range(inflated // len(zeros) - 1):
        parts.append(squeezer.compress(zeros))
    parts.append(squeezer.flush())
    header = bundle.MAGIC + device_id.encode().ljust(bundle.ID_BYTES)
    nonce = os.urandom(bundle.NONCE_BYTES)
    return header + nonce + AESGCM(key).encrypt(nonce, b"".join(parts), header + purpose.encode())


def device_and_key(ws) -> tuple[str, bytes]:
    client = syncing.client_for(ws.db)
    return client.local.get_state("device_id"), client._bundle_key()


def records_on_server(server) -> int:
    with server.server.db.reading() as s:
        return len(s.scalars(select(Record.id)).all())


def test_a_bundle_is_capped_like_a_request():
    assert (bundle.MAX_SEALED, bundle.MAX_INFLATED) == (body.MAX_BODY, body.MAX_INFLATED)


def test_a_bundle_inflating_to_a_gibibyte_is_refused_by_the_server_without_holding_it(laptops, tmp_path):
    b, server = laptops.b, laptops.server
    device_id, key = device_and_key(b)
    bomb = tmp_path / "bomb.fqb"
    bomb.write_bytes(sealed_bomb(device_id, key, "push", GIB))
    assert bomb.stat().st_size < bundle.MAX_SEALED  # small on disk: only inflating tells
    before = records_on_server(server)

    started = time.monotonic()
    done, peak = server_cli(server, tmp_path, "import-bundle", str(bomb), "--reply", str(tmp_path / "r.fqb"))
    seconds = time.monotonic() - started
    print(f"server import-bundle of a 1 GiB bomb: {seconds:.1f} s, peak RSS {peak / MIB:.0f} MiB")
    assert done.returncode == 2
    assert f"解压后超过上限 {bundle.MAX_INFLATED} 字节" in done.stderr
    assert peak < 300 * MIB  # the cap (32 MiB) plus the interpreter, never the gibibyte
    assert not (tmp_path / "r.fqb").exists() and records_on_server(server) == before

    # The same device's honest bundle still goes through.
    add_household(b, laptops.town, "0501", "东村501号")
    syncing.export_bundle(b, tmp_path / "honest.fqb")
    done, _ = server_cli(
        server, tmp_path, "import-bundle", str(tmp_path / "honest.fqb"), "--reply", str(tmp_path / "ok.fqb")
    )
    assert done.returncode == 0, done.stderr
    assert syncing.import_bundle(b, tmp_path / "ok.fqb").applied == 1


def test_a_bundle_file_past_the_cap_is_refused_before_it_is_read(laptops, tmp_path):
    huge = tmp_path / "huge.fqb"
    with open(huge, "wb") as f:  # sparse: its size is all that is checked
        f.truncate(bundle.MAX_SEALED + 1)
    done, peak = server_cli(
        laptops.server, tmp_path, "import-bundle", str(huge), "--reply", str(tmp_path / "r.fqb")
    )
    assert done.returncode == 2 and f"超过上限 {bundle.MAX_SEALED} 字节" in done.stderr
    with pytest.raises(bundle.BundleError, match=f"超过上限 {bundle.MAX_SEALED} 字节"):
        syncing.import_bundle(laptops.b, huge)


def _memory(line: str) -> int:
    """Bytes of a /proc/self/status line: VmRSS now, VmHWM the peak since the last reset (writing 5 to
    clear_refs resets it)."""
    status = Path("/proc/self/status").read_text().splitlines()
    return int(next(x for x in status if x.startswith(line)).split()[1]) * 1024


def test_the_laptop_refuses_a_reply_inflating_to_a_gibibyte_without_holding_it(laptops, tmp_path):
    b = laptops.b
    device_id, key = device_and_key(b)
    bomb = tmp_path / "reply-bomb.fqb"
    bomb.write_bytes(sealed_bomb(device_id, key, "reply", GIB))
    pending_before = syncing.status(b).pending

    Path("/proc/self/clear_refs").write_text("5")
    resident = _memory("VmRSS")
    with pytest.raises(bundle.BundleError, match=f"解压后超过上限 {bundle.MAX_INFLATED} 字节"):
        syncing.import_bundle(b, bomb)
    grew = _memory("VmHWM") - resident
    print(f"laptop import of a 1 GiB reply bomb: peak grew {grew / MIB:.0f} MiB")
    assert grew < 120 * MIB
    assert syncing.status(b).pending == pending_before  # nothing recorded from it


def test_a_reply_too_big_for_one_bundle_carries_part_of_the_pull_and_the_next_takes_the_rest(
    laptops, tmp_path, monkeypatch
):
    """Shown with a small cap: the reply is cut where it would pass it, and its cursor lets the next go on."""
    town, b, server = laptops.town, laptops.b, laptops.server
    for n in range(30):
        note = "长" * 3000  # about 9 kB a record: a few fill the small cap
        residents.save_household(
            laptops.a, HouseholdInput(town.village, f"06{n:02d}", f"东村6{n:02d}号", town.grid, note=note)
        )
    assert syncing.sync_now(laptops.a).applied == 30
    monkeypatch.setattr(bundle, "MAX_INFLATED", 64 * 1024)
    from sync.server.cli import main as server_main

    args = ["--database-url", server.server.db.url, "--data-dir", str(tmp_path / "srv")]
    pulled, rounds = 0, 0
    while household_in(b, "0629") is None and rounds < 20:
        rounds += 1
        out, reply = tmp_path / f"b{rounds}.fqb", tmp_path / f"r{rounds}.fqb"
        syncing.export_bundle(b, out)
        assert server_main([*args, "import-bundle", str(out), "--reply", str(reply)]) == 0
        pulled += syncing.import_bundle(b, reply).pulled
    assert rounds > 2 and pulled >= 30 and all(household_in(b, f"06{n:02d}") for n in range(30))


def _disable(server, tmp_path, what: list[str]) -> None:
    done, _ = server_cli(server, tmp_path, *what)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("how", ["account", "device"])
def test_a_bundle_from_a_disabled_account_or_a_revoked_device_is_refused(laptops, tmp_path, how):
    b, server = laptops.b, laptops.server
    add_household(b, laptops.town, "0701", "东村701号")
    out = tmp_path / "b.fqb"
    assert syncing.export_bundle(b, out) == 1
    device_id, _ = device_and_key(b)
    if how == "account":
        _disable(server, tmp_path, ["account", "disable", "grid1"])
        reason = "所属账号已停用"
    else:
        _disable(server, tmp_path, ["device", "revoke", device_id])
        reason = "已被乡镇平台停用"
    before = records_on_server(server)

    done, _ = server_cli(server, tmp_path, "import-bundle", str(out), "--reply", str(tmp_path / "r.fqb"))
    assert done.returncode == 2
    assert reason in done.stderr and "同步包未导入" in done.stderr
    assert records_on_server(server) == before and not (tmp_path / "r.fqb").exists()
    with server.server.db.reading() as s:
        assert s.get(Device, device_id) is not None
    # The township's own laptop is untouched and still syncs.
    assert syncing.sync_now(laptops.a).pulled >= 0
    assert json.dumps(done.stderr)  # said as text
