"""Sync over HTTPS: `fengqiao-server serve --certfile --keyfile` as a real process, with a certificate made by
`cryptography` for 127.0.0.1, and a laptop that trusts it (and one that does not)."""

from __future__ import annotations

import datetime
import ipaddress
import os
import subprocess
import sys
import time

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.services import syncing
from sync.transport import SyncError
from tests.conftest import PASSWORD

from .servers import free_port


def certificate(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "向城镇乡镇服务器")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.crt", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_file, key_file


@pytest.fixture
def https_server(tmp_path):
    cert, key = certificate(tmp_path)
    data, port = tmp_path / "server", free_port()
    env = {**os.environ, "FENGQIAO_SERVER_PASSWORD": PASSWORD}
    server_cli = [sys.executable, "-m", "sync.server.cli", "--data-dir", str(data)]
    subprocess.run(
        [*server_cli, "account", "add", "admin", "--scope", "township"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    process = subprocess.Popen(
        [*server_cli, "serve", "--port", str(port), "--certfile", str(cert), "--keyfile", str(key)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"https://127.0.0.1:{port}"
    for _ in range(300):
        try:
            requests.get(url + "/v1/health", timeout=2, verify=str(cert))
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield url, cert
    process.terminate()
    process.wait(30)


def test_a_laptop_syncs_over_https_and_refuses_a_certificate_it_does_not_trust(
    township, https_server, monkeypatch
):
    url, cert = https_server
    with pytest.raises(SyncError):  # not yet told to trust the township's certificate
        syncing.sync_now(township.admin, password=PASSWORD, server_url=url)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))  # as a township installs its certificate on laptops
    report = syncing.sync_now(township.admin, password=PASSWORD, server_url=url)
    assert report.pushed > 10 and report.rejected == 0
    assert requests.get(url + "/v1/health", timeout=5, verify=str(cert)).json()["status"] == "ok"
    with pytest.raises(requests.ConnectionError):
        requests.get(url.replace("https", "http") + "/v1/health", timeout=5)  # no plain HTTP on that port
