"""A matter's history is its record, and time the server can bound: what a hostile laptop could send to
rewrite one, against a real server (SQLite and PostgreSQL). Each is refused alone with its reason; the honest
laptops keep syncing, and every field a step sets is the same on every end."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.services import matters, steps, syncing
from desktop.services.matters import MatterInput
from desktop.services.steps import AgreementInput, SessionInput
from desktop.store.models import Agreement, Event, Matter
from sync.core.domain import lifecycle
from sync.server import history
from sync.server.models import Record

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, record_on_server, reported_in_grid


def reasons(results) -> list[str]:
    """Every op refused: their reasons (the whole answer shown when one was not)."""
    assert all(r["status"] == "rejected" for r in results), [(r["status"], r.get("reason")) for r in results]
    return [r["reason"] for r in results]


STEP_COLUMNS = [
    *lifecycle.STATE_FIELDS,
    *lifecycle.STEP_SET_FIELDS,
    "handler_name",
    *lifecycle.FIXED_FIELDS,
]


def handling(laptops, today: bool = True, days_ago: int = 0) -> str:
    """A matter the grid worker's laptop (b) is handling: reported, registered, dispatched to it, accepted.
    `today`: the township's laptop's clock set to the real one, as the joined laptop's is (or `days_ago`)."""
    if today:
        laptops.town.clock.now = datetime.now().replace(microsecond=0)
    m = reported_in_grid(laptops)
    steps.register(laptops.a, m, 1, category="邻里")
    steps.dispatch(laptops.a, m, f"account:{laptops.b.actor.account_id}")
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    steps.accept(laptops.b, m)
    syncing.sync_now(laptops.b)
    syncing.sync_now(laptops.a)
    if days_ago:
        registered_on_server(laptops, m, days_ago)
    return m


def events_on_server(laptops, m) -> list[Record]:
    with laptops.server.server.db.reading() as s:
        return list(s.scalars(select(Record).where(Record.parent_id == m, Record.table_name == "events")))


def registered_on_server(laptops, m, days: int) -> None:
    """The matter as the server holds it had it been registered `days` ago. A step counts no earlier than the
    account's previous push (timing.counted_time), so no laptop clock can make history old: the test writes
    it, with the due date the rules give."""
    back = datetime.now().replace(microsecond=0) - timedelta(days=days)
    with laptops.server.server.db.writing() as s:
        record = s.get(Record, m)
        after = {**record.data, "registered_at": back.isoformat()}
        due = history._due_on(s, lifecycle.Action.REGISTER, {}, after)
        record.data = {**after, "due_on": due.isoformat()}


def event(laptops, m, action, at=None, **extra):
    b = laptops.b.actor
    fields = {
        "matter_id": m,
        "action": action,
        "actor_id": b.account_id,
        "actor_name": b.display_name,
        "at": (at or datetime.now()).isoformat(timespec="seconds"),
        "data": extra.pop("data", {"n": 50}),
        **extra,
    }
    return fields


def same_everywhere(laptops, m) -> dict:
    """Every field a step sets, equal on both laptops and the server."""
    server = record_on_server(laptops.server, m).data
    for ws in (laptops.a, laptops.b):
        with ws.read() as s:
            row = s.get(Matter, m)
            for column in STEP_COLUMNS:
                value = getattr(row, column)
                value = value.isoformat() if hasattr(value, "isoformat") else value
                assert value == server.get(column), (column, value, server.get(column))
    return server


@pytest.fixture
def device(laptops):
    return RawDevice(laptops.server.url, "grid1")


def test_direct_writes_of_what_a_step_sets_are_refused(laptops, device):
    m = handling(laptops)
    held = record_on_server(laptops.server, m)
    before = dict(held.data)
    later = "2027-03-01"
    results = device.push(
        device.op("matters", m, "update", {"due_on": later}, {"due_on": held.field_seq["due_on"]}),
        device.op("matters", m, "update", {"closed_at": "2026-11-20T10:00:00"}, {"closed_at": 0}),
        device.op(
            "matters", m, "update", {"handler_name": "别人"}, {"handler_name": held.field_seq["handler_name"]}
        ),
        device.op("matters", m, "update", {"risk": "high"}, {"risk": held.field_seq["risk"]}),
    )
    r = reasons(results)
    assert all("只能由办理步骤写入" in x or "不会" in x for x in r), r
    assert record_on_server(laptops.server, m).data == before
    everyone_keeps_syncing(laptops)
    same_everywhere(laptops, m)


def test_a_step_with_a_wrong_due_date_is_refused(laptops, device):
    """A real step (an extension asked and granted) with a due date the rules do not give."""
    m = handling(laptops)
    held = record_on_server(laptops.server, m)
    results = device.push(
        device.op("events", fields=event(laptops, m, "closed", data={"outcome": "resolved", "n": 9})),
        device.op(
            "matters",
            m,
            "update",
            {"status": "closed", "outcome": "resolved", "closed_at": "2026-01-01T00:00:00"},
            {f: held.field_seq.get(f, 0) for f in ("status", "outcome", "closed_at")},
            base_values={"status": "handling"},
        ),
    )
    assert results[0]["status"] == "applied"  # the handler may close it …
    (reason,) = reasons(results[1:])  # … but not at another time than the step's own
    assert "closed_at" in reason
    # The step itself is taken: the server's matter is what it makes it, at the time it counts at (derived).
    held = record_on_server(laptops.server, m).data
    (close,) = [e.data for e in events_on_server(laptops, m) if e.data["action"] == "closed"]
    assert (held["status"], held["closed_at"]) == ("closed", close["counted_at"])


def synced_once(laptops, device) -> None:
    """The hostile device pushes something harmless, as any laptop syncs: it has seen the township since."""
    town = laptops.town
    fields = {"village_id": town.village, "grid_id": town.grid, "number": f"H{device.seq}", "address": "东村"}
    assert device.push(device.op("households", fields=fields))[0]["status"] == "applied"


def test_invented_and_backdated_events_are_refused(laptops, device):
    m = reported_in_grid(laptops)  # only reported: nothing to close
    synced_once(laptops, device)
    (reason,) = reasons(
        device.push(device.op("events", fields=event(laptops, m, "closed", data={"outcome": "resolved"})))
    )
    assert "办结" in reason and "已上报" in reason
    m2 = handling(laptops)
    # The device's previous push (complete: one op) was received now; a step it claims happened yesterday
    # would have been sent then.
    assert (
        device.push(
            device.op("events", fields=event(laptops, m2, "session_held", data={"outcome": "adjourned"}))
        )[0]["status"]
        == "applied"
    )
    yesterday = datetime.now() - timedelta(days=1)
    results = device.push(
        device.op("events", fields=event(laptops, m2, "closed", at=yesterday, data={"outcome": "resolved"})),
        device.op(
            "events",
            fields=event(
                laptops, m2, "closed", at=datetime.now() + timedelta(days=2), data={"outcome": "resolved"}
            ),
        ),
    )
    r = reasons(results)
    assert "早于本设备上次同步" in r[0] and "晚于服务器收到" in r[1]
    everyone_keeps_syncing(laptops)
    assert same_everywhere(laptops, m2)["status"] == "handling"


def test_settling_a_conflict_that_does_not_exist_is_refused(laptops, device):
    m = handling(laptops)
    fake = event(laptops, m, "conflict_settled", data={"field": "due_on", "value": "2027-01-01"})
    (reason,) = reasons(device.push(device.op("events", fields=fake)))
    assert "due_on" in reason  # not a state field at all
    fake = event(laptops, m, "conflict_settled", data={"field": "status", "value": "closed"})
    (reason,) = reasons(device.push(device.op("events", fields=fake)))
    assert "没有" in reason and "冲突" in reason
    everyone_keeps_syncing(laptops)


def test_an_event_in_another_persons_name_is_refused(laptops, device):
    m = handling(laptops)
    (reason,) = reasons(
        device.push(
            device.op(
                "events",
                fields=event(
                    laptops, m, "session_held", actor_name="调解员老王", data={"outcome": "adjourned"}
                ),
            )
        )
    )
    assert "经办人" in reason and "调解员老王" in reason
    everyone_keeps_syncing(laptops)


def test_who_reported_and_whistleblower_protection_are_fixed(laptops, device):
    m = reported_in_grid(laptops)
    held = record_on_server(laptops.server, m)
    before = dict(held.data)
    results = device.push(
        device.op(
            "matters",
            m,
            "update",
            {"reported_by": laptops.b.actor.account_id},
            {"reported_by": held.field_seq["reported_by"]},
        ),
        device.op(
            "matters",
            m,
            "update",
            {"reported_at": "2026-01-01T08:00:00"},
            {"reported_at": held.field_seq["reported_at"]},
        ),
        device.op(
            "matters",
            m,
            "update",
            {"whistleblower": True},
            {"whistleblower": held.field_seq["whistleblower"]},
        ),
        device.op("matters", m, "update", {"accused_org_id": laptops.town.unit}, {"accused_org_id": 0}),
    )
    r = reasons(results)
    assert all("上报时写定" in x for x in r), r
    assert record_on_server(laptops.server, m).data == before
    everyone_keeps_syncing(laptops)


def signed(laptops) -> tuple[str, str]:
    """A matter in hand with a written agreement both sides signed, synced: (matter id, agreement id)."""
    m = handling(laptops)
    b = laptops.b
    steps.record_session(b, m, SessionInput(b.now().date(), "人民调解", "agreement", record="双方同意"))
    terms = AgreementInput(
        "written",
        "张三、李四",
        "噪音",
        "晚十点后不施工",
        perform_by=b.now().date(),
        signed_by_parties=True,
        signed_by_mediator=True,
    )
    steps.record_agreement(b, m, terms)
    syncing.sync_now(b)
    with b.read() as s:
        (agreement,) = s.scalars(select(Agreement).where(Agreement.matter_id == m))
    return m, agreement.id


def test_a_signed_agreement_cannot_be_edited(laptops, device):
    m, agreement_id = signed(laptops)
    held = record_on_server(laptops.server, agreement_id)
    results = device.push(
        device.op(
            "agreements", agreement_id, "update", {"terms": "不用赔了"}, {"terms": held.field_seq["terms"]}
        ),
        device.op(
            "agreements",
            agreement_id,
            "update",
            {"signed_by_parties": False},
            {"signed_by_parties": held.field_seq["signed_by_parties"]},
        ),
        device.op("agreements", agreement_id, "delete", {"deleted": True}, {"*": held.server_seq}),
        device.op("agreements", agreement_id, "update", {"copies": 3}, {"copies": held.field_seq["copies"]}),
    )
    r = reasons(results[:3])
    assert all("变更协议" in x for x in r)
    assert results[3]["status"] == "applied"  # what was not signed (the copies made) may still change
    assert record_on_server(laptops.server, agreement_id).data["terms"] == "晚十点后不施工"
    everyone_keeps_syncing(laptops)


def test_the_servers_receipt_time_reaches_the_laptops(laptops):
    m = handling(laptops, today=False)
    for ws in (laptops.a, laptops.b):  # each end: the events it took (sent back to it) and the other's
        syncing.sync_now(ws)
        with ws.read() as s:
            events = list(s.scalars(select(Event).where(Event.matter_id == m)))
        assert {e.device_id for e in events} == {laptops.a.device_id, laptops.b.device_id}
        assert all(e.server_time is not None for e in events)
        # The township laptop's clock (the test's) is weeks behind the server's: the two times are kept apart.
        assert all(
            e.server_time > e.at + timedelta(days=1) for e in events if e.device_id == laptops.a.device_id
        )


def test_honest_steps_on_both_laptops_leave_every_derived_field_equal(laptops):
    m = handling(laptops)
    a, b = laptops.a, laptops.b
    steps.request_extension(b, m, 5, "当事人外出")
    syncing.sync_now(b)
    syncing.sync_now(a)
    steps.decide_extension(a, m, True)
    syncing.sync_now(a)
    syncing.sync_now(b)
    steps.close(b, m, "resolved", "已化解")
    syncing.sync_now(b)
    syncing.sync_now(a)
    steps.check_closure(a, m, True)
    everyone_keeps_syncing(laptops)
    held = same_everywhere(laptops, m)
    assert held["status"] == "checked" and held["extension_days"] == 5
    assert held["closed_at"] and held["checked_at"] and held["registered_at"]


def test_a_laptop_may_not_report_a_matter_twice(laptops, device):
    m = reported_in_grid(laptops)
    (reason,) = reasons(device.push(device.op("events", fields=event(laptops, m, "reported", data={}))))
    assert "上报" in reason
    assert str(uuid.UUID(m))


def test_typed_dates_beyond_the_window_need_a_reason_on_the_server_too(laptops, device):
    m = handling(laptops)
    synced_once(laptops, device)
    long_ago = (datetime.now() - timedelta(days=30)).date().isoformat()
    session = {
        "matter_id": m,
        "held_on": long_ago,
        "kind": "人民调解",
        "outcome": "adjourned",
        "record": "补记",
    }
    results = device.push(
        device.op(
            "events", fields=event(laptops, m, "session_held", data={"outcome": "adjourned", "on": long_ago})
        ),
        device.op("mediation_sessions", fields=session),
        device.op(
            "events",
            fields=event(laptops, m, "session_held", data={"outcome": "adjourned", "on": "2099-01-01"}),
        ),
    )
    r = reasons(results)
    # the session's step was refused, so the session is too: it is never written without its step
    assert "补录理由" in r[0] and "办理步骤" in r[1] and "不能晚于今天" in r[2]
    # With the reason on its step, the late session is taken, and the reason stays in the history.
    late = {"outcome": "adjourned", "on": long_ago, "late_reason": "记录本遗失，今日补录"}
    results = device.push(
        device.op("events", fields=event(laptops, m, "session_held", data=late)),
        device.op("mediation_sessions", fields=session),
    )
    assert [x["status"] for x in results] == ["applied", "applied"]
    # One step, one record (review: five sessions and three follow-ups were written with no step at all)
    (again,) = reasons(device.push(device.op("mediation_sessions", fields=session)))
    assert "只写一条" in again
    everyone_keeps_syncing(laptops)


def test_an_extension_after_the_due_date_is_refused_on_the_server(laptops, device):
    m = handling(laptops, days_ago=20)  # registered twenty days ago: a one-star matter's five days are past
    synced_once(laptops, device)
    due = record_on_server(laptops.server, m).data["due_on"]
    ask = event(laptops, m, "extension_requested", data={"days": 5, "reason": "拖延"})
    (reason,) = reasons(device.push(device.op("events", fields=ask)))
    assert due in reason and "已过" in reason
    everyone_keeps_syncing(laptops)


def test_a_whistleblower_matter_is_not_dispatched_to_the_accused_unit_by_any_laptop(laptops):
    town, a = laptops.town, laptops.a
    town.clock.now = datetime.now().replace(microsecond=0)
    m = matters.report(
        a,
        MatterInput(
            "检举村干部",
            "网格排查",
            village_id=town.village,
            grid_id=town.grid,
            facts="检举",
            whistleblower=True,
            accused_org_id=town.committee,
        ),
    ).id
    steps.register(a, m, 1, category="邻里")
    syncing.sync_now(a)
    office = RawDevice(laptops.server.url, "admin")
    fields = {
        **event(laptops, m, "dispatched", data={"handler": f"org:{town.committee}"}),
        "actor_id": a.actor.account_id,
        "actor_name": a.actor.display_name,
    }
    (reason,) = reasons(office.push(office.op("events", fields=fields)))
    assert "被检举" in reason
    fields["data"] = {"handler": f"account:{town.accounts['grid1']}"}  # one of that committee
    (reason,) = reasons(office.push(office.op("events", fields=fields)))
    assert "被检举" in reason
    everyone_keeps_syncing(laptops)


def test_risk_lowered_below_the_signals_without_a_reason_is_refused(laptops):
    town, a = laptops.town, laptops.a
    town.clock.now = datetime.now().replace(microsecond=0)
    m = matters.report(
        a,
        MatterInput(
            "械斗苗头",
            "网格排查",
            village_id=town.village,
            grid_id=town.grid,
            people_count=15,
            signals=["fight"],
        ),
    ).id
    syncing.sync_now(a)
    office = RawDevice(laptops.server.url, "admin")
    step = {"grade": 1, "risk": "low", "n": 2}
    fields = {**event(laptops, m, "registered", data=step), "actor_id": a.actor.account_id}
    fields["actor_name"] = a.actor.display_name
    (reason,) = reasons(office.push(office.op("events", fields=fields)))
    assert "须记录理由" in reason and "易激化" in reason
    # The honest laptop records the reason; the server takes it, and the risk it sets.
    steps.register(a, m, 1, category="邻里", risk="low", risk_reason="已当面化解，仅剩赔偿")
    everyone_keeps_syncing(laptops)
    assert same_everywhere(laptops, m)["risk"] == "low"


def test_a_push_remembers_its_actors_only_until_an_account_changes(laptops):
    """The server looks a batch's actors up once each (authority.acting); an account record changed in the
    same batch is seen by the ops after it: a step in the name of an account deleted one op earlier is
    refused alone."""
    m = reported_in_grid(laptops)
    held = record_on_server(laptops.server, m)
    grid1 = laptops.b.actor.account_id
    account = record_on_server(laptops.server, grid1)
    pc = RawDevice(laptops.server.url, "admin")  # the township's PC: steps in its accounts' names

    def reported_by_grid1() -> dict:
        return pc.op("matters", fields={**held.data, "reported_by": grid1})

    results = pc.push(
        reported_by_grid1(),
        pc.op("accounts", grid1, "update", {"deleted": True}, {"deleted": account.field_seq["deleted"]}),
        reported_by_grid1(),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"], [
        r.get("reason") for r in results
    ]
    assert "本账号的名义" in results[2]["reason"]
