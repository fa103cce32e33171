"""The working-day calendar: weekends, public holidays and make-up working days (调休), as reference data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any


@dataclass
class WorkdayCalendar:
    holidays: set[date] = field(default_factory=set)
    makeup_workdays: set[date] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WorkdayCalendar:
        cal = cls()
        for year, spec in data.get("years", {}).items():
            cal.years.add(int(year))
            for first, last in spec.get("holidays", []):
                day, end = date.fromisoformat(first), date.fromisoformat(last)
                while day <= end:
                    cal.holidays.add(day)
                    day += timedelta(days=1)
            cal.makeup_workdays.update(date.fromisoformat(d) for d in spec.get("workdays", []))
        return cal

    @classmethod
    def load(cls, path: Path) -> WorkdayCalendar:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def covers(self, day: date) -> bool:
        """False for a year whose holidays are not published in the data: only weekends count there."""
        return day.year in self.years

    def is_workday(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_workdays(self, start: date, count: int) -> date:
        """The count-th working day after start (start itself is not counted: the day a matter arrives)."""
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return day
