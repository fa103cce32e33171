"""A one-township server upgrades in place (issue 29, migration 0008), on SQLite and PostgreSQL: its township
becomes the server's first, named as its laptops synced it, every row is put in it, the schema is the
models' own, and a laptop that synced before keeps syncing with no reset."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from desktop.services import syncing
from sync.server.app import open_server
from sync.server.db import alembic_config, make_engine, migrate
from sync.server.models import Base, Record, ScopeExit, Township
from sync.server.thread import ServerThread

from .test_end_to_end import add_household, household_in


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old-server.db'}"
    return request.getfixturevalue("postgres").new_database()


def _at(engine, revision: str, down: bool = False) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _insert(conn, rid: str, table: str, data: str, seq: int) -> None:
    conn.execute(
        text(
            "INSERT INTO records (id, table_name, data, field_seq, field_device, server_seq, deleted, shared)"
            " VALUES (:id, :t, :data, '{}', '{}', :seq, false, true)"
        ),
        {"id": rid, "t": table, "data": data, "seq": seq},
    )


def test_a_server_filled_at_0006_upgrades_into_its_first_township(database_url):
    engine = make_engine(database_url)
    _at(engine, "0006")
    with engine.begin() as conn:
        _insert(conn, "d0", "divisions", '{"name": "向城镇", "level": "township", "code": "371324105000"}', 1)
        _insert(conn, "d1", "divisions", '{"name": "东村", "level": "village"}', 2)
        _insert(conn, "h1", "households", '{"number": "0001"}', 3)
        conn.execute(
            text(
                "INSERT INTO scope_exits (seq, table_name, record_id, village_id)"
                " VALUES (4, 'households', 'h1', 'd1')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO accounts (id, username, display_name, password_hash, roles, scope_kind,"
                " scope_ids, disabled, failed_logins)"
                " VALUES ('a1', 'admin', '', 'x', '[]', 'township', '[]', false, 0)"
            )
        )
    assert migrate(engine) == "0008"
    with engine.connect() as conn:
        (township,) = conn.execute(text("SELECT id, name, code, short_name FROM townships")).all()
        assert township[1:] == ("向城镇", "371324105000", "")
        for table, count in [("records", 3), ("scope_exits", 1), ("accounts", 1)]:
            found = conn.execute(
                text(f"SELECT township_id, count(*) FROM {table} GROUP BY township_id")
            ).all()
            assert found == [(township[0], count)], table
        # the schema is exactly the models' (columns, nullability, indexes leading with the township)
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        indexes = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("records")}
        assert indexes["ix_records_scope"][0] == indexes["ix_records_household"][0] == "township_id"
    engine.dispose()


def test_a_server_that_never_learned_its_townships_name_gets_a_placeholder_and_an_empty_one_none(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    _at(engine, "0006")
    with engine.begin() as conn:
        _insert(conn, "h1", "households", '{"number": "0001"}', 1)
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, code FROM townships")).all() == [("本镇（待命名）", None)]
    engine.dispose()
    empty = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    migrate(empty)
    with empty.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM townships")).scalar() == 0
    empty.dispose()


def test_laptops_that_synced_before_the_upgrade_keep_syncing_without_a_reset(laptops, tmp_path):
    """The township's laptops sync; the server goes back to 0006 (its rows without a township), then starts
    again on this code (0007 and 0008 run): nothing is lost, no laptop resets, and edits flow both ways."""
    town, a, b = laptops.town, laptops.a, laptops.b
    add_household(a, town, "M01", "东村1号")
    syncing.sync_now(a)
    syncing.sync_now(b)
    running = laptops.server
    url, data_dir, port = running.server.db.url, running.server.blobs.folder.parent, running.port
    with running.server.db.reading() as s:
        before = {r.id: (r.server_seq, r.data) for r in s.scalars(select(Record))}
    running.stop()
    engine = make_engine(url)
    _at(engine, "0006", down=True)
    with engine.connect() as conn:
        assert "township_id" not in {c["name"] for c in inspect(conn).get_columns("records")}
    engine.dispose()

    again = ServerThread(open_server(url, data_dir), port=port)
    try:
        with again.server.db.reading() as s:
            (township,) = s.scalars(select(Township)).all()
            assert (township.name, township.code) == ("向城镇", "110105001000")  # as the laptops synced it
            after = {r.id: (r.server_seq, r.data) for r in s.scalars(select(Record))}
            assert set(s.scalars(select(Record.township_id).distinct())) == {township.id}
            assert set(s.scalars(select(ScopeExit.township_id).distinct())) <= {township.id}
        assert after == before
        add_household(b, town, "M02", "东村2号")
        report = syncing.sync_now(b)
        assert not report.reset and report.applied == 1
        report = syncing.sync_now(a)
        assert not report.reset and household_in(a, "M02") is not None
        assert household_in(b, "M01") is not None
    finally:
        again.stop()
