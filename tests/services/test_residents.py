"""Households and residents: validation that keeps what was typed, scope, masking and audited reveal."""

import pytest
from sqlalchemy import select, text

from desktop.services import lists, residents
from desktop.services.errors import NotAllowed, ValidationFailed
from desktop.services.residents import HouseholdInput
from desktop.store import queries
from desktop.store.models import AuditEntry, Person
from sync.core.domain.residents import PersonFields

HEAD = "11010519491231002X"


def household(town, who="grid1", number="0001", grid=None):
    ws = town.login(who)
    return residents.save_household(
        ws, HouseholdInput(town.village, number, "东村一组1号", grid or town.grid)
    ).id


def test_register_a_household_and_its_members(township):
    g = township.login("grid1")
    h = household(township)
    residents.save_person(g, h, PersonFields("张 三", "", "汉族", HEAD.lower(), "+86 138-0013-8000", "户主"))
    page = lists.households(g)
    assert page.total == 1 and page.rows[0].head == "张 三" and page.rows[0].members == 1
    person = lists.persons(g, household_id=h).rows[0]
    assert person.id_number == "110105********002X" and person.mobile == "138****8000" and person.sex == "女"


def test_every_error_at_once_with_field_names(township):
    g = township.login("grid1")
    h = household(township)
    with pytest.raises(ValidationFailed) as caught:
        residents.save_person(g, h, PersonFields("", "未知", "", "110105194912310021", "12345"))
    assert [(i.field) for i in caught.value.issues] == ["姓名", "身份证号", "性别", "手机号"]


def test_a_number_already_registered_is_refused_with_whose_it_is(township):
    g = township.login("grid1")
    h = household(township)
    residents.save_person(g, h, PersonFields("张三", id_number=HEAD))
    with pytest.raises(ValidationFailed, match="已登记为“张三”"):
        residents.save_person(g, h, PersonFields("张四", id_number=HEAD))


def test_a_grid_worker_cannot_register_in_another_grid(township):
    with pytest.raises(NotAllowed, match="不在您负责的范围内"):
        household(township, "grid1", grid=township.grid2)
    with pytest.raises(NotAllowed, match="登记和修改住户"):
        household(township, "mediator")


def test_reveal_is_for_entitled_roles_and_audited(township):
    g = township.login("grid1")
    h = household(township)
    p = residents.save_person(g, h, PersonFields("张三", id_number=HEAD, mobile="13800138000")).id
    assert residents.reveal_person(g, p) == (HEAD, "13800138000")
    with township.admin.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "person.reveal")).scalar()
        assert entry.account == "grid1" and entry.target == p
    with pytest.raises(NotAllowed):
        residents.reveal_person(township.login("auditor"), p)


def test_search_by_name_number_phone_and_address(township):
    g = township.login("grid1")
    h = household(township)
    residents.save_person(g, h, PersonFields("欧阳娜娜", id_number=HEAD, mobile="13800138000"))
    residents.save_person(g, h, PersonFields("王五"))
    for query in ("欧阳", "欧阳娜娜", "阳娜", "1949123", "0013800", "一组1号", "王五", "王"):
        assert lists.households(g, text=query).total == 1, query
    assert lists.persons(g, text="欧阳").total == 1
    assert lists.households(g, text="不存在的人").total == 0


def test_one_and_two_characters_find_what_they_contain_anywhere(township):
    """Short text goes through the one-token-per-character index: same answers as a scan, from an index."""
    g = township.login("grid1")
    h = household(township)
    residents.save_person(g, h, PersonFields("欧阳娜娜", id_number=HEAD, mobile="13800138000"))
    residents.save_person(g, h, PersonFields("王五"))
    for query in ("阳", "娜", "五", "1号", "38", "8", " 王 ", "A"[:0] + "欧"):
        assert lists.households(g, text=query).total == 1, query
        assert lists.households(g, text=query).rows[0].id == h
    assert lists.persons(g, text="娜").total == 1
    assert lists.persons(g, text="王").total == 1
    for query in ("赵", "五王", "-", '"', "*"):
        assert lists.households(g, text=query).total == 0, query
    residents.save_person(g, h, PersonFields("赵六"))  # a new resident is findable at once
    assert lists.persons(g, text="六").total == 1


def test_a_common_text_read_in_list_order_gives_the_same_page(township):
    """Text thousands of households hold is answered by reading the list in its order and keeping the hits
    (queries.WALK_FROM); that must give the rows and the count that looking the hits up and sorting gives,
    whatever the order, filter, scope, page or removed resident."""
    a = township.admin
    for i in range(24):
        village, grid = (township.village, township.grid) if i % 3 else (township.village2, township.grid2)
        h = residents.save_household(a, HouseholdInput(village, f"{(i * 7) % 24:04d}", f"东村{i}组", grid)).id
        residents.save_person(
            a, h, PersonFields(("王秀英", "张伟", "李秀兰")[i % 3], mobile=f"1380013{i:04d}")
        )
    gone = lists.persons(a, text="李秀兰").rows[0].id
    residents.remove_person(a, gone, "迁出")
    pages = [
        {},
        {"order": "village", "descending": True},
        {"village_id": township.village},
        {"offset": 3, "limit": 4},
        {"order": "address"},
        {"offset": 30},
    ]
    for who in ("platform", "grid1"):
        ws = township.login(who)
        viewer = lists.viewer_of(ws)
        for query in ("秀", "王", "组", "138", "李秀兰", "不在"):
            for options in pages:
                with ws.read() as s:
                    walked = queries.list_households(s, viewer, text=query, walk_from=1, **options)
                    sorted_ = queries.list_households(s, viewer, text=query, walk_from=10**9, **options)
                    whole = {k: v for k, v in options.items() if k not in ("offset", "limit")}
                    every = queries.list_households(s, viewer, text=query, limit=None, **whole)
                assert walked == sorted_, (who, query, options)
                assert walked.total == len(every.rows), (who, query, options)
    assert lists.households(township.login("platform"), text="秀").total == 15  # 7 李秀兰 less the one gone


def test_an_edit_replaces_the_index_entry_under_the_next_row_number(township):
    """Each write of a record's entry takes the next row number (FTS5 writes rising numbers as one segment,
    not one per record), and the old words leave with the old entry."""
    g = township.login("grid1")
    h = household(township)
    p = residents.save_person(g, h, PersonFields("欧阳娜娜")).id

    def entries():
        with township.admin.read() as s:
            return s.execute(text("SELECT id FROM search_fts_refs WHERE ref = :p"), {"p": p}).scalars().all()

    (first,) = entries()
    residents.save_person(g, h, PersonFields("司马光"), person_id=p)
    (second,) = entries()
    assert second > first
    assert lists.persons(g, text="司马光").total == lists.persons(g, text="马").total == 1
    assert lists.persons(g, text="欧阳娜娜").total == lists.persons(g, text="娜").total == 0
    assert lists.households(g, text="司马光").total == 1 and lists.households(g, text="欧阳").total == 0
    with township.admin.read() as s:  # one entry per record: the household's was replaced too
        assert (
            s.execute(
                text("SELECT count(*) FROM search_fts_refs WHERE ref IN (:h, :p)"), {"h": h, "p": p}
            ).scalar()
            == 2
        )


def test_removal_is_a_tombstone(township):
    g = township.login("grid1")
    h = household(township)
    p = residents.save_person(g, h, PersonFields("张三")).id
    residents.remove_person(g, p, "迁出")
    assert lists.persons(g, household_id=h).total == 0
    with township.admin.read() as s:
        assert s.get(Person, p).deleted is True
