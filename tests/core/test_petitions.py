"""The 信访工作条例's days as the core counts them: 15 to decide, 60 (+30) to answer, 30 to ask for
复查 or 复核 and 30 to answer each; day 30 in time, day 31 refused naming the last day; 三率 counted by the
day things happened."""

from datetime import date, datetime

from sync.core.domain import petitions
from sync.core.domain.measures import Counts, Measures
from sync.core.domain.petitions import PetitionFacts, Stage


def test_request_windows_count_thirty_days_from_the_paper():
    reply = date(2027, 1, 20)
    assert petitions.request_problem("复查申请", reply, date(2027, 2, 19), 30) is None  # day 30
    late = petitions.request_problem("复查申请", reply, date(2027, 2, 20), 30)  # day 31
    assert late == "复查申请须在意见书日期 2027-01-20 起30日内提出（至 2027-02-19），2027-02-20 已超过期限"
    assert "早于" in petitions.request_problem("复核申请", reply, date(2027, 1, 19), 30)


def test_conclusion_waits_for_the_window_or_the_recheck():
    reply = date(2027, 1, 20)
    assert "2027-02-19 前申请复查" in petitions.conclude_problem(Stage.REPLIED, reply, date(2027, 2, 19))
    assert petitions.conclude_problem(Stage.REPLIED, reply, date(2027, 2, 20)) is None
    assert petitions.conclude_problem(Stage.RECHECKED, reply, reply) is None
    assert petitions.conclude_problem(Stage.REVIEW_REQUESTED, reply, date(2027, 6, 1)) is not None


def test_windows_and_their_colours():
    f = PetitionFacts(
        received=date(2026, 11, 23),
        decided_on=date(2026, 12, 9),  # day 16: late
        decision="accepted",
        accepted_on=date(2026, 12, 9),
        limit=date(2027, 2, 7),  # 60 days
        stage=Stage.REVIEW_REQUESTED,
        since=date(2027, 2, 1),
    )
    acceptance, handling, answer = petitions.windows(f)
    assert (acceptance.due, acceptance.late) == (date(2026, 12, 8), True)
    assert (handling.due, handling.met_on) == (date(2027, 2, 7), None)
    assert (answer.label, answer.due) == ("复查意见（30日内）", date(2027, 3, 3))
    assert petitions.running_window(f) == handling
    assert acceptance.colour(datetime(2027, 2, 1), 0.8) == "none"  # met: no colour
    assert handling.colour(datetime(2027, 2, 8), 0.8) == "red"
    replied = PetitionFacts(received=date(2027, 1, 1), stage=Stage.REPLIED, since=date(2027, 1, 20))
    ask = petitions.windows(replied)[-1]
    assert ask.for_petitioner and ask.colour(datetime(2027, 3, 1), 0.8) == "none"


def test_three_rates_count_by_the_day_each_thing_happened():
    c = Counts()
    dec = (date(2026, 12, 1), date(2027, 1, 1))
    petitions.count_petition(
        c, date(2026, 11, 20), date(2026, 12, 5), [(date(2026, 12, 20), date(2026, 12, 19))], [], *dec
    )  # decided day 15 (in time), replied a day late
    petitions.count_petition(
        c,
        date(2026, 11, 1),
        date(2026, 11, 10),  # decided in November: not December's
        [(date(2026, 12, 2), date(2027, 1, 9)), (date(2027, 1, 3), None)],  # on time; and January's
        [(date(2026, 12, 3), "基本满意"), (date(2026, 12, 4), "不满意"), (date(2026, 11, 30), "满意")],
        *dec,
    )
    assert (c.petitions_decided, c.petitions_decided_in_time) == (1, 1)
    assert (c.petitions_replied, c.petitions_replied_in_time) == (2, 1)
    assert (c.petitions_asked, c.petitions_satisfied) == (2, 1)
    m = Measures.of(c)
    assert (m.timely_acceptance_rate, m.on_time_reply_rate, m.petition_satisfaction_rate) == (1.0, 0.5, 0.5)
    assert Measures.of(Counts()).timely_acceptance_rate is None
