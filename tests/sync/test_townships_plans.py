"""A pull and a count touch only their township's rows (issue 29): on SQLite and PostgreSQL, the statements of
a pull read records and scope exits through an index that leads with the township, never a whole table and
never the server-wide sequence index alone."""

from __future__ import annotations

import re

import pytest

from .plans import watching
from .servers import RawDevice
from .test_townships import Two, pulled

# the indexes (sync.server.models) whose first column is township_id
TOWNSHIP_INDEXES = ("ix_records_scope", "ix_records_household", "ix_records_township", "ix_scope_exits")


def _plan(engine, statement: str, parameters) -> list[str]:
    with engine.connect() as conn:
        postgres = engine.dialect.name == "postgresql"
        if postgres:
            conn.exec_driver_sql("SET enable_seqscan = off")  # as the planner chooses on a big table
        explain = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
        rows = conn.exec_driver_sql(explain + statement, parameters or ()).all()
        conn.rollback()
    return [row[0] for row in rows] if postgres else [row[-1] for row in rows]


def _reads_of(lines: list[str], table: str) -> list[str]:
    """The plan lines that read `table` (SQLite: SCAN/SEARCH t; PostgreSQL: … on t)."""
    return [line for line in lines if re.search(rf"(SCAN|SEARCH) {table}\b| on {table}\b", line)]


@pytest.mark.parametrize("username", ["admin", "grid1"])
def test_a_pull_and_its_counts_read_through_township_indexes(laptops, username):
    two = Two(laptops)  # two townships' rows on the server
    device = RawDevice(two.url, username)
    engine = laptops.server.server.db.engine
    with watching(engine) as seen:
        got = pulled(device)
        device.call("GET", "/v1/counts")
    assert got["changes"] and got["counts"]
    checked = 0
    for statement, parameters in seen.statements:
        flat = " ".join(statement.split())
        paging = "FROM records" in flat and "records.server_seq >" in flat and "township_id" in flat
        counting = "FROM records" in flat and "GROUP BY records.table_name" in flat
        exits = "FROM scope_exits" in flat and "scope_exits.township_id" in flat  # (not the newest number)
        if not (paging or counting or exits):
            continue
        lines = _plan(engine, statement, parameters)
        table = "scope_exits" if exits else "records"
        reads = _reads_of(lines, table)
        assert reads, (flat, lines)
        assert all(any(name in line for name in TOWNSHIP_INDEXES) for line in reads), (flat, lines)
        checked += 1
    assert checked >= 2  # the pages and the count, at least
