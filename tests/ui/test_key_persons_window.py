"""重点人员 in the window: the desk's 待走访 tile counts those due and opens them overdue first; the 稳控
plan's form keeps what was typed when refused and names the field; a contact recorded takes the person off
the list; the dialogs fit a 1366×768 screen."""

from datetime import date

from PySide6.QtWidgets import QLabel

from desktop.services import key_persons
from desktop.services.key_persons import PlanInput
from desktop.ui.key_persons import ContactDialog, KeyPersonsDialog, PlanDialog
from tests.services.test_key_person_plans import watched


def test_the_due_tile_a_plan_and_a_contact(township, window_for, settle, no_popups, tmp_path, monkeypatch):
    t = township
    g = t.login("grid1")
    zhang, li = watched(t), watched(t, "李四", "0002")
    key_persons.save_plan(
        g, li, PlanInput("刑满释放", t.accounts["grid1"], "帮扶就业", 30, date(2026, 10, 20))
    )
    window = window_for("grid1")
    tile = window.desk.tiles["key_persons_due"]
    assert tile.value.text() == "1" and tile.clickable
    tile.click()
    settle()
    dialog = next(d for d in window.desk.findChildren(KeyPersonsDialog) if d.isVisible())
    assert dialog.width() <= 1366 and dialog.height() <= 698
    assert [p.name for p in dialog.people] == ["李四"]
    assert "逾期4天" in dialog.table.item(0, 6).text()
    dialog.grab().save(str(tmp_path / "key_persons_due.png"))

    # everyone, from the other tile: 张三 has no plan yet; give him one
    window.desk.tiles["key_persons"].click()
    settle()
    everyone = next(d for d in window.desk.findChildren(KeyPersonsDialog) if d.isVisible() and not d.due_only)
    row = [p.name for p in everyone.people].index("张三")
    assert everyone.table.item(row, 2).text() == "（未定方案）"
    everyone.table.selectRow(row)
    plan = everyone.edit_plan()
    assert isinstance(plan, PlanDialog) and plan.height() <= 698
    plan.plan.setPlainText("每周上门，敏感节点每日见面")
    plan.category.setCurrentIndex(plan.category.findData("长期非访"))
    plan.every.setValue(7)
    plan.submit()  # no 包保责任人 chosen
    settle()
    assert plan.isVisible() and "包保责任人" in str(plan.last_error)
    assert plan.plan.toPlainText() == "每周上门，敏感节点每日见面"  # kept
    shown = [w.text() for w in plan.findChildren(QLabel) if w.isVisible()]
    assert "须指定一个账号" in shown, shown
    plan.grab().save(str(tmp_path / "plan_refused.png"))
    plan.keeper.setCurrentIndex(plan.keeper.findText("王网格"))
    plan.submit()
    settle()
    assert not plan.isVisible(), plan.last_error
    (kept,) = [k for k in key_persons.key_persons(g) if k.name == "张三"]
    assert (kept.category, kept.keeper, kept.every_days) == ("长期非访", "王网格", 7)
    settle()
    assert window.desk.tiles["key_persons_due"].value.text() == "1"  # 张三's first visit due in a week

    # a contact with 李四 takes him off the due list
    dialog.table.selectRow(0)
    contact = dialog.record_contact()
    assert isinstance(contact, ContactDialog)
    contact.seen.setPlainText("在家，已找到工作")
    contact.way.setCurrentIndex(contact.way.findData("电话联系"))
    contact.submit()
    settle()
    assert not contact.isVisible(), contact.last_error
    settle()
    assert dialog.people == [] and window.desk.tiles["key_persons_due"].value.text() == "0"

    # the whole list shows the chosen person's contacts, and ends a plan (解除列管) once asked
    from PySide6.QtWidgets import QMessageBox

    settle()
    row = [p.name for p in everyone.people].index("李四")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    # a click on one cell picks the row, as a person does it (review: it picked the cell alone)
    cell = everyone.table.visualItemRect(everyone.table.item(row, 1)).center()
    QTest.mouseClick(everyone.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    settle()
    assert everyone.current() is not None and everyone.current().name == "李四"
    assert "在家，已找到工作" in everyone.history.text() and "电话联系" in everyone.history.text()
    assert everyone.end_button.isEnabled()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    everyone.end_plan()
    settle()
    assert asked and "李四" in asked[0]
    (ended,) = [k for k in key_persons.key_persons(g) if k.name == "李四"]
    assert ended.plan_id is None and ended.next_due is None
    assert no_popups == []
    assert zhang
