"""The county's 单位与队伍 (real widgets offscreen, a real server on SQLite): a county platform sees the
county's own units, not the township's, marked by level, and adds the county's accounts to them from the
window; the server takes it and the member's own laptop learns it; a township account or unit it may not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services import choices, setup, syncing
from desktop.services.errors import ValidationFailed
from desktop.store.models import Account
from desktop.ui.main_window import MainWindow
from tests.sync.test_county import add_county_account


def test_the_county_lists_and_staffs_its_own_units(qtbot, laptops, worker, settle, tmp_path):
    t = laptops.town
    add_county_account(laptops.server)
    add_county_account(laptops.server, "county2", roles=("platform",))
    c = laptops.join(tmp_path / "county" / "fengqiao.db", "county1")
    other = laptops.join(tmp_path / "county2" / "fengqiao.db", "county2")
    court = setup.add_org(c, "unit", "县人民法院").id
    syncing.sync_now(c)

    window = MainWindow(c, worker, choices.places(c))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle()
    window.go("settings")
    page = window.pages["settings"]
    page.tabs.setCurrentWidget(page.orgs_tab)
    settle()
    rows = [(page.orgs.item(r, 0).text(), page.orgs.item(r, 1).text()) for r in range(page.orgs.rowCount())]
    assert rows == [("县级 职能部门", "县人民法院")]  # the township's 司法所 and team are not the county's

    page.orgs.selectRow(0)
    page.new_members.setText("county2")
    page.add_members()
    settle()
    assert page.orgs.item(0, 2).text() == "县综治中心"  # by name (display name), not the username
    folder = os.environ.get("FENGQIAO_SCREENSHOT_DIR")
    if folder:
        window.grab().save(str(Path(folder) / "county_units.png"))
    report = syncing.sync_now(c)
    assert report.rejected == 0, syncing.rejected_edits(c)
    syncing.sync_now(other)  # the member's own laptop: in the unit, work sent to it is theirs
    with other.read() as s:
        assert s.scalar(select(Account.org_id).where(Account.username == "county2")) == court

    with pytest.raises(ValidationFailed, match="只能添加县级账号"):
        setup.add_members(c, court, ["grid1"])
    with pytest.raises(ValidationFailed, match="县级只能给县级单位添加成员"):
        setup.add_members(c, t.unit, ["county2"])


def test_the_server_refuses_the_county_staffing_a_township(laptops, tmp_path):
    """Past the laptop's own checks (a hostile or old laptop): the server takes a county account into a
    county unit only, and never touches a township account."""
    t = laptops.town
    add_county_account(laptops.server)
    add_county_account(laptops.server, "county2", roles=("platform",))
    c = laptops.join(tmp_path / "county" / "fengqiao.db", "county1")
    for username, org in (("county2", t.unit), ("grid1", None)):
        with c.tx("org.members", username) as tx:
            account = tx.session.scalar(select(Account).where(Account.username == username))
            account.org_id = org or setup.list_orgs(c)[0].id
        assert syncing.sync_now(c).rejected == 1
    reasons = [r.reason for r in syncing.rejected_edits(c)]
    assert reasons == ["县级账号只能加入县级单位", "县级账号不能修改乡镇的“accounts”记录"], reasons
