"""司法确认 (人民调解法 第三十三条) as two steps with structured fields: 申请司法确认 names the agreement, the
court and the day it was applied for; 司法确认结果 the court's decision (确认 / 驳回), the court, the ruling's
number (文书号, e.g. "（2026）鲁1324民特12号") and its date. What each step writes on the agreement is given
here, so the laptop writes it and the server checks it by one rule.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sync.core.domain.messages import msg

RESULTS = {"confirmed": "确认有效", "rejected": "驳回申请"}
COURT_MAX = 100
# （year）, then the court's code and the case type, then the number and 号: "（2026）鲁1324民特12号".
DOCUMENT_NO = re.compile(r"[（(]\d{4}[）)]\S{1,30}?\d+号")
DOCUMENT_NO_MAX = 60
# The agreement's fields only these steps write (a direct edit of any of them is refused).
AGREEMENT_FIELDS = (
    "judicial_confirmation",
    "confirmation_applied_on",
    "confirmation_decided_on",
    "confirmation_result",
    "court",
    "confirmation_document_no",
)


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def application_problem(data: dict[str, Any]) -> str | None:
    """Why an application's data cannot be taken, naming the field; None when it can."""
    if not isinstance(data.get("agreement_id"), str) or not data["agreement_id"]:
        return msg("agreement_id：须指明申请确认的协议")
    court = data.get("court")
    if not isinstance(court, str) or not court.strip() or len(court) > COURT_MAX:
        return msg("court：须填写受理的人民法院（不超过{0}字）", COURT_MAX)
    if _day(data.get("on")) is None:
        return msg("on：应为日期")
    return None


def decision_problem(data: dict[str, Any]) -> str | None:
    """Why a decision's data cannot be taken, naming the field; None when it can."""
    if problem := application_problem(data):
        return problem
    if data.get("result") not in RESULTS:
        return msg("result：应为{0}之一", "、".join(RESULTS.values()))
    number = data.get("document_no")
    if not isinstance(number, str) or len(number) > DOCUMENT_NO_MAX or not DOCUMENT_NO.fullmatch(number):
        return msg("document_no：文书号应形如“（2026）鲁1324民特12号”")
    return None


def agreement_fields(decided: bool, data: dict[str, Any]) -> dict[str, Any]:
    """The agreement's fields a step writes (dates as ISO text, as the wire carries them)."""
    on = _day(data.get("on"))
    day = on.isoformat() if on else None
    if not decided:
        return {"confirmation_applied_on": day, "court": data.get("court")}
    return {
        "confirmation_decided_on": day,
        "confirmation_result": data.get("result"),
        "judicial_confirmation": data.get("result") == "confirmed",
        "court": data.get("court"),
        "confirmation_document_no": data.get("document_no"),
    }
