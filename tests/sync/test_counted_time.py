"""Time the server can bound, and a matter derived from its steps, against a real server (SQLite and
PostgreSQL).

A device states its own clock at the handshake; the server counts every step at the device's time moved by the
measured offset, held between the account's previous complete push and the server's receipt. A laptop that
claims a slow clock therefore cannot backdate a close, grant an extension after the date or push a typed date
back, and an honest laptop with a clock days off still syncs with every figure right. A step the server takes
sets what it sets on the server's own matter, whatever edit the laptop sends with it.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

import pytest

from desktop.services import stats, steps, syncing
from desktop.store.models import Event
from sync.core import protocol as p
from sync.core.domain import timing
from sync.server.models import Record

from .servers import RawDevice
from .test_authority import record_on_server
from .test_history_authority import event, handling, reasons, same_everywhere, synced_once


def hello(device: RawDevice, device_time: datetime) -> float:
    """The device's handshake, stating its clock: the offset the server measured."""
    r = device.call(
        "POST", "/v1/hello", json={"protocol": p.PROTOCOL_VERSION, "device_time": device_time.isoformat()}
    )
    assert r.status_code == 200, r.text
    return r.json()["clock_offset_seconds"]


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def events_of(server, matter_id: str, action: str) -> list[dict]:
    with server.server.db.reading() as s:
        found = s.query(Record).filter(Record.parent_id == matter_id, Record.table_name == "events").all()
        return [r.data for r in found if r.data.get("action") == action]


def overdue(laptops, days: int) -> str:
    """A matter the grid worker handles, registered `days` ago as the server holds it."""
    return handling(laptops, days_ago=days)


# ------------------------------------------------------------------------------------------ the offset game


def test_a_clock_claimed_slow_cannot_backdate_a_close(laptops):
    """Registered 20 days ago, due long since: the device claims at the handshake that its clock is 18 days
    behind and closes "18 days ago". The close counts when the server received it: late."""
    m = overdue(laptops, 20)
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    held = record_on_server(laptops.server, m)
    fake = datetime.now().replace(microsecond=0) - timedelta(days=18)
    assert hello(dev, fake) > 17 * 86400
    before = datetime.now()
    results = dev.push(
        dev.op("events", fields=event(laptops, m, "closed", at=fake, data={"outcome": "resolved", "n": 9})),
        dev.op(
            "matters",
            m,
            "update",
            {"status": "closed", "outcome": "resolved", "closed_at": fake.isoformat()},
            {f: held.field_seq.get(f, 0) for f in ("status", "outcome", "closed_at")},
            base_values={"status": "handling"},
        ),
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    (close,) = events_of(laptops.server, m, "closed")
    counted = moment(close["counted_at"])
    assert before - timedelta(seconds=5) <= counted <= datetime.now()
    data = record_on_server(laptops.server, m).data
    assert data["status"] == "closed"
    assert moment(data["closed_at"]) == counted  # the laptop's own "18 days ago" did not stand
    assert data["closed_at"][:10] > data["due_on"]  # closed after its due date


def test_a_clock_claimed_slow_cannot_ask_an_extension_after_the_due_date(laptops):
    m = overdue(laptops, 20)
    due = record_on_server(laptops.server, m).data["due_on"]
    assert due < datetime.now().date().isoformat()
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    fake = datetime.now().replace(microsecond=0) - timedelta(days=18)  # "before the due date"
    hello(dev, fake)
    ask = event(laptops, m, "extension_requested", at=fake, data={"days": 5, "reason": "拖延", "n": 9})
    (reason,) = reasons(dev.push(dev.op("events", fields=ask)))
    assert due in reason and "已过" in reason


def test_a_clock_claimed_slow_cannot_push_a_typed_date_back(laptops):
    """A session "held on" 41 days ago by a device whose clock claims to be 40 days behind: beyond the window
    of the day the step counts at, so it needs a reason for entering it late."""
    m = handling(laptops)
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    fake = datetime.now().replace(microsecond=0) - timedelta(days=40)
    hello(dev, fake)
    on = (fake - timedelta(days=1)).date().isoformat()
    held = event(laptops, m, "session_held", at=fake, data={"outcome": "adjourned", "on": on, "n": 9})
    (reason,) = reasons(dev.push(dev.op("events", fields=held)))
    assert on in reason and "补录理由" in reason
    # … and with the reason recorded, the same step is taken (and counted now)
    late = event(
        laptops,
        m,
        "session_held",
        at=fake,
        data={"outcome": "adjourned", "on": on, "n": 10, timing.LATE_REASON: "台账补录"},
    )
    assert dev.push(dev.op("events", fields=late))[0]["status"] == "applied"


def test_a_fresh_device_of_an_account_that_synced_cannot_backdate(laptops):
    """The grid worker's laptop synced; a second device of the same account, that never pushed, says it closed
    the matter five days ago. No refusal (its own first push), but the step counts no earlier than the
    account's previous complete push, less the tolerance."""
    m = overdue(laptops, 20)
    syncing.sync_now(laptops.b)
    bound = datetime.now()
    fresh = RawDevice(laptops.server.url, "grid1")
    long_ago = datetime.now().replace(microsecond=0) - timedelta(days=5)
    hello(fresh, datetime.now())  # an honest clock: the lie is the step's own time
    close = event(laptops, m, "closed", at=long_ago, data={"outcome": "resolved", "n": 9})
    assert fresh.push(fresh.op("events", fields=close))[0]["status"] == "applied"
    (stored,) = events_of(laptops.server, m, "closed")
    counted = moment(stored["counted_at"])
    assert bound - timing.EVENT_TOLERANCE - timedelta(minutes=1) <= counted <= datetime.now()
    data = record_on_server(laptops.server, m).data
    assert moment(data["closed_at"]) == counted


# ------------------------------------------------------------------------------------------ honest clocks


def counts(ws) -> dict:
    now = datetime.now()
    start, end = stats.month_bounds(now.year, now.month)
    return {u.key: asdict(u.counts) for u in stats.assessment(ws, start, end, by="handler")}


@pytest.mark.parametrize("skew_days", [3, -3])
def test_an_honest_laptop_with_a_clock_days_off_syncs_with_its_figures_right(laptops, skew_days):
    """The grid worker's laptop runs three days fast (or slow): its steps count when they happened, its matter
    and figures agree with the township's once synced, and the close is on time."""
    m = handling(laptops)
    b = laptops.b
    skew = timedelta(days=skew_days)
    b.clock = lambda: datetime.now() + skew
    syncing.sync_now(b)  # the handshake measures the offset
    before = datetime.now()
    steps.close(b, m, "resolved")
    with b.read() as s:
        own = s.query(Event).filter(Event.matter_id == m, Event.action == "closed").one()
        assert own.counted_at is None  # not synced yet: its own time
        assert abs(own.at - (before + skew)) < timedelta(minutes=1)
    syncing.sync_now(b)
    syncing.sync_now(laptops.a)
    (close,) = events_of(laptops.server, m, "closed")
    counted = moment(close["counted_at"])
    assert before - timedelta(seconds=5) <= counted <= datetime.now()
    data = same_everywhere(laptops, m)  # the server's counted closed_at, on both laptops
    assert moment(data["closed_at"]) == counted
    with b.read() as s:
        mine = s.query(Event).filter(Event.matter_id == m, Event.action == "closed").one()
        assert mine.counted_at == counted
    assert data["closed_at"][:10] <= data["due_on"]
    town, grid = counts(laptops.a), counts(b)
    handler = f"account:{b.actor.account_id}"
    assert town[handler] == grid[handler]
    assert town[handler]["closed"] == 1 and town[handler]["closed_on_time"] == 1


# ------------------------------------------------------------------------------------------ derived


def test_a_step_alone_sets_the_matter_on_the_server_and_every_laptop(laptops):
    """A device that sends an allowed 办结 without the matter's edit: the server applies the step itself, so
    the matter and its history agree on the server and on every laptop, and the figures with them."""
    m = handling(laptops)
    syncing.sync_now(laptops.a)
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    close = event(laptops, m, "closed", data={"outcome": "resolved", "n": 9})
    assert dev.push(dev.op("events", fields=close))[0]["status"] == "applied"
    data = record_on_server(laptops.server, m).data
    (stored,) = events_of(laptops.server, m, "closed")
    assert data["status"] == "closed" and data["outcome"] == "resolved"
    assert data["closed_at"] == stored["counted_at"]
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    same_everywhere(laptops, m)
    handler = f"account:{laptops.b.actor.account_id}"
    town, grid = counts(laptops.a), counts(laptops.b)
    assert town[handler] == grid[handler] and town[handler]["closed"] == 1


def test_a_step_with_a_contrary_edit_leaves_the_matter_as_the_step_sets_it(laptops):
    """The step taken, the edit that says otherwise refused alone: the matter is what the step makes it."""
    m = handling(laptops)
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    held = record_on_server(laptops.server, m)
    results = dev.push(
        dev.op("events", fields=event(laptops, m, "closed", data={"outcome": "resolved", "n": 9})),
        dev.op(
            "matters",
            m,
            "update",
            {"status": "closed", "outcome": "unresolved"},
            {f: held.field_seq.get(f, 0) for f in ("status", "outcome")},
            base_values={"status": "handling"},
        ),
    )
    assert results[0]["status"] == "applied"
    reasons(results[1:])  # (the step already made it closed, resolved)
    data = record_on_server(laptops.server, m).data
    assert data["status"] == "closed" and data["outcome"] == "resolved"


def test_padded_pushes_never_hide_the_bound(laptops):
    """Review: the bound was looked for among the latest fifty pushes, and a push counted as complete only
    with fewer applied ops than a batch; fifty-one pushes of a full batch of no-op updates (nothing anyone
    sees changes) put it out of sight, and a close "18 days ago" counted before its due date. The device
    keeps its latest complete push now, whatever follows it."""
    m = overdue(laptops, 20)
    dev = RawDevice(laptops.server.url, "grid1")
    synced_once(laptops, dev)
    before = datetime.now() - timedelta(minutes=1)
    town = laptops.town
    fields = {"village_id": town.village, "grid_id": town.grid, "number": "PAD", "address": "东村"}
    h = dev.op("households", fields=fields)
    assert dev.push(h)[0]["status"] == "applied"
    for _push in range(51):
        seq = record_on_server(laptops.server, h["record_id"]).field_seq.get("address", 0)
        ops = [
            dev.op("households", h["record_id"], "update", {"address": "东村"}, {"address": seq})
            for _ in range(p.CLIENT_PUSH_BATCH)
        ]
        assert all(r["status"] == "applied" for r in dev.push(*ops))
    hello(dev, datetime.now())  # an honest clock: the lie is the step's own time
    fake = datetime.now().replace(microsecond=0) - timedelta(days=18)
    close = event(laptops, m, "closed", at=fake, data={"outcome": "resolved", "n": 9})
    dev.push(dev.op("events", fields=close))
    for stored in events_of(laptops.server, m, "closed"):  # refused, or counted at the bound
        assert moment(stored["counted_at"]) >= before - timing.EVENT_TOLERANCE
        data = record_on_server(laptops.server, m).data
        assert data["closed_at"][:10] > data["due_on"]  # late, as it is


def test_no_step_counts_before_another_devices_step_it_follows(laptops):
    """Review: an account's very first push has no bound of its own (a township that worked offline sends its
    history), but a matter the township dispatched today cannot be taken and closed "19 days ago" by a new
    account that only pulled: a step counts no earlier than the server received the step it follows."""
    from desktop.services import steps as laptop_steps
    from tests.conftest import PASSWORD

    from .test_authority import reported_in_grid
    from .test_history_authority import registered_on_server

    admin = RawDevice(laptops.server.url, "admin")
    made = admin.call(
        "POST",
        "/v1/admin/accounts",
        json={
            "username": "grid9",
            "password": PASSWORD,
            "display_name": "新网格员",
            "roles": ["grid_worker"],
            "scope_kind": "grid",
            "places": [laptops.town.grid],
        },
    )
    assert made.status_code == 200, made.text
    (grid9,) = [r.id for r in _records(laptops.server, "accounts") if r.data.get("username") == "grid9"]
    m = reported_in_grid(laptops)
    laptop_steps.register(laptops.a, m, 1, category="邻里")
    syncing.sync_now(laptops.a)
    registered_on_server(laptops, m, 20)
    syncing.sync_now(laptops.a)
    dispatched_before = datetime.now() - timedelta(seconds=1)
    laptop_steps.dispatch(laptops.a, m, f"account:{grid9}")
    syncing.sync_now(laptops.a)

    dev = RawDevice(laptops.server.url, "grid9")
    assert dev.call("GET", "/v1/pull").status_code == 200  # it only pulled so far
    hello(dev, datetime.now())
    back = datetime.now().replace(microsecond=0) - timedelta(days=19)

    def step(action, data, minutes):
        at = (back + timedelta(minutes=minutes)).isoformat()
        return {
            "matter_id": m,
            "action": action,
            "actor_id": grid9,
            "actor_name": "新网格员",
            "at": at,
            "data": data,
        }

    results = dev.push(
        dev.op("events", fields=step("accepted", {"n": 20}, 0)),
        dev.op("events", fields=step("closed", {"outcome": "resolved", "n": 21}, 5)),
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    (close,) = events_of(laptops.server, m, "closed")
    assert moment(close["counted_at"]) >= dispatched_before - timing.EVENT_TOLERANCE
    data = record_on_server(laptops.server, m).data
    assert data["closed_at"][:10] > data["due_on"]  # late, as it is


def _records(server, table: str) -> list[Record]:
    with server.server.db.reading() as s:
        return list(s.query(Record).filter(Record.table_name == table))
