"""The audit trail read by the auditor: filters, pages, the chain verified (and a changed entry caught), and
`fengqiao audit` on a real SQLCipher database; nobody but the auditor reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from desktop.services import audit_trail
from desktop.services.audit_trail import AuditFilter
from desktop.services.errors import NotAllowed, ValidationFailed
from desktop.store.models import AuditEntry
from tests.conftest import PASSWORD


def test_the_auditor_reads_the_trail_with_filters_and_pages(township, clock):
    auditor = township.login("auditor")
    everything = audit_trail.read(auditor, AuditFilter())
    assert everything.total >= 8 and everything.rows[0].id > everything.rows[-1].id  # newest first
    assert everything.total == audit_trail.check_chain(auditor).entries
    adds = audit_trail.read(auditor, AuditFilter(what="account.add"))
    assert adds.total == 7 and {r.target for r in adds.rows} >= {"grid1", "auditor", "mediator"}
    assert {r.account for r in adds.rows} == {"admin"}
    logins = audit_trail.read(auditor, AuditFilter(who="audit", what="login"))
    assert [(r.account, r.action) for r in logins.rows] == [("auditor", "login")]
    page = audit_trail.read(auditor, AuditFilter(), offset=2, limit=3)
    assert [r.id for r in page.rows] == [
        r.id for r in everything.rows[2:5]
    ] and page.total == everything.total
    today = clock().date()
    assert audit_trail.read(auditor, AuditFilter(start=today, end=today)).total == everything.total
    assert audit_trail.read(auditor, AuditFilter(start=today + timedelta(days=1))).total == 0
    assert audit_trail.read(auditor, AuditFilter(end=today - timedelta(days=1))).total == 0
    with pytest.raises(ValidationFailed, match="至"):
        audit_trail.read(auditor, AuditFilter(start=today, end=today - timedelta(days=1)))
    with pytest.raises(ValidationFailed, match="操作人"):
        audit_trail.read(auditor, AuditFilter(who="x" * 51))
    with pytest.raises(NotAllowed):
        audit_trail.read(township.admin, AuditFilter())
    with pytest.raises(NotAllowed):
        audit_trail.check_chain(township.login("leader"))


def test_the_chain_catches_an_entry_changed_afterwards(township):
    auditor = township.login("auditor")
    assert audit_trail.check_chain(auditor).ok
    # Someone holding the database key drops the append-only trigger: the chain is the check that remains.
    with township.admin.db.writing() as s:
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        entry = s.scalars(select(AuditEntry).where(AuditEntry.target == "grid2")).first()
        entry.target, changed = "grid9", entry.seq
    check = audit_trail.check_chain(auditor)
    assert not check.ok and check.broken_at == changed


def fengqiao(db, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")}
    env |= {"FENGQIAO_PASSWORD": PASSWORD, "FENGQIAO_USER": "auditor"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "audit", "--db", str(db), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_fengqiao_audit_lists_filters_and_verifies(township):
    db = township.path
    day = f"{datetime.now():%Y-%m-%d}"  # the command line's own sign-in is written with today's clock
    verified = fengqiao(db, "--verify", "--what", "account.add")
    assert verified.returncode == 0, verified.stderr
    assert "哈希链完好" in verified.stdout
    lines = [line.split("\t") for line in verified.stdout.splitlines()[1:]]
    assert len(lines) == 7 and {line[3] for line in lines} == {"account.add"}
    mine = fengqiao(db, "--who", "auditor", "--from", day, "--to", day)
    assert mine.returncode == 0 and "\tauditor\tlogin\t" in mine.stdout, mine.stdout
    bad = fengqiao(db, "--from", "2026-13-01")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr
    backwards = fengqiao(db, "--from", "2026-12-01", "--to", "2026-11-01")
    assert backwards.returncode != 0 and "至" in backwards.stderr
    with township.admin.db.writing() as s:
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).first().action = "nothing"
    broken = fengqiao(db, "--verify")
    assert broken.returncode != 0 and "哈希链校验失败：第 1 条" in broken.stdout
