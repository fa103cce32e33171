"""The facts a matter's risk and figures are judged by: how many people, how much money, which signals, and
where it lies. Written when the matter is reported; afterwards changed only by a step with a reason
(更正事实 for the numbers and signals, 变更属地 for the village and grid), checked by these rules on both
ends.

A correction whose facts signal a lower risk than the facts it replaces is a lowering of the risk: the step
records the two levels and the reason, and the early warning keeps the matter until a leader confirms it
(`lifecycle.risk_lowered_in`), exactly as for a 立案定级 below the signals.
"""

from __future__ import annotations

from typing import Any

from sync.core.domain.messages import msg

from . import risk

# The numbers and signals (更正事实) and the place (变更属地): the matter's columns each step writes.
FACT_FIELDS = ("people_count", "amount", "signals", "is_group")
PLACE_FIELDS = ("village_id", "grid_id")
SIGNAL_KEYS = ("group", "fight", "criminal", "death")  # desktop.services.matters.SIGNALS labels them
GROUP_PEOPLE = 5  # 群体性: five people or more, or a tendency to petition as a group
MAX_PEOPLE = 1_000_000
MAX_AMOUNT = 1e12

# What the correction step records besides the new values: the facts it replaced.
BEFORE = "before"


def is_group(people: int, signals: list[str] | tuple[str, ...]) -> bool:
    return people >= GROUP_PEOPLE or "group" in signals


def facts_problem(data: dict[str, Any]) -> str | None:
    """Why a correction's new facts cannot be taken, naming the field; None when they can."""
    people, amount, signals = data.get("people_count"), data.get("amount"), data.get("signals")
    if not isinstance(people, int) or isinstance(people, bool) or not 0 <= people <= MAX_PEOPLE:
        return msg("people_count：涉及人数应为0到{0}之间的整数", MAX_PEOPLE)
    if not isinstance(amount, int | float) or isinstance(amount, bool) or not 0 <= amount <= MAX_AMOUNT:
        return msg("amount：涉及金额应为不小于0的数")
    if not isinstance(signals, list) or any(s not in SIGNAL_KEYS for s in signals):
        return msg("signals：风险信号应为{0}中的若干项", "、".join(SIGNAL_KEYS))
    if len(set(signals)) != len(signals):
        return msg("signals：风险信号不能重复")
    return None


def corrected(data: dict[str, Any]) -> dict[str, Any]:
    """The matter's columns a correction writes: the new facts, the signals sorted, and whether it is a group
    matter, which follows from them."""
    signals = sorted(data["signals"])
    return {
        "people_count": data["people_count"],
        "amount": data["amount"],
        "signals": signals,
        "is_group": is_group(data["people_count"], signals),
    }


def signalled(values: dict[str, Any]) -> risk.Risk:
    """The risk a matter's facts (as stored, or as a correction gives them) signal."""
    return risk.signalled(
        int(values.get("people_count") or 0), float(values.get("amount") or 0), values.get("signals") or []
    )


def lowers(before: dict[str, Any], after: dict[str, Any]) -> risk.Risk | None:
    """The level the old facts signalled, when the new ones signal a lower one (a lowering); else None."""
    old = signalled(before)
    return old if risk.lowered(str(signalled(after)), old) else None


def raises(current: str | None, after: dict[str, Any]) -> risk.Risk | None:
    """The level a registered matter's risk rises to when corrected facts signal more than it has (a group
    tendency ticked, more people): a rise needs no confirmation, it simply holds (review: the correction saved
    the facts and left the risk at 可化解). None when it does not rise or the matter is not graded yet."""
    if current not in set(risk.Risk):
        return None
    new = signalled(after)
    return new if risk.lowered(current, new) else None


def same_facts(a: Any, b: Any, column: str) -> bool:
    """Two stored values of a fact, compared as stored (numbers as numbers, signals as a set)."""
    if column == "signals":
        return sorted(a or []) == sorted(b or [])
    if column == "amount":
        try:
            return float(a or 0) == float(b or 0)
        except (TypeError, ValueError):
            return False
    if column == "is_group":
        return bool(a) == bool(b)
    return bool(a == b)
