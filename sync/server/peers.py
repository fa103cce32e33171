"""Who is calling: the address a request came from, and whether it is this machine.

Proxy headers (`Forwarded`, `X-Forwarded-For`, `X-Real-IP`) are anyone's to write, so they are believed only
when the direct peer is one of the configured proxies (`fengqiao-server serve --trusted-proxy ADDR`); from
anyone else the peer's own address is the caller. Uvicorn's own header rewriting is switched off where the
server is started (`cli.py`, `thread.py`), so the peer seen here is the socket's.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping

LOOPBACK = frozenset({"127.0.0.1", "::1"})
# The names a Host header may give for this machine (the desktop's embedded server answers only these).
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip().strip('"')
    if text.startswith("["):  # [2001:db8::1]:443, as Forwarded writes IPv6
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # 192.0.2.1:443
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


class TrustedProxies:
    """The peers whose proxy headers are believed: addresses or networks (`10.0.0.5`, `10.0.0.0/24`)."""

    def __init__(self, entries: Iterable[str] = ()):
        self.networks: list[Network] = []
        for entry in entries:
            try:
                self.networks.append(ipaddress.ip_network(entry.strip(), strict=False))
            except ValueError:
                example = "如 10.0.0.5 或 10.0.0.0/24"
                raise ValueError(f"--trusted-proxy：“{entry}”不是 IP 地址或网段（{example}）") from None

    def __contains__(self, address: str) -> bool:
        found = _address(address)
        return found is not None and any(found in net for net in self.networks)

    def __bool__(self) -> bool:
        return bool(self.networks)


def _forwarded_for(value: str) -> list[str]:
    """RFC 7239: `Forwarded: for=192.0.2.1;proto=https, for="[2001:db8::1]"` → the `for=` values in order."""
    found = []
    for element in value.split(","):
        for pair in element.split(";"):
            name, _, text = pair.partition("=")
            if name.strip().lower() == "for":
                found.append(text.strip())
    return found


def client_address(peer: str, headers: Mapping[str, str], trusted: TrustedProxies) -> str:
    """The caller: the peer itself, unless the peer is a trusted proxy; then the nearest address in the
    proxy chain that is not itself a trusted proxy (read right to left: the left end is the client's to
    write)."""
    if peer not in trusted:
        return peer
    for header in ("forwarded", "x-forwarded-for", "x-real-ip"):
        value = headers.get(header)
        if not value:
            continue
        chain = _forwarded_for(value) if header == "forwarded" else value.split(",")
        for hop in reversed(chain):
            address = _address(hop)
            if address is None:
                break  # an unreadable hop: stop at the proxy, do not guess past it
            if str(address) not in trusted:
                return str(address)
        break
    return peer


def from_this_machine(peer: str, headers: Mapping[str, str]) -> bool:
    """A loopback peer that forwards nobody: a local proxy's headers mean the caller may be anywhere."""
    return peer in LOOPBACK and not any(h in headers for h in PROXY_HEADERS)
