"""Time the server can bound: how early an event may claim to be, and how far back a typed date may lie.

Both ends run these rules. A laptop's clock can be wrong and a laptop can lie, so an event's own time (`at`)
is bounded by what the server saw: a device that recorded a step before its previous complete push would have
sent it then. A date a person types (a session held on, a follow-up on) is theirs to say, but only within a
short window back (default three working days) and never in the future; further back, the step records a
reason why it is entered late.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .deadlines import DeadlineCalculator
from .messages import msg
from .workdays import WorkdayCalendar

# Between the laptop reading its outbox and the server receiving the push; and the clock offset's own error.
EVENT_TOLERANCE = timedelta(minutes=10)
# How far a device's clock may be off for the date it shows to stand as "today" for a date a person types.
CLOCK_SLACK = timedelta(days=5)
# How far back a typed date may lie without a reason, in working days.
LATE_ENTRY_WORKDAYS = 3
# The key a step's data records the reason for a late date under.
LATE_REASON = "late_reason"


def on_server_clock(at: datetime, offset_seconds: float | None) -> datetime:
    """A device's time as the server's clock had it: the measured offset is server minus device."""
    return at + timedelta(seconds=offset_seconds or 0.0)


def event_time_problem(
    at: datetime, offset_seconds: float | None, previous_push: datetime | None, received: datetime
) -> str | None:
    """Why an event claiming time `at` (device clock) cannot have been recorded when it says, or None.

    `previous_push`: when the server received this device's previous complete push (its clock); `received`:
    now, on the server's clock."""
    claimed = on_server_clock(at.replace(tzinfo=None), offset_seconds)
    if claimed > received + EVENT_TOLERANCE:
        return msg("办理时间 {0} 晚于服务器收到它的时间", at.isoformat(sep=" ", timespec="minutes"))
    if previous_push is not None and claimed < previous_push - EVENT_TOLERANCE:
        return msg(
            "办理时间 {0} 早于本设备上次同步（{1}）：那时记下的步骤那时就会同步，不能补记到之前",
            at.isoformat(sep=" ", timespec="minutes"),
            previous_push.isoformat(sep=" ", timespec="minutes"),
        )
    return None


def counted_time(
    at: datetime, offset_seconds: float | None, lower: datetime | None, received: datetime
) -> datetime:
    """The time a step counts at (closed_at, on time, the extension check, a typed date's "today", periods):
    the device's time `at` moved by its measured offset, then clamped between `lower` (the account's previous
    complete push, any device, less the tolerance; None for an account's very first push) and `received`
    (the server's receipt). A clock, honest or claimed, cannot move a step outside what the server saw."""
    moved = on_server_clock(at.replace(tzinfo=None), offset_seconds)
    if lower is not None:
        moved = max(moved, lower - EVENT_TOLERANCE)
    # the receipt last: nothing counts later than the server saw it; in whole seconds, as steps are written
    # (a receipt's microseconds made the server's closed_at differ from the laptop's by a fraction)
    return min(moved, received).replace(microsecond=0)


def typed_today(at: datetime, counted: datetime) -> date:
    """The "today" a typed date is judged by: the day the person saw on the device (`at`), when its clock is
    within `CLOCK_SLACK` of the counted time (an honest clock days off still enters today's session); else the
    day the step counts at, so a clock claimed weeks slow cannot push a typed date back without a reason."""
    return at.date() if abs(at.replace(tzinfo=None) - counted) <= CLOCK_SLACK else counted.date()


def counted_or_own(counted_at: datetime | None, at: datetime) -> datetime:
    """A step's time for the rules and the measures: the server's counted time once it arrived; before its
    sync, the laptop's own."""
    return counted_at if counted_at is not None else at


def earliest_without_reason(
    today: date, calendar: WorkdayCalendar, window: int = LATE_ENTRY_WORKDAYS
) -> date:
    """The earliest day a typed date may name without a reason: `window` working days before today."""
    day, remaining = today, window
    while remaining > 0:
        day -= timedelta(days=1)
        if calendar.is_workday(day):
            remaining -= 1
    return day


def typed_date_problem(
    label: str,
    typed: date,
    today: date,
    calendar: WorkdayCalendar,
    reason: str | None,
    window: int = LATE_ENTRY_WORKDAYS,
) -> str | None:
    """Why a date a person typed cannot be taken, or None: never after today; before the window only with a
    reason for entering it late."""
    if typed > today:
        return msg("{0}不能晚于今天（{1}）", label, today.isoformat())
    earliest = earliest_without_reason(today, calendar, window)
    if typed < earliest and not (reason or "").strip():
        return msg(
            "{0} {1} 早于 {2}（{3}个工作日前），须填写补录理由", label, typed.isoformat(), earliest, window
        )
    return None


def needs_late_reason(
    typed: date, today: date, calendar: WorkdayCalendar, window: int = LATE_ENTRY_WORKDAYS
) -> bool:
    """The form shows its reason field: the date lies before the window."""
    return typed < earliest_without_reason(today, calendar, window)


def extension_problem(due_on: date | None, today: date) -> str | None:
    """An extension may be asked and granted only before the due date passes."""
    if due_on is not None and today > due_on:
        return msg("办理期限 {0} 已过，不能再延期", due_on.isoformat())
    return None


def due_on_after(
    calc: DeadlineCalculator,
    kind: str,
    registered_at: datetime,
    grade: int | None,
    extension_days: int,
    refer_days: int | None = None,
) -> date:
    """The due date a step that sets it gives: `refer_days` after 下转 (its own deadline); otherwise the
    grade's days plus the extensions granted, and for a petition (信访) the statute's limit where sooner."""
    if refer_days is not None:
        return calc.add_days(registered_at.date(), refer_days)
    deadline = calc.for_grade(registered_at, grade or 0, extension_days=extension_days)
    if kind == "petition":
        statute = calc.for_petition(registered_at, extension_days=extension_days)
        deadline = min(deadline, statute, key=lambda d: d.due_on)
    return deadline.due_on
