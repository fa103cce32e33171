"""Risk level of a matter and the signals that make it major (重大) or reportable to the police the same
day."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sync.core.domain.messages import msg


class Risk(StrEnum):
    LOW = "low"  # 可化解
    WATCH = "watch"  # 需关注
    HIGH = "high"  # 易激化


RISK_LABELS = {Risk.LOW: "可化解", Risk.WATCH: "需关注", Risk.HIGH: "易激化"}

MAJOR_PEOPLE = 10
MAJOR_AMOUNT = 100_000


@dataclass
class RiskAssessment:
    risk: Risk
    major: bool
    report_to_police: bool  # 人民调解法 第二十五条: may become a public-order or criminal case
    reasons: list[str] = field(default_factory=list)


def assess(
    *,
    people: int = 0,
    amount: float = 0,
    group_tendency: bool = False,
    fight_tendency: bool = False,
    criminal_tendency: bool = False,
    abnormal_death: bool = False,
    stated: Risk | None = None,
) -> RiskAssessment:
    """Combine the signals with what the registrar judged; signals can only raise the level, never lower
    it."""
    reasons: list[str] = []
    if people >= MAJOR_PEOPLE:
        reasons.append(msg("涉及{0}人（≥{1}人）", people, MAJOR_PEOPLE))
    if amount >= MAJOR_AMOUNT:
        reasons.append(msg("涉及金额{0:,.0f}元（≥10万元）", amount))
    if group_tendency:
        reasons.append(msg("有集体上访倾向"))
    if fight_tendency:
        reasons.append(msg("有械斗倾向"))
    if criminal_tendency:
        reasons.append(msg("可能民转刑"))
    if abnormal_death:
        reasons.append(msg("涉及非正常死亡"))
    major = bool(reasons)
    police = criminal_tendency or fight_tendency or abnormal_death
    risk = stated or Risk.LOW
    if police or group_tendency:
        risk = Risk.HIGH
    elif major and risk == Risk.LOW:
        risk = Risk.WATCH
    return RiskAssessment(risk=risk, major=major, report_to_police=police, reasons=reasons)


RISK_ORDER = [Risk.LOW, Risk.WATCH, Risk.HIGH]


def lowered(chosen: str | None, signalled: Risk) -> bool:
    """A risk chosen below what the signals say: it needs a reason and a leader's confirmation."""
    return chosen in set(Risk) and RISK_ORDER.index(Risk(chosen)) < RISK_ORDER.index(signalled)


def signalled(people: int, amount: float, signals: list[str] | tuple[str, ...]) -> Risk:
    """The risk a matter's own signals (people, amount, tendencies) give, whatever was stated."""
    return assess(
        people=people,
        amount=amount,
        group_tendency="group" in signals,
        fight_tendency="fight" in signals,
        criminal_tendency="criminal" in signals,
        abnormal_death="death" in signals,
    ).risk
