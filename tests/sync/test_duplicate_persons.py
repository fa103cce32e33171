"""One person entered on two laptops offline, in two households: after sync the township sees the twin records
and merges them, the matters naming either record naming the kept one, on every laptop."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.services import desk, duplicates, matters, residents, syncing
from desktop.services.errors import ValidationFailed
from desktop.services.matters import MatterInput, PartyInput
from desktop.store.models import Party, Person
from sync.core.domain.residents import PersonFields
from tests.sync.test_end_to_end import add_household

ID = "11010519491231002X"


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_twins_from_two_laptops_are_listed_and_merged(laptops):
    town, a, b = laptops.town, laptops.a, laptops.b
    first = add_household(a, town, "0001", "东村1号")
    second = add_household(b, town, "0002", "东村2号")
    kept = residents.save_person(
        a, first, PersonFields("张三", relation="户主", id_number=ID, mobile="13800138000")
    ).id
    dropped = residents.save_person(b, second, PersonFields("张叁", id_number=ID, tags=["重点人员"])).id
    matter = matters.report(
        b,
        MatterInput(
            "宅基地争议",
            "网格排查",
            grid_id=town.grid,
            parties=[PartyInput("张叁", "申请人", id_number=ID, person_id=dropped)],
        ),
    ).id
    for laptop in (a, b, a):
        syncing.sync_now(laptop)
    (group,) = duplicates.duplicate_persons(a)
    assert {t.name for t in group.persons} == {"张三", "张叁"} and group.id_number == "110105********002X"
    assert desk.desk(a).duplicates == 1
    with pytest.raises(ValidationFailed):  # a record of another number is not a twin
        other = residents.save_person(a, first, PersonFields("李四", id_number="110105198005170017")).id
        duplicates.merge_persons(a, kept, other)
    duplicates.merge_persons(a, kept, dropped)
    assert duplicates.duplicate_persons(a) == [] and desk.desk(a).duplicates == 0
    for laptop in (a, b):
        syncing.sync_now(laptop)
    with b.read() as s:
        assert s.scalar(select(Party.person_id).where(Party.matter_id == matter)) == kept
        person = s.get(Person, kept)
        assert person.tags == ["重点人员"] and person.mobile == "13800138000"
        assert s.get(Person, dropped).deleted and s.get(Person, dropped).id_number is None
    assert duplicates.duplicate_persons(b) == []
