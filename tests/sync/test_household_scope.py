"""联户长: an account over a group of households reads exactly those households, their residents, visits and
matters, and reports from its visits; the server refuses what lies outside (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.services import accounts, matters, residents, syncing, visits
from desktop.services.errors import NotAllowed, ValidationFailed
from desktop.services.visits import VisitInput
from desktop.store.models import Household, Matter, Person, Visit
from sync.core.domain.residents import PersonFields
from tests.conftest import FAST_KDF, PASSWORD

from .conftest import add_server_account
from .test_end_to_end import add_household


def _numbers(ws, model=Household, field="number"):
    with ws.read() as s:
        return sorted(getattr(r, field) for r in s.scalars(select(model)))


def _report_from_visit(ws, household_id, title):
    visit = visits.log_visit(ws, VisitInput(household_id, "矛盾排查", findings=title)).id
    form = visits.matter_from_visit(ws, visit)
    form.title = title
    return matters.report(ws, form).id


@pytest.fixture
def head_of_households(laptops, tmp_path):
    """Households 0301 and 0302 under a 联户长, 0303 beside them in the same grid, each with a resident."""
    town, a = laptops.town, laptops.a
    ids = {}
    for number, name in (("0301", "张一"), ("0302", "张二"), ("0303", "张三")):
        ids[number] = add_household(a, town, number, f"东村{number}号")
        residents.save_person(a, ids[number], PersonFields(name))
    accounts.add_account(
        a,
        "lhz",
        "陈联户",
        PASSWORD,
        "household_head",
        scope_kind="household",
        scope_ids=["0301", "0302"],
        kdf=FAST_KDF,
    )
    _report_from_visit(a, ids["0302"], "0302 宅基地边界")
    _report_from_visit(a, ids["0303"], "0303 邻里噪音")
    syncing.sync_now(a)
    add_server_account(laptops.server, "lhz", "household", ["0301", "0302"])
    return ids, laptops.join(tmp_path / "lhz" / "fengqiao.db", "lhz")


def test_a_household_head_pulls_only_their_households_and_what_concerns_them(laptops, head_of_households):
    ids, lhz = head_of_households
    assert _numbers(lhz) == ["0301", "0302"]
    assert _numbers(lhz, Person, "name") == ["张一", "张二"]
    assert _numbers(lhz, Matter, "title") == ["0302 宅基地边界"]
    with lhz.read() as s:
        assert {v.household_id for v in s.scalars(select(Visit))} == {ids["0302"]}


def test_a_household_head_reports_from_a_visit_and_the_grid_worker_sees_it(laptops, head_of_households):
    ids, lhz = head_of_households
    matter_id = _report_from_visit(lhz, ids["0301"], "0301 赡养纠纷")
    report = syncing.sync_now(lhz)
    assert report.rejected == 0
    syncing.sync_now(laptops.b)
    with laptops.b.read() as s:
        matter = s.get(Matter, matter_id)
        assert matter.household_id == ids["0301"] and matter.grid_id == laptops.town.grid

    # Without a household there is nothing a 联户长 may report on: the form says where to start.
    form = matters.MatterInput(title="无户可依", source="网格排查", village_id=laptops.town.village)
    with pytest.raises(NotAllowed, match="走访记录"):
        matters.report(lhz, form)


def test_the_server_refuses_a_visit_to_a_household_outside(laptops, head_of_households):
    ids, lhz = head_of_households
    with pytest.raises(Exception, match="找不到该户"):  # the laptop does not even have it
        visits.log_visit(lhz, VisitInput(ids["0303"], "矛盾排查"))
    # A tampered client copies the household in and writes the visit anyway: the server refuses both, with the
    # reason, and takes the honest visit beside them.
    with laptops.a.read() as s:
        outside = s.get(Household, ids["0303"])
        copy = {c: getattr(outside, c) for c in ("id", "village_id", "grid_id", "number", "address", "tags")}
    with lhz.db.writing(actor_id=lhz.actor.account_id, device_id=lhz.device_id) as s:
        s.add(Household(**copy))
        s.add(
            Visit(
                household_id=ids["0303"],
                visitor_id=lhz.actor.account_id,
                visited_at=lhz.now(),
                purpose="越界",
                findings="",
            )
        )
    visits.log_visit(lhz, VisitInput(ids["0301"], "日常走访"))
    report = syncing.sync_now(lhz)
    assert report.rejected == 2
    reasons = {r.table_name: r.reason for r in syncing.rejected_edits(lhz)}
    assert "管辖范围" in reasons["visits"]
    syncing.sync_now(laptops.a)
    with laptops.a.read() as s:
        purposes = sorted(v.purpose for v in s.scalars(select(Visit)))
    assert "日常走访" in purposes and "越界" not in purposes


def test_unknown_household_numbers_are_refused_by_name(township):
    with pytest.raises(ValidationFailed) as refused:
        accounts.add_account(
            township.admin,
            "lhz",
            "陈联户",
            PASSWORD,
            "household_head",
            scope_kind="household",
            scope_ids=["9999"],
            kdf=FAST_KDF,
        )
    (issue,) = refused.value.issues
    assert issue.field == "联系的住户" and "9999" in issue.reason


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old-server.db'}"
    return request.getfixturevalue("postgres").new_database()


def test_an_older_server_database_learns_each_records_household(database_url):
    """Upgrading a server that already holds a township: households name themselves, residents and visits (and
    a visit's attachment) take their household, matters and reference data stay without one."""
    from alembic import command
    from sqlalchemy import text

    from sync.server.db import alembic_config, make_engine, migrate

    engine = make_engine(database_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    rows = [
        ("h1", "households", None),
        ("p1", "persons", "h1"),
        ("v1", "visits", "h1"),
        ("f1", "attachments", "v1"),
        ("m1", "matters", None),
        ("d1", "divisions", None),
    ]
    with engine.begin() as conn:
        for seq, (rid, table, parent) in enumerate(rows, 1):
            conn.execute(
                text(
                    "INSERT INTO records (id, table_name, data, field_seq, field_device, server_seq, deleted,"
                    " shared, parent_id) VALUES (:id, :t, '{}', '{}', '{}', :seq, false, false, :parent)"
                ),
                {"id": rid, "t": table, "seq": seq, "parent": parent},
            )
    migrate(engine)
    with engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id, household_id FROM records")).all())
    engine.dispose()
    assert found == {"h1": "h1", "p1": "h1", "v1": "h1", "f1": "h1", "m1": None, "d1": None}
