"""设置 for a new township, from the window: units (职能部门) and teams (调解队伍) are added; a village or
grid is renamed, and removing one asks first and is refused, with the reason, while a household, a matter, a
grid or an account's scope uses it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.services import choices, residents, setup
from desktop.services.errors import ServiceError
from desktop.services.residents import HouseholdInput
from desktop.ui.main_window import MainWindow
from tests.conftest import FAST_KDF, PASSWORD, Clock


def _select(places, text: str) -> None:
    for row in range(places.count()):
        if text in places.item(row).text():
            places.setCurrentRow(row)
            return
    raise AssertionError(f"{text} not listed")


@pytest.fixture
def settings_window(tmp_path, qtbot, worker, settle):
    admin = setup.create_township(tmp_path / "new.db", "新城镇", PASSWORD, kdf=FAST_KDF, clock=Clock())
    window = MainWindow(admin, worker, choices.places(admin))
    qtbot.addWidget(window)
    window.show()
    window.go("settings/villages")
    settle()
    return admin, window.pages["settings"]


def test_units_and_teams_are_added_from_the_window(settings_window, settle):
    admin, settings = settings_window
    for kind, name in (("unit", "派出所"), ("team", "老干部调解队")):
        settings.org_kind.setCurrentIndex(settings.org_kind.findData(kind))
        settings.new_org.setText(name)
        settings.add_org()
        settle()
    added = {(o.kind, o.name) for o in setup.list_orgs(admin)}
    assert added >= {("unit", "派出所"), ("team", "老干部调解队")}
    assert settings.orgs.rowCount() == 2


def test_villages_and_grids_are_renamed_and_removed_only_when_unused(
    settings_window, settle, monkeypatch, no_popups
):
    admin, settings = settings_window
    settings.new_village.setText("新街村")
    settings.add_village()
    settle()
    settings.grid_village.setCurrentIndex(settings.grid_village.findText("新街村"))
    for name in ("新街一网格", "新街二网格"):
        settings.new_grid.setText(name)
        settings.add_grid()
        settle()
    places = choices.places(admin)
    village = places.villages[0].id
    grid_one = next(g.id for g in places.grids if g.name == "新街一网格")
    residents.save_household(admin, HouseholdInput(village, "0001", "新街村1号", grid_one))
    settle()

    # renaming: the name typed in the box asked for, starting from the present one
    offered = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: offered.append(k.get("text")) or ("新街社区", True)
    )
    _select(settings.villages, "新街村")
    settings.rename_village()
    settle()
    assert offered == ["新街村"] and [v.name for v in choices.places(admin).villages] == ["新街社区"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新街东网格", True))
    _select(settings.grids, "新街一网格")
    settings.rename_grid()
    settle()
    assert "新街东网格" in {g.name for g in choices.places(admin).grids}
    assert any(settings.grids.item(i).text() == "新街社区 新街东网格" for i in range(settings.grids.count()))

    asked = []

    def reply(answer):
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)

    # a grid a household lives in: asked, then refused with what uses it; nothing removed
    reply(QMessageBox.StandardButton.Yes)
    _select(settings.grids, "新街东网格")
    settings.remove_grid()
    settle()
    assert "新街东网格" in asked[-1]
    assert no_popups and "住户1户" in no_popups[-1] and "不能删除" in no_popups[-1]
    assert "新街东网格" in {g.name for g in choices.places(admin).grids}
    # an unused grid: No keeps it, Yes removes it
    reply(QMessageBox.StandardButton.No)
    _select(settings.grids, "新街二网格")
    settings.remove_grid()
    settle()
    assert "新街二网格" in {g.name for g in choices.places(admin).grids}
    reply(QMessageBox.StandardButton.Yes)
    _select(settings.grids, "新街二网格")
    settings.remove_grid()
    settle()
    assert "新街二网格" not in {g.name for g in choices.places(admin).grids}
    assert all("新街二网格" not in settings.grids.item(i).text() for i in range(settings.grids.count()))
    # the village: refused while its household and grid are there
    _select(settings.villages, "新街社区")
    settings.remove_village()
    settle()
    assert "住户1户" in no_popups[-1] and "网格1个" in no_popups[-1]
    assert [v.name for v in choices.places(admin).villages] == ["新街社区"]


def test_an_empty_village_goes_with_its_committee_and_a_used_one_names_its_matters(township):
    admin = township.admin
    with pytest.raises(ServiceError) as refused:
        setup.remove_village(admin, township.village)
    assert "东村" in str(refused.value) and "网格1个" in str(refused.value)
    empty = setup.add_village_with_committee(admin, "南村").id
    setup.remove_village(admin, empty)
    assert "南村" not in {v.name for v in choices.places(admin).villages}
    assert "南村人民调解委员会" not in {o.name for o in setup.list_orgs(admin)}
    with pytest.raises(ServiceError) as scoped:  # grid1's account is scoped to this grid
        setup.remove_grid(admin, township.grid)
    assert "账号1个" in str(scoped.value)


def test_a_grid_a_matter_names_is_kept(township):
    from tests.services.test_matters import report

    admin = township.admin
    spare = setup.add_grid(admin, township.village, "东村二网格").id
    report(township, "platform", grid_id=spare)
    with pytest.raises(ServiceError) as refused:
        setup.remove_grid(admin, spare)
    assert "事项1件" in str(refused.value) and "住户0户" in str(refused.value)
    assert "东村二网格" in {g.name for g in choices.places(admin).grids}
