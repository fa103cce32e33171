"""The desk's 已超期 and 临期 tiles count what the list under them shows and the ledger they open lists."""

from __future__ import annotations

from datetime import timedelta

from desktop.services import desk, lists, steps
from desktop.store.queries import MatterFilter
from tests.services.test_matters import report


def test_a_grid_workers_late_tile_counts_her_own_late_matters_as_her_list_does(township, clock):
    t = township
    p, g = t.login("platform"), t.login("grid1")
    hers, the_units = report(t), report(t, title="噪音扰民")
    for m in (hers, the_units):
        steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, hers, f"org:{t.committee}")  # her village committee: hers to handle
    steps.dispatch(p, the_units, f"org:{t.unit}")  # in her grid, but the unit handles it
    clock.now += timedelta(days=60)
    counts = desk.desk(g)
    late = [r.id for r in counts.due_soon if r.colour == "red"]
    assert late == [hers]
    assert counts.red == len(late) == 1
    # the ledger the tile opens lists with the tile's own filter: the same one matter
    page = lists.matters(g, desk.tile_filters(g)["red"])
    assert [r.id for r in page.rows] == [hers]
    # the township's platform sees both, in its tile and its list alike
    office = desk.desk(p)
    assert office.red == len([r for r in office.due_soon if r.colour == "red"]) == 2
    assert desk.tile_filters(p)["red"] == MatterFilter(colour="red")
