"""Deadlines from the grade table, in calendar and working days, across holidays and make-up days."""

from datetime import date, datetime

import pytest

from desktop import paths
from sync.core.domain.deadlines import Colour, Deadline, DeadlineCalculator, DeadlinePolicy, PetitionLimits
from sync.core.domain.workdays import WorkdayCalendar

CAL = WorkdayCalendar.load(paths.reference("holidays.json"))


def test_calendar_knows_national_day_and_its_makeup_days():
    assert not CAL.is_workday(date(2026, 10, 1))
    assert not CAL.is_workday(date(2026, 10, 7))
    assert CAL.is_workday(date(2026, 10, 10))  # Saturday, make-up working day
    assert CAL.is_workday(date(2026, 9, 20))  # Sunday, make-up working day
    assert not CAL.is_workday(date(2026, 11, 22))  # an ordinary Sunday
    assert CAL.covers(date(2026, 1, 1)) and not CAL.covers(date(2030, 1, 1))


def test_grade_days_in_calendar_days():
    calc = DeadlineCalculator(DeadlinePolicy.default(), CAL)
    start = datetime(2026, 9, 28, 10)
    assert calc.for_grade(start, 1).due_on == date(2026, 10, 3)
    assert calc.for_grade(start, 2).due_on == date(2026, 10, 13)
    assert calc.for_grade(start, 3).due_on == date(2026, 11, 27)


def test_working_days_skip_the_national_day_holiday_and_count_the_makeup_saturday():
    policy = DeadlinePolicy.default()
    policy.working_days = True
    calc = DeadlineCalculator(policy, CAL)
    # From Tue 29 Sep: 30 Sep is a workday, 1–7 Oct holidays, 8 Oct Thu, 9 Oct Fri, 10 Oct Sat (make-up), 12
    # Oct Mon.
    assert calc.for_grade(datetime(2026, 9, 29, 9), 1).due_on == date(2026, 10, 12)


def test_spring_festival_makeup_days_2026():
    assert CAL.add_workdays(date(2026, 2, 13), 1) == date(2026, 2, 14)  # Saturday make-up day
    assert CAL.add_workdays(date(2026, 2, 14), 1) == date(2026, 2, 24)  # holiday 15–23 Feb


def test_other_townships_use_other_tables():
    policy = DeadlinePolicy.from_config(
        {
            "grades": [
                {"grade": 1, "label": "一般", "days": 7},
                {"grade": 2, "label": "复杂", "days": 20},
                {"grade": 3, "label": "重大", "days": 60},
            ]
        }
    )
    calc = DeadlineCalculator(policy, CAL)
    assert calc.for_grade(datetime(2026, 11, 1), 2).due_on == date(2026, 11, 21)
    with pytest.raises(ValueError, match="星级4未配置"):
        calc.for_grade(datetime(2026, 11, 1), 4)


def test_colours_turn_yellow_at_80_percent_and_red_when_due():
    calc = DeadlineCalculator(DeadlinePolicy.default(), CAL)
    deadline = calc.for_grade(datetime(2026, 11, 1, 0, 0), 1)  # due end of 6 Nov: 6 days allowed
    assert calc.colour(deadline, datetime(2026, 11, 5, 0, 0)) == Colour.GREEN  # 4/6 = 67 %
    assert calc.colour(deadline, datetime(2026, 11, 5, 19, 12)) == Colour.YELLOW  # 80 %
    assert calc.colour(deadline, datetime(2026, 11, 6, 23, 59)) == Colour.YELLOW
    assert calc.colour(deadline, datetime(2026, 11, 7, 0, 0)) == Colour.RED
    assert calc.colour(deadline, datetime(2026, 11, 9), closed=True) == Colour.NONE
    # A due day moved before the registration allows no time: yellow until it is over, then red.
    moved = Deadline(datetime(2026, 11, 3, 12), date(2026, 11, 1))
    assert calc.colour(moved, datetime(2026, 11, 1, 12)) == Colour.YELLOW
    assert calc.colour(moved, datetime(2026, 11, 3, 13)) == Colour.RED


def test_petition_limits():
    calc = DeadlineCalculator(DeadlinePolicy.default(), CAL)
    assert calc.for_petition(datetime(2026, 1, 1)).due_on == date(2026, 3, 2)
    assert calc.for_petition(datetime(2026, 1, 1), extension_days=30).due_on == date(2026, 4, 1)
    with pytest.raises(ValueError, match="最多30日"):
        calc.for_petition(datetime(2026, 1, 1), extension_days=31)
    m = PetitionLimits().milestones(date(2026, 1, 1), accepted=date(2026, 1, 10), answered=date(2026, 3, 1))
    assert m["tell_acceptance_by"] == date(2026, 1, 16)
    assert m["handle_by"] == date(2026, 3, 11)
    assert m["handle_by_with_extension"] == date(2026, 4, 10)
    assert m["review_request_by"] == date(2026, 3, 31)
