"""Schemathesis against the township server's own OpenAPI description (tests/sync/fuzzing.py), on SQLite and
on PostgreSQL, on a server holding a township's data: every operation's positive and negative requests, and
stateful scenarios. No answer is a 500, and every answer matches what `/openapi.json` says.

The CI budget (FENGQIAO_SCHEMATHESIS_EXAMPLES per operation and mode, FENGQIAO_SCHEMATHESIS_SCENARIOS) keeps
both engines within a few minutes; bench/bench_fuzz_api.py runs 1,000 examples per operation."""

from __future__ import annotations

import os

import pytest

from desktop.services import syncing

from .fuzzing import fuzz_all, load, operations
from .servers import RawDevice

EXAMPLES = int(os.environ.get("FENGQIAO_SCHEMATHESIS_EXAMPLES", "40"))
SCENARIOS = int(os.environ.get("FENGQIAO_SCHEMATHESIS_SCENARIOS", "20"))


@pytest.fixture
def township_server(laptops):
    syncing.sync_now(laptops.a)  # the server holds the township and its accounts
    return laptops.server, RawDevice(laptops.server.url, "grid1")


def test_every_operation_answers_as_documented_and_never_500(township_server):
    server, device = township_server
    assert len(operations(load(server.url))) >= 10
    tally = fuzz_all(server.url, device.headers, EXAMPLES, SCENARIOS)
    print("\nschemathesis:\n" + tally.report())
    # Ten operations, seven of them with something a negative case can break.
    assert tally.requests("positive") >= 5 * EXAMPLES and tally.requests("negative") >= 5 * EXAMPLES
    assert tally.requests("stateful") >= SCENARIOS
    assert not any(code >= 500 for code in tally.histogram())
