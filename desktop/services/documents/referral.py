"""三调联动's paper back: the 调解结果回复函 to the court, or the 警调对接反馈单 to the police station, made
from the referral and the result the matter's steps recorded (sync.core.domain.linkage). It quotes the
court's 案号 or the 110 接警编号 the referral came with, so the court or the station files it against their
own case."""

from __future__ import annotations

from sync.core.domain import linkage
from sync.core.domain.lifecycle import Action

from ..document_layout import Document, Fields, Para, Signatures, zh
from .records import MissingItems, Records, day

TITLE = "三调联动结果反馈"  # the menu's word; the paper's own title is the kind's (linkage.PAPER_LABELS)


def referral_reply(r: Records, _index: int = 0) -> Document:
    m = r.matter
    kind = m.referral_kind or ""
    if kind not in linkage.KIND_LABELS:
        raise MissingItems(zh(TITLE), [zh("联动移送登记")])
    title = linkage.PAPER_LABELS[kind]
    if not m.referral_result:
        raise MissingItems(zh(title), [zh("反馈联动结果")])
    answered = r.last_event(Action.ANSWER_REFERRAL)
    doc = Document("referral", zh(title), zh("编号：{0}", m.serial), r.committee)
    court = kind in linkage.COURT_KINDS
    addressee = m.referral_body or ""
    doc.add(Para(zh("{0}：", addressee), indent=False))
    doc.add(
        Para(
            zh(
                "贵{0}{1}的{2}（{3}：{4}）已于{5}收到，经调解，结果如下。",
                zh("院") if court else zh("所"),
                zh("委派") if court else zh("移送"),
                m.title,
                zh(linkage.NUMBER_LABELS[kind]),
                m.referral_no or "",
                day(m.referral_received_on),
            )
        )
    )
    doc.add(
        Fields(
            (
                (zh(linkage.NUMBER_LABELS[kind]), m.referral_no or ""),
                (zh("联动类型"), zh(linkage.KIND_LABELS[kind])),
                (zh("收到日期"), day(m.referral_received_on)),
                (zh("法院期限") if court else zh("反馈期限"), day(m.referral_due_on) or "—"),
                (zh("本会事项编号"), m.serial),
                (zh("当事人"), r.party_names()),
                (zh("调解结果"), zh(linkage.RESULT_LABELS.get(m.referral_result, m.referral_result))),
                (zh("反馈日期"), day(m.referral_result_on)),
                (zh("经办人"), answered.actor_name if answered else ""),
            )
        )
    )
    if m.referral_reply:
        doc.add(Para(m.referral_reply, label=zh("反馈意见：")))
    agreement = r.effective_agreement()
    if agreement is not None and m.referral_result == linkage.SUCCESS:
        doc.add(Para(agreement.terms, label=zh("协议内容：")))
    doc.add(Signatures((zh("{0}（印）", r.committee), zh("经办人（签名）"))))
    return doc
