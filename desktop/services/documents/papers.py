"""The seven papers, each made from a matter's `Records` and nothing typed twice: the mediation agreement (or
the oral agreement's registration), a session's record, the dispatch and supervision slips, the follow-up
record and the closed matter's dossier. A paper that the law requires an item for is refused, naming it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.store.models import Agreement
from sync.core.domain.deadlines import COLOUR_LABELS, Colour
from sync.core.domain.lifecycle import (
    LEVEL_LABELS,
    OUTCOME_LABELS,
    PETITION_OUTCOME_LABELS,
    SESSION_OUTCOME_LABELS,
    STATUS_LABELS,
    Action,
    Status,
)

from .. import committees
from ..document_layout import (
    Document,
    Fields,
    Heading,
    Para,
    Signatures,
    Table,
    zh,
)
from .records import TITLES, MissingItems, Records, day, minute, refuse_if
from .referral import referral_reply

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")
PERFORMED = {True: "已履行", False: "未履行", None: "—"}


def agreement(r: Records, index: int = 0) -> Document:
    """人民调解协议书 (人民调解法 第二十九条), or the oral agreement's registration for an oral agreement:
    the one in effect (index 0), or a version it replaced (1 the one before it, and so on), printed as the
    parties signed it with a line saying it was superseded."""
    versions = r.versions()
    if not versions:
        raise MissingItems(TITLES["agreement"], [zh("调解协议")])
    if not 0 <= index < len(versions):
        raise MissingItems(TITLES["agreement"], [zh("变更前的第{0}份协议", index)])
    a = versions[index]
    doc = oral_agreement(r, a) if a.form == "oral" else _written_agreement(r, a)
    if index:  # a replaced version: its own words, unchanged, and a line saying it is no longer in effect
        newer = versions[index - 1]
        number = len(versions) - index
        since = zh("（{0}生效）", day(newer.effective_on)) if newer.effective_on else ""
        doc.blocks.insert(
            0,
            Para(
                zh(
                    "本协议为第{0}版，已变更，被第{1}版协议取代{2}；此件存档备查，不再作为现行协议履行。",
                    number,
                    number + 1,
                    since,
                ),
                label=zh("已变更："),
            ),
        )
    if (confirmed := _confirmation(a)) is not None:
        doc.add(confirmed)
    return doc


def _confirmation(a: Agreement) -> Para | None:
    """司法确认 as the steps recorded it (人民调解法 第三十三条): applied to which court, when; the ruling."""
    if a.confirmation_applied_on is None:
        return None
    court = a.court or zh("人民法院")
    text = zh("{0}向{1}申请司法确认", day(a.confirmation_applied_on), court)
    if a.confirmation_result:
        verdict = zh("确认本协议有效") if a.confirmation_result == "confirmed" else zh("驳回申请")
        number = a.confirmation_document_no or ""
        text += zh("；{0}{1}以{2}裁定{3}", day(a.confirmation_decided_on), court, number, verdict)
    return Para(text + "。", label=zh("司法确认："))


def _written_agreement(r: Records, a: Agreement) -> Document:
    title = TITLES["agreement"]
    missing = [item for p in r.parties for item in p.missing()]
    if not r.parties:
        missing.append(zh("当事人"))
    wanted = {
        "纠纷主要事实、争议事项及各方责任": a.facts,
        "协议内容": a.terms,
        "履行方式": a.performance,
        "履行期限": a.perform_by,
        "协议份数": a.copies,
    }
    missing += [zh(item) for item, value in wanted.items() if not value]
    refuse_if(title, missing)
    # the committee's 调解文书号, given when signed or, for one signed before numbers were given, now
    number = committees.give_number(r.s, r.matter, a, r.ws.now().year)
    doc = Document("agreement", title, number, r.header())
    doc.add(*(Para(p.line(), label=f"{p.role}：", indent=False) for p in r.parties))
    doc.add(Heading(zh("纠纷主要事实、争议事项及各方当事人责任")), Para(a.facts))
    doc.add(Para(r.fill("agreement_intro")), Heading(zh("协议内容")), Para(a.terms))
    doc.add(
        Heading(zh("履行方式、时限")),
        Para(zh("{0}，于{1}前履行完毕。", a.performance.rstrip("。，"), day(a.perform_by))),
    )
    doc.add(Para(r.fill("agreement_copies", copies=a.copies)), Para(r.fill("agreement_notice")))
    mediators = r.mediators() or r.matter.handler_name or ""
    parties = tuple(zh("当事人（签名或按指印）{0}", p.name) for p in r.parties)
    doc.add(Signatures((*parties, zh("人民调解员（签名）{0}", mediators), zh("{0}（印）", r.committee))))
    return doc


def oral_agreement(r: Records, a: Agreement) -> Document:
    title = TITLES["oral"]
    refuse_if(title, ([zh("协议内容")] if not a.terms else []) + ([zh("当事人")] if not r.parties else []))
    reached = a.effective_on or (r.sessions[-1].held_on if r.sessions else None)
    doc = Document("oral", title, r.number(), r.header())
    doc.add(
        Fields(
            (
                (zh("当事人"), "\n".join(p.line() for p in r.parties)),
                (zh("纠纷事实"), a.facts or r.matter.facts),
                (zh("协议内容"), a.terms),
                (zh("履行方式、时限"), f"{a.performance} {day(a.perform_by)}".strip()),
                (zh("达成日期"), day(reached)),
            )
        )
    )
    doc.add(Para(r.fill("oral_notice")))
    doc.add(
        Signatures((zh("当事人（签名或按指印）"), zh("人民调解员（签名）"), zh("{0}（印）", r.committee)))
    )
    return doc


def session_record(r: Records, index: int = 0) -> Document:
    title = TITLES["record"]
    if not 0 <= index < len(r.sessions):
        raise MissingItems(title, [zh("调解记录")])
    x = r.sessions[index]
    wanted = {
        "调解时间": x.held_on,
        "调解地点": x.place,
        "参加人员": x.attendees or r.parties,
        "调解情况": x.record,
    }
    refuse_if(title, [zh(item) for item, value in wanted.items() if not value])
    doc = Document("record", title, zh("{0}（第{1}次）", r.number(), index + 1), r.header())
    doc.add(
        Fields(
            (
                (zh("事项"), f"{r.matter.serial} {r.matter.title}"),
                (zh("调解时间"), day(x.held_on)),
                (zh("调解地点"), x.place),
                (zh("调解方式"), f"{x.kind}（{LEVEL_LABELS.get(x.level, x.level)}）"),
                (zh("人民调解员"), x.mediators),
                (zh("参加人员"), x.attendees or r.party_names()),
                (zh("当事人"), r.party_names()),
            )
        )
    )
    doc.add(Heading(zh("调解情况（各方陈述与调解经过）")), Para(x.record))
    doc.add(Fields(((zh("调解结果"), SESSION_OUTCOME_LABELS.get(x.outcome, x.outcome)),)))
    doc.add(Para(r.fill("record_notice")))
    doc.add(Signatures((zh("当事人（签名）"), zh("人民调解员（签名）"), zh("记录人（签名）"))))
    return doc


def dispatch_slip(r: Records, _index: int = 0) -> Document:
    title = TITLES["dispatch"]
    event = r.step_for(title, Action.DISPATCH, zh("交办记录"))
    m = r.matter
    sent_to = r.name_of((event.data or {}).get("handler")) or m.handler_name or ""
    doc = Document("dispatch", title, r.number(), r.fill("header") or r.township)
    doc.add(
        Fields(
            (
                *r.matter_fields(),
                (zh("交办给"), sent_to),
                (zh("交办人"), event.actor_name),
                (zh("交办时间"), minute(event.at)),
                (zh("办理时限"), day(m.due_on)),
                (zh("时限状态"), r.colour() or zh("未计时")),
                (zh("交办意见"), event.note),
            )
        )
    )
    doc.add(Para(r.fill("dispatch_notice")))
    doc.add(Signatures((zh("交办单位（印）"), zh("签收人（签名）"))))
    # the 回执, torn off along the line and returned by the unit; its return is recorded at 签收
    doc.add(
        Para(
            "- - - - - - - - - - - - - - - - " + zh("沿此线剪下") + " - - - - - - - - - - - - - - - -",
            indent=False,
        )
    )
    doc.add(Heading(zh("{0}回执", title)))
    doc.add(
        Fields(
            (
                (zh("事项编号"), m.serial),
                (zh("事项名称"), m.title),
                (zh("交办时间"), minute(event.at)),
                (zh("接收单位"), sent_to),
            )
        )
    )
    doc.add(Signatures((zh("接收单位（印）"), zh("签收人（签名）"))))
    return doc


def supervision_slip(r: Records, _index: int = 0) -> Document:
    """督办单, printed from what the 督办 step recorded at that moment (the state, 时限状态 and days
    overdue, the level and the 反馈时限): the same slip however the matter moves on, a reopen included. A
    step recorded before it kept these is printed with what the matter says now."""
    title = TITLES["supervision"]
    event = r.step_for(title, Action.SUPERVISE, zh("督办记录"))
    m = r.matter
    taken = event.data or {}
    times = sum(1 for e in r.events if e.action == Action.SUPERVISE)  # this one is the last
    number = zh("{0}（第{1}次督办）", r.number(), times)
    colour = taken.get("colour")
    colour_text = (
        COLOUR_LABELS.get(Colour(colour), "") if colour in set(Colour) else r.colour() or zh("未计时")
    )
    due = taken.get("due_on")
    overdue = taken.get("overdue_days")
    reply_by = taken.get("reply_by")
    doc = Document("supervision", title, number, r.fill("header") or r.township)
    doc.add(
        Fields(
            (
                *r.matter_fields(),
                (zh("承办单位/承办人"), str(taken.get("handler_name", m.handler_name or ""))),
                (zh("办理时限"), _iso_day(due) if "due_on" in taken else day(m.due_on)),
                (zh("督办时状态"), _status_label(taken.get("status"))),
                (zh("时限状态"), colour_text),
                (zh("超期天数"), zh("{0}天", overdue) if isinstance(overdue, int) else ""),
                (zh("督办级别"), str(taken.get("level", ""))),
                (zh("督办原因与要求"), event.note),
                (zh("反馈时限"), zh("{0}前书面反馈", _iso_day(reply_by)) if reply_by else ""),
                (zh("督办人"), event.actor_name),
                (zh("督办时间"), minute(event.at)),
                (zh("包案领导"), r.account_name(m.leader_id)),
            )
        )
    )
    doc.add(Para(r.fill("supervision_notice")))
    doc.add(Signatures((zh("督办单位（印）"), zh("承办单位签收人（签名）"))))
    return doc


def _status_label(status: object) -> str:
    return STATUS_LABELS[Status(status)] if isinstance(status, str) and status in set(Status) else ""


def _iso_day(value: object) -> str:
    try:
        return day(date.fromisoformat(str(value)))
    except ValueError:
        return ""


def _follow_up_table(r: Records) -> Table:
    return Table(
        (zh("回访日期"), zh("回访人"), zh("协议履行"), zh("满意度"), zh("反弹迹象"), zh("后续措施")),
        tuple(
            (
                day(f.on),
                r.account_name(f.by_id),
                zh(PERFORMED[f.performed]),
                f.satisfaction,
                zh("有") if f.relapse else zh("无"),
                f.next_step,
            )
            for f in r.follow_ups
        ),
    )


def _outcome(r: Records) -> str:
    outcome = r.matter.outcome
    labels = PETITION_OUTCOME_LABELS if r.matter.kind == "petition" else OUTCOME_LABELS
    return labels.get(outcome, outcome or "")


def follow_up_record(r: Records, _index: int = 0) -> Document:
    title = TITLES["followup"]
    refuse_if(title, [zh("回访记录")] if not r.follow_ups else [])
    m = r.matter
    doc = Document("followup", title, r.number(), r.header())
    doc.add(
        Fields(
            (
                *r.matter_fields()[:2],
                (zh("当事人"), r.party_names()),
                (zh("办结时间"), day(m.closed_at)),
                (zh("办结结果"), _outcome(r)),
            )
        )
    )
    doc.add(_follow_up_table(r), Para(r.fill("followup_notice")))
    doc.add(Signatures((zh("回访人（签名）"), zh("被回访人（签名）"))))
    return doc


Builder = Callable[[Records, int], Document]
BUILDERS: dict[str, Builder] = {
    "agreement": agreement,
    "record": session_record,
    "followup": follow_up_record,
    "dispatch": dispatch_slip,
    "supervision": supervision_slip,
    "referral": referral_reply,
}
# Papers that carry full ID numbers and phones: only a role that may see them makes them.
PERSONAL = {"agreement", "dossier"}
