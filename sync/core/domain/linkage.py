"""三调联动: a matter the court or the police send to people's mediation, and the result sent back to them.

A court sends a case before it is filed (诉前调解) or while it is before the court (委派调解) under its
own number (案号, "（2026）鲁1324民诉前调345号"); the police send a 110 call (警调对接) under the call's
number (接警编号). The referral is recorded by a step (登记联动移送) and the result by another
(反馈联动结果), in that order, both carrying the outside body's number, so the matter can be found by
the number the court or the station quotes, and the paper returned (回复函 / 警调对接反馈单) names it. The
steps' data is what the matter's referral columns hold (`columns`); both ends check it with
`received_problems` and `answered_problems`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .messages import msg

COURT_PRE = "court_pre"  # 诉前调解: before the case is filed
COURT_ENTRUSTED = "court_entrusted"  # 委派调解 (委托调解): the court entrusts a filed case
POLICE = "police"  # 警调对接: a 110 call the station hands to mediation

KIND_LABELS = {COURT_PRE: "诉前调解", COURT_ENTRUSTED: "委派调解", POLICE: "警调对接"}
COURT_KINDS = frozenset({COURT_PRE, COURT_ENTRUSTED})
# What the outside body's number and name are called, per kind.
NUMBER_LABELS = {COURT_PRE: "法院案号", COURT_ENTRUSTED: "法院案号", POLICE: "接警编号"}
BODY_LABELS = {COURT_PRE: "移送法院", COURT_ENTRUSTED: "委派法院", POLICE: "移送派出所"}
# The paper the result goes back on.
PAPER_LABELS = {COURT_PRE: "调解结果回复函", COURT_ENTRUSTED: "调解结果回复函", POLICE: "警调对接反馈单"}

SUCCESS = "success"
FAILURE = "failure"
RESULT_LABELS = {SUCCESS: "调解成功", FAILURE: "调解不成功"}

# A court's case number: （year）court code + case type + number 号, brackets full- or half-width.
CASE_NUMBER = re.compile(r"[（(][0-9]{4}[）)][\u4e00-\u9fff0-9]{2,20}[0-9]{1,6}号")
# A 110 call's number: letters, digits and - _ /.
CALL_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/]{3,39}")

# The matter's columns the referral steps set, and the step data each comes from.
RECEIVED_COLUMNS = {
    "referral_no": "number",
    "referral_body": "body",
    "referral_received_on": "received_on",
    "referral_due_on": "due_on",
}
ANSWERED_COLUMNS = {"referral_result_on": "on", "referral_reply": "reply"}


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def normal_number(text: str) -> str:
    """An outside body's number as courts write it: full-width brackets, whatever was typed, so "(2026)…" and
    "（2026）…" are one number and the search finds it either way it is quoted (review)."""
    return (text or "").strip().replace("(", "（").replace(")", "）")


def received_problems(data: dict[str, Any], today: date | None = None) -> list[tuple[str, str]]:
    """Why a referral's data cannot be recorded: (field, reason) pairs; none when it can."""
    kind = data.get("kind")
    if kind not in KIND_LABELS:
        return [("联动类型", msg("应为{0}之一", "、".join(KIND_LABELS.values())))]
    found: list[tuple[str, str]] = []
    number = str(data.get("number") or "").strip()
    if not number:
        found.append((NUMBER_LABELS[kind], msg("不能为空")))
    elif kind in COURT_KINDS and not CASE_NUMBER.fullmatch(number):
        found.append((NUMBER_LABELS[kind], msg("应写作“（2026）鲁1324民诉前调345号”的样式")))
    elif kind == POLICE and not CALL_NUMBER.fullmatch(number):
        found.append((NUMBER_LABELS[kind], msg("应为4至40个字母、数字或 - _ /")))
    body = str(data.get("body") or "").strip()
    if not body:
        found.append((BODY_LABELS[kind], msg("不能为空")))
    elif len(body) > 100:
        found.append((BODY_LABELS[kind], msg("最多100个字符")))
    elif kind in COURT_KINDS and "法院" not in body:
        found.append((BODY_LABELS[kind], msg("应为人民法院的名称")))
    elif kind == POLICE and not ("派出所" in body or "公安" in body):
        found.append((BODY_LABELS[kind], msg("应为派出所或公安机关的名称")))
    received = _day(data.get("received_on"))
    if received is None:
        found.append(("收到日期", msg("应为日期")))
    elif today is not None and received > today:
        found.append(("收到日期", msg("不能晚于今天")))
    due = data.get("due_on")
    if due in (None, ""):
        if kind in COURT_KINDS:
            found.append(("法院期限", msg("法院移送的案件须填写调解期限")))
    elif _day(due) is None:
        found.append(("法院期限" if kind in COURT_KINDS else "反馈期限", msg("应为日期")))
    elif received is not None and _day(due) < received:  # type: ignore[operator]
        found.append(("法院期限" if kind in COURT_KINDS else "反馈期限", msg("不能早于收到日期")))
    return found


def answered_problems(
    data: dict[str, Any], received_on: Any, outcome: str | None, today: date | None = None
) -> list[tuple[str, str]]:
    """Why a result cannot go back: (field, reason) pairs. `outcome`: how the matter was closed
    (lifecycle.Outcome's value); a matter closed 未化解 cannot be reported to the court as settled, nor one
    settled by agreement as failed."""
    result = data.get("result")
    if result not in RESULT_LABELS:
        return [("调解结果", msg("应为{0}之一", "、".join(RESULT_LABELS.values())))]
    found: list[tuple[str, str]] = []
    if result == SUCCESS and outcome == "unresolved":
        found.append(("调解结果", msg("事项以“未化解”办结，不能反馈调解成功")))
    if result == FAILURE and outcome == "agreement":
        found.append(("调解结果", msg("事项已达成调解协议，不能反馈调解不成功")))
    on = _day(data.get("on"))
    received = _day(received_on)
    if on is None:
        found.append(("反馈日期", msg("应为日期")))
    elif today is not None and on > today:
        found.append(("反馈日期", msg("不能晚于今天")))
    elif received is not None and on < received:
        found.append(("反馈日期", msg("不能早于收到移送的日期（{0}）", received.isoformat())))
    reply = str(data.get("reply") or "")
    if len(reply) > 2000:
        found.append(("反馈意见", msg("最多2000个字符")))
    return found


def columns(kind_of_step: str, data: dict[str, Any]) -> dict[str, Any]:
    """The matter's referral columns (besides the state's `referral_kind` / `referral_result`) a step sets,
    as the row stores them: dates as dates, text stripped, an absent deadline as None."""
    mapping = RECEIVED_COLUMNS if kind_of_step == "received" else ANSWERED_COLUMNS
    out: dict[str, Any] = {}
    for column, key in mapping.items():
        value = data.get(key)
        if column.endswith("_on"):
            out[column] = _day(value)
        else:
            out[column] = str(value or "").strip() or (None if column != "referral_reply" else "")
    return out


def source_label(referral_kind: str | None, source: str) -> str:
    """What a matter counts under by source: the referral's kind when the court or police sent it."""
    return KIND_LABELS.get(referral_kind or "", source)
