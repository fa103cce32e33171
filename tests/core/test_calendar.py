"""The calendar as data: a sheet's rows into years with each bad row refused alone, entered years over the
built-in ones, and the years a working-day deadline needed but the calendar lacks."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sync.core.domain import calendar as cal
from sync.core.domain.calendar import Day
from sync.core.domain.deadlines import DEFAULT_POLICY_CONFIG, DeadlineCalculator, DeadlinePolicy
from sync.core.domain.workdays import WorkdayCalendar

BUILT_IN = WorkdayCalendar.from_dict(
    {"years": {"2026": {"holidays": [["2026-10-01", "2026-10-07"]], "workdays": ["2026-10-10"]}}}
)
WORKING = DeadlinePolicy.from_config({**DEFAULT_POLICY_CONFIG, "working_days": True})


def test_a_sheet_s_good_rows_become_years_and_each_bad_row_is_refused_with_its_row_and_reason():
    rows = [
        ["名称", "日期", "类型"],  # any column order
        ["元旦", "2027-01-01", "休"],
        ["春节", "2027/2/6", "放假"],
        [None, None, None],  # a blank line between holidays
        ["春节调休", "2027年2月14日", "班"],
        ["", datetime(2027, 2, 7), "休"],  # Excel's own date cell
        ["错", "2027-01-04", "班"],  # a Monday: already a working day
        ["错", "2027-02-30", "休"],
        ["错", "明年元旦", "休"],
        ["错", "2027-05-01", "调班"],
        ["重复", "2027-01-01", "休"],
        ["早", "2026-10-08", "休"],
    ]
    found = cal.read_rows(rows)
    assert [(r.row, r.reason) for r in found.refused] == [
        (7, "2027-01-04是周一至周五，本来就上班，不是调休上班日"),
        (8, "没有这一天：2027-02-30"),
        (9, "日期“明年元旦”看不懂（应如 2027-01-01）"),
        (10, "类型应为“休”或“班”，而不是“调班”"),
        (11, "2027-01-01在第2行已出现"),
    ]
    assert sorted(found.years) == [2026, 2027]
    assert [(d.on, d.kind, d.name) for d in found.years[2027]] == [
        (date(2027, 1, 1), "休", "元旦"),
        (date(2027, 2, 6), "休", "春节"),
        (date(2027, 2, 14), "班", "春节调休"),
        (date(2027, 2, 7), "休", ""),
    ]


def test_a_sheet_without_its_header_is_refused_at_row_one():
    assert cal.read_rows([["date", "kind"], ["2027-01-01", "休"]]).refused[0].row == 1
    assert cal.read_rows([]).refused[0].row == 1


def test_an_entered_year_replaces_the_built_in_one_and_adds_unknown_ones():
    entered = {
        "years": {
            "2026": cal.year_config([Day(date(2026, 10, 1), "休", "国庆")]),
            "2027": cal.year_config([Day(date(2027, 1, 1), "休", "元旦"), Day(date(2027, 2, 20), "班")]),
            "2028": {"holidays": "not a list"},  # damaged: left out, not fatal
        }
    }
    merged = cal.merged(BUILT_IN, entered)
    assert merged.years == {2026, 2027}
    assert not merged.is_workday(date(2026, 10, 1)) and merged.is_workday(date(2026, 10, 2))
    assert not merged.is_workday(date(2026, 10, 10))  # the built-in 调休 of 2026 is replaced too
    assert not merged.is_workday(date(2027, 1, 1)) and merged.is_workday(date(2027, 2, 20))
    assert cal.merged(BUILT_IN, None) is BUILT_IN
    back = cal.days_of(entered["years"]["2027"])
    assert [(d.on, d.kind, d.name) for d in back] == [
        (date(2027, 1, 1), "休", "元旦"),
        (date(2027, 2, 20), "班", ""),
    ]


def test_one_year_at_a_time_and_each_day_checked():
    with pytest.raises(ValueError, match="一次只录入一年"):
        cal.year_config([Day(date(2027, 1, 1), "休"), Day(date(2028, 1, 1), "休")])
    with pytest.raises(ValueError, match="2027-01-01：重复的日期"):
        cal.year_config([Day(date(2027, 1, 1), "休"), Day(date(2027, 1, 1), "休", "元旦")])
    with pytest.raises(ValueError, match="名称最长"):
        cal.year_config([Day(date(2027, 1, 1), "休", "元" * 21)])


def test_a_working_day_deadline_past_the_calendar_names_the_year_it_lacks():
    calc = DeadlineCalculator(WORKING, BUILT_IN)
    due = calc.for_grade(datetime(2026, 12, 31, 10), 1).due_on
    assert due == date(2027, 1, 7)  # Monday to Friday: 1 Jan counted as a working day
    assert calc.unknown_years(date(2026, 12, 31), due) == [2027]
    assert calc.unknown_years(date(2026, 10, 1), date(2026, 10, 12)) == []
    # Calendar days need no holidays: nothing is unknown.
    assert DeadlineCalculator(DeadlinePolicy.default(), BUILT_IN).unknown_years(date(2026, 12, 31), due) == []
    known = cal.merged(BUILT_IN, {"years": {"2027": cal.year_config([Day(date(2027, 1, 1), "休", "元旦")])}})
    assert DeadlineCalculator(WORKING, known).for_grade(datetime(2026, 12, 31, 10), 1).due_on == date(
        2027, 1, 8
    )
    assert cal.count_workdays(known, date(2026, 12, 31), date(2027, 1, 8)) == 5
    assert cal.count_workdays(BUILT_IN, date(2026, 12, 31), date(2027, 1, 8)) == 6
