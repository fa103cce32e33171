"""The township's own practice: 督办 and 包案 seen everywhere, risk early warning and 重点人员, 12345 orders,
decisions sent down, dossiers filed, repeat orders suggested, assessment by unit and team, and the demo's
monthly, quarterly and yearly figures against a hand count."""

from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from desktop.services import (
    accounts,
    demo,
    desk,
    key_persons,
    ledger,
    lists,
    matter_detail,
    residents,
    stats,
    steps,
)
from desktop.services.errors import ValidationFailed
from desktop.services.lists import MatterFilter
from desktop.services.matters import PartyInput
from desktop.services.residents import HouseholdInput
from desktop.store.models import Event, Matter
from sync.core.domain.lifecycle import Action, Refused
from sync.core.domain.residents import KEY_PERSON, PersonFields
from sync.core.domain.roles import Permission
from tests.conftest import FAST_KDF, PASSWORD
from tests.services.test_matters import APPLICANT, matter, report


def _handling(t, m, handler=None, who="grid1"):
    p = t.login("platform")
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, handler or f"org:{t.committee}")
    steps.accept(t.login(who), m)


def test_a_supervised_matter_is_seen_everywhere_and_explained_before_it_closes(township, tmp_path):
    t = township
    g, p, sup, leader = t.login("grid1"), t.login("platform"), t.login("supervisor"), t.login("leader")
    m = report(t)
    _handling(t, m)
    other = report(t, title="另一件")
    steps.supervise(sup, m, "三日内反馈进展")
    steps.take_charge(leader, m, "协调国土所")
    assert [r.id for r in lists.matters(p, MatterFilter(supervised=True)).rows] == [m]
    assert [r.id for r in lists.matters(leader, MatterFilter(leader_id=t.accounts["leader"])).rows] == [m]
    counts = desk.desk(leader)
    assert (counts.supervised, counts.in_charge) == (1, 1)
    detail = matter_detail.matter_detail(g, m)
    assert (detail.supervised, detail.explanation_due, detail.leader_name) == (1, True, "周领导")
    assert Action.CLOSE not in detail.actions
    with pytest.raises(Refused, match="已被督办，须先提交超期说明"):
        steps.close(g, m, "resolved")
    steps.explain_overdue(g, m, "当事人外出务工")
    assert not matter_detail.matter_detail(g, m).explanation_due
    steps.close(g, m, "resolved", note="和解")
    path = tmp_path / "ledger.xlsx"
    ledger.export_ledger(p, path)
    rows = list(load_workbook(path).active.values)[1:]  # below the title
    header, by_title = rows[0], {r[4]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert "督办次数" in header and "包案领导" in header
    assert (by_title["宅基地边界争议"]["督办次数"], by_title["宅基地边界争议"]["包案领导"]) == (1, "周领导")
    assert (by_title["另一件"]["督办次数"], by_title["另一件"]["包案领导"]) == (0, None)
    assert other
    units = {u.name: u.counts for u in stats.month(p, 2026, 11)}
    assert (units["东村"].supervised, units["东村"].in_charge) == (1, 1)


def test_units_and_teams_count_what_was_dispatched_to_them_and_what_their_members_claimed(township):
    t = township
    p, mediator = t.login("platform"), t.login("mediator")
    to_unit = report(t, title="土地纠纷")
    _handling(t, to_unit, handler=f"org:{t.unit}", who="platform")
    claimed = report(t, title="合同纠纷")
    steps.register(p, claimed, 1, category="合同")
    steps.publish(p, claimed)
    steps.claim(mediator, claimed)  # 赵调解 belongs to the team
    village_matter = report(t, title="邻里纠纷")
    _handling(t, village_matter)
    by_unit = {u.name: u.counts.registered for u in stats.month(p, 2026, 11, "unit")}
    by_team = {u.name: u.counts.registered for u in stats.month(p, 2026, 11, "team")}
    by_person = {u.name: u.counts.registered for u in stats.month(p, 2026, 11, "handler")}
    assert by_unit == {"司法所": 1}
    assert by_team == {"老娘舅调解队": 1}  # the claim counts under the team …
    assert by_person["赵调解"] == 1  # … and under the person
    with pytest.raises(ValueError, match="考核维度"):
        stats.month(p, 2026, 11, "county")


def test_a_hotline_order_is_found_by_its_number_and_closes_only_with_a_reply(township):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    with pytest.raises(ValidationFailed) as caught:
        report(t, source="12345热线", external_no="2026 11 20<>")
    assert [i.field for i in caught.value.issues] == ["外部工单号"]
    m = report(t, source="12345热线", external_no="20261120-0815")
    assert [r.id for r in lists.matters(p, MatterFilter(text="20261120")).rows] == [m]
    _handling(t, m)
    with pytest.raises(ValidationFailed) as caught:
        steps.close(g, m, "resolved", note="和解")
    assert [i.field for i in caught.value.issues] == ["销号回复"]
    steps.close(g, m, "resolved", note="和解", reply="已回复来电人，对结果满意")
    row = lists.matters(p, MatterFilter(text="20261120")).rows[0]
    assert (row.external_no, row.closing_reply) == ("20261120-0815", "已回复来电人，对结果满意")


def test_a_decision_from_above_comes_down_with_its_own_deadline(township, clock):
    t = township
    g, p, leader = t.login("grid1"), t.login("platform"), t.login("leader")
    m = report(t)
    _handling(t, m)
    steps.escalate(g, m, "村级三次调解未成")
    assert matter(t, m).level == "township"
    clock.now += timedelta(days=2)
    steps.refer_down(leader, m, "镇联调中心研判：由村调委会落实赔偿方案", 10)
    after = matter(t, m)
    assert (after.level, after.status, after.handler) == ("village", "registered", None)
    assert after.due_on == clock.now.date() + timedelta(days=10)
    with pytest.raises(Refused, match="已在村级"):
        steps.refer_down(leader, m, "再下转", 5)
    assert matter_detail.matter_detail(p, m).events[-1].action == Action.REFER_DOWN


def test_filed_dossiers_and_the_completion_and_archive_rates(township):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    filed, unfiled, still_open = report(t), report(t, title="二"), report(t, title="三")
    for m in (filed, unfiled):
        _handling(t, m)
        steps.close(g, m, "resolved", note="和解")
        steps.check_closure(p, m)
    _handling(t, still_open)
    steps.archive(p, filed, "档案柜3号")
    with pytest.raises(Refused, match="卷宗已归档"):
        steps.archive(p, filed)
    assert matter_detail.matter_detail(p, filed).archived
    east = stats.month(p, 2026, 11)[0]
    assert (east.counts.registered, east.counts.done, east.counts.closed, east.counts.archived) == (
        3,
        2,
        2,
        1,
    )
    assert (east.measures.completion_rate, east.measures.archive_rate) == (2 / 3, 0.5)


def test_earlier_matters_of_the_same_people_household_or_village_are_suggested_as_repeats(township, clock):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    h = residents.save_household(g, HouseholdInput(t.village, "0001", "东村一组1号", t.grid)).id
    head = residents.save_person(g, h, PersonFields("王五", relation="户主")).id
    wife = residents.save_person(g, h, PersonFields("赵六", relation="配偶")).id
    first = report(t)  # 张三, by ID number
    by_household = report(t, title="家中漏水", parties=[PartyInput("王五", "申请人", person_id=head)])
    similar = report(t, title="宅基地边界纠纷", parties=[PartyInput("钱七", "申请人")])
    unrelated = report(t, title="工资拖欠", parties=[PartyInput("孙八", "申请人")])
    clock.now += timedelta(days=1)
    new = report(
        t,
        title="宅基地边界又起争议",
        parties=[
            PartyInput("张三", "申请人", id_number=APPLICANT),
            PartyInput("赵六", "被申请人", person_id=wife),
        ],
    )
    found = {c.serial: c.reason for c in matter_detail.matter_detail(p, new).possible_repeats}
    serial = {m: matter(t, m).serial for m in (first, by_household, similar, unrelated)}
    assert found[serial[first]] == "当事人身份证号或电话相同"
    assert found[serial[by_household]] == "当事人是同一户"
    assert found[serial[similar]] == "同村且标题相近"
    assert serial[unrelated] not in found
    steps.mark_repeat_by_serial(p, new, serial[first], "同一诉求")
    assert matter_detail.matter_detail(p, first).repeats == (matter(t, new).serial,)
    assert matter_detail.matter_detail(p, new).repeat_of == serial[first]


def test_key_persons_with_the_matters_and_visits_that_concern_them(township):
    t = township
    g, p = t.login("grid1"), t.login("platform")
    h = residents.save_household(g, HouseholdInput(t.village, "0001", "东村一组1号", t.grid)).id
    zhang = residents.save_person(g, h, PersonFields("张三", relation="户主", id_number=APPLICANT)).id
    residents.save_person(g, h, PersonFields("张小", relation="子", tags=["留守儿童"]))
    assert key_persons.key_persons(p) == [] and desk.desk(p).key_persons == 0
    _, fields = residents.person_for_edit(g, zhang)
    fields.tags = [*fields.tags, KEY_PERSON]
    residents.save_person(g, h, fields, zhang)
    report(t)  # 张三 is its applicant, by ID number
    (person,) = key_persons.key_persons(p)
    assert (person.name, person.open_matters, person.matters[0][1]) == ("张三", 1, "宅基地边界争议")
    assert desk.desk(p).key_persons == 1
    assert key_persons.key_persons(t.login("grid2")) == []  # out of that grid worker's scope
    high = report(t, signals=["group"], title="集体讨薪")
    assert [r.id for r in lists.matters(p, MatterFilter(warning=True)).rows] == [high]
    assert desk.desk(p).warnings == 1


# ------------------------------------------------------------------------------------------ the demo, by hand


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.build(path, PASSWORD, households=1500, now=datetime(2026, 12, 4, 10), kdf=FAST_KDF)
    ws = accounts.login(path, "platform", PASSWORD, clock=lambda: datetime(2026, 12, 4, 10))
    yield ws
    ws.close()


def _hand_count(ws, start: datetime, end: datetime) -> dict:
    """Per village, straight from the events: found (first 立案), closed, 督办, 包案, 提级 in the period, and
    of those found, resolved by its end."""
    with ws.read() as s:
        village = dict(s.query(Matter.id, Matter.village_id).all())
        events: dict[str, list] = {}
        for e in s.query(Event).order_by(Event.at):
            events.setdefault(e.matter_id, []).append((e.action, e.at, e.data or {}))
    counted: dict = {}
    for matter_id, history in events.items():
        history = [e for e in history if e[1] < end]
        c = counted.setdefault(
            village[matter_id],
            dict.fromkeys(("found", "resolved", "closed", "supervised", "in_charge", "escalations"), 0),
        )
        within = [action for action, at, _ in history if at >= start]
        registrations = [at for action, at, _ in history if action == "registered"]
        if registrations and start <= registrations[0] < end:
            c["found"] += 1
            last = [
                (action, data)
                for action, _, data in history
                if action in ("closed", "reopened", "checked", "escalated")
            ]
            if last and last[-1][0] in ("closed", "checked"):
                outcome = next(data["outcome"] for action, data in reversed(last) if action == "closed")
                c["resolved"] += outcome in ("agreement", "resolved")
        c["closed"] += "closed" in within
        c["supervised"] += "supervised" in within
        c["in_charge"] += "taken_in_charge" in within
        c["escalations"] += within.count("escalated")
    return {k: v for k, v in counted.items() if any(v.values())}


@pytest.mark.parametrize("period", ["2026-10", "2026-11", "2026-Q3", "2026-Q4", "2026"])
def test_the_demo_assessment_matches_a_hand_count(demo_ws, period):
    start, end = stats.period_bounds(period)
    units = stats.assessment(demo_ws, start, end)
    counted = {
        u.key: dict(
            found=u.counts.registered,
            resolved=u.counts.resolved,
            closed=u.counts.closed,
            supervised=u.counts.supervised,
            in_charge=u.counts.in_charge,
            escalations=u.counts.escalations,
        )
        for u in units
    }
    by_hand = _hand_count(demo_ws, start, end)
    assert {k: v for k, v in counted.items() if any(v.values())} == by_hand
    assert sum(v["found"] for v in by_hand.values()) > 0


def test_the_demo_shows_the_township_practice(demo_ws):
    year = stats.assessment(demo_ws, *stats.period_bounds("2026"))
    total = sum((u.counts for u in year), start=type(year[0].counts)())
    assert total.supervised and total.in_charge and total.archived
    with demo_ws.read() as s:
        hotline = s.query(Matter).filter(Matter.external_no.is_not(None)).first()
        assert s.query(Matter).filter(Matter.archived.is_(True)).count() > 0
    assert [r.id for r in lists.matters(demo_ws, MatterFilter(text=hotline.external_no)).rows] == [hotline.id]
    assert key_persons.key_persons(demo_ws)


def test_a_resident_imported_into_another_household_is_flagged_and_can_be_moved_back(township, tmp_path):
    from desktop.services import duplicates, roster
    from tests.services.roster_samples import write_roster

    t = township
    g, p = t.login("grid1"), t.login("platform")
    home = residents.save_household(g, HouseholdInput(t.village, "0009", "东村9号", t.grid)).id
    zhang = residents.save_person(g, home, PersonFields("张三", relation="户主", id_number=APPLICANT)).id
    sheet = write_roster(
        tmp_path / "r.xlsx",
        [("张三", APPLICANT, "", "东村", "0010", "户主", "东村一网格", "东村10号", "", True)],
    )
    report = roster.import_households(p, sheet)
    assert [w["reason"] for w in report.warnings] == ["张三 已登记在户号 0009（东村9号），已移入本户"]
    assert lists.persons(p, household_id=home).total == 0
    duplicates.move_person(p, zhang, home)
    assert [r.name for r in lists.persons(p, household_id=home).rows] == ["张三"]


def test_a_grid_leader_works_over_several_grids_and_no_further(township):
    from desktop.services import setup
    from desktop.services.errors import NotAllowed

    t = township
    third = setup.add_grid(t.admin, t.village, "东村二网格").id
    accounts.add_account(
        t.admin,
        "gridlead",
        "陈网格长",
        PASSWORD,
        "grid_leader",
        scope_kind="grid",
        scope_ids=[t.grid, t.grid2],
        kdf=FAST_KDF,
    )
    lead = t.login("gridlead")
    mine = [
        report(t, title="东村的", who="gridlead"),
        report(t, title="西村的", grid_id=t.grid2, who="gridlead"),
    ]
    other = report(t, title="二网格的", grid_id=third, who="platform")
    seen = {r.id for r in lists.matters(lead).rows}
    assert set(mine) <= seen and other not in seen
    with pytest.raises(NotAllowed):
        residents.save_household(lead, HouseholdInput(t.village, "0100", "东村100号", third))
    residents.save_household(lead, HouseholdInput(t.village2, "0101", "西村101号", t.grid2))
    assert desk.desk(lead).open_matters == 0 and lead.may(Permission.EXPORT_LEDGER)


def test_a_matter_handed_on_later_stays_with_its_unit_in_a_finished_month(township, clock):
    t = township
    p = t.login("platform")
    m = report(t)
    _handling(t, m, handler=f"org:{t.unit}", who="platform")
    november = {u.name: u.counts for u in stats.month(p, 2026, 11, "unit")}
    assert november["司法所"].registered == 1
    clock.now = datetime(2026, 12, 2, 9, 0)
    steps.return_to_platform(p, m, "不属于本所职责")
    steps.dispatch(p, m, f"org:{t.team}")
    assert {u.name: u.counts for u in stats.month(p, 2026, 11, "unit")} == november
    assert [u.name for u in stats.month(p, 2026, 12, "team")] == ["老娘舅调解队"]
    unassigned = report(t, title="未交办")
    steps.register(p, unassigned, 1, category="邻里")
    assert "（未指定）" in {u.name for u in stats.month(p, 2026, 12, "handler")}


def test_a_household_head_at_a_shared_pc_sees_their_households_and_what_concerns_them(township):
    """联户长: a scope of households, not grids. Signed in on the township office's PC, which holds
    everything, they see their own households, those households' residents and the matters found there, and
    no more."""
    from desktop.services import matters as matter_service
    from desktop.services import visits
    from desktop.services.visits import VisitInput

    t = township
    ids = {}
    for number, name in (("0401", "刘一"), ("0402", "刘二")):
        ids[number] = residents.save_household(t.admin, HouseholdInput(t.village, number, "东村", t.grid)).id
        residents.save_person(t.admin, ids[number], PersonFields(name))
    accounts.add_account(
        t.admin,
        "lhz",
        "陈联户",
        PASSWORD,
        "household_head",
        scope_kind="household",
        scope_ids=["0401"],
        kdf=FAST_KDF,
    )
    grid1 = t.login("grid1")
    for number in ids:
        visit = visits.log_visit(grid1, VisitInput(ids[number], "矛盾排查", findings="邻里纠纷")).id
        form = visits.matter_from_visit(grid1, visit)
        form.title = f"{number} 邻里纠纷"
        reported = matter_service.report(grid1, form).id
        with grid1.read() as s:
            assert s.get(Matter, reported).household_id == ids[number]
    lhz = t.login("lhz")
    assert [h.number for h in lists.households(lhz).rows] == ["0401"]
    assert [p.name for p in lists.persons(lhz).rows] == ["刘一"]
    assert [m.title for m in lists.matters(lhz).rows] == ["0401 邻里纠纷"]
    assert lists.households(grid1).total >= 2


def test_every_demo_matter_prints_every_paper_its_records_allow(demo_ws, tmp_path):
    """In every state the demo reaches: what the matter's print menu offers is made from its records, with no
    required item missing (the demo's parties carry their particulars), and opens as a Word file."""
    from docx import Document as WordDocument

    from desktop.services import documents

    with demo_ws.read() as s:
        matters_by_state = {}
        for matter_id, status in s.query(Matter.id, Matter.status).order_by(Matter.serial):
            matters_by_state.setdefault(status, []).append(matter_id)
    made = {}
    for status, ids in matters_by_state.items():
        for matter_id in ids[:6]:
            for offer in documents.offers(demo_ws, matter_id):
                paper = documents.make(demo_ws, matter_id, offer.kind, offer.index)
                if paper.kind not in made:
                    word = WordDocument(str(paper.save_docx(tmp_path / f"{paper.kind}.docx")))
                    assert paper.title in [p.text for p in word.paragraphs]
                made.setdefault(paper.kind, set()).add(status)
    assert set(made) == {"agreement", "oral", "record", "dispatch", "supervision", "followup", "dossier"}
    assert made["dossier"] == {"closed", "checked", "evaluated"}
