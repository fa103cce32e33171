"""The county on the township server (SQLite and PostgreSQL, a real server): a county account's device
receives exactly the matters that are or were at county level, whole, and no household, resident or visit;
only the county takes a county matter's steps, the township again after 交下级落实."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.services import matters, periods, setup, steps, syncing
from desktop.store.models import (
    Division,
    Event,
    Household,
    Matter,
    MediationSession,
    Org,
    Party,
    Period,
    Person,
    Visit,
)
from sync.core import protocol as p
from sync.core.domain.lifecycle import Action, Refused
from sync.server import account_admin
from sync.server import accounts as server_accounts
from sync.server.accounts import AdminError
from tests.conftest import PASSWORD
from tests.services.test_matters import report

from .test_end_to_end import add_household


def _at_township(t, matter_id):
    """Reported in the village, tried there, 提级 to the township and taken in hand by its platform."""
    p = t.login("platform")
    steps.register(p, matter_id, 1, category="邻里")
    steps.dispatch(p, matter_id, f"org:{t.committee}")
    steps.accept(t.login("grid1"), matter_id)
    steps.escalate(t.login("grid1"), matter_id, "村级三次调解未成")
    steps.dispatch(p, matter_id, f"account:{t.accounts['platform']}")
    steps.accept(p, matter_id)


def _to_county(t, matter_id):
    _at_township(t, matter_id)
    steps.escalate(t.login("platform"), matter_id, "镇级调解未成，报请县综治中心")


def _ids(ws, model):
    with ws.read() as s:
        return {r.id for r in s.scalars(select(model))}


def add_county_account(server, username="county1", roles=("platform", "supervisor")):
    """As `fengqiao-server account add USER --scope county --roles …` does it."""
    request = p.NewAccount(
        username=username,
        password=PASSWORD,
        display_name="县综治中心",
        roles=list(roles),
        scope_kind="county",
    )
    with server.server.db.writing() as s:
        account_admin.create(s, account_admin.SERVER_CLI, request, datetime.now())


@pytest.fixture
def county(laptops, tmp_path):
    """Two matters of the township: one 提级 to the county, one kept at the township; a household with a
    resident and a visit beside them; and a county platform's laptop joined after."""
    t, a = laptops.town, laptops.a
    add_household(a, t, "0301", "东村1号")
    escalated, kept = report(t, title="土地承包纠纷"), report(t, title="邻里噪音")
    _to_county(t, escalated)
    _at_township(t, kept)
    syncing.sync_now(a)
    add_county_account(laptops.server)
    return escalated, kept, laptops.join(tmp_path / "county" / "fengqiao.db", "county1")


def test_a_county_device_pulls_the_escalated_matter_whole_and_nothing_else(laptops, county):
    escalated, kept, c = county
    a = laptops.a
    assert _ids(c, Matter) == {escalated}
    with a.read() as s:
        parties = {p.id for p in s.scalars(select(Party).where(Party.matter_id == escalated))}
        events = {e.id for e in s.scalars(select(Event).where(Event.matter_id == escalated))}
    assert parties and _ids(c, Party) == parties
    assert _ids(c, Event) == events
    assert _ids(c, Household) == set() and _ids(c, Person) == set() and _ids(c, Visit) == set()
    with c.read() as s:
        assert s.get(Matter, escalated).level == "county"


def test_a_later_escalation_reaches_the_county_with_what_was_written_before(laptops, county):
    escalated, kept, c = county
    t, a = laptops.town, laptops.a
    with a.read() as s:
        earlier = {e.id for e in s.scalars(select(Event).where(Event.matter_id == kept))}
        parties = {p.id for p in s.scalars(select(Party).where(Party.matter_id == kept))}
    syncing.sync_now(c)
    assert kept not in _ids(c, Matter)
    steps.escalate(t.login("platform"), kept, "镇级调解未成，报请县综治中心")
    syncing.sync_now(a)
    syncing.sync_now(c)
    assert _ids(c, Matter) == {escalated, kept}
    assert earlier < _ids(c, Event) and parties <= _ids(c, Party)


def test_the_county_takes_the_steps_and_sends_the_matter_down_with_a_deadline(laptops, county, clock):
    escalated, kept, c = county
    t, a = laptops.town, laptops.a
    p = t.login("platform")
    # The township keeps seeing it, read-only: its steps are refused on the laptop …
    with pytest.raises(Refused, match="已提级到县级"):
        steps.dispatch(p, escalated, f"account:{t.accounts['platform']}")
    # … the county dispatches to its own platform, mediates and sends it down with ten days to carry it out.
    county_id = c.actor.account_id
    steps.dispatch(c, escalated, f"account:{county_id}")
    steps.accept(c, escalated)
    steps.record_session(
        c, escalated, steps.SessionInput(c.now().date(), "人民调解", "failed", record="县级调解未成")
    )
    steps.refer_down(c, escalated, "县综治中心研判：由镇司法所落实补偿方案", 10)
    report_ = syncing.sync_now(c)
    assert report_.rejected == 0, [(r.table_name, r.reason) for r in syncing.rejected_edits(c)]
    syncing.sync_now(a)
    with a.read() as s:
        matter = s.get(Matter, escalated)
        assert (matter.level, matter.status) == ("township", "registered")
        sessions = list(s.scalars(select(MediationSession).where(MediationSession.matter_id == escalated)))
        assert [m.record for m in sessions] == ["县级调解未成"]
    # The township acts again; the county may only supervise (督办) now.
    steps.dispatch(p, escalated, f"account:{t.accounts['platform']}")
    with pytest.raises(Refused, match="县级只能督办"):
        steps.dispatch(c, escalated, f"account:{county_id}")
    syncing.sync_now(a)
    syncing.sync_now(c)
    steps.supervise(c, escalated, "超过县级交办期限，请三日内反馈")
    assert syncing.sync_now(c).rejected == 0
    syncing.sync_now(a)
    with a.read() as s:
        assert s.get(Matter, escalated).supervised == 1


def test_county_roles_only(laptops):
    with laptops.server.server.db.writing() as s, pytest.raises(AdminError, match="县级账号只能是"):
        server_accounts.add_account(s, "county2", PASSWORD, "county", [], roles=["grid_worker"])


def test_the_server_refuses_a_township_step_on_a_county_matter(laptops, county):
    """A tampered township laptop writes a step past its own check: the server refuses it with the reason,
    and the township's other work in the same push goes through."""
    escalated, kept, c = county
    t, a = laptops.town, laptops.a
    p = t.login("platform")
    with p.tx("matter.dispatched", escalated) as tx:
        matter = tx.session.get(Matter, escalated)
        matters.add_event(p, tx.session, matter, Action.DISPATCH, "越级", {"handler": f"org:{t.unit}"})
    steps.supervise(t.login("supervisor"), kept, "请加快办理")
    report_ = syncing.sync_now(a)
    assert report_.rejected == 1
    (refused,) = syncing.rejected_edits(a)
    assert refused.table_name == "events" and "已提级到县级" in refused.reason
    syncing.sync_now(c)
    with c.read() as s:
        assert s.get(Matter, escalated).status == "registered"  # the county's matter, untouched


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old-server.db'}"
    return request.getfixturevalue("postgres").new_database()


def test_an_older_server_gives_its_county_matters_to_the_county(database_url):
    """Upgrading: a matter already at county level, or one the county sent down, becomes the county's with
    what hangs under it (an event, an agreement's attachment); a township matter and a household stay the
    township's."""
    import json

    from alembic import command
    from sqlalchemy import text

    from sync.server.db import alembic_config, make_engine, migrate

    engine = make_engine(database_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    rows = [
        ("m1", "matters", None, {"level": "county"}),
        ("e1", "events", "m1", {}),
        ("a1", "agreements", "m1", {}),
        ("f1", "attachments", "a1", {}),
        ("m2", "matters", None, {"level": "township"}),
        ("e2", "events", "m2", {"matter_id": "m2", "action": "escalated", "data": {"n": 1}}),
        ("h1", "households", None, {}),
        # sent down by the county: at township level now, its history went through the county
        ("m3", "matters", None, {"level": "township"}),
        *[
            (f"e3{n}", "events", "m3", {"matter_id": "m3", "action": action, "data": {"n": n}})
            for n, action in enumerate(("reported", "escalated", "escalated", "referred_down"))
        ],
    ]
    with engine.begin() as conn:
        for seq, (rid, table, parent, data) in enumerate(rows, 1):
            conn.execute(
                text(
                    "INSERT INTO records (id, table_name, data, field_seq, field_device, server_seq, deleted,"
                    " shared, parent_id) VALUES (:id, :t, :data, '{}', '{}', :seq, false, false, :parent)"
                ),
                {"id": rid, "t": table, "data": json.dumps(data), "seq": seq, "parent": parent},
            )
    migrate(engine)
    with engine.connect() as conn:
        found = {rid for rid, county in conn.execute(text("SELECT id, county FROM records")).all() if county}
    engine.dispose()
    assert found == {"m1", "e1", "a1", "f1", "m3", "e30", "e31", "e32", "e33"}


def test_the_server_command_line_adds_a_county_account(tmp_path, capsys):
    from sync.server import cli

    base = ["--data-dir", str(tmp_path / "data"), "account", "add"]
    towns = ["--data-dir", str(tmp_path / "data"), "township", "add"]
    # with several townships a county account still names none (review: it was asked for --township)
    assert cli.main([*towns, "向城镇", "--code", "371324105000"]) == 0
    assert cli.main([*towns, "马厂湖镇", "--code", "371324106000"]) == 0
    made = cli.main(
        [*base, "xian1", "--scope", "county", "--roles", "platform,leader", "--password", PASSWORD]
    )
    assert made == 0 and "已添加县级账号 xian1" in capsys.readouterr().out
    refused = cli.main([*base, "xian2", "--scope", "county", "--roles", "mediator", "--password", PASSWORD])
    assert refused != 0
    assert "县级账号只能是" in capsys.readouterr().err
    grid = ["--data-dir", str(tmp_path / "data"), "account"]
    adding = [*grid, "add", "gw1", "--township", "向城镇", "--scope", "township", "--roles", "mediator"]
    assert cli.main([*adding, "--password", PASSWORD]) == 0
    capsys.readouterr()
    assert cli.main([*grid, "edit", "gw1", "--scope", "county"]) != 0  # a mediator made county: refused
    assert "县级账号只能是" in capsys.readouterr().err
    assert cli.main([*grid, "edit", "gw1", "--scope", "county", "--roles", "leader"]) == 0


def test_the_county_adds_its_own_unit_and_dispatches_to_it_but_never_edits_the_townships(laptops, county):
    escalated, kept, c = county
    t, a = laptops.town, laptops.a
    court = setup.add_org(c, "unit", "县人民法院").id
    steps.dispatch(c, escalated, f"org:{court}")
    assert syncing.sync_now(c).rejected == 0
    syncing.sync_now(a)
    with a.read() as s:
        assert (s.get(Org, court).name, s.get(Org, court).level) == ("县人民法院", "county")
        assert s.get(Matter, escalated).handler == f"org:{court}"
    # A tampered county laptop renames the township's own unit: refused, with the reason.
    with c.db.writing(actor_id=c.actor.account_id, device_id=c.device_id) as s:
        s.get(Org, t.unit).name = "县司法局"
    report_ = syncing.sync_now(c)
    assert report_.rejected == 1
    (refused,) = syncing.rejected_edits(c)
    assert refused.table_name == "orgs" and "不能修改乡镇" in refused.reason
    syncing.sync_now(a)
    with a.read() as s:
        assert s.get(Org, t.unit).name == "司法所"


def test_the_county_receives_the_townships_closed_months_and_places(laptops, county):
    """Each township's published figures reach the county (what its ranking reads), with the township's
    places and units to name them; still no household."""
    escalated, kept, c = county
    t, a = laptops.town, laptops.a
    periods.close(t.login("platform"), "2026-10")
    assert syncing.sync_now(a).rejected == 0
    syncing.sync_now(c)
    with c.read() as s:
        assert [month.month for month in s.scalars(select(Period))] == ["2026-10"]
        assert {d.name for d in s.scalars(select(Division))} >= {"东村", "西村"}
        assert s.scalars(select(Household)).first() is None
