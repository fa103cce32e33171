"""Encrypted laptop backups: restored on another laptop by an entitled account, refused whole when damaged,
and never at the cost of the data that was there before."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from desktop.services import accounts, attachments, backups, lists, visits
from desktop.services.errors import NotAllowed
from desktop.store import backup as sealed
from desktop.store.keyslots import UnknownAccount, WrongPassword
from desktop.store.models import Attachment, AuditEntry, Household
from tests.conftest import PASSWORD
from tests.services.test_residents import household


@pytest.fixture
def backed_up(township, tmp_path):
    """A grid worker's laptop with a household, a visit and a photo, and a backup of it."""
    g = township.login("grid1")
    h = household(township, number="0101")
    visit = visits.log_visit(g, visits.VisitInput(h, "走访")).ids[0]
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(os.urandom(3 * sealed.CHUNK + 17))  # spans several sealed chunks
    attachments.add_attachment(g, "visit", visit, photo)
    report = backups.make_backup(g, tmp_path / "usb" / backups.suggested_name(g))
    return township, report, photo


def test_a_backup_restores_on_another_laptop_with_records_keys_and_files(backed_up, tmp_path, clock):
    township, report, photo = backed_up
    assert report.path.name.endswith(".fqbak") and "向城镇" in report.path.name
    assert report.counts["households"] == 1 and report.counts["attachments"] == 1
    with township.login("grid1").db.reading() as s:
        assert s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc())).first() == "backup.make"
    assert (
        PASSWORD.encode() not in report.path.read_bytes()
        and "东村一组1号".encode() not in report.path.read_bytes()
    )

    new_laptop = tmp_path / "new-laptop" / "fengqiao.db"
    new_laptop.parent.mkdir()
    assert "grid1" in backups.accounts_in(report.path)
    restored = backups.restore_backup(report.path, new_laptop, "grid1", PASSWORD, clock=clock)
    assert restored.moved_aside is None and restored.manifest["made_by"] == "grid1"

    ws = accounts.login(new_laptop, "grid1", PASSWORD, clock=clock)
    try:
        assert [r.number for r in lists.households(ws).rows] == ["0101"]
        with ws.db.reading() as s:
            (record,) = s.scalars(select(Attachment)).all()
            actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
        assert attachments.read_bytes(ws, record.sha256) == photo.read_bytes()  # sealed; same data key
        assert actions[-3:] == ["login", "backup.restore", "login"]
    finally:
        ws.close()
    accounts.login(new_laptop, "platform", PASSWORD, clock=clock).close()  # every account's key came along


def test_restoring_over_a_database_moves_it_aside_whole(backed_up, clock):
    township, report, _ = backed_up
    household(township, number="0102")  # made after the backup
    township.close()
    township._sessions.clear()

    restored = backups.restore_backup(report.path, township.path, "grid1", PASSWORD, clock=clock)
    assert restored.moved_aside is not None and (restored.moved_aside / township.path.name).exists()
    ws = township.login("grid1")
    assert [r.number for r in lists.households(ws).rows] == ["0101"]
    before = accounts.login(restored.moved_aside / township.path.name, "grid1", PASSWORD, clock=clock)
    try:
        assert sorted(r.number for r in lists.households(before).rows) == ["0101", "0102"]
    finally:
        before.close()


def _untouched(township, test):
    """Run `test` (which must raise) and check the laptop's database is as it was, with no leftovers."""
    files = sorted(p.name for p in township.path.parent.iterdir())
    size = township.path.stat().st_size
    test()
    assert sorted(p.name for p in township.path.parent.iterdir()) == files
    assert township.path.stat().st_size == size
    assert [r.number for r in lists.households(township.login("grid1")).rows] == ["0101"]


def test_a_wrong_password_or_unknown_account_changes_nothing(backed_up, clock):
    township, report, _ = backed_up
    with pytest.raises(WrongPassword):
        _untouched(
            township,
            lambda: backups.restore_backup(report.path, township.path, "grid1", "wrong pass", clock=clock),
        )
    with pytest.raises(UnknownAccount):
        _untouched(
            township,
            lambda: backups.restore_backup(report.path, township.path, "nobody", PASSWORD, clock=clock),
        )


def test_an_account_without_the_right_cannot_restore_or_back_up(backed_up, clock, tmp_path):
    township, report, _ = backed_up
    with pytest.raises(NotAllowed, match="恢复备份"):
        _untouched(
            township,
            lambda: backups.restore_backup(report.path, township.path, "auditor", PASSWORD, clock=clock),
        )
    with pytest.raises(NotAllowed):
        backups.make_backup(township.login("leader"), tmp_path / "leader.fqbak")


@pytest.mark.parametrize(
    "damage, reason",
    [
        (
            lambda data: (
                data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1 :]
            ),
            "损坏",
        ),
        (lambda data: data[: -sealed.CHUNK // 2], "不完整"),
        (lambda data: data + data[-100:], "多余"),
        (lambda data: b"PK\x03\x04" + data[4:], "不是枫桥备份"),
    ],
    ids=["flipped byte", "cut short", "trailing bytes", "not a backup"],
)
def test_a_damaged_backup_is_refused_whole(backed_up, clock, damage, reason):
    township, report, _ = backed_up
    report.path.write_bytes(damage(report.path.read_bytes()))
    with pytest.raises(sealed.BackupUnreadable, match=reason):
        _untouched(
            township,
            lambda: backups.restore_backup(report.path, township.path, "grid1", PASSWORD, clock=clock),
        )


def test_a_cancelled_backup_leaves_no_file(township, tmp_path):
    g = township.login("grid1")
    household(township, number="0101")
    target = tmp_path / "cancelled.fqbak"
    with pytest.raises(sealed.Cancelled):
        backups.make_backup(g, target, progress=lambda done, total: False)
    assert list(tmp_path.glob("cancelled*")) == [] and list(tmp_path.glob(".cancelled*")) == []


def test_the_snapshot_holds_the_latest_commit_while_the_app_is_open(township, tmp_path):
    """The live database keeps recent commits in its -wal file; the backup must include them."""
    g = township.login("grid1")
    for n in range(30):
        household(township, number=f"{n:04d}")
    report = backups.make_backup(g, tmp_path / "live.fqbak")
    target = tmp_path / "other" / "fengqiao.db"
    target.parent.mkdir()
    backups.restore_backup(report.path, target, "grid1", PASSWORD)
    ws = accounts.login(target, "grid1", PASSWORD)
    try:
        with ws.db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Household)) == 30
    finally:
        ws.close()
