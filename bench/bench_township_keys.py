"""What one server of many townships costs PostgreSQL (issue 29): a county's records (townships ×
records each) written straight into the server's own schema (Alembic head), then the sizes and depths of the
indexes a sync uses, and what one township's pull page and count read (EXPLAIN ANALYZE, BUFFERS). The
figures back the note in docs/architecture.md on partitioning by township against township-leading indexes.

    .venv/bin/python bench/bench_township_keys.py --townships 20 --records 300000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from sync.server.db import make_engine, migrate  # noqa: E402
from tests.sync.servers import PostgresCluster  # noqa: E402

FILL = """
INSERT INTO records (id, township_id, table_name, data, field_seq, field_device, server_seq, deleted, shared,
                     village_id, grid_id, household_id)
SELECT md5(t::text || ':' || n::text)::uuid::text, 't' || lpad(t::text, 3, '0'),
       (ARRAY['households', 'residents', 'residents', 'residents', 'visits', 'matters', 'events',
              'attachments'])[1 + n % 8],
       '{"number": "0001", "address": "东村1号", "name": "张三"}', '{}', '{}',
       n * :townships + t, false, n % 500 = 0,
       'v' || t || '-' || (n % 15), 'g' || t || '-' || (n % 60), 'h' || t || '-' || (n / 10)
FROM generate_series(1, :townships) t, generate_series(1, :records) n
ORDER BY n, t
"""  # in sequence order: the townships' rows interleave on the heap, as their laptops' pushes do


def explain(conn, sql: str, **params) -> dict:
    plan = conn.execute(text("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql), params).scalar()[0]
    top = plan["Plan"]
    return {
        "ms": round(plan["Execution Time"], 2),
        "rows": top["Actual Rows"],
        "buffers": top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0),
        "plan": " / ".join(_names(top)),
    }


def _names(node: dict):
    yield f"{node['Node Type']}{' using ' + node['Index Name'] if 'Index Name' in node else ''}"
    for child in node.get("Plans", ()):
        yield from _names(child)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--townships", type=int, default=20)
    ap.add_argument("--records", type=int, default=300_000, help="records per township")
    args = ap.parse_args()
    cluster = PostgresCluster()
    try:
        url = cluster.new_database()
        engine = make_engine(url)
        migrate(engine)
        started = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(text(FILL), {"townships": args.townships, "records": args.records})
        fill_s = time.perf_counter() - started
        out: dict = {"townships": args.townships, "records_each": args.records, "fill_s": round(fill_s, 1)}
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(
                text("VACUUM ANALYZE records")
            )  # as autovacuum leaves it: index-only scans can count
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pageinspect"))
            out["table_mib"] = round(conn.execute(text("SELECT pg_table_size('records')")).scalar() / 2**20)
            out["indexes"] = {}
            for name in (
                "pk_records",
                "ix_records_township_seq",
                "ix_records_scope",
                "ix_records_household",
                "ix_records_township_table",
                "ix_records_server_seq",
            ):
                size = conn.execute(text("SELECT pg_relation_size(:n)"), {"n": name}).scalar()
                level = conn.execute(text("SELECT level FROM bt_metap(:n)"), {"n": name}).scalar()
                out["indexes"][name] = {"mib": round(size / 2**20), "depth": level + 1}
            one = f"t{min(7, args.townships):03d}"  # the township whose sync is measured
            grids = f"('g{min(7, args.townships)}-3', 'g{min(7, args.townships)}-4')"  # a grid worker's two
            last = (args.records + 1) * args.townships
            since = last - 2_000 * args.townships  # a day's sync: the township's last ~2,000 changes
            page = (
                "SELECT * FROM records WHERE server_seq > :since AND server_seq <= :last AND township_id = :t"
                " {extra} ORDER BY server_seq LIMIT 500"
            )
            out["township_page"] = explain(conn, page.format(extra=""), since=since, last=last, t=one)
            out["grid_page"] = explain(
                conn,
                page.format(extra="AND (shared IS true OR grid_id IN " + grids + ")"),
                since=since,
                last=last,
                t=one,
            )
            out["first_page"] = explain(conn, page.format(extra=""), since=0, last=last, t=one)
            out["township_count"] = explain(
                conn,
                "SELECT table_name, count(*) FROM records WHERE township_id = :t GROUP BY table_name",
                t=one,
            )
            out["grid_count"] = explain(
                conn,
                "SELECT table_name, count(*) FROM records WHERE township_id = :t"
                " AND (shared IS true OR grid_id IN " + grids + ") GROUP BY table_name",
                t=one,
            )
        engine.dispose()
        print(json.dumps(out, ensure_ascii=False, indent=1))
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
