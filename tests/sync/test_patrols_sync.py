"""巡查 against a real server (SQLite and PostgreSQL): a grid worker's patrol and the matter reported from it
reach the township; an entry the rules refuse, one in another account's name, or one outside the device's
grids is refused alone with its reason, and the honest laptops keep syncing."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from desktop.services import matters, patrols, syncing
from desktop.services.patrols import PatrolInput

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, record_on_server


def test_a_patrol_and_its_matter_reach_the_township_and_bad_entries_are_refused(laptops):
    b, town = laptops.b, laptops.town
    town.clock.now = datetime.now().replace(microsecond=0)
    entry = PatrolInput(town.village, "东村河堤", "河道堤岸", "有人私自取土", town.grid)
    patrol = patrols.log_patrol(b, entry).ids[0]
    form = patrols.matter_from_patrol(b, patrol)
    form.title = "河堤取土纠纷"
    m = matters.report(b, form).ids[0]
    assert syncing.sync_now(b).rejected == 0
    assert record_on_server(laptops.server, patrol).data["place"] == "东村河堤"
    assert record_on_server(laptops.server, m).data["patrol_id"] == patrol
    syncing.sync_now(laptops.a)
    assert [r.id for r in patrols.patrols(laptops.a)] == [patrol]

    device = RawDevice(laptops.server.url, "grid1")
    now = datetime.now().replace(microsecond=0)
    good = {
        "village_id": town.village,
        "grid_id": town.grid,
        "patroller_id": b.actor.account_id,
        "patrolled_at": now.isoformat(),
        "place": "村道",
        "place_kind": "道路",
        "seen": "路灯损坏",
    }
    results = device.push(
        device.op("patrols", str(uuid.uuid4()), fields={**good, "place_kind": "菜地", "seen": ""}),
        device.op("patrols", str(uuid.uuid4()), fields={**good, "patroller_id": town.accounts["grid2"]}),
        device.op(
            "patrols",
            str(uuid.uuid4()),
            fields={**good, "patrolled_at": (now + timedelta(days=2)).isoformat()},
        ),
        device.op(
            "patrols", str(uuid.uuid4()), fields={**good, "village_id": town.village2, "grid_id": town.grid2}
        ),
        device.op("patrols", str(uuid.uuid4()), fields=good),
    )
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"], results
    said = [r["reason"] for r in results]
    assert "地点类型" in said[0] and "本账号的名义" in said[1] and "巡查时间" in said[2]
    assert "管辖范围" in said[3]
    everyone_keeps_syncing(laptops)
