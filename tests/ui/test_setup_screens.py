"""A new township set up in the window, with no demo and no command line: villages and their mediation
committees, grids with their grid workers, a roster template, and a desk that lists the first steps and
ticks each one done; 新增住户 with no village offers to add one; deleting a channel asks first."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.services import accounts, choices, setup
from desktop.services.roster import HEADERS
from desktop.ui.main_window import MainWindow
from tests.conftest import FAST_KDF, PASSWORD, Clock


def _ticked(window) -> dict[str, bool]:
    return {s.key: s.done for s in window.desk.counts.first_steps}


def test_a_new_township_is_set_up_from_the_window(tmp_path, qtbot, worker, settle, monkeypatch, no_popups):
    admin = setup.create_township(tmp_path / "new.db", "新城镇", PASSWORD, kdf=FAST_KDF, clock=Clock())
    window = MainWindow(admin, worker, choices.places(admin))
    qtbot.addWidget(window)
    window.show()
    settle()
    desk = window.desk
    assert desk.first_steps.isVisible()
    assert _ticked(window) == dict.fromkeys(("villages", "grids", "orgs", "accounts", "households"), False)
    assert desk.step_lines["villages"][0].text().startswith("☐")

    # 新增住户 with no village: the form offers to add one, and goes on with it
    window.go("households")
    window.households._add()
    form = window.households.add_dialog
    assert form.village.count() == 0 and form.new_village.isVisible()
    form.new_village.setText("新街村")
    form.add_village_button.click()
    settle()
    assert form.village.currentText() == "新街村" and not form.new_village.isVisible()
    form.number.setText("0001")
    form.address.setText("新街村1号")
    form.save()
    settle()
    assert form.result() == 1 and window.households.card.detail.village == "新街村"

    # 设置: a second village with its committee's own name; a grid with its grid worker
    worker_account = accounts.add_account(
        admin, "gw1", "钱网格", PASSWORD, "grid_worker", scope_kind="township", kdf=FAST_KDF
    ).id
    window.go("settings")
    settings = window.pages["settings"]
    settle()
    settings.new_village.setText("老街社区")
    settings.village_committee.setText("老街社区人民调解委员会（老街）")
    settings.add_village()
    settle()
    assert settings.new_village.text() == ""
    lines = [settings.villages.item(i).text() for i in range(settings.villages.count())]
    assert "新街村　新街村人民调解委员会" in lines and "老街社区　老街社区人民调解委员会（老街）" in lines
    committees = {o.name: o.kind for o in setup.list_orgs(admin)}
    assert committees["老街社区人民调解委员会（老街）"] == "village_committee"
    settings.grid_village.setCurrentIndex(settings.grid_village.findText("老街社区"))
    settings.new_grid.setText("老街一网格")
    settings.grid_worker.setCurrentIndex(settings.grid_worker.findData(worker_account))
    settings.add_grid()
    settle()
    from desktop.store.models import Grid

    with admin.read() as s:
        grid = s.query(Grid).filter_by(name="老街一网格").one()
        assert grid.worker_id == worker_account
    settings.village_code.setText("12345")  # not a division code: refused with the reason, nothing added
    settings.new_village.setText("错码村")
    settings.add_village()
    settle()
    assert no_popups and "12位数字" in no_popups[-1]
    assert "错码村" not in [v.name for v in choices.places(admin).villages]

    window.go("desk")
    settle()
    ticked = _ticked(window)
    assert ticked == {"villages": True, "grids": True, "orgs": False, "accounts": True, "households": True}
    assert desk.step_lines["villages"][0].text().startswith("☑")
    assert not desk.step_lines["villages"][1].isVisible() and desk.step_lines["orgs"][1].isVisible()
    desk.step_lines["orgs"][1].click()
    assert window.stack.currentWidget() is settings
    settings.new_org.setText("司法所")
    settings.add_org()
    settle()
    window.go("desk")
    settle()
    assert window.desk.counts.first_steps == [] and not desk.first_steps.isVisible()

    # the roster template: the import's own columns, an example row
    window.go("households")
    window.households.save_template(str(tmp_path / "模板.xlsx"))
    settle()
    sheet = load_workbook(tmp_path / "模板.xlsx").active
    assert [c.value for c in sheet[1]] == HEADERS and sheet.max_row == 2

    # deleting a channel asks first; No keeps it
    window.go("settings")
    settle()
    asked = []

    def reply(answer):
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer, raising=True
        )

    channel = settings.channels.item(0).text()
    settings.channels.item(0).setSelected(True)
    reply(QMessageBox.StandardButton.No)
    settings.remove_channel()
    settle()
    assert len(asked) == 1 and channel in asked[0] and channel in choices.places(admin).channels
    reply(QMessageBox.StandardButton.Yes)
    settings.remove_channel()
    settle()
    assert channel not in choices.places(admin).channels


def test_without_the_right_to_configure_the_form_says_who_adds_a_village(tmp_path, qtbot, worker, settle):
    admin = setup.create_township(tmp_path / "new.db", "新城镇", PASSWORD, kdf=FAST_KDF, clock=Clock())
    accounts.add_account(admin, "gw1", "钱网格", PASSWORD, "grid_worker", scope_kind="township", kdf=FAST_KDF)
    ws = accounts.login(tmp_path / "new.db", "gw1", PASSWORD)
    from desktop.ui.household_form import HouseholdDialog

    dialog = HouseholdDialog(ws, worker, choices.places(ws))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("请管理员" in t for t in texts)
    ws.close()
    admin.close()
