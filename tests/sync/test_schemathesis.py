"""Schemathesis against the township server's own OpenAPI description: generated requests to every operation,
with a real device token, on a server holding a township's data. No answer is a 500, and every answer matches
what `/openapi.json` says (status codes, content types, bodies)."""

from __future__ import annotations

import os
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from desktop.services import syncing

from .servers import RawDevice

EXAMPLES = int(os.environ.get("FENGQIAO_SCHEMATHESIS_EXAMPLES", "40"))
SEEN: Counter = Counter()


@pytest.fixture
def township_server(laptops):
    syncing.sync_now(laptops.a)  # the server holds the township and its accounts
    return laptops.server, RawDevice(laptops.server.url, "grid1")


def test_every_operation_answers_as_documented_and_never_500(township_server):
    server, device = township_server
    SEEN.clear()
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        fuzz(operation, device.headers)()
    print(f"\nschemathesis: {sum(SEEN.values())} requests, by status {dict(sorted(SEEN.items()))}")
    assert sum(SEEN.values()) >= 200 and not any(code >= 500 for code in SEEN)


def fuzz(operation, headers):
    """One operation's generated requests, as a Hypothesis test of its own."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def check(case):
        response = case.call(headers=headers)
        SEEN[response.status_code] += 1
        assert response.status_code < 500, (operation.label, response.text[:300])
        case.validate_response(response)

    return check
