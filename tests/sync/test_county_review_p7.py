"""Review (P7): a township makes no county unit (orgs of level county are the county's own), and the county
edits no township's unit, whatever its level says."""

import uuid

from tests.sync.servers import RawDevice
from tests.sync.test_county import county  # noqa: F401  (fixture)


def test_a_township_makes_no_county_unit(laptops, county):  # noqa: F811
    a = RawDevice(laptops.server.url, "admin")
    org = str(uuid.uuid4())
    (r,) = a.push(a.op("orgs", org, fields={"kind": "unit", "name": "县人民法院", "level": "county"}))
    assert r["status"] == "rejected" and "由县级账号建立" in r["reason"]
