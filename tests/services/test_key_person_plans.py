"""重点人员 management: a 稳控 plan (category from seed 002, 包保责任人, frequency), each contact recorded,
and the due-contact list on the desk with the overdue first; bad input refused naming the field."""

from datetime import date, timedelta

import pytest

from desktop.services import desk, key_persons, residents
from desktop.services.errors import NotFound, ValidationFailed
from desktop.services.key_persons import ContactInput, PlanInput
from desktop.services.residents import HouseholdInput
from sync.core.domain.residents import KEY_PERSON, PersonFields

TODAY = date(2026, 11, 23)  # the test clock's day


def watched(t, name="张三", number="0001", tag=True):
    g = t.login("grid1")
    h = residents.save_household(g, HouseholdInput(t.village, number, f"东村一组{number}号", t.grid)).id
    tags = [KEY_PERSON] if tag else []
    return residents.save_person(g, h, PersonFields(name, relation="户主", tags=tags)).id


def test_a_plan_its_contacts_and_the_due_list_overdue_first(township):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    zhang, li, wang = watched(t), watched(t, "李四", "0002"), watched(t, "王五", "0003")
    keeper = t.accounts["grid1"]
    # 张三: seen every 7 days since 1 November, never contacted: due 8 November, 15 days overdue
    key_persons.save_plan(
        g, zhang, PlanInput("长期非访", keeper, "每周上门，节点期间日报", 7, date(2026, 11, 1))
    )
    # 李四: every 30 days since 20 October: due 19 November, 4 days overdue
    key_persons.save_plan(g, li, PlanInput("刑满释放", keeper, "帮扶就业", 30, date(2026, 10, 20)))
    # 王五: every 30 days since 10 November: not due until 10 December
    key_persons.save_plan(g, wang, PlanInput("精神障碍", keeper, "监护人每日报平安", 30, date(2026, 11, 10)))
    assert [k.name for k in key_persons.due(p)] == ["张三", "李四"]
    (first, second) = key_persons.due(p)
    assert (first.category, first.keeper, first.every_days, first.next_due) == (
        "长期非访",
        "王网格",
        7,
        date(2026, 11, 8),
    )
    assert second.next_due == date(2026, 11, 19)
    assert desk.desk(p).key_persons_due == 2
    assert desk.desk(g).key_persons_due == 2
    assert desk.desk(t.login("grid2")).key_persons_due == 0  # out of that grid worker's scope
    # a contact today moves 张三's next one a week on, off the list
    key_persons.record_contact(g, zhang, ContactInput(TODAY, "上门走访", "在家，情绪平稳，表示不再上访"))
    assert [k.name for k in key_persons.due(p)] == ["李四"]
    assert desk.desk(p).key_persons_due == 1
    found = {k.name: k for k in key_persons.key_persons(p)}
    assert (found["张三"].last_contact, found["张三"].next_due) == (TODAY, TODAY + timedelta(days=7))
    (line,) = key_persons.contacts(p, zhang)
    assert (line.on, line.way, line.seen, line.by) == (
        TODAY,
        "上门走访",
        "在家，情绪平稳，表示不再上访",
        "王网格",
    )
    # the plan changed in place (one plan in force), then ended: no contact falls due any more
    key_persons.save_plan(g, li, PlanInput("刑满释放", keeper, "帮扶就业", 60, date(2026, 10, 20)))
    assert [k.name for k in key_persons.due(p)] == []
    key_persons.save_plan(g, li, PlanInput("刑满释放", keeper, "帮扶就业", 30, date(2026, 10, 20)))
    key_persons.end_plan(g, li, TODAY)
    assert key_persons.due(p) == [] and desk.desk(p).key_persons_due == 0


def test_a_plan_or_contact_refused_names_the_field(township):
    t = township
    g = t.login("grid1")
    zhang = watched(t)
    with pytest.raises(ValidationFailed) as bad:
        key_persons.save_plan(g, zhang, PlanInput("上访户", "", " ", 0, TODAY + timedelta(days=1)))
    fields = {i.field for i in bad.value.issues}
    assert fields == {"类别", "包保责任人", "稳控措施", "走访频次（天）", "列管日期"}
    with pytest.raises(ValidationFailed, match="包保责任人"):
        key_persons.save_plan(g, zhang, PlanInput("其他", "no-such-account", "看护", 7, TODAY))
    with pytest.raises(ValidationFailed) as bad:
        key_persons.record_contact(g, zhang, ContactInput(TODAY + timedelta(days=1), "写信", ""))
    assert {i.field for i in bad.value.issues} == {"走访日期", "方式", "见到的情况"}
    # not flagged as 重点人员, or out of scope: not found
    plain = watched(t, "赵六", "0009", tag=False)
    with pytest.raises(NotFound, match="须先在居民信息中列为重点人员"):
        key_persons.save_plan(g, plain, PlanInput("其他", t.accounts["grid1"], "看护", 7, TODAY))
    with pytest.raises(NotFound):
        key_persons.record_contact(t.login("grid2"), zhang, ContactInput(TODAY, "电话联系", "正常"))
    assert key_persons.key_persons(g)[0].plan_id is None  # nothing was kept
