"""Star grades, the time each allows, due dates in calendar or working days, and deadline colours."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sync.core.domain.messages import msg

from .workdays import WorkdayCalendar


class Colour(StrEnum):
    NONE = "none"  # closed, or no deadline yet
    GREEN = "green"  # 正常
    YELLOW = "yellow"  # 临期
    RED = "red"  # 超期


COLOUR_LABELS = {Colour.NONE: "", Colour.GREEN: "正常", Colour.YELLOW: "临期", Colour.RED: "超期"}


@dataclass(frozen=True)
class GradeRule:
    grade: int  # 1, 2 or 3 stars
    label: str
    handled_by: str
    days: int


@dataclass
class DeadlinePolicy:
    """Configuration per township: the grade table, the kind of days, and when a matter turns yellow."""

    rules: dict[int, GradeRule]
    working_days: bool = False
    yellow_ratio: float = 0.8
    petition_handle_days: int = 60
    petition_extension_max_days: int = 30

    @classmethod
    def default(cls) -> DeadlinePolicy:
        return cls.from_config(DEFAULT_POLICY_CONFIG)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> DeadlinePolicy:
        rules = {
            int(r["grade"]): GradeRule(int(r["grade"]), r["label"], r.get("handled_by", ""), int(r["days"]))
            for r in config["grades"]
        }
        return cls(
            rules=rules,
            working_days=bool(config.get("working_days", False)),
            yellow_ratio=float(config.get("yellow_ratio", 0.8)),
            petition_handle_days=int(config.get("petition_handle_days", 60)),
            petition_extension_max_days=int(config.get("petition_extension_max_days", 30)),
        )

    def to_config(self) -> dict[str, Any]:
        return {
            "grades": [
                {"grade": r.grade, "label": r.label, "handled_by": r.handled_by, "days": r.days}
                for r in sorted(self.rules.values(), key=lambda r: r.grade)
            ],
            "working_days": self.working_days,
            "yellow_ratio": self.yellow_ratio,
            "petition_handle_days": self.petition_handle_days,
            "petition_extension_max_days": self.petition_extension_max_days,
        }

    def days_for(self, grade: int) -> int:
        if grade not in self.rules:
            raise ValueError(msg("星级{0}未配置（可选：{1}）", grade, sorted(self.rules)))
        return self.rules[grade].days


DEFAULT_POLICY_CONFIG: dict[str, Any] = {
    "grades": [
        {"grade": 1, "label": "★ 一般", "handled_by": "村（社区）或主管部门", "days": 5},
        {"grade": 2, "label": "★★ 复杂", "handled_by": "乡镇多部门联合、司法所、听证", "days": 15},
        {"grade": 3, "label": "★★★ 重大", "handled_by": "纪委、公安、国土、城管等依法定程序", "days": 60},
    ],
    "working_days": False,
    "yellow_ratio": 0.8,
    "petition_handle_days": 60,
    "petition_extension_max_days": 30,
}
# The default grades' names, for a form that offers a grade before the township's table is read.
GRADE_LABELS = {g["grade"]: g["label"] for g in DEFAULT_POLICY_CONFIG["grades"]}


@dataclass
class Deadline:
    start: datetime
    due_on: date

    @property
    def due_at(self) -> datetime:
        """The end of the due day, when the matter turns red (overdue_from)."""
        return _EPOCH + timedelta(seconds=overdue_from(seconds(self.due_on)))


@dataclass
class DeadlineCalculator:
    policy: DeadlinePolicy
    calendar: WorkdayCalendar = field(default_factory=WorkdayCalendar)

    def add_days(self, start: date, days: int, working: bool | None = None) -> date:
        working = self.policy.working_days if working is None else working
        if working:
            return self.calendar.add_workdays(start, days)
        return start + timedelta(days=days)

    def unknown_years(self, start: date, due: date) -> list[int]:
        """The years whose holidays this deadline needed but the calendar does not know: it was counted on
        Monday to Friday there. None for calendar days, which need no holidays."""
        if not self.policy.working_days:
            return []
        return [y for y in range(start.year, due.year + 1) if not self.calendar.covers(date(y, 1, 1))]

    def for_grade(self, start: datetime, grade: int, *, extension_days: int = 0) -> Deadline:
        return Deadline(start, self.add_days(start.date(), self.policy.days_for(grade) + extension_days))

    def for_petition(self, start: datetime, *, extension_days: int = 0) -> Deadline:
        """信访工作条例: handled within 60 days of acceptance, extendable by at most 30 (calendar days)."""
        if extension_days > self.policy.petition_extension_max_days:
            raise ValueError(msg("信访事项延期最多{0}日", self.policy.petition_extension_max_days))
        return Deadline(
            start, start.date() + timedelta(days=self.policy.petition_handle_days + extension_days)
        )

    def colour(self, deadline: Deadline | None, now: datetime, *, closed: bool = False) -> Colour:
        if closed or deadline is None:
            return Colour.NONE
        return colour_of(
            seconds(deadline.start), seconds(deadline.due_on), seconds(now), self.policy.yellow_ratio
        )


# ------------------------------------------------------------------------------------------ the colour rule
# A deadline's colour is decided here once. The formulas below take moments as whole seconds since 1970-01-01
# on the laptop's clock, and use only arithmetic and comparison: given ints they answer for one matter, given
# a query's expressions of those seconds they become the store's SQL for a whole list (desktop.store.queries.
# colour_clause), so a list filtered by colour and the colour each row shows cannot disagree.

# An int, or a query's expression of one (the store's SQL): what the formulas below compute with.
Seconds = Any

DAY_SECONDS = 86_400
_EPOCH = datetime(1970, 1, 1)


def seconds(moment: datetime | date) -> int:
    """A moment (a day: its first moment) as whole seconds since 1970-01-01, the fraction dropped."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time.min)
    return (moment - _EPOCH) // timedelta(seconds=1)


def overdue_from(due_day: Seconds) -> Seconds:
    """The end of the due day (given as its first moment): due on the 5th is on time all of the 5th."""
    return due_day + DAY_SECONDS


def is_red(now: Seconds, due_day: Seconds) -> Seconds:
    """超期: the due day is over."""
    return now >= overdue_from(due_day)


def is_yellow(now: Seconds, start: Seconds, due_day: Seconds, yellow_ratio: float) -> Seconds:
    """临期 (unless already red): `yellow_ratio` of the allowed time, from start to overdue, has passed; or no
    time was allowed at all (a due day moved before the registration)."""
    overdue = overdue_from(due_day)
    # `|`, not `or`: it is SQL's OR too
    return (now - start >= yellow_ratio * (overdue - start)) | (overdue <= start)


def colour_of(start: int, due_day: int, now: int, yellow_ratio: float) -> Colour:
    """The colour of a running deadline; red before yellow, as the store's SQL composes them."""
    if is_red(now, due_day):
        return Colour.RED
    if is_yellow(now, start, due_day, yellow_ratio):
        return Colour.YELLOW
    return Colour.GREEN


@dataclass(frozen=True)
class PetitionLimits:
    """Time limits of the 信访工作条例 (2022), in calendar days."""

    register_or_forward: int = 15
    tell_acceptance: int = 15
    handle: int = 60
    extension_max: int = 30
    review_request: int = 30
    review_decision: int = 30

    def milestones(
        self, received: date, accepted: date | None = None, answered: date | None = None
    ) -> dict[str, date]:
        result = {
            "register_or_forward_by": received + timedelta(days=self.register_or_forward),
            "tell_acceptance_by": received + timedelta(days=self.tell_acceptance),
        }
        if accepted:
            result["handle_by"] = accepted + timedelta(days=self.handle)
            result["handle_by_with_extension"] = accepted + timedelta(days=self.handle + self.extension_max)
        if answered:
            result["review_request_by"] = answered + timedelta(days=self.review_request)
        return result
