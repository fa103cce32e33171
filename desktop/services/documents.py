"""The township's papers, made from a matter's own records and nothing typed twice: the mediation agreement (or
the oral agreement's registration), a session's record, the dispatch and supervision slips, the follow-up
record and the closed matter's dossier. A paper that the law requires an item for is refused, naming it.

Making a paper is audited (it may carry full ID numbers). Its wording comes from the township's templates:
`resources/reference/document_templates.json`, overridden by the synced configuration `document_templates`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.store.models import (
    Account,
    Agreement,
    Attachment,
    Division,
    FollowUp,
    Grid,
    Household,
    Matter,
    MediationSession,
    Org,
    Party,
    Person,
)
from desktop.store.queries import visible_clause
from sync.core.domain import idnumber
from sync.core.domain.deadlines import COLOUR_LABELS
from sync.core.domain.issues import Issue
from sync.core.domain.lifecycle import (
    ACTION_LABELS,
    LEVEL_LABELS,
    OUTCOME_LABELS,
    SESSION_OUTCOME_LABELS,
    TIMED_STATUSES,
    Action,
    Status,
)
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import matters, setup
from .attachments import stored_path
from .context import Changed, Workspace, config_value
from .document_layout import Document, Fields, Heading, PageBreak, Para, Picture, Signatures, Table, zh
from .errors import NotFound, ServiceError, ValidationFailed
from .lists import viewer_of
from .steps import deadline_of

TITLES = {
    "agreement": "人民调解协议书",
    "oral": "口头调解协议登记表",
    "record": "人民调解笔录",
    "dispatch": "矛盾纠纷交办单",
    "supervision": "矛盾纠纷督办单",
    "followup": "矛盾纠纷回访记录",
    "dossier": "矛盾纠纷调处卷宗",
}
# What `fengqiao print --doc` and the window offer; "agreement" is the oral registration for an oral agreement.
KINDS = ("agreement", "record", "followup", "dispatch", "supervision", "dossier")
CLOSED = frozenset({Status.CLOSED, Status.CHECKED, Status.EVALUATED})
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")


class MissingItems(ServiceError):
    """The paper cannot be made: the law or the form needs these items, which the records do not hold yet."""

    def __init__(self, title: str, items: list[str]):
        self.title, self.items = title, items
        super().__init__(msg("无法生成{0}，缺少：{1}", title, "、".join(items)))


@dataclass(frozen=True)
class Offer:
    """A paper this matter can print now: the kind, its title, and which one (a session's record)."""

    kind: str
    title: str
    index: int = 0


TEMPLATE_LABELS = {
    "header": "文书抬头（留空则用调解委员会或乡镇名称）",
    "committee": "村调解委员会名称（该村未设村委会组织时）",
    "township_committee": "乡镇调解委员会名称",
    "agreement_intro": "协议书：引言",
    "agreement_copies": "协议书：份数与生效",
    "agreement_notice": "协议书：效力与司法确认告知",
    "oral_notice": "口头协议登记：说明",
    "record_notice": "调解笔录：确认语",
    "dispatch_notice": "交办单：办理要求",
    "supervision_notice": "督办单：督办要求",
    "followup_notice": "回访记录：结语",
}
PLACEHOLDERS = {"township": "", "village": "", "committee": "", "copies": 0}


def default_templates() -> dict:
    defaults = json.loads(paths.reference("document_templates.json").read_text("utf-8"))
    return {key: defaults[key] for key in TEMPLATE_LABELS}


def templates(session: Session) -> dict:
    own = config_value(session, "document_templates") or {}
    return {
        **default_templates(),
        **{k: v for k, v in own.items() if isinstance(v, str) and k in TEMPLATE_LABELS},
    }


def read_templates(ws: Workspace) -> dict:
    with ws.read() as s:
        return templates(s)


def save_templates(ws: Workspace, values: dict) -> Changed:
    """The township's own wording, kept in the synced configuration; each text is checked for the names it may
    use in braces ({township} {village} {committee} {copies})."""
    issues = []
    for key, text in values.items():
        if key not in TEMPLATE_LABELS or not isinstance(text, str):
            issues.append(Issue(msg("文书模板"), msg("未知的模板项“{0}”", key)))
            continue
        if len(text) > 2000:
            issues.append(Issue(msg(TEMPLATE_LABELS[key]), msg("最多2000个字符")))
        try:
            text.format(**PLACEHOLDERS)
        except (KeyError, IndexError, ValueError) as exc:
            issues.append(Issue(msg(TEMPLATE_LABELS[key]), msg(
                "花括号中只能是 {{township}}、{{village}}、{{committee}} 或 {{copies}}（{0}）", exc)))  # fmt: skip
    if issues:
        raise ValidationFailed(issues)
    defaults = default_templates()
    return setup.configure(ws, "document_templates", {k: v for k, v in values.items() if v != defaults[k]})


def day(value: date | datetime | None) -> str:
    return f"{value:%Y年%m月%d日}" if value else ""


def minute(value: datetime | None) -> str:
    return f"{value:%Y年%m月%d日 %H:%M}" if value else ""


# ------------------------------------------------------------------------------------------ the records


@dataclass(frozen=True)
class Particulars:
    """A party as the agreement names it: from the party record, the resident it refers to, and the ID number."""

    name: str
    role: str
    kind: str
    sex: str
    age: str
    ethnicity: str
    occupation: str
    address: str
    id_number: str
    phone: str

    def missing(self) -> list[str]:
        wanted = (
            {"住所": self.address}
            if self.kind == "org"
            else {
                "性别": self.sex,
                "年龄": self.age,
                "民族": self.ethnicity,
                "职业或工作单位": self.occupation,
                "住所": self.address,
                "身份证号": self.id_number,
            }  # fmt: skip
        )
        return [zh("{0}{1}的{2}", self.role, self.name, item) for item, value in wanted.items() if not value]

    def line(self) -> str:
        if self.kind == "org":
            return "，".join(filter(None, [self.name, zh("住所：{0}", self.address), self.phone]))
        parts = [self.name, self.sex, zh("{0}岁", self.age) if self.age else "", self.ethnicity, self.occupation,
                 zh("住{0}", self.address) if self.address else "",
                 zh("公民身份号码{0}", self.id_number) if self.id_number else "",
                 zh("联系电话{0}", self.phone) if self.phone else ""]  # fmt: skip
        return "，".join(p for p in parts if p)


def _particulars(s: Session, party: Party, on: date) -> Particulars:
    person = s.get(Person, party.person_id) if party.person_id else None
    household = s.get(Household, person.household_id) if person else None
    id_number = party.id_number or (person.id_number if person else None) or ""
    checked = idnumber.check(id_number, today=on) if id_number else None
    born = (person.birth_date if person else None) or (checked.birth_date if checked else None)
    sex = (person.sex if person else None) or (checked.sex if checked else None) or ""
    return Particulars(
        party.name, party.role, party.kind, sex, str(idnumber.age_on(born, on)) if born else "",
        party.ethnicity or (person.ethnicity if person else None) or "", party.occupation or "",
        party.address or (household.address if household else ""), id_number,
        party.phone or (person.mobile if person else None) or "",
    )  # fmt: skip


class Records:
    """Everything about one matter that a paper may print, read once."""

    def __init__(self, ws: Workspace, s: Session, matter_id: str):
        self.ws, self.s = ws, s
        self.matter = m = matters.load(ws, s, matter_id)
        self.today = ws.now().date()
        live = {"matter_id": m.id, "deleted": False}
        self.parties = [_particulars(s, p, self.today) for p in s.scalars(select(Party).filter_by(**live))]
        self.sessions = list(
            s.scalars(select(MediationSession).filter_by(**live).order_by(MediationSession.held_on))
        )
        self.agreements = list(s.scalars(select(Agreement).filter_by(**live)))
        self.follow_ups = list(s.scalars(select(FollowUp).filter_by(**live).order_by(FollowUp.on)))
        self.events = matters.history(s, m.id)
        self.files = list(s.scalars(select(Attachment).where(
            Attachment.owner_kind == "matter", Attachment.owner_id == m.id, Attachment.deleted.is_(False))))  # fmt: skip
        self.t = templates(s)
        township = s.scalar(select(Division).where(Division.level == "township"))
        self.township = township.name if township else ""
        self.village = s.get(Division, m.village_id).name if m.village_id else ""
        self.grid = s.get(Grid, m.grid_id).name if m.grid_id else ""
        self.committee = self.t["township_committee"].format(township=self.township, village=self.village)
        if m.level == "village" and m.village_id:  # mediated in the village: its own committee signs
            org = s.scalar(select(Org).where(Org.kind == "village_committee", Org.village_id == m.village_id,
                                             Org.deleted.is_(False)))  # fmt: skip
            self.committee = (
                org.name if org else self.t["committee"].format(village=self.village, township=self.township)
            )
        self.policy = ws.deadlines(s)

    def fill(self, key: str, **extra) -> str:
        return self.t[key].format(
            township=self.township, village=self.village, committee=self.committee, **extra
        )

    def header(self) -> str:
        return self.fill("header") if self.t["header"] else self.committee

    def number(self) -> str:
        return zh("编号：{0}", self.matter.serial)

    def party_names(self) -> str:
        return "；".join(f"{p.role} {p.name}" for p in self.parties)

    def grade_label(self) -> str:
        rule = self.policy.policy.rules.get(self.matter.grade) if self.matter.grade else None
        if rule is None:
            return ""
        return rule.label if "★" in rule.label else f"{'★' * self.matter.grade} {rule.label}"

    def colour(self) -> str:
        m = self.matter
        if m.status in CLOSED:
            return zh("已办结")
        colour = self.policy.colour(deadline_of(m), self.ws.now(), closed=m.status not in TIMED_STATUSES)
        return COLOUR_LABELS[colour]

    def effective_agreement(self) -> Agreement | None:
        """The agreement the matter was settled by: one in effect (written and signed, or oral), else the last."""
        in_effect = [a for a in self.agreements if a.form == "oral" or a.effective_on]
        return (in_effect or self.agreements or [None])[-1]

    def last_event(self, action: Action):
        found = [e for e in self.events if e.action == action]
        return found[-1] if found else None

    def step_for(self, title: str, action: Action, item: str):
        """The last step of a kind a paper is about (交办, 督办): refused, naming it, when there is none."""
        event = self.last_event(action)
        if event is None:
            raise MissingItems(title, [item])
        return event

    def name_of(self, handler: str | None) -> str:
        try:
            return matters.handler_name(self.s, handler) or ""
        except NotFound:
            return ""

    def account_name(self, account_id: str | None) -> str:
        account = self.s.get(Account, account_id) if account_id else None
        return account.display_name if account else ""

    def matter_fields(self) -> list[tuple[str, str]]:
        m = self.matter
        return [
            (zh("事项编号"), m.serial), (zh("事项名称"), m.title), (zh("类别"), m.category or ""),
            (zh("星级"), self.grade_label()), (zh("发生地"), f"{self.village} {self.grid} {m.place}".strip()),
            (zh("当事人"), self.party_names()), (zh("事实经过"), m.facts),
        ]  # fmt: skip


def _refuse_if(title: str, items: list[str]) -> None:
    if items:
        raise MissingItems(title, items)


# ------------------------------------------------------------------------------------------ the papers


def agreement(r: Records, _index: int = 0) -> Document:
    a = r.effective_agreement()
    if a is None:
        raise MissingItems(TITLES["agreement"], [zh("调解协议")])
    if a.form == "oral":
        return oral_agreement(r, a)
    title = TITLES["agreement"]
    missing = [item for p in r.parties for item in p.missing()]
    if not r.parties:
        missing.append(zh("当事人"))
    wanted = {"纠纷主要事实、争议事项及各方责任": a.facts, "协议内容": a.terms, "履行方式": a.performance,
              "履行期限": a.perform_by, "协议份数": a.copies}  # fmt: skip
    missing += [zh(item) for item, value in wanted.items() if not value]
    _refuse_if(title, missing)
    doc = Document("agreement", title, r.number(), r.header())
    doc.add(*(Para(p.line(), label=f"{p.role}：", indent=False) for p in r.parties))
    doc.add(Heading(zh("纠纷主要事实、争议事项及各方当事人责任")), Para(a.facts))
    doc.add(Para(r.fill("agreement_intro")), Heading(zh("协议内容")), Para(a.terms))
    doc.add(
        Heading(zh("履行方式、时限")),
        Para(zh("{0}，于{1}前履行完毕。", a.performance.rstrip("。，"), day(a.perform_by))),
    )
    doc.add(Para(r.fill("agreement_copies", copies=a.copies)), Para(r.fill("agreement_notice")))
    mediators = "、".join(filter(None, {x.mediators for x in r.sessions})) or r.matter.handler_name or ""
    doc.add(Signatures(tuple(zh("当事人（签名或按指印）{0}", p.name) for p in r.parties)
                       + (zh("人民调解员（签名）{0}", mediators), zh("{0}（印）", r.committee))))  # fmt: skip
    return doc


def oral_agreement(r: Records, a: Agreement) -> Document:
    title = TITLES["oral"]
    _refuse_if(title, ([zh("协议内容")] if not a.terms else []) + ([zh("当事人")] if not r.parties else []))
    doc = Document("oral", title, r.number(), r.header())
    doc.add(Fields((
        (zh("当事人"), "\n".join(p.line() for p in r.parties)),
        (zh("纠纷事实"), a.facts or r.matter.facts), (zh("协议内容"), a.terms),
        (zh("履行方式、时限"), f"{a.performance} {day(a.perform_by)}".strip()),
        (zh("达成日期"), day(a.effective_on or (r.sessions[-1].held_on if r.sessions else None))),
    )))  # fmt: skip
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
    _refuse_if(title, [zh(item) for item, value in wanted.items() if not value])
    doc = Document("record", title, zh("{0}（第{1}次）", r.number(), index + 1), r.header())
    doc.add(Fields((
        (zh("事项"), f"{r.matter.serial} {r.matter.title}"), (zh("调解时间"), day(x.held_on)),
        (zh("调解地点"), x.place), (zh("调解方式"), f"{x.kind}（{LEVEL_LABELS.get(x.level, x.level)}）"),
        (zh("人民调解员"), x.mediators), (zh("参加人员"), x.attendees or r.party_names()),
        (zh("当事人"), r.party_names()),
    )))  # fmt: skip
    doc.add(Heading(zh("调解情况（各方陈述与调解经过）")), Para(x.record))
    doc.add(Fields(((zh("调解结果"), SESSION_OUTCOME_LABELS.get(x.outcome, x.outcome)),)))
    doc.add(Para(r.fill("record_notice")))
    doc.add(Signatures((zh("当事人（签名）"), zh("人民调解员（签名）"), zh("记录人（签名）"))))
    return doc


def dispatch_slip(r: Records, _index: int = 0) -> Document:
    title = TITLES["dispatch"]
    event = r.step_for(title, Action.DISPATCH, zh("交办记录"))
    m = r.matter
    doc = Document("dispatch", title, r.number(), r.fill("header") or r.township)
    doc.add(Fields((
        *r.matter_fields(),
        (zh("交办给"), r.name_of((event.data or {}).get("handler")) or m.handler_name or ""),
        (zh("交办人"), event.actor_name), (zh("交办时间"), minute(event.at)),
        (zh("办理时限"), day(m.due_on)), (zh("时限状态"), r.colour() or zh("未计时")),
        (zh("交办意见"), event.note),
    )))  # fmt: skip
    doc.add(Para(r.fill("dispatch_notice")))
    doc.add(Signatures((zh("交办单位（印）"), zh("签收人（签名）"))))
    return doc


def supervision_slip(r: Records, _index: int = 0) -> Document:
    title = TITLES["supervision"]
    event = r.step_for(title, Action.SUPERVISE, zh("督办记录"))
    m = r.matter
    times = sum(1 for e in r.events if e.action == Action.SUPERVISE)  # this one is the last
    doc = Document(
        "supervision", title, zh("{0}（第{1}次督办）", r.number(), times), r.fill("header") or r.township
    )
    doc.add(Fields((
        *r.matter_fields(),
        (zh("承办单位/承办人"), m.handler_name or ""), (zh("办理时限"), day(m.due_on)),
        (zh("时限状态"), r.colour() or zh("未计时")), (zh("督办原因与要求"), event.note),
        (zh("督办人"), event.actor_name), (zh("督办时间"), minute(event.at)),
        (zh("包案领导"), r.account_name(m.leader_id)),
    )))  # fmt: skip
    doc.add(Para(r.fill("supervision_notice")))
    doc.add(Signatures((zh("督办单位（印）"), zh("承办单位签收人（签名）"))))
    return doc


def _follow_up_table(r: Records) -> Table:
    performed = {True: zh("已履行"), False: zh("未履行"), None: zh("—")}
    return Table(
        (zh("回访日期"), zh("回访人"), zh("协议履行"), zh("满意度"), zh("反弹迹象"), zh("后续措施")),
        tuple(
            (
                day(f.on),
                r.account_name(f.by_id),
                performed[f.performed],
                f.satisfaction,
                zh("有") if f.relapse else zh("无"),
                f.next_step,
            )
            for f in r.follow_ups
        ),  # fmt: skip
    )


def follow_up_record(r: Records, _index: int = 0) -> Document:
    title = TITLES["followup"]
    _refuse_if(title, [zh("回访记录")] if not r.follow_ups else [])
    m = r.matter
    doc = Document("followup", title, r.number(), r.header())
    doc.add(Fields((*r.matter_fields()[:2], (zh("当事人"), r.party_names()),
                    (zh("办结时间"), day(m.closed_at)), (zh("办结结果"), OUTCOME_LABELS.get(m.outcome, m.outcome or "")))))  # fmt: skip
    doc.add(_follow_up_table(r), Para(r.fill("followup_notice")))
    doc.add(Signatures((zh("回访人（签名）"), zh("被回访人（签名）"))))
    return doc


def dossier(r: Records, _index: int = 0) -> Document:
    """One file per closed matter: cover, contents, then every record in the order the work was done."""
    m = r.matter
    title = TITLES["dossier"]
    _refuse_if(title, [zh("办结（事项尚未办结）")] if m.status not in CLOSED else [])
    doc = Document("dossier", title, zh("卷宗号：{0}", m.serial), r.header())
    doc.add(Fields((
        (zh("案由"), m.title), (zh("当事人"), r.party_names()), (zh("承办"), m.handler_name or ""),
        (zh("受理时间"), day(m.reported_at)), (zh("立案时间"), day(m.registered_at)),
        (zh("办结时间"), day(m.closed_at)), (zh("办结结果"), OUTCOME_LABELS.get(m.outcome, m.outcome or "")),
        (zh("归档"), zh("已归档") if m.archived else zh("待归档")),
    )))  # fmt: skip
    sections = [zh("受理登记与立案定级"), zh("流转记录")]
    sections += [zh("调解笔录（第{0}次）", i + 1) for i in range(len(r.sessions))]
    sections += [zh("调解协议")] if r.agreements else []
    sections += [zh("回访记录")] if r.follow_ups else []
    sections += [zh("附件")] if r.files else []
    doc.add(PageBreak(), Heading(zh("卷内目录")),
            Table((zh("序号"), zh("材料名称")), tuple((str(i), s) for i, s in enumerate(sections, 1))))  # fmt: skip
    doc.add(PageBreak(), Heading(f"一、{sections[0]}"))
    doc.add(Fields((*r.matter_fields(), (zh("来源"), m.source + (f"（{m.external_no}）" if m.external_no else "")),
                    (zh("上报时间"), minute(m.reported_at)), (zh("立案定级"), r.grade_label()),
                    (zh("办理时限"), day(m.due_on)))))  # fmt: skip
    doc.add(Heading(f"二、{sections[1]}"), Table(
        (zh("时间"), zh("办理人"), zh("环节"), zh("意见")),
        tuple((minute(e.at), e.actor_name, ACTION_LABELS.get(Action(e.action), e.action) if e.action in set(Action)
               else e.action, e.note) for e in r.events),
    ))  # fmt: skip
    number = 2
    for i in range(len(r.sessions)):
        number += 1
        doc.add(PageBreak(), Heading(f"{_chinese(number)}、{sections[number - 1]}"))
        doc.add(*_inside(session_record(r, i)))
    if r.agreements:
        number += 1
        doc.add(PageBreak(), Heading(f"{_chinese(number)}、{zh('调解协议')}"))
        try:
            doc.add(*_inside(agreement(r)))
        except MissingItems as missing:  # the dossier still files what there is, and says what is not
            a = r.effective_agreement()
            doc.add(
                Fields(
                    (
                        (zh("协议内容"), a.terms),
                        (zh("履行"), a.performance),
                        (zh("缺项"), "、".join(missing.items)),
                    )
                )
            )
    if r.follow_ups:
        number += 1
        doc.add(Heading(f"{_chinese(number)}、{zh('回访记录')}"), _follow_up_table(r))
    if r.files:
        number += 1
        doc.add(PageBreak(), Heading(f"{_chinese(number)}、{zh('附件')}"))
        for f in r.files:
            path = stored_path(r.ws, f.sha256)
            if f.present and f.filename.lower().endswith(IMAGE_SUFFIXES) and path.is_file():
                doc.add(Picture(str(path), f.filename))
            else:
                doc.add(
                    Para(
                        zh(
                            "{0}（{1} 字节{2}）",
                            f.filename,
                            f.size,
                            "" if f.present else zh("，文件尚未同步到本机"),
                        )
                    )
                )
    return doc


def _inside(paper: Document) -> list:
    """A paper filed in the dossier: its own title and number, then its body."""
    return [Heading(f"{paper.title}　{paper.number}"), *paper.blocks]


def _chinese(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


BUILDERS = {"agreement": agreement, "record": session_record, "followup": follow_up_record,
            "dispatch": dispatch_slip, "supervision": supervision_slip, "dossier": dossier}  # fmt: skip
# Papers that carry full ID numbers and phones: only a role that may see them makes them.
PERSONAL = {"agreement", "dossier"}


# ------------------------------------------------------------------------------------------ the use cases


def make(ws: Workspace, matter_id: str, kind: str, index: int = 0) -> Document:
    """One paper of one matter, from its records now; audited."""
    if kind not in BUILDERS:
        raise ServiceError(msg("未知的文书“{0}”（可选：{1}）", kind, "、".join(KINDS)))
    ws.require(Permission.REVEAL_PERSONAL if kind in PERSONAL else Permission.VIEW_MATTERS)
    with ws.tx("document.make", matter_id, doc=kind, index=index) as tx:
        return BUILDERS[kind](Records(ws, tx.session, matter_id), index)


def closed_between(ws: Workspace, start: datetime, end: datetime) -> list[tuple[str, str]]:
    """(id, serial) of the matters this account sees that were closed in [start, end): a month's dossiers."""
    ws.require(Permission.REVEAL_PERSONAL)
    with ws.read() as s:
        rows = s.execute(
            select(Matter.id, Matter.serial)
            .where(visible_clause(viewer_of(ws)), Matter.deleted.is_(False), Matter.status.in_([str(x) for x in CLOSED]),
                   Matter.closed_at >= start, Matter.closed_at < end)
            .order_by(Matter.serial)
        ).all()  # fmt: skip
    return [(r.id, r.serial) for r in rows]


def offers(ws: Workspace, matter_id: str) -> list[Offer]:
    """The papers this matter has the records for, as the window's print menu lists them."""
    ws.require(Permission.VIEW_MATTERS)
    with ws.read() as s:
        r = Records(ws, s, matter_id)
        found = []
        a = r.effective_agreement()
        if a is not None and ws.may(Permission.REVEAL_PERSONAL):
            found.append(Offer("agreement", TITLES["oral" if a.form == "oral" else "agreement"]))
        found += [Offer("record", zh("{0}（第{1}次，{2}）", TITLES["record"], i + 1, day(x.held_on)), i)
                  for i, x in enumerate(r.sessions)]  # fmt: skip
        found += [Offer("dispatch", TITLES["dispatch"])] if r.last_event(Action.DISPATCH) else []
        found += [Offer("supervision", TITLES["supervision"])] if r.last_event(Action.SUPERVISE) else []
        found += [Offer("followup", TITLES["followup"])] if r.follow_ups else []
        if r.matter.status in CLOSED and ws.may(Permission.REVEAL_PERSONAL):
            found.append(Offer("dossier", TITLES["dossier"]))
        return found
