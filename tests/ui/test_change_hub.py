"""The change hub: what a piece of work changed reaches every screen that shows it, with no screen-specific
wiring at the call site. A visit logged, a conflict settled, a sync received."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.services import choices, matters, residents, steps, syncing
from desktop.services.matters import MatterInput
from desktop.services.residents import HouseholdInput
from desktop.store.models import Matter
from desktop.ui.main_window import MainWindow
from sync.core.domain.lifecycle import Action
from tests.ui.test_sync_ui import qtbot_left, wait_for_sync


def test_logging_a_visit_refreshes_the_status_bar_the_desk_and_the_open_household(
    township, window_for, settle
):
    t = township
    h = residents.save_household(t.login("grid1"), HouseholdInput(t.village, "0100", "东村100号", t.grid)).id
    window = window_for("grid1")
    pending, visits = window.sync.last_status.pending, window.desk.counts.visits_this_month
    window.go("households")
    window.households.card.show_household(h)
    settle()
    assert window.households.card.visits.count() == 0

    dialog = window.new_visit(h)
    dialog.findings.setPlainText("家中情况正常，无矛盾纠纷。")
    dialog.save()
    settle()

    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.sync.last_status.pending == pending + 1
    assert f"{pending + 1} 条修改保存在本机" in window.sync.label.toolTip()
    assert window.desk.counts.visits_this_month == visits + 1
    assert window.households.card.visits.count() == 1


def dispatched_to_the_grid_worker(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    facts = MatterInput(
        "邻里噪音", "网格排查", village_id=town.village, grid_id=town.grid, facts="楼上夜间噪音"
    )
    m = matters.report(a, facts).id
    steps.register(a, m, 1, category="邻里")
    steps.dispatch(a, m, f"account:{b.actor.account_id}")
    syncing.sync_now(a)
    syncing.sync_now(b)
    return m


def status_of(ws, matter_id):
    with ws.read() as s:
        return s.get(Matter, matter_id).status


@pytest.fixture
def township_window(qtbot, laptops, worker, net_worker, settle):
    """The township laptop's window, with sync on its own network worker, opened when the test asks."""

    def open_window():
        window = MainWindow(laptops.a, worker, choices.places(laptops.a), net_worker)
        qtbot.addWidget(window)
        window.show()
        settle()
        return window

    return open_window


def test_settling_a_status_conflict_is_a_lifecycle_step_and_every_screen_follows(
    qtbot, laptops, township_window, settle
):
    a, b = laptops.a, laptops.b
    m = dispatched_to_the_grid_worker(laptops)
    steps.accept(b, m, "已签收")  # the grid worker takes it up, offline
    steps.return_to_platform(a, m, "不属本网格")  # meanwhile the platform takes it back
    syncing.sync_now(a)
    assert syncing.sync_now(b).conflicts == 1
    syncing.sync_now(a)
    assert status_of(a, m) == "returned"  # the server's value, provisionally

    window = township_window()
    matter = window.open_matter(m)
    window.go("ledger")
    settle()
    assert matter.view.detail.status == "returned"
    assert window.sync.conflicts_button.text() == "冲突 1"

    conflicts = window.show_conflicts()
    settle()
    (row,) = [i for i, c in enumerate(conflicts.rows) if c.field == "status"]
    conflicts.conflicts.selectRow(row)
    qtbot.mouseClick(conflicts.take_local, qtbot_left())
    settle()

    assert conflicts.conflicts.rowCount() == 0
    assert matter.view.detail.status == "handling"  # the open matter read itself again
    assert window.ledger.model.rows[0].status == "handling"  # and so did the ledger
    assert not window.sync.conflicts_button.isVisible()  # and the status bar
    assert "待同步" in window.sync.label.text()
    with a.read() as s:
        history = matters.history(s, m)
        assert history[-1].action == Action.SETTLE_CONFLICT and history[-1].actor_name == a.actor.display_name
        assert matters.derived_state(s, m).status == "handling"  # the status is still a cache of the events
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)
    syncing.sync_now(b)
    assert status_of(b, m) == "handling"


def test_a_sync_brings_news_to_the_open_matter_the_ledger_and_the_desk(
    qtbot, laptops, township_window, settle
):
    a, b = laptops.a, laptops.b
    m = dispatched_to_the_grid_worker(laptops)
    window = township_window()
    matter = window.open_matter(m)
    window.go("ledger")
    settle()
    assert matter.view.detail.status == "dispatched"
    assert window.desk.counts.by_status == {"dispatched": 1}
    events = matter.view.timeline.count()

    steps.accept(b, m, "已签收，明天入户")
    syncing.sync_now(b)
    window.sync.sync_now()
    wait_for_sync(qtbot, window, settle)

    assert matter.view.detail.status == "handling"
    assert matter.view.timeline.count() == events + 1
    assert window.ledger.model.rows[0].status == "handling"
    assert window.desk.counts.by_status == {"handling": 1}
    with a.read() as s:
        assert s.scalar(select(Matter.status).where(Matter.id == m)) == "handling"


def test_a_closed_matter_window_stops_listening(township, window_for, settle, qtbot):
    from shiboken6 import isValid

    t = township
    m = matters.report(t.login("grid1"), MatterInput("邻里噪音", "网格排查", grid_id=t.grid)).id
    window = window_for("platform")
    hub = window.worker.hub
    listening = len(hub._subscribers)
    dialog = window.open_matter(m)
    settle()
    assert len(hub._subscribers) == listening + 1
    dialog.close()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)
    window.worker.submit(lambda: steps.register(t.login("platform"), m, 1, category="邻里"))
    settle()
    assert len(hub._subscribers) == listening  # dropped at the next delivery, and nothing re-read it
