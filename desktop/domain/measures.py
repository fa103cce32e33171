"""Measures of the work, from raw counts. Formulas are configuration; these are the defaults of DOMAIN.md."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Counts:
    """Raw counts for one period and one unit of assessment (a village, a grid worker, a unit, a team)."""

    registered: int = 0
    closed: int = 0
    resolved: int = 0  # closed by agreement or otherwise resolved
    closed_on_time: int = 0
    mediations_held: int = 0
    mediations_agreed: int = 0
    follow_ups: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    dissatisfied: int = 0
    overdue: int = 0
    repeat_orders: int = 0
    group_matters: int = 0
    escalations: int = 0
    criminal_prevented: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def ratio(numerator: int, denominator: int) -> float | None:
    """None when nothing was counted: 0 % and "no data" are different things on a report."""
    return None if denominator == 0 else numerator / denominator


@dataclass
class Measures:
    resolution_rate: float | None
    mediation_success_rate: float | None
    on_time_rate: float | None
    satisfaction_rate: float | None

    @classmethod
    def of(cls, c: Counts) -> Measures:
        return cls(
            resolution_rate=ratio(c.resolved, c.closed),
            mediation_success_rate=ratio(c.mediations_agreed, c.mediations_held),
            on_time_rate=ratio(c.closed_on_time, c.closed),
            satisfaction_rate=ratio(c.satisfied + c.basically_satisfied, c.follow_ups),
        )


DEFAULT_WEIGHTS = {
    "resolution_rate": 40,
    "on_time_rate": 30,
    "satisfaction_rate": 20,
    "mediation_success_rate": 10,
}


def score(measures: Measures, weights: dict[str, float] | None = None) -> float:
    """Monthly assessment score out of the sum of weights; a measure with no data earns its full weight."""
    weights = weights or DEFAULT_WEIGHTS
    total = 0.0
    for name, weight in weights.items():
        value = getattr(measures, name)
        total += weight * (1.0 if value is None else value)
    return round(total, 2)


def rank(scores: dict[str, float]) -> list[tuple[int, str, float]]:
    """Competition ranking (1, 2, 2, 4): equal scores share a place."""
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    result, place = [], 0
    for i, (name, value) in enumerate(ordered):
        if i == 0 or value != ordered[i - 1][1]:
            place = i + 1
        result.append((place, name, value))
    return result
