"""The local database is encrypted, opens only with an account's password, and survives a forgotten one."""

import sqlite3

import pytest

from desktop.services import accounts
from desktop.store.database import Database
from desktop.store.engine import DatabaseUnreadable, probe
from desktop.store.keyslots import AccountLocked, KeyFile, UnknownAccount, WrongPassword, keyfile_for
from tests.conftest import FAST_KDF, PASSWORD


def test_the_file_is_not_readable_as_plain_sqlite(township):
    raw = township.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "向城镇".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(township.path).execute("SELECT * FROM sqlite_master").fetchall()


def test_wrong_password_is_a_clear_error_and_locks_after_five(township):
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPassword, match=f"再错{left}次"):
            accounts.login(township.path, "grid1", "not the password")
    with pytest.raises(AccountLocked, match="已锁定"):
        accounts.login(township.path, "grid1", "not the password")
    with pytest.raises(AccountLocked):
        accounts.login(township.path, "grid1", PASSWORD)  # even the right one, while locked
    ws = accounts.login(township.path, "mediator", PASSWORD)  # others are not affected
    ws.close()


def test_admin_reset_lifts_the_lock_and_keeps_the_data(township):
    for _ in range(5):
        with pytest.raises((WrongPassword, AccountLocked)):
            accounts.login(township.path, "grid1", "forgotten")
    accounts.reset_password(township.admin, "grid1", "a new password", kdf=FAST_KDF)
    ws = accounts.login(township.path, "grid1", "a new password")
    assert ws.actor.display_name == "王网格"
    ws.close()
    with pytest.raises(WrongPassword):
        accounts.login(township.path, "grid1", PASSWORD)


def test_unknown_account_and_disabled_account(township):
    with pytest.raises(UnknownAccount, match="不存在"):
        accounts.login(township.path, "nobody", PASSWORD)
    accounts.set_disabled(township.admin, "grid2")
    with pytest.raises(UnknownAccount):
        accounts.login(township.path, "grid2", PASSWORD)


def test_every_account_unwraps_the_same_key(township):
    keys = KeyFile.load(keyfile_for(township.path))
    assert keys.unlock("grid1", PASSWORD) == keys.unlock("platform", PASSWORD) == township.admin.data_key


def test_a_damaged_file_is_reported_not_crashed(township):
    township.close()
    for suffix in ("-wal", "-shm"):
        (township.path.parent / (township.path.name + suffix)).unlink(missing_ok=True)
    data = bytearray(township.path.read_bytes())
    data[0:4096] = bytes(4096)
    township.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnreadable, match="已损坏"):
        accounts.login(township.path, "admin", PASSWORD)


def test_a_missing_key_file_is_explained(tmp_path):
    db = Database.create(tmp_path / "a.db", "admin", PASSWORD, FAST_KDF)
    db.close()
    keyfile_for(tmp_path / "a.db").unlink()
    with pytest.raises(Exception, match="找不到密钥文件"):
        Database.unlock(tmp_path / "a.db", "admin", PASSWORD)


def test_wal_and_full_sync_and_foreign_keys(township):
    with township.admin.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_probe_with_a_wrong_key(township):
    with pytest.raises(DatabaseUnreadable):
        probe(township.path, bytes(32))
