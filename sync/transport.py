"""HTTP to the township server over bad links: explicit timeouts, gzip bodies, retries with backoff and
jitter.

Retrying is safe because every push is idempotent (the server answers a resent op from its stored result)
and every pull is a read.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from collections.abc import Callable

import requests

RETRY_STATUS = {429, 500, 502, 503, 504}
GZIP_OVER = 1024


class SyncError(Exception):
    """Something the user should read: the message says what happened and that nothing was lost."""


class Offline(SyncError):
    """The server could not be reached (after retries)."""


class AuthFailed(SyncError):
    """Wrong credentials, or a device the township has revoked."""


class Refused(SyncError):
    """The server understood and said no."""


class Cancelled(SyncError):
    """The user stopped the sync; what was done so far is kept."""


class Transport:
    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        connect_timeout: float = 5,
        read_timeout: float = 60,
        retries: int = 4,
        backoff: float = 0.5,
        cancelled: Callable[[], bool] = lambda: False,
        session: requests.Session | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = (connect_timeout, read_timeout)
        self.retries = retries
        self.backoff = backoff
        self.cancelled = cancelled
        self.http = session or requests.Session()
        self.bytes_sent = 0
        self.bytes_received = 0
        self.round_trips = 0  # answered requests

    def call(self, method: str, path: str, *, body=None, params=None, raw: bytes | None = None):
        """JSON in, JSON out (or bytes for raw downloads). Raises Offline, AuthFailed or Refused."""
        response = self.send(method, path, body=body, params=params, raw=raw)
        if response.headers.get("content-type", "").startswith("application/json"):
            return response.json()
        return response.content

    def send(self, method: str, path: str, *, body=None, params=None, raw: bytes | None = None):
        headers = {"Accept-Encoding": "gzip"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = raw
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, default=str).encode()
            headers["Content-Type"] = "application/json"
            if len(data) > GZIP_OVER:
                data = gzip.compress(data, 6)
                headers["Content-Encoding"] = "gzip"
        elif raw is not None:
            headers["Content-Type"] = "application/octet-stream"
        last = None
        for attempt in range(self.retries + 1):
            if self.cancelled():
                raise Cancelled("同步已取消，已完成的部分都已保存")
            try:
                response = self.http.request(
                    method,
                    self.base_url + path,
                    data=data,
                    params=params,
                    headers=headers,
                    timeout=self.timeout,
                )
            except requests.RequestException as exc:
                last = exc
            else:
                self.round_trips += 1
                self.bytes_sent += len(data or b"")
                # On the wire: the compressed length when the answer came gzipped.
                self.bytes_received += int(response.headers.get("content-length") or len(response.content))
                if response.status_code < 400:
                    return response
                if response.status_code == 401:
                    raise AuthFailed(_detail(response))
                if response.status_code not in RETRY_STATUS:
                    raise Refused(f"服务器拒绝：{_detail(response)}")
                last = Refused(f"服务器暂时出错（{response.status_code}）")
            if attempt < self.retries:
                time.sleep(self.backoff * (2**attempt) * random.uniform(0.5, 1.5))
        raise Offline(f"连不上乡镇服务器 {self.base_url}（{_short(last)}）；修改都保存在本机，联网后再同步")


def _detail(response) -> str:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    if isinstance(detail, list):  # request validation: name the fields
        return "; ".join(f"{'.'.join(map(str, d.get('loc', [])))}: {d.get('msg')}" for d in detail)
    return detail if isinstance(detail, str) else f"HTTP {response.status_code}"


def _short(exc) -> str:
    return type(exc).__name__ if isinstance(exc, requests.RequestException) else str(exc)
