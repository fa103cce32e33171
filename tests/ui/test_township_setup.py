"""A township sets up its units and teams in the window, and the work dispatched to them shows everywhere: the
drop-downs of windows already open, the desk's tiles, the ledger's filters and column, the statistics."""

from openpyxl import Workbook

from desktop.services import accounts, matters, setup, steps
from desktop.services.matters import MatterInput
from sync.core.domain.lifecycle import Action
from sync.core.domain.roles import Role


def test_units_and_teams_from_the_window_reach_open_windows_and_every_list(
    township,
    window_for,
    settle,
    no_popups,
    tmp_path,
):
    t = township
    platform = window_for("platform")  # opened before the unit exists
    admin = window_for("admin")
    admin.go("settings")
    page = admin.stack.currentWidget()
    settle()
    page.tabs.setCurrentIndex(page.tabs.count() - 2)  # 单位与队伍
    page.org_kind.setCurrentIndex(page.org_kind.findData("unit"))
    page.new_org.setText("国土所")
    page.add_org()
    settle(), settle()
    assert "国土所" in [page.orgs.item(r, 1).text() for r in range(page.orgs.rowCount())]
    assert platform.ledger.handler.findText("国土所") >= 0  # the open window's filter offers it now
    page.new_org.setText("国土所")
    page.add_org()
    settle()
    assert "已有名为“国土所”的职能部门" in no_popups[-1]

    dialog = page.add_account()
    dialog.username.setText("land1")
    dialog.name.setText("冯国土")
    dialog.password.setText("long enough 1")
    dialog.roles[Role.MEDIATOR].setChecked(True)
    dialog.org.setCurrentIndex(dialog.org.findText("国土所"))
    dialog.save()
    settle()
    assert not dialog.isVisible(), no_popups
    book = Workbook()
    book.active.append(["名称", "类型", "成员"])
    book.active.append(["律师调解队", "队伍", "mediator"])
    book.active.append(["无名", "乡镇", ""])
    book.save(tmp_path / "orgs.xlsx")
    page.import_orgs_from(str(tmp_path / "orgs.xlsx"))
    settle(), settle()
    assert page.import_report.created == ["律师调解队"] and page.import_report.rejected[0].row == 3
    assert "第 3 行 类型" in no_popups[-1]
    unit = next(o for o in setup.list_orgs(t.admin, "unit") if o.name == "国土所")
    assert next(o for o in setup.list_orgs(t.admin, "team") if o.name == "律师调解队").members == (
        "mediator",
    )

    # The platform dispatches to the new unit from its open window; its member takes it on.
    m = matters.report(t.login("grid1"), MatterInput("宅基地确权争议", "网格排查", grid_id=t.grid)).id
    steps.register(t.login("platform"), m, 2, category="邻里")
    platform.ledger.view.show_matter(m)
    settle()
    form = platform.ledger.view.open_action(Action.DISPATCH)
    form.set_value("handler", f"org:{unit.id}")
    form.submit()
    settle()
    assert not form.isVisible(), no_popups
    land = accounts.login(t.path, "land1", "long enough 1", clock=t.clock)
    steps.accept(land, m)
    steps.supervise(t.login("supervisor"), m, "请五日内办结")
    steps.take_charge(t.login("leader"), m, "包案协调")
    leader = window_for("leader")
    assert (leader.desk.counts.supervised, leader.desk.counts.in_charge) == (1, 1)
    leader.show_ledger({"focus": "in_charge"})
    settle()
    (row,) = leader.ledger.model.rows
    assert (
        row.id == m
        and "包案：周领导" in leader.ledger._oversight(row)
        and "督办1次" in leader.ledger._oversight(row)
    )
    steps.explain_overdue(land, m, "需测绘")
    steps.close(land, m, "resolved", note="确权完成")
    land.close()
    platform.go("stats")
    stats_page = platform.stack.currentWidget()
    stats_page.by.setCurrentIndex(stats_page.by.findData("unit"))
    settle()
    (unit_row,) = stats_page.units
    assert (unit_row.name, unit_row.counts.registered, unit_row.counts.supervised) == ("国土所", 1, 1)
    stats_page.by.setCurrentIndex(stats_page.by.findData("team"))
    settle()
    assert stats_page.units == []
    claimed = matters.report(t.login("grid1"), MatterInput("劳务费纠纷", "网格排查", grid_id=t.grid)).id
    steps.register(t.login("platform"), claimed, 1, category="合同")
    steps.publish(t.login("platform"), claimed)
    steps.claim(t.login("mediator"), claimed)
    stats_page.refresh()
    settle()
    assert [u.name for u in stats_page.units] == ["律师调解队"]  # a member's claim counts for the team


def test_the_townships_own_grade_names_reach_the_register_form(township, window_for, settle, no_popups):
    platform = window_for("platform")
    admin = window_for("admin")
    admin.go("settings")
    page = admin.stack.currentWidget()
    settle()
    assert "老娘舅" not in page.grades.item(1, 1).text()
    page.grades.item(0, 0).setText("★ 简易纠纷")
    page.save_policy()
    settle(), settle()
    assert no_popups == []
    m = matters.report(township.login("grid1"), MatterInput("邻里噪音", "网格排查", grid_id=township.grid)).id
    platform.ledger.view.show_matter(m)
    settle()
    form = platform.ledger.view.open_action(Action.REGISTER)
    grade = form.widgets["grade"][1]
    assert [grade.itemText(i) for i in range(grade.count())][0] == "★ 简易纠纷"
    page.grades.item(0, 0).setText(" ")
    page.save_policy()
    assert "星级名称不能为空" in no_popups[-1]


def test_a_household_head_is_given_households_by_their_numbers(township, window_for, settle, no_popups):
    """联户长: the account's scope is typed as 户号; one that names no household is shown under the field, and
    what was typed stays."""
    from desktop.services import residents
    from desktop.services.residents import HouseholdInput

    t = township
    residents.save_household(t.admin, HouseholdInput(t.village, "0501", "东村", t.grid))
    admin = window_for("admin")
    admin.go("settings")
    page = admin.stack.currentWidget()
    settle()
    dialog = page.add_account()
    assert not dialog.households.isEnabled()
    dialog.username.setText("lhz")
    dialog.name.setText("陈联户")
    dialog.password.setText("long enough 1")
    dialog.roles[Role.HOUSEHOLD_HEAD].setChecked(True)
    dialog.scope.setCurrentIndex(dialog.scope.findData("household"))
    assert dialog.households.isEnabled() and not dialog.places_list.isEnabled()
    dialog.households.setText("0501，0599")
    dialog.save()
    settle()
    assert dialog.isVisible() and not no_popups
    assert "0599" in dialog.form._errors["联系的住户"].text()
    assert dialog.username.text() == "lhz"
    dialog.households.setText("0501")
    dialog.save()
    settle()
    assert not dialog.isVisible(), no_popups
    lhz = accounts.login(t.path, "lhz", "long enough 1", clock=t.clock)
    assert lhz.actor.scope.kind == "household" and len(lhz.actor.scope.ids) == 1
