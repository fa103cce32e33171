"""督办 levels: how hard a late matter is chased. Chosen at the 督办 step; by default by how many days it is
overdue at that moment (a township may choose higher: 挂牌 is also for a case the county names)."""

from __future__ import annotations

LEVELS = ("一般", "黄牌", "红牌", "挂牌")
# (days overdue at least, level): not yet overdue 一般; 1–5 days 黄牌; 6–15 红牌; more than 15 挂牌.
BY_DAYS_OVERDUE = ((16, "挂牌"), (6, "红牌"), (1, "黄牌"), (0, "一般"))
REPLY_WORKDAYS = 3  # 反馈时限: the handler answers the slip within three working days unless told otherwise


def level_for(days_overdue: int) -> str:
    return next(level for least, level in BY_DAYS_OVERDUE if days_overdue >= least)


def level_problem(level: str) -> str | None:
    return None if level in LEVELS else f"督办级别应为{'、'.join(LEVELS)}之一"
