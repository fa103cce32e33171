"""The time rules both ends run: an event's time bounded by the device's previous push, a typed date within a
window of working days or with a reason, extensions only before the due date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sync.core.domain import timing
from sync.core.domain.timing import (
    EVENT_TOLERANCE,
    earliest_without_reason,
    event_time_problem,
    extension_problem,
    needs_late_reason,
    typed_date_problem,
)
from sync.core.domain.workdays import WorkdayCalendar

NOW = datetime(2026, 12, 7, 10, 0)
CALENDAR = WorkdayCalendar.from_dict({"years": {"2026": {"holidays": [["2026-10-01", "2026-10-07"]]}}})


def test_an_event_is_not_older_than_the_devices_previous_push_allowing_its_clock():
    pushed = NOW - timedelta(hours=2)
    assert event_time_problem(NOW - timedelta(hours=1), 0, pushed, NOW) is None
    assert "早于本设备上次同步" in event_time_problem(NOW - timedelta(hours=3), 0, pushed, NOW)
    # A laptop whose clock runs three days slow: the measured offset (server minus device) puts it right.
    slow = timedelta(days=3).total_seconds()
    assert event_time_problem(NOW - timedelta(days=3, hours=1), slow, pushed, NOW) is None
    assert event_time_problem(pushed - EVENT_TOLERANCE / 2, 0, pushed, NOW) is None  # within the tolerance
    assert event_time_problem(NOW - timedelta(days=30), 0, None, NOW) is None  # nothing to bound it by
    assert "晚于服务器收到" in event_time_problem(NOW + timedelta(hours=1), 0, pushed, NOW)


def test_a_typed_date_lies_within_three_working_days_or_has_a_reason():
    monday = date(2026, 12, 7)
    assert earliest_without_reason(monday, CALENDAR) == date(2026, 12, 2)  # Wed: Fri, Thu, Wed back
    assert typed_date_problem("调解日期", date(2026, 12, 2), monday, CALENDAR, None) is None
    assert "补录理由" in typed_date_problem("调解日期", date(2026, 12, 1), monday, CALENDAR, "")
    assert typed_date_problem("调解日期", date(2026, 12, 1), monday, CALENDAR, "记录本遗失") is None
    assert "不能晚于今天" in typed_date_problem("调解日期", date(2026, 12, 8), monday, CALENDAR, "理由")
    # Holidays are not working days: after the National Day week the window reaches back into September.
    assert earliest_without_reason(date(2026, 10, 8), CALENDAR) == date(2026, 9, 28)
    assert needs_late_reason(date(2026, 9, 25), date(2026, 10, 8), CALENDAR)


def test_an_extension_only_before_the_due_date_passes():
    assert extension_problem(date(2026, 11, 28), date(2026, 11, 28)) is None  # the due day itself
    assert "2026-11-28" in extension_problem(date(2026, 11, 28), date(2026, 11, 29))
    assert extension_problem(None, date(2026, 11, 29)) is None


# ------------------------------------------------------------------ counted time (the offset game)

RECEIVED = datetime(2026, 12, 7, 10, 0)


def test_counted_time_moves_the_device_time_by_its_offset():
    at = datetime(2026, 12, 4, 10, 0)  # a clock three days slow, honestly measured
    assert timing.counted_time(at, 3 * 86400, RECEIVED - timedelta(hours=2), RECEIVED) == RECEIVED


def test_counted_time_is_never_after_the_receipt():
    at = datetime(2026, 12, 7, 9, 0)
    assert timing.counted_time(at, 18 * 86400, None, RECEIVED) == RECEIVED


def test_counted_time_is_never_before_the_accounts_previous_push():
    """A step claimed long ago by a device that never pushed, of an account that did: no earlier than that
    push, less the tolerance."""
    previous = RECEIVED - timedelta(hours=1)
    counted = timing.counted_time(RECEIVED - timedelta(days=5), 0.0, previous, RECEIVED)
    assert counted == previous - timing.EVENT_TOLERANCE


def test_an_accounts_first_push_keeps_its_history():
    """No lower bound: a township that worked offline before it joined sends months at once (the demo)."""
    long_ago = RECEIVED - timedelta(days=90)
    assert timing.counted_time(long_ago, 0.0, None, RECEIVED) == long_ago


def test_the_receipt_wins_over_the_lower_bound():
    """A server clock set back (or a push received at once): nothing counts later than the server saw it."""
    assert timing.counted_time(RECEIVED, 0.0, RECEIVED + timedelta(hours=1), RECEIVED) == RECEIVED


def test_a_synced_step_counts_at_the_servers_time():
    own = datetime(2026, 12, 7, 9, 0)
    assert timing.counted_or_own(None, own) == own
    assert timing.counted_or_own(RECEIVED, own) == RECEIVED


def test_a_typed_date_is_judged_by_the_devices_day_only_while_its_clock_is_near():
    counted = RECEIVED
    assert timing.typed_today(RECEIVED + timedelta(days=4), counted) == (RECEIVED + timedelta(days=4)).date()
    assert timing.typed_today(RECEIVED - timedelta(days=3), counted) == (RECEIVED - timedelta(days=3)).date()
    assert timing.typed_today(RECEIVED - timedelta(days=40), counted) == RECEIVED.date()
