"""The papers of a petition by the 信访工作条例 (2022), each made from the step that decides it and
nothing typed twice: 受理告知书, 不予受理告知书 (with the reason), 转送告知书 (naming the organ),
书面答复意见书, 复查意见书 and 复核意见书. Each is addressed to the petitioner, names the 代办人 when a grid
worker filed it on the petitioner's behalf (信访代办), and ends with the township's wording of what the
petitioner may do next (templates)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.store.models import Event
from sync.core.domain import petitions
from sync.core.domain.lifecycle import ACTION_LABELS, Action

from ..document_layout import Document, Fields, Para, Signatures, zh
from .records import MissingItems, Records, day

TITLES = {
    "petition_accepted": "信访事项受理告知书",
    "petition_not_accepted": "信访事项不予受理告知书",
    "petition_forwarded": "信访事项转送告知书",
    "petition_reply": "信访事项书面答复意见书",
    "petition_review": "信访事项复查意见书",
    "petition_recheck": "信访事项复核意见书",
}
# The step each paper is made from.
STEPS = {
    "petition_accepted": Action.REGISTER,
    "petition_not_accepted": Action.REJECT,
    "petition_forwarded": Action.FORWARD,
    "petition_reply": Action.CLOSE,
    "petition_review": Action.DECIDE_REVIEW,
    "petition_recheck": Action.DECIDE_RECHECK,
}


def _petitioner(r: Records) -> str:
    """Who the paper is addressed to: the petitioners (申请人), or every party when none is marked so."""
    names = [p.name for p in r.parties if p.role == "申请人" and not r.hides(p.role)]
    return "、".join(names or [p.name for p in r.parties if not r.hides(p.role)])


def _step(r: Records, kind: str) -> Event:
    title = TITLES[kind]
    if r.matter.kind != "petition":
        raise MissingItems(title, [zh("信访事项（本事项为矛盾纠纷）")])
    return r.step_for(title, STEPS[kind], zh("“{0}”办理记录", ACTION_LABELS[STEPS[kind]]))


def _start(r: Records, kind: str, event: Event) -> Document:
    """The paper's head: the issuing office, the title and number, who it is addressed to, the petition."""
    m = r.matter
    doc = Document(kind, TITLES[kind], r.number(), r.fill("petition_office"))
    rows = [
        (zh("信访人"), _petitioner(r)),
        (zh("信访事项"), f"{m.serial} {m.title}"),
        (zh("信访形式"), m.source),
        (zh("提出日期"), day(m.reported_at)),
    ]
    if m.by_proxy:  # 信访代办: the grid worker who filed it on the petitioner's behalf
        rows.append((zh("代办人"), zh("{0}（网格员，信访代办）", r.account_name(m.reported_by))))
    doc.add(Fields(tuple(rows)), Para(zh("{0}：", _petitioner(r)), indent=False))  # the addressee
    return doc


def _end(r: Records, doc: Document, notice_key: str, event: Event) -> Document:
    doc.add(Para(r.fill(notice_key)))
    doc.add(
        Signatures((zh("{0}（印）", r.fill("petition_office")), zh("经办人（签名）{0}", event.actor_name)))
    )
    return doc


def accepted(r: Records, _index: int = 0) -> Document:
    event = _step(r, "petition_accepted")
    doc = _start(r, "petition_accepted", event)
    due = petitions.statute_limit(event.at.date(), r.matter.extension_days or 0)
    doc.add(
        Para(
            zh(
                "你（你们）于{0}提出的信访事项，经审查，符合受理条件，本机关已于{1}依法受理，"
                "将于{2}前办结并书面答复。",
                day(r.matter.reported_at),
                day(event.at),
                day(due),
            )
        )
    )
    return _end(r, doc, "petition_accepted_notice", event)


def not_accepted(r: Records, _index: int = 0) -> Document:
    event = _step(r, "petition_not_accepted")
    reason = (event.data or {}).get("reason") or event.note
    doc = _start(r, "petition_not_accepted", event)
    doc.add(
        Para(
            zh(
                "你（你们）于{0}提出的信访事项，经审查，本机关决定不予受理。",
                day(r.matter.reported_at),
            )
        ),
        Para(reason, label=zh("不予受理的理由：")),
    )
    return _end(r, doc, "petition_not_accepted_notice", event)


def forwarded(r: Records, _index: int = 0) -> Document:
    event = _step(r, "petition_forwarded")
    organ = (event.data or {}).get("organ") or ""
    doc = _start(r, "petition_forwarded", event)
    doc.add(
        Para(
            zh(
                "你（你们）于{0}提出的信访事项，属于{1}的职责范围，本机关已于{2}将其转送{1}办理。",
                day(r.matter.reported_at),
                organ,
                day(event.at),
            )
        ),
        Fields(((zh("转送机关"), organ), (zh("转送说明"), event.note))),
    )
    return _end(r, doc, "petition_forwarded_notice", event)


def reply(r: Records, _index: int = 0) -> Document:
    event = _step(r, "petition_reply")
    m = r.matter
    if not (m.closing_reply or "").strip():
        raise MissingItems(TITLES["petition_reply"], [zh("答复意见")])
    replied = petitions.day_of((event.data or {}).get("replied_on")) or event.at.date()
    doc = _start(r, "petition_reply", event)
    accepted = m.registered_at.date() if m.registered_at else None
    limit = petitions.statute_limit(accepted, m.extension_days or 0) if accepted else None
    late = limit is not None and replied > limit
    doc.add(
        Fields(
            (
                (zh("受理日期"), day(m.registered_at)),
                (
                    zh("办理期限"),
                    day(limit) + (zh("（含延期{0}日）", m.extension_days) if m.extension_days else ""),
                ),
                (zh("答复日期"), day(replied) + (zh("（超过办理期限）") if late else "")),
                (zh("承办单位"), m.handler_name or ""),
            )
        ),
        Para(zh("你（你们）反映的问题，经调查核实，现答复如下：")),
        Para(m.closing_reply),
    )
    return _end(r, doc, "petition_reply_notice", event)


def _opinion(r: Records, kind: str, asked: Action, notice_key: str) -> Document:
    event = _step(r, kind)
    data = event.data or {}
    request = next((e for e in reversed(r.events) if e.action == asked and e.at <= event.at), None)
    asked_on = petitions.day_of((request.data or {}).get("on")) if request is not None else None
    decided = petitions.day_of(data.get("on")) or event.at.date()
    doc = _start(r, kind, event)
    doc.add(
        Fields(
            (
                (zh("请求日期"), day(asked_on)),
                (zh("意见日期"), day(decided)),
            )
        ),
        Para(data.get("opinion") or event.note, label=zh("意见：")),
    )
    return _end(r, doc, notice_key, event)


def review(r: Records, _index: int = 0) -> Document:
    return _opinion(r, "petition_review", Action.REQUEST_REVIEW, "petition_review_notice")


def recheck(r: Records, _index: int = 0) -> Document:
    return _opinion(r, "petition_recheck", Action.REQUEST_RECHECK, "petition_recheck_notice")


BUILDERS: dict[str, Callable[[Records, int], Document]] = {
    "petition_accepted": accepted,
    "petition_not_accepted": not_accepted,
    "petition_forwarded": forwarded,
    "petition_reply": reply,
    "petition_review": review,
    "petition_recheck": recheck,
}
KINDS = tuple(BUILDERS)


def offered(r: Records) -> list[tuple[str, str]]:
    """(kind, title) of the petition papers this matter has the steps for, in the order they come."""
    if r.matter.kind != "petition":
        return []
    return [(kind, TITLES[kind]) for kind, action in STEPS.items() if r.last_event(action) is not None]
