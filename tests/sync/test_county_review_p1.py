"""Review (P1): a township's laptop cannot make the county. An account record with scope_kind=county, sent by
a township PC, is refused alone: no county-kind account of a township exists, so nobody of the township can
take the county's steps in its name."""

from sqlalchemy import select

from desktop.services import accounts, syncing
from sync.server.models import Account
from tests.conftest import FAST_KDF, PASSWORD
from tests.sync.servers import RawDevice
from tests.sync.test_county import add_county_account
from tests.sync.test_townships import Two


def test_a_townships_laptop_cannot_make_a_county_account(laptops):
    a = laptops.a
    accounts.add_account(a, "fakecounty", "假县平台", PASSWORD, "platform", scope_kind="county", kdf=FAST_KDF)
    report = syncing.sync_now(a)
    assert report.rejected == 1
    (refused,) = syncing.rejected_edits(a)
    assert refused.table_name == "accounts" and "县级账号只在服务器上" in refused.reason
    with laptops.server.server.db.reading() as s:
        assert s.scalar(select(Account).where(Account.username == "fakecounty")) is None


def test_a_townships_admin_cannot_make_a_county_account_through_the_admin_api(laptops):
    """Review 3: the admin API's create took scope_kind=county from a township's admin, and the account read
    every township's county matters and could not be disabled by the township that made it."""
    two = Two(laptops)
    for maker in (two.b, RawDevice(two.url, "admin")):
        made = maker.call(
            "POST",
            "/v1/admin/accounts",
            json={"username": "evil", "password": PASSWORD, "scope_kind": "county", "roles": ["platform"]},
        )
        assert made.status_code == 422 and "scope_kind" in made.json()["detail"], made.text
        assert "县级账号只在服务器上" in made.json()["detail"]
    with laptops.server.server.db.reading() as s:
        assert s.scalar(select(Account).where(Account.username == "evil")) is None
    # the server's command line still makes the county
    add_county_account(laptops.server)
    with laptops.server.server.db.reading() as s:
        assert s.scalar(select(Account.scope_kind).where(Account.username == "county1")) == "county"


def test_a_county_devices_new_shared_record_is_refused_as_new(laptops):
    """Review 3: a county device's new account record was refused as if it changed a township's."""
    import uuid

    add_county_account(laptops.server)
    county = RawDevice(laptops.server.url, "county1")
    made = {"username": "made", "display_name": "新人", "roles": "platform"}
    (result,) = county.push(county.op("accounts", str(uuid.uuid4()), fields=made))
    assert result["status"] == "rejected" and "不能新增“accounts”记录" in result["reason"], result["reason"]
