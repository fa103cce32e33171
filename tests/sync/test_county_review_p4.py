"""Review (P4): a record under a county matter cannot carry the county's flag to a matter never at county
level. A township device can neither add a party under the county-level matter nor move one out of it; a
record follows its parent's flag wherever it is moved (changes._check_place)."""

import uuid

from desktop.services import syncing
from desktop.store.models import Party
from tests.sync.servers import RawDevice
from tests.sync.test_county import county  # noqa: F401  (fixture)


def test_a_party_moved_to_a_township_matter_still_reaches_the_county(laptops, county):  # noqa: F811
    escalated, kept, c = county
    dev = RawDevice(laptops.server.url, "admin")
    party = str(uuid.uuid4())
    r = dev.push(
        dev.op(
            "parties",
            party,
            fields={"matter_id": escalated, "name": "张三", "role": "applicant", "kind": "person"},
        )
    )
    assert r[0]["status"] == "rejected" and "提级到县级" in r[0]["reason"]
    r = dev.push(
        dev.op(
            "parties",
            party,
            op="update",
            fields={
                "matter_id": kept,
                "name": "李四（乡镇事项的当事人）",
                "id_number": "110105199001011234",
                "phone": "13800000000",
            },
            base_seqs={"matter_id": 10**12, "name": 10**12, "id_number": 10**12, "phone": 10**12},
        )
    )
    assert r[0]["status"] == "rejected"
    syncing.sync_now(c)
    with c.read() as s:
        got = s.get(Party, party)
    assert got is None or got.matter_id != kept, "county received a party of a matter never at county level"
