"""A matter driven through its whole life in the UI, checking the ledger and the database at each step."""

from datetime import date

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.services import residents
from desktop.services.residents import HouseholdInput
from desktop.store.models import Agreement, Event, FollowUp, Matter, MediationSession, Visit
from desktop.ui.actions import ActionDialog
from sync.core.domain.lifecycle import Action
from sync.core.domain.residents import PersonFields

HEAD = "11010519491231002X"


def stored(township):
    with township.admin.read() as s:
        return s.execute(select(Matter)).scalar()


def do(window, action, settle, **values):
    """Click the step's button in the matter view, fill its dialog as a user would, confirm."""
    view = window.ledger.view
    assert action in view.action_buttons, (action, list(view.action_buttons))
    view.action_buttons[action].click()
    dialogs = [d for d in view.findChildren(ActionDialog) if d.isVisible()]
    assert len(dialogs) == 1
    for key, value in values.items():
        dialogs[0].set_value(key, value)
    dialogs[0].submit()
    settle()
    assert not dialogs[0].isVisible(), getattr(dialogs[0], "last_error", None)


def select_first(window, settle):
    window.ledger.refresh()
    settle()
    window.ledger.table.selectRow(0)
    settle()


def test_whole_life_in_the_ui(township, window_for, settle, monkeypatch, qtbot):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a[2])))
    t = township
    g = t.login("grid1")
    h = residents.save_household(g, HouseholdInput(t.village, "0001", "东村一组1号", t.grid)).id
    residents.save_person(g, h, PersonFields("张三", relation="户主", id_number=HEAD, mobile="13800138000"))

    # 1. A grid worker visits, finds a dispute, and reports it from the pre-filled form.
    gw = window_for("grid1")
    visit = gw.new_visit()
    visit.search.setText("张三")  # search as you type, after a short pause
    qtbot.waitUntil(lambda: visit.results.count() == 1, timeout=5000)
    visit.purpose.setCurrentText("矛盾排查")
    visit.findings.setPlainText("与邻居因排水沟堵塞发生争吵")
    visit.dispute.setChecked(True)
    visit.save()
    settle()
    report = gw.report_dialog
    assert report.isVisible() and report.facts.toPlainText() == "与邻居因排水沟堵塞发生争吵"
    assert report.parties.item(0, 0).text() == "张三"
    report.title_edit.setText("排水沟堵塞纠纷")
    report.category.setCurrentText("邻里")
    report.submit()
    settle()
    m = stored(t)
    assert m.status == "reported" and m.visit_id is not None and m.source == "走访发现"
    with t.admin.read() as s:
        assert s.execute(select(Visit)).scalar().needs_follow_up is False
    select_first(gw, settle)
    assert gw.ledger.model.rows[0].serial == m.serial
    # a grid worker may not register; only correct the report's facts (更正事实, with a reason)
    assert set(gw.ledger.view.action_buttons) == {Action.CORRECT_FACTS}

    # 2. The platform office registers, grades and dispatches it to the village committee.
    pf = window_for("platform")
    select_first(pf, settle)
    do(pf, Action.REGISTER, settle, grade=1, category="邻里", note="核实属实")
    assert stored(t).due_on == date(2026, 11, 28)
    do(pf, Action.DISPATCH, settle, handler=f"org:{t.committee}", note="请五日内办结")
    assert stored(t).handler_name == "东村村委会"
    assert pf.ledger.model.rows[0].status == "dispatched"

    # 3. The grid worker (of that committee) accepts, mediates, records the agreement and closes.
    select_first(gw, settle)
    assert set(gw.ledger.view.action_buttons) == {
        Action.ACCEPT,
        Action.RETURN,
        Action.REQUEST_EXTENSION,
        Action.EXPLAIN_OVERDUE,
        Action.CORRECT_FACTS,
    }
    do(gw, Action.ACCEPT, settle)
    do(gw, Action.RECORD_SESSION, settle, kind="人民调解", outcome="agreement", record="双方同意疏通排水沟")
    do(
        gw,
        Action.RECORD_AGREEMENT,
        settle,
        form="oral",
        parties="张三、李四",
        facts="排水沟堵塞，双方均有责任",
        terms="两家共同出工疏通",
        performance="本周内共同出工",
    )
    do(gw, Action.CLOSE, settle, outcome="agreement", note="调解成功")
    assert stored(t).status == "closed"

    # 4. The platform checks the closure; supervision follows up.
    select_first(pf, settle)
    do(pf, Action.CHECK, settle, passed=True, note="核查属实")
    sv = window_for("supervisor")
    select_first(sv, settle)
    do(sv, Action.FOLLOW_UP, settle, satisfaction="满意", next_step="无")
    final = stored(t)
    assert (final.status, final.outcome, final.satisfaction) == ("evaluated", "agreement", "满意")
    with t.admin.read() as s:
        assert s.execute(select(MediationSession)).scalar().outcome == "agreement"
        assert s.execute(select(Agreement)).scalar().effective_on == date(2026, 11, 23)
        assert s.execute(select(FollowUp)).scalar().satisfaction == "满意"
        assert len(s.execute(select(Event)).scalars().all()) == 9
    sv.ledger.view.tabs.setCurrentIndex(1)
    assert sv.ledger.view.timeline.count() == 9
    assert "上报" in sv.ledger.view.timeline.item(0).text()  # in order, the report first


def test_registration_starts_from_what_was_reported_and_assessed(township, window_for, settle):
    from desktop.services import matters
    from desktop.services.matters import MatterInput
    from sync.core.domain.lifecycle import Action

    t = township
    matters.report(
        t.login("grid1"),
        MatterInput(
            "工地欠薪，二十余人聚集", "网格排查", grid_id=t.grid, category="劳动争议", people_count=25
        ),
    )
    window = window_for("platform")
    select_first(window, settle)
    assessed = window.ledger.view.detail.risk
    assert assessed != "low"  # 25 people involved: the report's signals said so
    window.ledger.view.action_buttons[Action.REGISTER].click()
    (dialog,) = [d for d in window.ledger.view.findChildren(ActionDialog) if d.isVisible()]
    values = dialog.values()
    assert (values["risk"], values["category"]) == (assessed, "劳动争议")  # not the dialog's own defaults
