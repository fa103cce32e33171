"""A new county's first steps in the window (issue 29, review 24, 25, 30, 33, 34; real widgets offscreen on a
real SQLCipher laptop): 交办 with no county unit says where to set them up; 单位与队伍 gives the county's own
examples; a unit's members are listed by name; a member the laptop does not know yet is refused with the
reason and what to do (同步 first)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.services import accounts, choices, setup
from desktop.services.errors import ValidationFailed
from desktop.ui.actions import ActionDialog
from sync.core.domain.lifecycle import Action
from tests.conftest import FAST_KDF, PASSWORD


@pytest.fixture
def county(township):
    accounts.add_account(
        township.admin,
        "xian",
        "县综治中心",
        PASSWORD,
        "platform,supervisor",
        scope_kind="county",
        kdf=FAST_KDF,
    )
    return township.login("xian")


def _shot(widget, name: str) -> None:
    folder = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def _hint(dialog) -> str:
    found = dialog.findChild(QLabel, "dispatchHint")
    return found.text() if found is not None else ""


def test_dispatch_without_county_units_says_where_to_add_them(qtbot, township, county, worker):
    dialog = ActionDialog(county, worker, "m", Action.DISPATCH, choices.places(county))
    qtbot.addWidget(dialog)
    dialog.show()
    _shot(dialog, "county_dispatch_empty.png")
    hint = _hint(dialog)
    assert "设置 → 单位与队伍" in hint and "县法院" in hint and "县直单位" in hint, hint
    setup.add_org(county, "unit", "县人民法院")
    staffed = ActionDialog(county, worker, "m", Action.DISPATCH, choices.places(county))
    qtbot.addWidget(staffed)
    assert _hint(staffed) == ""  # a unit to send it to: nothing to say
    township_dialog = ActionDialog(
        township.login("platform"), worker, "m", Action.DISPATCH, choices.places(township.login("platform"))
    )
    qtbot.addWidget(township_dialog)
    assert _hint(township_dialog) == ""  # the township has its 司法所 and teams


def test_the_countys_units_page_gives_county_examples_and_member_names(
    qtbot, township, county, worker, settle
):
    from desktop.ui.main_window import MainWindow

    court = setup.add_org(county, "unit", "县人民法院").id
    accounts.add_account(
        township.admin, "fy01", "李庭长", PASSWORD, "mediator", scope_kind="county", kdf=FAST_KDF
    )
    setup.add_members(county, court, ["fy01"])
    window = MainWindow(county, worker, choices.places(county))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    window.go("settings")
    page = window.pages["settings"]
    page.tabs.setCurrentWidget(page.orgs_tab)
    settle()
    _shot(window, "county_units_page.png")
    example = page.new_org.placeholderText()
    assert "县法院" in example and "司法所" not in example and "老干部" not in example, example
    assert "芒新" not in page.committee_short.placeholderText()
    assert (page.orgs.item(0, 1).text(), page.orgs.item(0, 2).text()) == ("县人民法院", "李庭长")

    township_page = MainWindow(township.login("admin"), worker, choices.places(township.login("admin")))
    qtbot.addWidget(township_page)
    assert "司法所" in township_page.pages["settings"].new_org.placeholderText()  # the township's as before


def test_a_member_the_laptop_does_not_know_yet_is_refused_with_what_to_do(township, county):
    court = setup.add_org(county, "unit", "县人民法院").id
    with pytest.raises(ValidationFailed) as refused:
        setup.add_members(county, court, ["gongan01"])
    (issue,) = refused.value.issues
    assert issue.field == "成员" and "gongan01" in issue.reason and "同步" in issue.reason, issue
