"""`fengqiao join` to an https:// township server (a real `fengqiao-server serve` process with its own
certificate): the same trust as the window's — the certificate's fingerprint, given on the line or confirmed
when shown — and a wrong fingerprint refused before any password is sent."""

from __future__ import annotations

import os
import subprocess
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from desktop.services import accounts, syncing
from sync.pinning import shown
from tests.conftest import PASSWORD

from .test_https import https_server  # noqa: F401 — the fixture


def join(*args, answer: str | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")}
    env["FENGQIAO_PASSWORD"] = PASSWORD
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "join", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        input=answer,
        timeout=300,
    )


def test_join_over_https_trusts_the_fingerprint_only(https_server, tmp_path):  # noqa: F811
    url, cert = https_server
    fingerprint = x509.load_pem_x509_certificate(cert.read_bytes()).fingerprint(hashes.SHA256()).hex()

    wrong = join(
        "--db", tmp_path / "a.db", "--server", url, "--username", "admin", "--fingerprint", "ab" * 32
    )
    assert wrong.returncode != 0 and "不一致" in wrong.stderr and shown(fingerprint) in wrong.stderr
    assert not (tmp_path / "a.db").exists()

    refused = join("--db", tmp_path / "b.db", "--server", url, "--username", "admin", answer="n\n")
    assert refused.returncode != 0 and shown(fingerprint) in refused.stdout and "没有信任" in refused.stderr

    done = join("--db", tmp_path / "c.db", "--server", url, "--username", "admin", answer="y\n")
    assert done.returncode == 0, done.stderr
    ws = accounts.login(tmp_path / "c.db", "admin", PASSWORD)
    try:
        assert syncing.status(ws).fingerprint == fingerprint
        syncing.sync_now(ws)  # later syncs use the trusted certificate
    finally:
        ws.close()
