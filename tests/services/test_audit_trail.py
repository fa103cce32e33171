"""The audit trail read by the auditor: filters, pages, the chain verified (and a changed entry caught), and
`fengqiao audit` on a real SQLCipher database; nobody but the auditor reads it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from desktop.services import audit_trail, residents, steps
from desktop.services.audit_trail import AuditFilter
from desktop.services.errors import NotAllowed, ValidationFailed
from desktop.services.residents import HouseholdInput
from desktop.store.models import AuditEntry
from sync.core.domain.residents import PersonFields
from tests.conftest import PASSWORD
from tests.services.test_matters import report


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
    # as an auditor reads it: who by name, the action in Chinese, the account named, the roles given
    lines = [line.split("\t") for line in verified.stdout.splitlines()[1:] if not line.startswith("\t")]
    assert len(lines) == 7 and {line[3] for line in lines} == {"新增账号"}
    assert {line[2] for line in lines} == {"管理员（admin）"}
    assert "吴审计（auditor）" in {line[4] for line in lines}
    assert "\t\t角色: 审计员" in verified.stdout and "account.add" not in verified.stdout
    mine = fengqiao(db, "--who", "吴审计", "--from", day, "--to", day)  # the name a person goes by
    assert mine.returncode == 0 and "\t吴审计（auditor）\t登录\t" in mine.stdout, mine.stdout
    raw = fengqiao(db, "--json", "--verify", "--what", "account.add")  # --json keeps the entries as stored
    assert raw.returncode == 0 and "哈希链完好" in raw.stderr
    entries = [json.loads(line) for line in raw.stdout.splitlines()]
    assert len(entries) == 7 and {e["action"] for e in entries} == {"account.add"}
    assert {"target": "auditor", "detail": {"roles": ["auditor"]}}.items() <= next(
        e for e in entries if e["target"] == "auditor"
    ).items()
    bad = fengqiao(db, "--from", "2026-13-01")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr
    backwards = fengqiao(db, "--from", "2026-12-01", "--to", "2026-11-01")
    assert backwards.returncode != 0 and "至" in backwards.stderr
    with township.admin.db.writing() as s:
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).first().action = "nothing"
    broken = fengqiao(db, "--verify")
    assert broken.returncode != 0 and "哈希链校验失败：第 1 条" in broken.stdout


def test_each_entry_reads_in_an_auditors_words(township):
    t = township
    p = t.login("platform")
    matter = report(t)
    steps.register(p, matter, 1, category="邻里")
    grid = t.login("grid1")
    household = residents.save_household(grid, HouseholdInput(t.village, "0101", "东村一组1号", t.grid)).ids[
        0
    ]
    residents.save_person(grid, household, PersonFields("张三", "", "汉族", "", "", "户主"))
    auditor = t.login("auditor")
    rows = audit_trail.read(auditor, AuditFilter()).rows
    registered = next(r for r in rows if r.action == "matter.registered")
    assert registered.who == "钱平台（platform）"
    assert registered.action_label == "立案定级"  # the step's own name (lifecycle.ACTION_LABELS)
    assert registered.target_label.startswith("向城-2026-") and "宅基地边界争议" in registered.target_label
    assert registered.changes == ("状态: 已上报 → 待交办",)  # the status before, from the report's entry
    assert '"status": "registered"' in registered.detail and registered.target == matter  # raw kept
    assert f"target: {matter}" in registered.raw
    added = next(r for r in rows if r.action == "household.add")
    assert added.action_label == "新增住户" and added.target_label == "户号 0101（户主 张三）"
    account = next(r for r in rows if r.action == "account.add" and r.target == "grid1")
    assert (account.action_label, account.target_label, account.changes) == (
        "新增账号",
        "王网格（grid1）",
        ("角色: 网格员",),
    )
    assert (
        audit_trail.read(auditor, AuditFilter(who="钱平台")).total
        == audit_trail.read(auditor, AuditFilter(who="platform")).total
        > 0
    )
