"""The selection is the truth, and forms carry it: the household card and every action from it follow the
highlighted row's record (after Ctrl+End on a long list, after a click just as the list reloads), and a visit
or a report opened from a household is about that household (its village and 户号 shown)."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.services import accounts, choices, demo, household_card, visits
from desktop.ui.main_window import MainWindow
from tests.conftest import FAST_KDF

PASSWORD = "demo password 1"
NOW = datetime(2026, 11, 23, 10)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A demo township with several blocks of households (a block is 100 rows)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.build(path, PASSWORD, households=420, seed=5, now=NOW, kdf=FAST_KDF)
    return path


@pytest.fixture
def window(demo_db, tmp_path, qtbot, worker, settle):
    """The platform's window over a copy of the demo (each test may write to it)."""
    made = []

    def make(username="platform"):
        for f in demo_db.parent.iterdir():
            if f.name.startswith("demo.db") and not (tmp_path / f.name).exists():
                shutil.copy(f, tmp_path / f.name)
        ws = accounts.login(tmp_path / "demo.db", username, PASSWORD, clock=lambda: NOW)
        made.append(ws)
        w = MainWindow(ws, worker, choices.places(ws))
        qtbot.addWidget(w)
        w.show()
        settle()
        return w

    yield make
    for ws in made:
        ws.close()


def _card_names(page) -> str:
    d = page.card.detail
    return f"{d.village} {d.number}号"


def _highlighted(page):
    return page.model.row(page.table.currentIndex().row())


def test_ctrl_end_on_a_long_list_shows_the_last_households_card_and_the_visit_names_it(window, qtbot, settle):
    w = window()
    w.go("households")
    page = w.households
    settle()
    assert page.model.total > 300
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    settle()
    first = page.card.detail.id
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    settle()
    settle()
    row = _highlighted(page)
    assert page.table.currentIndex().row() == page.model.total - 1
    assert row is not None and row.id != first
    assert page.card.detail.id == row.id  # not the first row's household, still on the card before
    assert page.card.visit.text().endswith(f"{row.village} {row.number}号）")
    # Ctrl+N on the households page: the visit form is for the highlighted household, named (village, 户号)
    dialog = w.new_visit()
    settle()
    assert dialog.chosen_household() == row.id
    assert dialog.household_label.text().startswith(f"{row.village} {row.number}号")
    dialog.findings.setPlainText("门前路灯坏了")
    dialog.visited_at.setDateTime(QDateTime(2026, 11, 22, 19, 30, 0))  # written up the next morning
    dialog.save()
    settle()
    saved = [v for v in visits.visits_of(w.ws, row.id) if v.id == dialog.saved_id]
    assert saved and saved[0].visited_at == datetime(2026, 11, 22, 19, 30)
    detail = household_card.household_detail(w.ws, row.id)
    assert (detail.village, detail.number) == (row.village, row.number)


def test_a_click_while_the_list_reloads_keeps_card_and_row_on_one_household(window, qtbot, settle):
    w = window()
    w.go("households")
    page = w.households
    settle()
    page.table.setCurrentIndex(page.model.index(2, 0))
    settle()
    # A reload sorted the other way is on its way; the person clicks row 5 of the list still on screen.
    page._sort(0)
    clicked = page.model.rows[5]
    page.table.setCurrentIndex(page.model.index(5, 0))
    settle()
    assert page.card.detail.id == clicked.id
    highlighted = page.table.currentIndex()
    if highlighted.isValid():  # still listed: the same household is highlighted, wherever it is now
        assert page.model.id_at(highlighted) == clicked.id
    assert page.model.rows[5].id != clicked.id  # the rows did move: the row number alone would be wrong
    card = w.households.card
    card.visit.click()
    settle()
    assert w.visit_dialog.chosen_household() == clicked.id
    assert w.visit_dialog.household_label.text().startswith(f"{clicked.village} {clicked.number}号")


def test_a_row_still_coming_empties_the_card_so_no_action_reaches_the_household_before(window, settle):
    w = window()
    w.go("households")
    page = w.households
    settle()
    page.table.setCurrentIndex(page.model.index(0, 0))
    settle()
    assert page.card.visit.isEnabled()
    # the last row, chosen before its block is read (the selection model does not scroll): no record id yet
    last = page.model.index(page.model.total - 1, 0)
    assert (page.model.total - 1) // 100 not in page.model.blocks
    chooser = page.table.selectionModel()
    chooser.setCurrentIndex(last, chooser.SelectionFlag.ClearAndSelect)
    assert page.card.detail is None and not page.card.visit.isEnabled()
    assert page.card.title.text() == "正在读取…"
    settle()
    settle()
    assert page.card.detail is not None and page.card.detail.id == _highlighted(page).id


def test_ctrl_m_from_a_household_opens_a_report_for_its_village_with_its_residents(window, qtbot, settle):
    w = window()
    w.go("households")
    page = w.households
    settle()
    page.table.setCurrentIndex(page.model.index(7, 0))
    settle()
    row = _highlighted(page)
    detail = page.card.detail
    w.new_matter()
    settle()
    settle()
    form = w.report_dialog
    assert form.village.currentText() == row.village
    assert form.prefill.household_id == row.id
    names = [form.resident.itemText(i) for i in range(form.resident.count())]
    assert sorted(names) == sorted(m.name for m in detail.members)
    assert form.roles() == ["申请人", "被申请人"]
    form.resident.setCurrentIndex(form.resident.count() - 1)
    form.add_resident.click()  # fills the empty 被申请人 row
    assert form.parties.item(1, 0).text() == names[-1] and form.roles() == ["申请人", "被申请人"]
    form.parties.removeRow(1)
    form.parties.removeRow(0)
    form.add_party(form.prefill.parties[0].__class__("甲", form.next_role()))
    form.add_party(form.prefill.parties[0].__class__("乙", form.next_role()))
    form.add_party(form.prefill.parties[0].__class__("丙", form.next_role()))
    assert form.roles() == ["申请人", "被申请人", "第三人"]  # the second party is the other side
    form._as_opened = None  # (so that rejecting does not ask here)
    form.done(0)


def test_cancel_on_a_filled_form_asks_before_throwing_it_away(window, qtbot, settle, monkeypatch):
    w = window()
    answers = []

    def answer(reply):
        def question(*args, **kwargs):
            answers.append(args[2])
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    w.go("households")
    settle()
    w.households.table.setCurrentIndex(w.households.model.index(0, 0))
    settle()
    for opened in (lambda: w.new_visit(), lambda: w.households.card.edit_household()):
        dialog = opened()
        settle()
        answer(QMessageBox.StandardButton.Discard)
        dialog.reject()  # nothing typed: closes without asking
        assert not answers and not dialog.isVisible()
    dialog = w.new_visit()
    settle()
    dialog.findings.setPlainText("反映邻居占道堆放杂物")
    answer(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answers) == 1 and dialog.isVisible()  # kept, with what was typed
    assert dialog.findings.toPlainText() == "反映邻居占道堆放杂物"
    answer(QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert len(answers) == 2 and not dialog.isVisible()
    w.go("ledger")
    report = w.new_matter()
    settle()
    report.title_edit.setText("占道堆物")
    answer(QMessageBox.StandardButton.Cancel)
    report.reject()
    assert len(answers) == 3 and report.isVisible()
    answer(QMessageBox.StandardButton.Discard)
    report.reject()
    assert not report.isVisible()
    w.go("households")
    settle()
    person = w.households.card.edit_person(0)  # a resident's form too
    settle()
    before = len(answers)
    person.reject()  # unchanged: no question
    assert len(answers) == before and not person.isVisible()
    person = w.households.card.edit_person(0)
    settle()
    next(iter(person.findChildren(QLineEdit))).setText("改过的名字")
    answer(QMessageBox.StandardButton.Cancel)
    person.reject()
    assert len(answers) == before + 1 and person.isVisible()
    person.discard()


def test_a_visit_cannot_be_dated_ahead_of_now(window, settle):
    w = window()
    dialog = w.new_visit()
    settle()
    dialog.visited_at.setDateTime(QDateTime(2027, 1, 1, 9, 0, 0))
    assert dialog.visited_at.dateTime() <= QDateTime(2026, 11, 23, 10, 0, 0)
    assert NOW - timedelta(minutes=1) <= datetime.fromisoformat(
        dialog.visited_at.dateTime().toString("yyyy-MM-ddTHH:mm")
    )


def test_the_visit_forms_labels_sit_beside_their_fields(window, settle):
    w = window()
    dialog = w.new_visit()
    settle()
    form = dialog.form
    for row in range(form.rowCount()):
        name = form.itemAt(row, form.ItemRole.LabelRole)
        field = form.itemAt(row, form.ItemRole.FieldRole)
        if name is None or field is None or name.widget() is None or not name.widget().isVisible():
            continue
        inside = field.widget().layout().itemAt(0).widget() if field.widget().layout() else field.widget()
        top = inside.mapTo(dialog, inside.rect().topLeft()).y()
        label_top = name.widget().mapTo(dialog, name.widget().rect().topLeft()).y()
        assert abs(top - label_top) <= 8, (name.widget().text(), top, label_top)
    dialog.discard()


def test_in_english_the_report_form_shows_party_roles_sources_and_categories_translated(
    qapp, township, window_for, settle
):
    from desktop.app import install_translation
    from desktop.services.matters import PARTY_ROLES

    install_translation(qapp, "en")
    try:
        w = window_for("platform")
        form = w.new_matter()
        settle()
        role = form.parties.cellWidget(1, 1)
        shown = [role.itemText(i) for i in range(role.count())]
        assert shown[:2] == ["Applicant", "Respondent"] and not any(r in shown for r in PARTY_ROLES)
        assert form.roles() == ["申请人", "被申请人"]  # stored in the rule's words
        assert form.source.currentText() == "Grid check" and form.source.currentData() == "网格排查"
        categories = [form.category.itemText(i) for i in range(1, form.category.count())]
        assert categories and all(c.isascii() for c in categories), categories
        assert form.data().source == "网格排查"
        form.discard()
    finally:
        install_translation(qapp, "zh_CN")
