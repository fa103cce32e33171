"""Migrations: the models and the migrations agree, and a failed migration restores the backup."""

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from desktop.services import accounts
from desktop.services.residents import HouseholdInput, save_household
from desktop.store import migrate
from desktop.store.migrate import MIGRATIONS, MigrationFailed, include_name
from desktop.store.models import Base, Household
from tests.conftest import PASSWORD

BROKEN = '''"""a migration that fails half-way"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("households", sa.Column("extra", sa.String(10)))
    op.execute("UPDATE households SET number = 'changed'")
    raise RuntimeError("deliberate failure")


def downgrade():
    pass
'''


def test_models_and_migrations_agree(township):
    with township.admin.db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_a_new_database_is_at_head(township):
    assert migrate.current_revision(township.admin.db.engine) == migrate.head_revision()


def test_failed_migration_restores_the_backup_and_says_so(township, tmp_path):
    ws = township.admin
    save_household(ws, HouseholdInput(village_id=township.village, number="0007", address="东村7号"))
    township.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts)
    (scripts / "versions" / "9999_broken.py").write_text(BROKEN.format(head=migrate.head_revision()), "utf-8")

    with pytest.raises(MigrationFailed, match="已从升级前的备份恢复"):
        accounts.login(township.path, "admin", PASSWORD, script_location=scripts)
    backups = list((township.path.parent / "backups").glob("*.db"))
    assert len(backups) == 1

    ws = accounts.login(township.path, "admin", PASSWORD)  # the shipped migrations: opens as before
    with ws.read() as s:
        assert s.execute(select(Household.number)).scalars().all() == ["0007"]
    assert migrate.current_revision(ws.db.engine) == migrate.head_revision()
    ws.close()


def test_pending_migration_backs_up_first(township, tmp_path):
    township.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts)
    good = BROKEN.format(head=migrate.head_revision()).replace(
        '    raise RuntimeError("deliberate failure")\n', ""
    )
    (scripts / "versions" / "9999_extra.py").write_text(good, "utf-8")
    ws = accounts.login(township.path, "admin", PASSWORD, script_location=scripts)
    assert ws.db.migration.backup is not None and Path(ws.db.migration.backup).exists()
    assert migrate.current_revision(ws.db.engine) == "9999"
    ws.close()
