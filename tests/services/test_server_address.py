"""The township server's address as typed: a host with a space or junk in it is refused, naming the field
(review: 服务器设置 saved "http://foo bar")."""

from __future__ import annotations

import pytest

from desktop.services.syncing import server_address
from sync.core.domain.issues import ValidationFailed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("192.168.1.10:8765", "http://192.168.1.10:8765"),
        ("https://[::1]:8765/", "https://[::1]:8765"),
        (" sync.xiangcheng.example ", "http://sync.xiangcheng.example"),
    ],
)
def test_an_address_is_kept_as_http_s_host_port(typed, kept):
    assert server_address(typed) == kept


@pytest.mark.parametrize("typed", ["foo bar", "http://foo bar", "http://a_b", "ftp://host", "host/path", ""])
def test_a_malformed_address_is_refused_naming_the_field(typed):
    with pytest.raises(ValidationFailed, match="服务器地址"):
        server_address(typed)
