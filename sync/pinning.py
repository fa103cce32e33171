"""A township server's own HTTPS certificate, trusted once: its SHA-256 fingerprint is read on first contact,
shown to the person to compare with the one the township gave them, and from then on every connection must
present exactly that certificate (no certificate authority is involved: a township server on its own network
has none).

The command line (`fengqiao join`) and the window both call this module, so the two trust the same way.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter


class CertificateUnreadable(Exception):
    """The server did not present a certificate we could read (not HTTPS there, or not reachable)."""


def normalise(fingerprint: str) -> str:
    """ "AB:CD:…", "ab cd …" or "abcd…" → lowercase hex, the form urllib3 compares."""
    return "".join(ch for ch in fingerprint.lower() if ch in "0123456789abcdef")


def shown(fingerprint: str) -> str:
    """The fingerprint as people read it aloud and compare it: pairs of capitals separated by colons."""
    hex_digits = normalise(fingerprint).upper()
    return ":".join(hex_digits[i : i + 2] for i in range(0, len(hex_digits), 2))


def server_fingerprint(url: str, timeout: float = 5) -> str:
    """The SHA-256 fingerprint (lowercase hex) of the certificate the server at this https:// address
    presents. Nothing is verified here: this is the first look, the person decides whether to trust it."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the point is to read the certificate, not to judge it yet
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host or None) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        raise CertificateUnreadable(f"{host}:{port}（{type(exc).__name__}）") from exc
    if not der:
        raise CertificateUnreadable(f"{host}:{port}")
    return hashlib.sha256(der).hexdigest()


class PinnedAdapter(HTTPAdapter):
    """HTTPS that accepts one certificate only, the one whose fingerprint was trusted."""

    def __init__(self, fingerprint: str, **kwargs):
        self.fingerprint = normalise(fingerprint)
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        # urllib3 checks the fingerprint itself and then counts the connection as verified.
        kwargs["assert_fingerprint"] = self.fingerprint
        super().init_poolmanager(*args, **kwargs)

    def cert_verify(self, conn, url, verify, cert):
        super().cert_verify(conn, url, False, cert)  # no CA chain: the fingerprint is the whole trust


def pinned_session(fingerprint: str) -> requests.Session:
    session = requests.Session()
    session.mount("https://", PinnedAdapter(fingerprint))
    return session
