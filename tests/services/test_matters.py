"""Matters through the use cases: a whole life, refusals by state, role and scope, audit and outbox rows."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.services import audit, lists, matters, steps
from desktop.services.errors import NotAllowed, NotFound, ValidationFailed
from desktop.services.matters import MatterInput, PartyInput
from desktop.store.models import AuditEntry, Event, FollowUp, Matter, OutboxEntry
from desktop.store.queries import MatterFilter
from sync.core.domain.lifecycle import Action, Refused, Status

APPLICANT = "11010519491231002X"


def report(town, who="grid1", **extra):
    data = dict(
        title="宅基地边界争议",
        source="网格排查",
        facts="两户因围墙边界发生争执",
        grid_id=town.grid,
        people_count=2,
        parties=[
            PartyInput("张三", "申请人", id_number=APPLICANT, phone="13800138000"),
            PartyInput("李四", "被申请人"),
        ],
    )
    data.update(extra)
    return matters.report(town.login(who), MatterInput(**data)).id


def matter(town, matter_id) -> Matter:
    with town.admin.read() as s:
        return s.get(Matter, matter_id)


def test_a_whole_life_from_report_to_follow_up(township):
    t = township
    g, p, sup = t.login("grid1"), t.login("platform"), t.login("supervisor")
    m = report(t)
    first = matter(t, m)
    assert (
        first.serial == "向城-2026-00001"
        and first.status == Status.REPORTED
        and first.village_id == t.village
    )

    steps.register(p, m, 1, category="房屋宅基地", subcategory="宅基地", note="核实属实")
    registered = matter(t, m)
    assert registered.due_on == date(2026, 11, 28) and registered.grade == 1

    steps.dispatch(p, m, f"org:{t.committee}", "请五日内办结")
    assert matter(t, m).handler_name == "东村村委会"
    assert steps.actions_for(g, m) == [
        Action.ACCEPT,
        Action.RETURN,
        Action.REQUEST_EXTENSION,
        Action.EXPLAIN_OVERDUE,
        Action.CORRECT_FACTS,  # the handler corrects the facts the risk is judged by, with a reason
    ]
    steps.accept(g, m)
    steps.record_session(
        g, m, steps.SessionInput(date(2026, 11, 23), "人民调解", "agreement", record="双方同意重新测量")
    )
    steps.record_agreement(
        g,
        m,
        steps.AgreementInput(
            "written",
            "张三、李四",
            "围墙越界30厘米，李四负主要责任",
            "李四拆除越界部分",
            "自行拆除",
            date(2026, 12, 1),
            signed_by_parties=True,
            signed_by_mediator=True,
            copies=3,
        ),
    )
    steps.close(g, m, "agreement", "调解成功")
    steps.check_closure(p, m, True, "核查属实")
    steps.follow_up(sup, m, steps.FollowUpInput(date(2026, 11, 23), "满意", performed=True))

    final = matter(t, m)
    assert (final.status, final.outcome, final.satisfaction) == (Status.EVALUATED, "agreement", "满意")
    with t.admin.read() as s:
        actions = [e.action for e in matters.history(s, m)]
        assert actions == [
            "reported",
            "registered",
            "dispatched",
            "accepted",
            "session_held",
            "agreement_recorded",
            "closed",
            "checked",
            "followed_up",
        ]
        assert matters.derived_state(s, m).status == Status(
            final.status
        )  # the status is a cache of the events
        assert s.execute(select(FollowUp.satisfaction)).scalar() == "满意"
        audited = s.execute(select(AuditEntry.action).where(AuditEntry.target == m)).scalars().all()
        assert "matter.closed" in audited and "matter.report" in audited
        outbox = s.execute(select(OutboxEntry.table_name).where(OutboxEntry.record_id == m)).scalars().all()
        # The report, then one edit for each step that changes the matter (the server pairs it with the step):
        # registered, dispatched, accepted, closed, checked, followed up.
        assert outbox[0] == "matters" and len(outbox) == 7
        assert audit.verify(s) is None


def test_refused_for_the_wrong_state(township):
    m = report(township)
    with pytest.raises(Refused, match="不能交办：事项当前为“已上报”"):
        steps.dispatch(township.login("platform"), m, f"org:{township.unit}")


def test_refused_for_the_wrong_role(township):
    m = report(township)
    with pytest.raises(Refused, match="只有平台办公室可以办理"):
        steps.register(township.login("grid1"), m, 1, category="邻里")
    steps.register(township.login("platform"), m, 1, category="邻里")
    with pytest.raises(Refused, match="只有督考办、领导可以办理"):
        steps.supervise(township.login("mediator"), m, "快办")


def test_refused_for_the_wrong_scope(township):
    m = report(township)
    with pytest.raises(NotFound, match="不在您的范围内"):
        steps.accept(township.login("grid2"), m)
    with pytest.raises(NotAllowed, match="不在您负责的范围内"):
        report(township, "grid1", grid_id=township.grid2)
    assert lists.matters(township.login("grid2")).total == 0
    assert lists.matters(township.login("grid1")).total == 1


def test_nothing_is_written_when_a_step_is_refused(township):
    m = report(township)
    platform = township.login("platform")
    with township.admin.read() as s:
        before = [
            s.execute(select(func.count()).select_from(t)).scalar() for t in (Event, AuditEntry, OutboxEntry)
        ]
    with pytest.raises(ValidationFailed, match="类别：立案时须选择类别"):
        steps.register(platform, m, 1)
    with township.admin.read() as s:
        after = [
            s.execute(select(func.count()).select_from(t)).scalar() for t in (Event, AuditEntry, OutboxEntry)
        ]
    assert before == after


def test_validation_names_every_field(township):
    with pytest.raises(ValidationFailed) as caught:
        report(township, title="", source="飞鸽传书", parties=[PartyInput("", "原告", id_number="123")])
    fields = {i.field for i in caught.value.issues}
    assert fields == {"标题", "来源", "当事人1姓名", "当事人1角色", "当事人1身份证号"}


def test_claim_by_a_volunteer_mediator(township):
    t = township
    m = report(t)
    p = t.login("platform")
    steps.register(p, m, 2, category="邻里")
    steps.publish(p, m)
    assert lists.matters(t.login("mediator"), MatterFilter(statuses=["open_for_claim"])).total == 1
    steps.claim(t.login("mediator"), m)
    assert matter(t, m).handler_name == "赵调解"
    with pytest.raises(Refused, match="事项当前为“办理中”"):
        steps.claim(t.login("mediator"), m)


def test_three_failed_sessions_then_escalation_to_the_township(township, clock):
    t = township
    m = report(t)
    p, med = t.login("platform"), t.login("mediator")
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.team}")
    steps.accept(med, m)
    for _ in range(3):
        steps.record_session(
            med, m, steps.SessionInput(date(2026, 11, 23), "人民调解", "failed", record="各执一词")
        )
    with pytest.raises(Refused, match="应提级报请上一级"):
        steps.record_session(
            med, m, steps.SessionInput(date(2026, 11, 23), "人民调解", "failed", record="再调")
        )
    clock.now += timedelta(days=1)
    steps.escalate(med, m, "村级三次调解未成")
    after = matter(t, m)
    assert (after.status, after.level, after.handler, after.due_on) == (
        "registered",
        "township",
        None,
        date(2026, 11, 29),
    )


def test_extension_moves_the_due_date_and_petitions_are_capped(township):
    t = township
    p, med = t.login("platform"), t.login("mediator")
    m = report(t, kind="petition", source="信访来访")
    steps.register(p, m, 2, category="劳动争议", subcategory="欠薪")
    assert matter(t, m).due_on == date(2026, 12, 8)  # ★★: 15 days, stricter than the statute's 60
    steps.dispatch(p, m, f"org:{t.team}")
    steps.accept(med, m)
    with pytest.raises(ValidationFailed, match="不得超过30日"):
        steps.request_extension(med, m, 31, "情况复杂")
    steps.request_extension(med, m, 30, "情况复杂")
    with pytest.raises(ValidationFailed, match="须告知信访人延期理由"):
        steps.decide_extension(p, m, True, "同意")
    steps.decide_extension(p, m, True, "同意", told_petitioner=True)
    assert matter(t, m).due_on == date(2027, 1, 7)  # 15 + 30 days


def test_deadline_colours_in_the_ledger_follow_the_clock(township, clock):
    t = township
    p = t.login("platform")
    m = report(t)
    steps.register(p, m, 1, category="邻里")  # 23 Nov 09:30, due end of 28 Nov
    assert lists.matters(p, MatterFilter(colour="green")).total == 1
    clock.now += timedelta(days=4, hours=12)
    assert lists.matters(p, MatterFilter(colour="yellow")).total == 1
    clock.now += timedelta(days=2)
    assert lists.matters(p, MatterFilter(colour="red")).total == 1
    steps.dispatch(p, m, f"org:{t.committee}")  # 督办 goes to the unit handling it
    steps.supervise(t.login("supervisor"), m, "已超期，请说明")
    assert matter(t, m).supervised == 1


def test_repeat_order_is_linked_to_its_primary(township):
    t = township
    p = t.login("platform")
    first, second = report(t), report(t, source="12345热线")
    steps.register(p, first, 1, category="邻里")
    steps.mark_repeat(p, second, first, "同一诉求")
    assert matter(t, second).repeat_of == first
    assert lists.matters(p, MatterFilter(repeat_only=True)).total == 1


def test_relapse_reopens(township):
    t = township
    g, p, sup = t.login("grid1"), t.login("platform"), t.login("supervisor")
    m = report(t)
    steps.register(p, m, 1, category="邻里")
    steps.dispatch(p, m, f"org:{t.committee}")
    steps.accept(g, m)
    with pytest.raises(Refused, match="法律途径"):
        steps.close(g, m, "unresolved")
    steps.close(g, m, "unresolved", legal_channels="已告知可向人民法院起诉")
    steps.check_closure(p, m)
    steps.follow_up(sup, m, steps.FollowUpInput(date(2026, 11, 23), "不满意", relapse=True))
    steps.reopen(sup, m, "回访发现矛盾反弹")
    assert matter(t, m).status == "registered"


def test_whistleblower_material_is_hidden_from_the_accused_unit(township):
    t = township
    m = report(t, whistleblower=True, accused_org_id=t.committee)
    assert lists.matters(t.login("grid1")).total == 0  # grid1 belongs to the accused committee
    assert lists.matters(t.login("platform")).total == 1
    with pytest.raises(NotFound):
        steps.actions_for(t.login("grid1"), m)


def test_risk_signals_raise_the_level_and_ask_for_a_police_report(township):
    m = report(township, signals=["criminal"], people_count=12)
    with township.admin.read() as s:
        event = matters.history(s, m)[0]
        assert event.data["report_to_police"] is True and "第二十五条" in event.note
        assert s.get(Matter, m).risk == "high" and s.get(Matter, m).is_group


def test_a_petition_is_graded_by_stars_and_the_stricter_limit_governs(township):
    t = township
    p = t.login("platform")
    one = report(t, kind="petition", source="信访来访")
    steps.register(p, one, 1, category="劳动争议", subcategory="欠薪")
    assert matter(t, one).due_on == date(2026, 11, 28)  # ★: 5 days, not the statute's 60
    three = report(t, kind="petition", source="信访来信")
    steps.register(p, three, 3, category="劳动争议", subcategory="欠薪")
    assert matter(t, three).due_on == date(2027, 1, 22)  # ★★★: the statutory 60 days


def test_one_yellow_threshold_everywhere(township, clock):
    from desktop.services import desk, matter_detail, setup

    t = township
    p, admin = t.login("platform"), t.admin
    policy = setup.read_config(admin, "deadline_policy")
    setup.configure(admin, "deadline_policy", {**policy, "yellow_ratio": 0.5})
    m = report(t)
    steps.register(p, m, 1, category="邻里")  # 23 Nov 09:30, due end of 28 Nov: half the time by 26 Nov 09:30
    clock.now += timedelta(days=3, hours=1)
    assert matter_detail.matter_detail(p, m).colour == "yellow"  # the matter view
    assert lists.matters(p, MatterFilter(colour="yellow")).total == 1  # the ledger's 临期 filter
    assert desk.desk(p).yellow == 1  # the desk tile


def in_the_committees_hands(t) -> str:
    """A matter registered, dispatched to the village committee and accepted by its grid worker."""
    m = report(t)
    steps.register(t.login("platform"), m, 1, category="邻里")
    steps.dispatch(t.login("platform"), m, f"org:{t.committee}")
    steps.accept(t.login("grid1"), m)
    return m


def signed_agreement(form="written", mediator_signed=True) -> steps.AgreementInput:
    return steps.AgreementInput(
        form,
        "张三、李四",
        "围墙越界0.3米",
        "拆除越界部分",
        "7日内拆除",
        signed_by_parties=True,
        signed_by_mediator=mediator_signed,
        copies=3,
    )


def test_closing_as_resolved_by_agreement_needs_an_agreement_in_effect(township):
    t = township
    g = t.login("grid1")
    m = in_the_committees_hands(t)
    steps.record_agreement(g, m, signed_agreement(mediator_signed=False))  # a draft, not yet in effect
    with pytest.raises(Refused, match="生效"):
        steps.close(g, m, "agreement")
    steps.record_agreement(g, m, signed_agreement())
    steps.close(g, m, "agreement")
    assert matter(t, m).status == "closed"


def test_judicial_confirmation_of_a_written_agreement_within_30_days(township, clock):
    from desktop.services import desk, matter_detail

    t = township
    p, g = t.login("platform"), t.login("grid1")
    m = in_the_committees_hands(t)
    steps.record_agreement(g, m, signed_agreement())
    steps.close(g, m, "agreement")
    (line,) = matter_detail.matter_detail(p, m).agreements
    assert line.confirmation_due == date(2026, 12, 23)  # 30 days after it took effect on 23 Nov
    clock.now += timedelta(days=27)
    assert desk.desk(p).confirmations_due == 1  # reminded before day 30
    steps.apply_confirmation(g, m, "城镇人民法院", clock.now.date())
    assert (
        desk.desk(p).confirmations_due == 0
        and matter_detail.matter_detail(p, m).agreements[0].confirmation_due is None
    )
    clock.now += timedelta(days=10)
    with pytest.raises(ValidationFailed, match="文书号"):
        steps.decide_confirmation(g, m, "confirmed", "城镇人民法院", "民特12号", clock.now.date())
    steps.decide_confirmation(g, m, "confirmed", "城镇人民法院", "（2026）鲁1324民特12号", clock.now.date())
    with matters_session(t) as s:
        from desktop.store.models import Agreement

        agreement = s.scalars(select(Agreement).where(Agreement.matter_id == m)).one()
        assert agreement.judicial_confirmation and agreement.confirmation_result == "confirmed"
        number = "（2026）鲁1324民特12号"
        assert (agreement.court, agreement.confirmation_document_no) == ("城镇人民法院", number)
        actions = [e.action for e in matters.history(s, m)]
    assert actions[-2:] == ["confirmation_applied", "confirmation_decided"]


def test_judicial_confirmation_is_refused_for_an_oral_agreement_and_after_30_days(township, clock):
    t = township
    g = t.login("grid1")
    oral, late = in_the_committees_hands(t), in_the_committees_hands(t)
    for m, form in ((oral, "oral"), (late, "written")):
        steps.record_agreement(g, m, signed_agreement(form))
    with pytest.raises(Refused, match="书面"):
        steps.apply_confirmation(g, oral, "城镇人民法院", clock.now.date())
    assert Action.APPLY_CONFIRMATION not in steps.actions_for(g, oral)
    clock.now += timedelta(days=31)
    with pytest.raises(ValidationFailed, match="30日内"):
        steps.apply_confirmation(g, late, "城镇人民法院", clock.now.date())


def matters_session(t):
    return t.admin.read()
