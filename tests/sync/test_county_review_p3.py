"""P3: a county device writes a matter the county sent down (交下级落实: now the township's, the county may
only 督办): it rewrites the facts and deletes it. And on a matter still at county level it moves the matter
into township B's village (a village id of another township passes the reference check, since a county
push is not confined to a township and B's divisions are shared, hence 'readable')."""

from desktop.services import steps, syncing
from sync.server.models import Record
from tests.services.test_matters import report
from tests.sync.servers import RawDevice
from tests.sync.test_county import (
    _to_county,
    county,  # noqa: F401  (fixture)
)
from tests.sync.test_townships import two  # noqa: F401  (fixture)


def test_county_edits_and_deletes_a_sent_down_matter_and_moves_one_to_b(laptops, county, two):  # noqa: F811
    escalated, kept, c = county
    t, a = laptops.town, laptops.a
    steps.dispatch(c, escalated, f"account:{c.actor.account_id}")
    steps.accept(c, escalated)
    steps.refer_down(c, escalated, "县综治中心研判：由镇司法所落实", 10)
    assert syncing.sync_now(c).rejected == 0
    srv = laptops.server.server
    with srv.db.reading() as s:
        m = s.get(Record, escalated)
        print("sent down:", m.data["level"], m.data["status"])
    dev = RawDevice(laptops.server.url, "county1")
    r1 = dev.push(
        dev.op("matters", escalated, op="update", fields={"facts": "县里改写"}, base_seqs={"facts": 10**12})
    )
    print("county edits township's matter:", [(r["status"], r.get("reason")) for r in r1])
    # a second matter at county level, moved by the county into B's village
    other = report(t, title="另一件提级")
    _to_county(t, other)
    syncing.sync_now(a)
    r3 = dev.push(
        dev.op(
            "matters",
            other,
            op="update",
            fields={"village_id": two.b_village, "grid_id": two.b_grid},
            base_seqs={"village_id": 10**12, "grid_id": 10**12},
        )
    )
    print("county moves A's matter into B's village:", [(r["status"], r.get("reason")) for r in r3])
    r2 = dev.push(
        dev.op(
            "matters",
            escalated,
            op="delete",
            fields={"deleted": True},
            base_seqs={"*": 10**12, "deleted": 10**12},
        )
    )
    print("county deletes township's matter:", [(r["status"], r.get("reason")) for r in r2])
    with srv.db.reading() as s:
        m, o = s.get(Record, escalated), s.get(Record, other)
        print("sent-down matter:", m.data["level"], m.data.get("facts"), "deleted=", m.deleted)
        print(
            "moved matter: township",
            "A" if o.township_id == two.a_id else o.township_id,
            "village is B's:",
            o.village_id == two.b_village,
        )
    assert [x["status"] for x in r1 + r2 + r3] == ["rejected"] * 3
