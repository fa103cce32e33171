"""P1b: township A's admin, through the admin API, turns one of A's own accounts into a county-kind account
(scope_kind=county, roles platform). The server keeps it in township A but treats it as the county: its
identity is county=True (the county's steps), and /v1/counts, read in a session not confined to A, counts
township B's shared records and county matters too."""

from sqlalchemy import select

from sync.server import authority
from sync.server.models import Account
from tests.sync.servers import RawDevice
from tests.sync.test_townships import two  # noqa: F401  (fixture)


def test_admin_api_promotes_a_township_account_to_county(two):  # noqa: F811
    admin = RawDevice(two.url, "admin")
    r = admin.call("PATCH", "/v1/admin/accounts/grid2", json={"scope_kind": "county", "roles": ["platform"]})
    print("PATCH:", r.status_code, r.text[:300])
    assert r.status_code != 200, "a township admin made a county account"


def test_fake_county_counts_other_townships(two):  # noqa: F811
    admin = RawDevice(two.url, "admin")
    admin.call("PATCH", "/v1/admin/accounts/grid2", json={"scope_kind": "county", "roles": ["platform"]})
    with two.laptops.server.server.db.reading() as s:
        acc = s.scalar(select(Account).where(Account.username == "grid2"))
        ident = authority.identity_of(s, acc)
        print("account:", acc.township_id == two.a_id, acc.scope_kind, "identity.county =", ident.county)
    fake = RawDevice(two.url, "grid2")
    from tests.sync.test_townships import pulled

    got = pulled(fake)
    with two.laptops.server.server.db.reading() as s:
        from sync.server.models import Record as R

        b_rows = set(s.scalars(select(R.id).where(R.township_id == two.b_id)))
    print(
        "fake county's pull: changes",
        len(got["changes"]),
        "of B:",
        len(set(got["changes"]) & b_rows),
        "counts:",
        got["counts"],
    )
    counts = fake.call("GET", "/v1/counts").json()["counts"]
    print("fake county's counts:", counts)
    from sync.server.models import Record

    with two.laptops.server.server.db.reading() as s:
        a_div = len(
            list(
                s.scalars(
                    select(Record.id).where(Record.table_name == "divisions", Record.township_id == two.a_id)
                )
            )
        )
    print("A's divisions on the server:", a_div)
    assert counts.get("divisions", 0) <= a_div, "counts read township B's records"
