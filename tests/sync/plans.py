"""What a sync asks its databases, for tests of its cost: every statement an engine runs while watched, each
statement's query plan (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN), and SQLite's virtual-machine
steps (the work done, whatever the clock of a shared machine says)."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, event

# Tables that grow with the township. A statement of a small sync may read a few of their rows through an
# index, never all of them. (Small tables, such as a laptop's sync_state or a server's meta and devices, may
# be scanned.)
SERVER_BIG = {"records", "op_results", "scope_exits"}
STEP = 100  # SQLite calls the progress handler every STEP virtual-machine instructions


@dataclass
class Watched:
    statements: list[tuple[str, object]] = field(default_factory=list)
    steps: int = 0


@contextmanager
def watching(engine: Engine):
    """Statements an engine runs (with their first set of parameters) and, on SQLite, the VM steps they
    take."""
    seen = Watched()

    def count() -> int:
        seen.steps += STEP
        return 0  # 0: go on

    def before(conn, _cursor, statement, parameters, _context, executemany):
        if executemany and parameters:
            parameters = parameters[0]
        seen.statements.append((statement, parameters))
        if engine.dialect.name == "sqlite":
            conn.connection.dbapi_connection.set_progress_handler(count, STEP)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
        if engine.dialect.name == "sqlite":
            for conn in _pooled(engine):
                conn.set_progress_handler(None, STEP)


def _pooled(engine: Engine):
    with engine.connect() as conn:
        yield conn.connection.dbapi_connection


PLANNED = re.compile(r"^\s*(SELECT|UPDATE|DELETE|WITH)\b", re.IGNORECASE)


def full_scans(engine: Engine, statements, big: set[str]) -> list[str]:
    """Each statement that reads a whole big table (or a whole index of one), with its plan: SQLite's `SCAN t`
    (with or without an index: `SCAN t USING INDEX i` walks all of i), PostgreSQL's `Seq Scan on t` when
    the planner is told to avoid sequential scans wherever an index can serve."""
    found, done = [], set()
    with engine.connect() as conn:
        postgres = engine.dialect.name == "postgresql"
        if postgres:
            conn.exec_driver_sql("SET enable_seqscan = off")
        for statement, parameters in statements:
            if not PLANNED.match(statement) or statement in done:
                continue
            done.add(statement)
            explain = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            rows = conn.exec_driver_sql(explain + statement, parameters or ()).all()
            lines = [row[0] for row in rows] if postgres else [row[-1] for row in rows]
            if _stops_early(statement, lines):
                continue
            bad = [line for line in lines if _scans(line, big, postgres)]
            if bad:
                found.append(f"{' '.join(statement.split())[:400]}\n    → {bad}")
        if postgres:
            conn.rollback()
    return found


def _stops_early(statement: str, lines: list[str]) -> bool:
    """The newest few rows of a table in its own order (no filter, no sort): the scan stops at the limit."""
    flat = " ".join(statement.split()).upper()
    sorted_apart = any("TEMP B-TREE" in line or line.lstrip().startswith("Sort") for line in lines)
    return " LIMIT " in flat and " WHERE " not in flat and " JOIN " not in flat and not sorted_apart


def _scans(line: str, big: set[str], postgres: bool) -> bool:
    if postgres:
        match = re.search(r"Seq Scan on (\w+)", line)
    else:
        match = re.match(r"\s*SCAN (\w+)", line)
        # A full-text table looked up by rowid: SQLite says SCAN, with the constraint it hands the module.
        if match and re.search(r"VIRTUAL TABLE INDEX \d+:\S", line):
            return False
    return bool(match) and match.group(1) in big


def heavy_reads(engine: Engine, statements, big: set[str], most: int) -> list[str]:
    """PostgreSQL: each SELECT run again under EXPLAIN ANALYZE, and named when one of its scans of a big table
    visits more than `most` rows (returned or filtered out). An index walked from end to end is no Seq Scan,
    so the plan alone does not tell; the rows it visited do."""
    found, done = [], set()
    with engine.connect() as conn:
        # As the planner chooses on a big table (on a test's small one a sequential read is cheaper).
        conn.exec_driver_sql("SET enable_seqscan = off")
        for statement, parameters in statements:
            if not re.match(r"^\s*(SELECT|WITH)\b", statement, re.IGNORECASE) or statement in done:
                continue
            done.add(statement)
            plan = conn.exec_driver_sql(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters or ()
            ).scalar()
            visited = [
                (node["Relation Name"], rows)
                for node in _nodes(plan[0]["Plan"])
                if node.get("Relation Name") in big
                and (
                    rows := (node["Actual Rows"] + node.get("Rows Removed by Filter", 0))
                    * node["Actual Loops"]
                )
                > most
            ]
            if visited:
                found.append(f"{' '.join(statement.split())[:400]}\n    → {visited}")
        conn.rollback()
    return found


def _nodes(node: dict):
    yield node
    for child in node.get("Plans", ()):
        yield from _nodes(child)
