"""P2: a township device (its admin's, as any hostile township laptop could) writes a county-level matter's
fields directly, adds a party under it and deletes it: no step, so no tier check (lifecycle.tier_problem is
applied to steps only). The county's matter changes under it."""

import uuid

from sync.server.models import Record
from tests.sync.servers import RawDevice
from tests.sync.test_county import county  # noqa: F401  (fixture)


def test_township_edits_adds_to_and_deletes_a_county_matter(laptops, county):  # noqa: F811
    escalated, _kept, _c = county
    srv = laptops.server.server
    with srv.db.reading() as s:
        m = s.get(Record, escalated)
        assert m.data["level"] == "county"
        seqs = dict(m.field_seq)
    dev = RawDevice(laptops.server.url, "admin")
    party = str(uuid.uuid4())
    results = dev.push(
        dev.op(
            "matters",
            escalated,
            op="update",
            fields={"facts": "乡镇改写的事实"},
            base_seqs={"facts": seqs.get("facts", 0)},
        ),
        dev.op(
            "parties",
            party,
            fields={"matter_id": escalated, "name": "乡镇加的当事人", "role": "applicant", "kind": "person"},
        ),
    )
    print("edit + party:", [(r["status"], r.get("reason")) for r in results])
    with srv.db.reading() as s:
        results2 = dev.push(
            dev.op(
                "matters",
                escalated,
                op="delete",
                fields={"deleted": True},
                base_seqs={"*": 10**12, "deleted": 10**12},
            )
        )
    print("delete:", [(r["status"], r.get("reason")) for r in results2])
    with srv.db.reading() as s:
        m = s.get(Record, escalated)
        print(
            "server matter: facts=", m.data.get("facts"), "deleted=", m.deleted, "level=", m.data.get("level")
        )
    assert [r["status"] for r in results + results2] == ["rejected"] * 3, (
        "township wrote a county-level matter"
    )
