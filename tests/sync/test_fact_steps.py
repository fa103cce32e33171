"""The facts behind risk and figures, and agreements, against a real server (SQLite and PostgreSQL): what a
hostile laptop could write directly is refused alone with its reason naming the field; the honest steps
(更正事实, 变更属地, 变更协议, 申请司法确认, 司法确认结果) go through, reach every end, and a correction that
lowers the risk keeps the matter on the early warning, by whom and why."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select

from desktop.services import desk, matters, steps, syncing
from desktop.services.matters import MatterInput
from desktop.services.steps import AgreementInput
from desktop.store.models import Agreement, Matter
from sync.core.domain import lifecycle
from sync.server import authority
from sync.server.models import Record

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, record_on_server
from .test_history_authority import event, reasons, same_everywhere, signed


def risky_in_bs_hands(laptops) -> str:
    """械斗苗头, 15 people: reported and registered 易激化 by the township, handled by the grid worker (b)."""
    town, a, b = laptops.town, laptops.a, laptops.b
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
    steps.register(a, m, 1, category="邻里", risk="high")
    steps.dispatch(a, m, f"account:{b.actor.account_id}")
    syncing.sync_now(a), syncing.sync_now(b)
    steps.accept(b, m)
    syncing.sync_now(b), syncing.sync_now(a)
    return m


def test_the_facts_behind_risk_change_only_by_a_step_and_a_lowering_stays_on_the_early_warning(laptops):
    m = risky_in_bs_hands(laptops)
    a, b = laptops.a, laptops.b
    hostile = RawDevice(laptops.server.url, "grid1")
    # Before: rewriting the signals, then registering low, took the matter off the early warning silently.
    facts = {"people_count": 1, "signals": [], "is_group": False}
    rewrite = hostile.op("matters", m, "update", facts, dict.fromkeys(facts, 10**9))
    place = {"village_id": laptops.town.village2, "grid_id": laptops.town.grid2}
    moved = hostile.op("matters", m, "update", place, dict.fromkeys(place, 10**9))
    why = reasons(hostile.push(rewrite, moved))
    assert "people_count, signals, is_group" in why[0] and "更正事实" in why[0], why
    assert "village_id" in why[1] and "变更属地" in why[1], why
    assert record_on_server(laptops.server, m).data["signals"] == ["fight"]
    # A correction step that lowers the signals' risk without recording the lowering: refused.
    bare = {"people_count": 1, "amount": 0, "signals": [], "reason": "核实", "n": 40}
    why = reasons(hostile.push(hostile.op("events", fields=event(laptops, m, "facts_corrected", data=bare))))
    assert "降低风险等级" in why[0], why

    # The honest laptop corrects the facts with a reason: recorded as a lowering, kept on the early warning.
    steps.correct_facts(b, m, 1, 0, [], "核实为两户口角，仅1人，无械斗迹象")
    everyone_keeps_syncing(laptops)
    server = same_everywhere(laptops, m)
    assert (server["people_count"], server["signals"], server["is_group"]) == (1, [], False)
    (row,) = [r for r in desk.lowered_risks(a) if r.matter_id == m]
    assert (row.signalled, row.chosen, row.by) == ("high", "low", b.actor.display_name)
    assert row.reason == "核实为两户口角，仅1人，无械斗迹象"
    # … until a leader confirms it (the server agrees the confirmation is due: it replays the same rule).
    assert authority_state(laptops, m).risk_lowered


def authority_state(laptops, m):
    with laptops.server.server.db.reading() as s:
        return authority.state_of(s, m, s.get(Record, m).data)


def test_a_matter_moves_to_another_village_only_by_the_offices_step(laptops):
    m = risky_in_bs_hands(laptops)
    a, town = laptops.a, laptops.town
    steps.change_place(a, m, town.village2, town.grid2, "属地核实有误，实为西村")
    everyone_keeps_syncing(laptops)
    held = record_on_server(laptops.server, m)
    assert (held.data["village_id"], held.data["grid_id"], held.grid_id) == (
        town.village2,
        town.grid2,
        town.grid2,
    )
    with laptops.b.read() as s:  # out of the grid worker's grid now: its laptop dropped it
        assert s.get(Matter, m) is None
    # A step claiming one place and an edit writing another: refused, naming the field.
    office = RawDevice(laptops.server.url, "admin")
    admin = laptops.a.actor
    step = {
        **event(
            laptops, m, "place_changed", data={"village_id": town.village, "grid_id": town.grid, "n": 60}
        ),
        "actor_id": admin.account_id,
        "actor_name": admin.display_name,
        "note": "x",
    }
    step["data"]["reason"] = "再改回"
    other = office.op("matters", m, "update", {"grid_id": None}, {"grid_id": 10**9})
    first, second = office.push(office.op("events", fields=step), other)
    assert first["status"] == "applied" and second["status"] == "rejected"
    assert "grid_id" in second["reason"], second


def test_a_signed_agreements_confirmation_dates_and_versions_are_written_only_by_their_steps(laptops):
    m, aid = signed(laptops)
    other, other_aid = signed(laptops)
    b = laptops.b
    hostile = RawDevice(laptops.server.url, "grid1")
    edits = {
        "judicial_confirmation": True,
        "confirmation_result": "confirmed",
        "confirmation_decided_on": "2026-12-01",
        "effective_on": "2026-01-01",
    }
    direct = hostile.op("agreements", aid, "update", edits, dict.fromkeys(edits, 10**9))
    court_only = hostile.op("agreements", aid, "update", {"court": "某法院"}, {"court": 10**9})
    new = {
        "matter_id": m,
        "form": "written",
        "parties": "甲乙",
        "facts": "x",
        "terms": "y",
        "signed_by_parties": True,
        "signed_by_mediator": True,
        "effective_on": date.today().isoformat(),
    }
    elsewhere = hostile.op("agreements", fields={**new, "replaces_id": other_aid})
    nowhere = hostile.op("agreements", fields={**new, "replaces_id": str(uuid.uuid4())})
    unsigned_step = hostile.op("agreements", fields=new)  # already signed, no 记录协议 step
    why = reasons(hostile.push(direct, court_only, elsewhere, nowhere, unsigned_step))
    assert "effective_on" in why[0] and "court" in why[1], why
    assert all("记录协议" in w for w in why[2:]), why
    # A 记录协议 step naming another matter's agreement as the one it changes: the agreement is refused.
    step = event(laptops, m, "agreement_recorded", data={"form": "written", "replaces": other_aid, "n": 70})
    answers = hostile.push(
        hostile.op("events", fields=step), hostile.op("agreements", fields={**new, "replaces_id": other_aid})
    )
    assert answers[0]["status"] == "applied" and answers[1]["status"] == "rejected", answers
    assert "replaces_id" in answers[1]["reason"]

    # The honest steps: 变更协议, then 申请司法确认 and 司法确认结果 of the version in effect.
    steps.amend_agreement(
        b,
        m,
        aid,
        AgreementInput(
            "written",
            "张三、李四",
            "噪音",
            "晚九点后不施工",
            perform_by=b.now().date(),
            signed_by_parties=True,
            signed_by_mediator=True,
        ),
    )
    steps.apply_confirmation(b, m, "城镇人民法院", b.now().date())
    steps.decide_confirmation(b, m, "confirmed", "城镇人民法院", "（2026）鲁1324民特12号", b.now().date())
    everyone_keeps_syncing(laptops)
    with laptops.a.read() as s:
        rows = {r.id: r for r in s.scalars(select(Agreement).where(Agreement.matter_id == m))}
    (amended,) = [r for r in rows.values() if r.replaces_id == aid]
    held = record_on_server(laptops.server, amended.id).data
    assert (held["court"], held["confirmation_document_no"], held["judicial_confirmation"]) == (
        "城镇人民法院",
        "（2026）鲁1324民特12号",
        True,
    )
    assert amended.confirmation_document_no == "（2026）鲁1324民特12号" and rows[aid].court is None
    # A second change of the replaced version, and a decision's number rewritten afterwards: refused.
    again = hostile.op("agreements", fields={**new, "replaces_id": aid})
    renumber = hostile.op(
        "agreements",
        amended.id,
        "update",
        {"confirmation_document_no": "（2026）鲁1324民特99号"},
        {"confirmation_document_no": 10**9},
    )
    why = reasons(hostile.push(again, renumber))
    assert "记录协议" in why[0] and "confirmation_document_no" in why[1], why
    assert lifecycle.Action.DECIDE_CONFIRMATION not in steps.actions_for(
        b, other
    )  # nothing applied for there
    everyone_keeps_syncing(laptops)


def test_signals_rewritten_before_registration_cannot_make_way_for_a_silent_lowering(laptops):
    """The review's probe: the report's signals rewritten directly, then 立案定级 low with no reason."""
    town, a = laptops.town, laptops.a
    town.clock.now = datetime.now().replace(microsecond=0)
    found = MatterInput(
        "械斗苗头", "网格排查", village_id=town.village, grid_id=town.grid, people_count=15, signals=["fight"]
    )
    m = matters.report(a, found).id
    syncing.sync_now(a)
    grid = RawDevice(laptops.server.url, "grid1")
    facts = {"people_count": 1, "signals": [], "is_group": False}
    (why,) = reasons(grid.push(grid.op("matters", m, "update", facts, dict.fromkeys(facts, 10**9))))
    assert "people_count" in why and "更正事实" in why
    office = RawDevice(laptops.server.url, "admin")
    low = {
        **event(laptops, m, "registered", data={"grade": 1, "risk": "low", "n": 2}),
        "actor_id": a.actor.account_id,
        "actor_name": a.actor.display_name,
    }
    (why,) = reasons(office.push(office.op("events", fields=low)))
    assert "易激化" in why and "理由" in why
    assert record_on_server(laptops.server, m).data["signals"] == ["fight"]
    everyone_keeps_syncing(laptops)
