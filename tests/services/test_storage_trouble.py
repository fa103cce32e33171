"""A failure of the database file itself is told in words the person can act on: the errors here
are the real driver's, provoked on real files (a damaged file, a read-only one), through
SQLAlchemy as the store meets them."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from desktop.services.errors import storage_trouble


def test_a_damaged_file_says_restore_from_a_backup(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(os.urandom(8192))
    engine = sa.create_engine(f"sqlite:///{path}")
    with pytest.raises(sa.exc.DatabaseError) as caught, engine.connect() as c:
        c.execute(sa.text("select count(*) from sqlite_master"))
    words = storage_trouble(caught.value)
    assert words is not None and "已损坏" in words and "从备份恢复" in words


def test_a_read_only_file_says_nothing_was_saved(tmp_path):
    path = tmp_path / "ro.db"
    with sa.create_engine(f"sqlite:///{path}").begin() as c:
        c.execute(sa.text("create table t (x)"))
    engine = sa.create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(sa.exc.OperationalError) as caught, engine.begin() as c:
        c.execute(sa.text("insert into t values (1)"))
    words = storage_trouble(caught.value)
    assert words is not None and "无法写入" in words and "没有保存" in words


def test_other_failures_are_left_to_the_general_message():
    assert storage_trouble(KeyError("x")) is None
