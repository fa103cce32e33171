"""重点人员 against a real server (SQLite and PostgreSQL): a grid worker's 稳控 plan and contacts reach the
township; a plan or a contact the rules refuse, or a contact in another account's name, is refused alone with
its reason, and the honest laptops keep syncing."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from desktop.services import key_persons, residents, syncing
from desktop.services.key_persons import ContactInput, PlanInput
from desktop.services.residents import HouseholdInput
from sync.core.domain.residents import KEY_PERSON, PersonFields

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, record_on_server


@pytest.fixture
def device(laptops):
    return RawDevice(laptops.server.url, "grid1")


def watched_on_b(laptops) -> str:
    b, town = laptops.b, laptops.town
    h = residents.save_household(b, HouseholdInput(town.village, "0001", "东村一组1号", town.grid)).id
    person = residents.save_person(b, h, PersonFields("张三", relation="户主", tags=[KEY_PERSON])).id
    syncing.sync_now(b)
    return person


def test_a_plan_and_a_contact_reach_the_township(laptops):
    b = laptops.b
    person = watched_on_b(laptops)
    today = b.now().date()
    keeper = b.actor.account_id
    plan = key_persons.save_plan(
        b, person, PlanInput("极端倾向", keeper, "每日见面", 7, today - timedelta(days=10))
    )
    contact = key_persons.record_contact(b, person, ContactInput(today, "上门走访", "情绪稳定"))
    assert syncing.sync_now(b).rejected == 0
    assert record_on_server(laptops.server, plan.ids[0]).data["category"] == "极端倾向"
    assert record_on_server(laptops.server, contact.ids[0]).data["by_id"] == keeper
    syncing.sync_now(laptops.a)
    (found,) = key_persons.key_persons(laptops.a)
    assert (found.category, found.keeper, found.last_contact) == ("极端倾向", b.actor.display_name, today)
    everyone_keeps_syncing(laptops)


def test_plans_and_contacts_the_rules_refuse(laptops, device):
    person = watched_on_b(laptops)
    today = date.today()
    me = laptops.b.actor.account_id
    other = laptops.town.accounts["grid2"]
    plan = {
        "person_id": person,
        "category": "上访户",  # not a category of the seeds
        "keeper_id": me,
        "plan": "看护",
        "every_days": 7,
        "since": today.isoformat(),
    }
    contact = {
        "person_id": person,
        "on": today.isoformat(),
        "way": "上门走访",
        "seen": "在家",
        "by_id": other,
    }
    results = device.push(
        device.op("key_person_plans", str(uuid.uuid4()), fields=plan),
        device.op(
            "key_person_plans", str(uuid.uuid4()), fields={**plan, "category": "其他", "every_days": 0}
        ),
        device.op("key_person_contacts", str(uuid.uuid4()), fields=contact),  # in grid2's name
        device.op(
            "key_person_contacts",
            str(uuid.uuid4()),
            fields={**contact, "by_id": me, "on": (today + timedelta(days=5)).isoformat()},
        ),
        device.op("key_person_contacts", str(uuid.uuid4()), fields={**contact, "by_id": me, "way": "写信"}),
    )
    assert [r["status"] for r in results] == ["rejected"] * 5, results
    said = [r["reason"] for r in results]
    assert "类别" in said[0] and "走访频次" in said[1] and "本账号的名义" in said[2]
    assert "走访日期" in said[3] and "方式" in said[4]
    good = device.push(
        device.op("key_person_contacts", str(uuid.uuid4()), fields={**contact, "by_id": me}),
        device.op("key_person_plans", str(uuid.uuid4()), fields={**plan, "category": "长期非访"}),
    )
    assert [r["status"] for r in good] == ["applied", "applied"], good
    everyone_keeps_syncing(laptops)
