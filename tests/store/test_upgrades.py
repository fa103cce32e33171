"""Upgrades from every earlier migration to head, with data in the database: nothing lost, a backup taken."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from desktop.services import accounts, lists, residents
from desktop.services.residents import HouseholdInput
from desktop.store import migrate
from desktop.store.engine import NO_FOREIGN_KEYS
from desktop.store.models import AuditEntry, Household, OutboxEntry, Person
from sync.core.domain.residents import PersonFields
from tests.conftest import PASSWORD
from tests.services.test_matters import matter, report

EARLIER = [rev.revision for rev in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()][1:]


@pytest.mark.parametrize("revision", EARLIER)
def test_upgrade_from_every_earlier_migration_keeps_the_data(township, revision):
    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    residents.save_person(g, h, PersonFields("张三", mobile="13800138000"))
    m = report(township)
    with township.admin.read() as s:
        outbox_before = s.scalar(select(func.count()).select_from(OutboxEntry))
        audit_before = s.scalar(select(func.count()).select_from(AuditEntry))
    engine = township.admin.db.engine
    cfg = migrate.alembic_config()
    with engine.execution_options(**{NO_FOREIGN_KEYS: True}).connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()
    assert migrate.current_revision(engine) == revision
    township.close()

    ws = accounts.login(township.path, "grid1", PASSWORD)
    try:
        assert ws.db.migration.before == revision and ws.db.migration.backup.exists()
        assert migrate.current_revision(ws.db.engine) == migrate.head_revision()
        with ws.read() as s:
            assert s.get(Household, h).address == "东村1号"
            assert s.scalar(select(Person.mobile).where(Person.household_id == h)) == "13800138000"
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == outbox_before
            assert s.scalar(select(func.count()).select_from(AuditEntry)) >= audit_before
        assert matter(type("T", (), {"admin": ws})(), m).title == "宅基地边界争议"
        assert lists.households(ws, text="张").total == 1  # the short-text index is filled from the old one
        assert lists.households(ws, text="张三").total == 1
        residents.save_household(ws, HouseholdInput(township.village, "0002", "东村2号", township.grid))
    finally:
        ws.close()
