"""信访 steps against a real server (SQLite and PostgreSQL): the server refuses a petition step the rules
do not allow from the state it holds (复核 before 复查, a petition step on a dispute), each alone with its
reason, and takes the honest laptop's steps, with the same stage on every end."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.services import matters, steps, syncing
from desktop.services.matters import MatterInput, PartyInput
from desktop.store.models import Matter

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, record_on_server, reported_in_grid
from .test_history_authority import reasons


def replied_petition(laptops) -> str:
    """A petition received in the grid, accepted, handled by the grid worker and answered in writing today."""
    town = laptops.town
    town.clock.now = datetime.now().replace(microsecond=0)
    party = PartyInput("王五", "申请人", id_number="110105198001010016", phone="13800138000")
    m = matters.report(
        laptops.a,
        MatterInput(
            "拖欠工资",
            "信访来访",
            kind="petition",
            village_id=town.village,
            grid_id=town.grid,
            parties=[party],
        ),
    ).id
    steps.register(laptops.a, m, 3, category="劳动争议")
    steps.dispatch(laptops.a, m, f"account:{laptops.b.actor.account_id}")
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    steps.accept(laptops.b, m)
    steps.close(laptops.b, m, "resolved", reply="工资已结清。")
    syncing.sync_now(laptops.b)
    syncing.sync_now(laptops.a)
    return m


def step(laptops, m, action, data) -> dict:
    admin = laptops.a.actor
    return {
        "matter_id": m,
        "action": action,
        "actor_id": admin.account_id,
        "actor_name": admin.display_name,
        "at": datetime.now().isoformat(timespec="seconds"),
        "data": {"n": 60, **data},
    }


def test_the_server_refuses_a_petition_step_out_of_order(laptops):
    m = replied_petition(laptops)
    held = record_on_server(laptops.server, m).data
    today = date.today().isoformat()
    assert (held["petition_stage"], held["petition_since"], held["status"]) == ("replied", today, "closed")
    dispute = reported_in_grid(laptops)
    office = RawDevice(laptops.server.url, "admin")
    out_of_order = office.op("events", fields=step(laptops, m, "recheck_requested", {"on": today}))
    opinion_first = office.op(
        "events", fields=step(laptops, m, "review_decided", {"on": today, "opinion": "维持"})
    )
    on_a_dispute = office.op("events", fields=step(laptops, dispute, "forwarded", {"organ": "县法院"}))
    later = (date.today() + timedelta(days=31)).isoformat()  # past the 30 days to ask, on paper only
    concluded_early = office.op("events", fields=step(laptops, m, "concluded", {"on": later}))
    recheck, opinion, forwarded, early = reasons(
        office.push(out_of_order, opinion_first, on_a_dispute, concluded_early)
    )
    assert "登记复核申请" in recheck and "已书面答复" in recheck and "服务器上的状态" in recheck
    assert "复查意见" in opinion and "已书面答复" in opinion
    assert "只有信访事项有此步骤" in forwarded
    assert early == f"信访终结：日期应为办理当天（{today}）"
    assert record_on_server(laptops.server, m).data["petition_stage"] == "replied"

    # The honest path: the office records the 复查 request; every end holds the same stage and day.
    steps.request_review(laptops.a, m, date.today())
    everyone_keeps_syncing(laptops)
    held = record_on_server(laptops.server, m).data
    assert (held["petition_stage"], held["petition_since"]) == ("review_requested", today)
    with laptops.b.read() as s:
        row = s.get(Matter, m)
        assert (row.petition_stage, row.petition_since) == ("review_requested", today)
