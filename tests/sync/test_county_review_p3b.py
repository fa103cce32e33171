"""Review (P3b): the county sees every township's villages and units, but moves a township's matter into no
other township's village and sends it to no other township's unit (sync.server.county.crossing_problem): one
township's matter with another's village or unit would leave both."""

from desktop.services import steps, syncing
from desktop.store.models import Division
from sync.server.models import Record
from tests.services.test_matters import report
from tests.sync.test_county import _to_county, county  # noqa: F401  (fixture)
from tests.sync.test_townships import two  # noqa: F401  (fixture)


def test_county_moves_a_matter_into_another_townships_village(laptops, county, two):  # noqa: F811
    _escalated, _kept, c = county
    t, a = laptops.town, laptops.a
    other = report(t, title="另一件提级")
    _to_county(t, other)
    syncing.sync_now(a)
    syncing.sync_now(c)
    with c.read() as s:
        assert s.get(Division, two.b_village) is not None  # it could be named
    steps.change_place(c, other, two.b_village, two.b_grid, "县里改属地")
    assert syncing.sync_now(c).rejected >= 1
    with laptops.server.server.db.reading() as s:
        o = s.get(Record, other)
    assert o.village_id != two.b_village


def test_county_dispatches_a_matter_to_another_townships_unit(laptops, county, two):  # noqa: F811
    import uuid

    escalated, _kept, c = county
    b_org = str(uuid.uuid4())
    res = two.b.push(
        two.b.op("orgs", b_org, fields={"kind": "unit", "name": "马厂湖司法所", "level": "township"})
    )
    assert res[0]["status"] == "applied", res
    syncing.sync_now(c)
    steps.dispatch(c, escalated, f"org:{b_org}")
    assert syncing.sync_now(c).rejected >= 1
    with laptops.server.server.db.reading() as s:
        m = s.get(Record, escalated)
    assert m.data.get("handler") != f"org:{b_org}"
