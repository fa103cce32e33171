"""设置 → 单位与队伍: a unit's 人民调解委员会 and its 文书号简称, typed for the selected unit, kept on the
unit."""

from __future__ import annotations

from desktop.services import committees


def test_the_selected_unit_names_its_committee(township, window_for, settle, no_popups):
    window = window_for("admin")
    window.go("settings")
    settings = window.pages["settings"]
    settle()
    row = next(i for i, o in enumerate(settings.shown_orgs) if o.kind == "team")
    team = settings.shown_orgs[row]
    settings.orgs.selectRow(row)
    settings.committee_name.setText("老娘舅人民调解委员会")
    settings.committee_short.setText("向老")
    settings.name_committee()
    settle()
    assert committees.committee_names(township.admin)[team.id] == ("老娘舅人民调解委员会", "向老")
    assert settings.committee_name.text() == "" and no_popups == []
