"""重点人员 management, as seed 002 asks of 长期非访 and 极端倾向 persons ("采取有效管控措施"): each watched
resident's category, the account answering for them (包保责任人), the 稳控 plan, how often they are to be
seen, and every contact made. A contact falls due `every_days` after the last one (or after the plan began);
the desk lists those due, overdue first.

Both ends check a plan and a contact with `plan_problems` / `contact_problems`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .messages import msg

# The categories the seeds name, stored as written here whatever the window's language.
CATEGORIES = ("长期非访", "极端倾向", "精神障碍", "刑满释放", "社区矫正", "其他")
WAYS = ("上门走访", "电话联系", "约谈", "视频联系")  # how a contact was made
MAX_EVERY_DAYS = 365
PLAN_MAX_CHARS = 4000
SEEN_MAX_CHARS = 4000


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def plan_problems(data: dict[str, Any], today: date | None = None) -> list[tuple[str, str]]:
    """Why a 稳控 plan cannot be kept: (field, reason) pairs; none when it can."""
    found: list[tuple[str, str]] = []
    if data.get("category") not in CATEGORIES:
        found.append(("类别", msg("应为{0}之一", "、".join(CATEGORIES))))
    if not data.get("keeper_id"):
        found.append(("包保责任人", msg("须指定一个账号")))
    plan = str(data.get("plan") or "")
    if not plan.strip():
        found.append(("稳控措施", msg("不能为空")))
    elif len(plan) > PLAN_MAX_CHARS:
        found.append(("稳控措施", msg("最多{0}个字符", PLAN_MAX_CHARS)))
    every = data.get("every_days")
    if not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= MAX_EVERY_DAYS:
        found.append(("走访频次（天）", msg("应为1至{0}之间的整数", MAX_EVERY_DAYS)))
    since = _day(data.get("since"))
    if since is None:
        found.append(("列管日期", msg("应为日期")))
    elif today is not None and since > today:
        found.append(("列管日期", msg("不能晚于今天")))
    return found


def contact_problems(data: dict[str, Any], today: date | None = None) -> list[tuple[str, str]]:
    """Why a contact cannot be recorded: (field, reason) pairs."""
    found: list[tuple[str, str]] = []
    on = _day(data.get("on"))
    if on is None:
        found.append(("走访日期", msg("应为日期")))
    elif today is not None and on > today:
        found.append(("走访日期", msg("不能晚于今天")))
    if data.get("way") not in WAYS:
        found.append(("方式", msg("应为{0}之一", "、".join(WAYS))))
    seen = str(data.get("seen") or "")
    if not seen.strip():
        found.append(("见到的情况", msg("不能为空")))
    elif len(seen) > SEEN_MAX_CHARS:
        found.append(("见到的情况", msg("最多{0}个字符", SEEN_MAX_CHARS)))
    return found


def next_due(since: date, every_days: int, last_contact: date | None) -> date:
    """The day the next contact is due: `every_days` after the last contact, or after the plan began."""
    return (last_contact or since) + timedelta(days=every_days)


def overdue_days(due: date, today: date) -> int:
    """How many days a contact is late (0 when it is not yet due or due today)."""
    return max(0, (today - due).days)
