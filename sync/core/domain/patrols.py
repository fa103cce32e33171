"""巡查: a grid worker's patrol of a place that is no household (a road, a construction site, a river bank),
what was seen there, and whether it needs following up. An entry can become a matter, as a visit can.

Both ends check an entry with `problems`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from .messages import msg

# What kind of place was patrolled, stored as written here whatever the window's language.
PLACE_KINDS = ("道路", "建筑工地", "河道堤岸", "公共场所", "企业厂区", "其他")
PLACE_MAX_CHARS = 200
SEEN_MAX_CHARS = 4000


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None) if isinstance(value, str) else None
    except ValueError:
        return None


def problems(data: dict[str, Any], now: datetime | None = None) -> list[tuple[str, str]]:
    """Why a patrol entry cannot be kept: (field, reason) pairs; none when it can. `now`: the latest the
    patrol may have been (with any slack for clocks already added)."""
    found: list[tuple[str, str]] = []
    place = str(data.get("place") or "")
    if not place.strip():
        found.append(("巡查地点", msg("不能为空")))
    elif len(place) > PLACE_MAX_CHARS:
        found.append(("巡查地点", msg("最多{0}个字符", PLACE_MAX_CHARS)))
    if data.get("place_kind") not in PLACE_KINDS:
        found.append(("地点类型", msg("应为{0}之一", "、".join(PLACE_KINDS))))
    seen = str(data.get("seen") or "")
    if not seen.strip():
        found.append(("发现情况", msg("不能为空")))
    elif len(seen) > SEEN_MAX_CHARS:
        found.append(("发现情况", msg("最多{0}个字符", SEEN_MAX_CHARS)))
    at = _moment(data.get("patrolled_at"))
    if at is None:
        found.append(("巡查时间", msg("应为日期和时间")))
    elif now is not None and at > now:
        found.append(("巡查时间", msg("不能晚于现在")))
    return found


CLOCK_SLACK = timedelta(hours=1)  # how far ahead of the server a laptop's clock may run
