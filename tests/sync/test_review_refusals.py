"""What the review of this stop found a hostile laptop could write, refused alone with a reason on a real
server (SQLite and PostgreSQL) while the honest laptops keep syncing: a petition's written reply dated back
(which ended the petitioner's 30 days to ask for 复查 before they began), a close with no reply, the channel
and outside number of a matter rewritten without a step, a 重点人员 visit or a 巡查 entry in no one's name, a
patrol moved back in time after it was written, a referral recorded by a mediator who does not handle the
matter."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from desktop.services import matters, steps, syncing
from desktop.services.matters import MatterInput, PartyInput
from sync.core.domain import patrols as patrol_rules

from .servers import RawDevice
from .test_authority import record_on_server
from .test_history_authority import event, handling, reasons, synced_once
from .test_key_persons_sync import watched_on_b


def test_a_petitions_written_reply_is_dated_the_day_it_is_given_and_says_something(laptops):
    town = laptops.town
    town.clock.now = datetime.now().replace(microsecond=0)
    party = PartyInput("王五", "申请人", id_number="110105198001010016", phone="13800138000")
    report = MatterInput(
        "拖欠工资", "信访来访", kind="petition", village_id=town.village, grid_id=town.grid, parties=[party]
    )
    m = matters.report(laptops.a, report).id
    steps.register(laptops.a, m, 3, category="劳动争议")
    steps.dispatch(laptops.a, m, f"account:{laptops.b.actor.account_id}")
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    steps.accept(laptops.b, m)
    syncing.sync_now(laptops.b)

    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    long_ago = (date.today() - timedelta(days=40)).isoformat()
    backdated = event(
        laptops, m, "closed", data={"outcome": "resolved", "replied_on": long_ago, "reply": "已答复", "n": 9}
    )
    silent = event(laptops, m, "closed", data={"outcome": "resolved", "replied_on": date.today().isoformat()})
    why = reasons(dev.push(dev.op("events", fields=backdated), dev.op("events", fields=silent)))
    assert "书面答复日期" in why[0] and "书面答复意见" in why[1], why
    assert record_on_server(laptops.server, m).data.get("petition_since") is None

    # The honest laptop's reply, today, with its text: taken.
    steps.close(laptops.b, m, "resolved", reply="工资已结清，答复如上。")
    syncing.sync_now(laptops.b)
    held = record_on_server(laptops.server, m).data
    assert (held["status"], held["petition_since"]) == ("closed", date.today().isoformat())


def test_the_channel_and_outside_number_are_fixed_once_reported(laptops):
    m = handling(laptops)
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    held = record_on_server(laptops.server, m)
    fields = {"source": "法院委派", "external_no": "（2026）京0105民初999号"}
    seqs = {f: held.field_seq.get(f, 0) for f in fields}
    (why,) = reasons(dev.push(dev.op("matters", m, "update", fields, seqs)))
    assert "source" in why and "external_no" in why, why
    after = record_on_server(laptops.server, m).data
    assert (after.get("source"), after.get("external_no")) == (
        held.data.get("source"),
        held.data.get("external_no"),
    )


def test_a_visit_and_a_patrol_name_their_author_and_a_patrol_stays_when_it_was(laptops):
    person = watched_on_b(laptops)
    town = laptops.town
    dev = RawDevice(laptops.server.url, "grid1")
    me = laptops.b.actor.account_id
    contact = {"person_id": person, "on": date.today().isoformat(), "way": "上门走访", "seen": "在家"}
    now = datetime.now().replace(microsecond=0)
    patrol = {
        "village_id": town.village,
        "grid_id": town.grid,
        "patrolled_at": now.isoformat(),
        "place": "河堤",
        "place_kind": sorted(patrol_rules.PLACE_KINDS)[0],
        "seen": "无异常",
    }
    pid = str(uuid.uuid4())
    results = dev.push(
        dev.op("key_person_contacts", str(uuid.uuid4()), fields={**contact, "by_id": None}),
        dev.op("patrols", str(uuid.uuid4()), fields={**patrol, "patroller_id": None}),
        dev.op("key_person_contacts", str(uuid.uuid4()), fields={**contact, "by_id": me}),
        dev.op("patrols", pid, fields={**patrol, "patroller_id": me}),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied", "applied"], results
    assert "走访人" in results[0]["reason"] and "巡查人" in results[1]["reason"]
    held = record_on_server(laptops.server, pid)
    moved = (now - timedelta(days=200)).isoformat()
    seqs = {"patrolled_at": held.field_seq.get("patrolled_at", 0)}
    (why,) = reasons(dev.push(dev.op("patrols", pid, "update", {"patrolled_at": moved}, seqs)))
    assert "patrolled_at" in why, why
    assert record_on_server(laptops.server, pid).data["patrolled_at"] == now.isoformat()
