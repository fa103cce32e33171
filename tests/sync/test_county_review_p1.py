"""Review (P1): a township's laptop cannot make the county. An account record with scope_kind=county, sent by
a township PC, is refused alone: no county-kind account of a township exists, so nobody of the township can
take the county's steps in its name."""

from sqlalchemy import select

from desktop.services import accounts, syncing
from sync.server.models import Account
from tests.conftest import FAST_KDF, PASSWORD


def test_a_townships_laptop_cannot_make_a_county_account(laptops):
    a = laptops.a
    accounts.add_account(a, "fakecounty", "假县平台", PASSWORD, "platform", scope_kind="county", kdf=FAST_KDF)
    report = syncing.sync_now(a)
    assert report.rejected == 1
    (refused,) = syncing.rejected_edits(a)
    assert refused.table_name == "accounts" and "县级账号只在服务器上" in refused.reason
    with laptops.server.server.db.reading() as s:
        assert s.scalar(select(Account).where(Account.username == "fakecounty")) is None
