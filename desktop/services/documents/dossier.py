"""The closed matter's 卷宗, as a 人民调解 file is archived: 封面, 卷内目录, then the materials in their
archive order — 人民调解申请书 (or 口头申请记录), 受理登记表, 调查记录, 调解记录, 调解协议书 (every
version, a replaced one marked), 回访记录, the 流转记录 and attachments — and the 卷内备考表 last. A
信访事项's file is titled as one and holds its own papers (受理告知书, 书面答复意见书, 复查 and 复核意见书 …)
after its 受理登记表.

The materials' pages are numbered from the first material to the last (the cover, the contents and the 备考表
carry no number, as archives number a file); the contents give each material's pages and the 备考表 their
count. The pages are the laid-out paper's own: whoever lays the paper out fills them in (`Document.pages`)."""

from __future__ import annotations

from desktop.store.models import Event
from sync.core.domain.lifecycle import ACTION_LABELS, Action

from ..attachments import read_bytes, stored_path
from ..document_layout import (
    Block,
    Contents,
    Document,
    Fields,
    Heading,
    PageBreak,
    PageTotal,
    Para,
    Picture,
    Signatures,
    Table,
    zh,
)
from . import petition_papers
from .papers import IMAGE_SUFFIXES, _follow_up_table, _outcome, agreement, session_record
from .records import CLOSED, TITLES, MissingItems, Records, day, minute, refuse_if

PETITION_TITLE = "信访事项办理卷宗"
# A written application arrives on paper (a letter, the web); anything else was told, and is recorded.
WRITTEN_SOURCES = ("来信", "网上", "书面")


def _event(r: Records, action: Action) -> Event | None:
    return r.last_event(action)


def retention(r: Records) -> str:
    """保管期限 by the matter's grade (the township's wording, 设置 → 文书模板)."""
    grade = r.matter.grade or 1
    key = f"retention_{min(max(grade, 1), 3)}"
    return r.t.get(key, "")


class _Parts:
    """The dossier's materials as they are added: each begins a page, with its mark and its contents row."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.rows: list[tuple[str, str, str]] = []

    def begin(self, mark: str, title: str, on: str = "") -> None:
        if not self.rows:
            self.doc.numbered_from = mark
        self.rows.append((mark, title, on))
        self.doc.add(PageBreak(), Heading(title, mark=mark))


def dossier(r: Records, _index: int = 0) -> Document:
    """One file per closed matter, in the archive order, page-numbered once laid out."""
    m = r.matter
    title = TITLES["dossier"]
    refuse_if(title, [zh("办结（事项尚未办结）")] if m.status not in CLOSED else [])
    filed = _event(r, Action.ARCHIVE)
    filed_by = filed.actor_name if filed else r.account_name(r.ws.actor.account_id)
    filed_on = day(filed.at) if filed else day(r.ws.now())
    checked = _event(r, Action.CHECK)
    petition = m.kind == "petition"
    if petition:  # filed by the office that issued its papers, not a mediation committee
        title = PETITION_TITLE
    issuer = r.fill("petition_office") if petition else r.committee
    doc = Document("dossier", title, zh("卷宗号：{0}", m.serial), issuer)
    doc.add(
        Fields(
            (
                (zh("信访事项") if petition else zh("案由"), m.title),
                (zh("信访人") if petition else zh("当事人"), r.party_names()),
                (zh("承办单位/承办人") if petition else zh("调解员"), r.mediators() or m.handler_name or ""),
                (zh("受理日期"), day(m.registered_at or m.reported_at)),
                (zh("答复日期") if petition else zh("结案日期"), day(m.closed_at)),
                (zh("办理结果") if petition else zh("调解结果"), _outcome(r)),
                (zh("立卷人"), filed_by),
                (zh("立卷日期"), filed_on),
                (zh("保管期限"), retention(r)),
            )
        )
    )
    contents_at = len(doc.blocks) + 2  # after the page break and the heading below
    doc.add(PageBreak(), Heading(zh("卷内目录")))
    parts = _Parts(doc)
    _application(r, parts)
    _register(r, parts)
    if petition:
        _petition_papers(r, parts)
    for i, found in enumerate(r.investigations):
        parts.begin(f"investigation-{i}", zh("调查记录（第{0}次）", i + 1), day(found.held_on))
        doc.add(*_investigation(r, i))
    for i, x in enumerate(r.sessions):
        parts.begin(f"session-{i}", zh("调解记录（第{0}次）", i + 1), day(x.held_on))
        doc.add(*_inside(session_record(r, i)))
    _agreements(r, parts)
    if r.follow_ups:
        parts.begin("followup", TITLES["followup"], day(r.follow_ups[-1].on))
        doc.add(_follow_up_table(r))
    parts.begin("history", zh("流转记录（交办、督办、超期说明等）"), day(m.closed_at))
    steps = tuple((minute(e.at), e.actor_name, _action_label(e.action), e.note) for e in r.events)
    doc.add(Table((zh("时间"), zh("办理人"), zh("环节"), zh("意见")), steps))
    if r.files:
        parts.begin("files", zh("附件"))
        doc.add(*_files(r))
    doc.blocks.insert(contents_at, Contents(tuple(parts.rows)))
    doc.numbered_until = "remarks"
    doc.add(PageBreak(), Heading(zh("卷内备考表"), mark="remarks"))
    doc.add(
        PageTotal(zh("本卷共有文件材料{0}页（封面、卷内目录、备考表不编页号）。"), label=zh("本卷情况说明："))
    )
    doc.add(
        Fields(
            (
                (zh("说明"), _remarks(r)),
                (zh("立卷人"), filed_by),
                (zh("检查人"), checked.actor_name if checked else ""),
                (zh("立卷时间"), filed_on),
            )
        )
    )
    doc.add(Signatures((zh("立卷人（签名）"), zh("检查人（签名）"))))
    return doc


def _petition_papers(r: Records, parts: _Parts) -> None:
    """A petition's own papers, each as issued (petition_papers), in the order their steps came; one that
    cannot be made still has its place, saying what it lacks."""
    for kind, name in petition_papers.offered(r):
        step = r.last_event(petition_papers.STEPS[kind])
        parts.begin(kind, name, day(step.at) if step is not None else "")
        try:
            parts.doc.add(*_inside(petition_papers.BUILDERS[kind](r, 0)))
        except MissingItems as missing:
            parts.doc.add(Fields(((zh("缺项"), "、".join(missing.items)),)))


def _application(r: Records, parts: _Parts) -> None:
    """人民调解申请书 when the application came on paper, else 口头申请记录 made from the report (a
    petition's: 信访件 or 来访（来电）登记)."""
    m = r.matter
    written = any(word in (m.source or "") for word in WRITTEN_SOURCES)
    title = zh("人民调解申请书") if written else zh("口头申请记录")
    if m.kind == "petition":
        title = zh("信访件") if written else zh("信访事项登记（来访、来电）")
    parts.begin("application", title, day(m.reported_at))
    shown = [p for p in r.parties if not r.hides(p.role)]
    rows = [(p.role, p.line()) for p in shown]
    rows += [
        (zh("申请事项及理由"), m.facts or m.title),
        (zh("申请方式"), (m.source or "") + (f"（{m.external_no}）" if m.external_no else "")),
        (zh("申请时间"), minute(m.reported_at)),
    ]
    if not written:
        rows.append((zh("记录人"), r.account_name(m.reported_by)))
    parts.doc.add(Fields(tuple(rows)))
    signer = zh("申请人（签名或按指印）") if written else zh("申请人确认（签名或按指印）")
    parts.doc.add(Signatures((signer,) + (() if written else (zh("记录人（签名）"),))))


def _register(r: Records, parts: _Parts) -> None:
    """受理登记表: the matter as registered, who took it in, graded and dispatched it."""
    m = r.matter
    registered = _event(r, Action.REGISTER)
    name = zh("信访事项受理登记表") if m.kind == "petition" else zh("人民调解受理登记表")
    parts.begin("register", name, day(m.registered_at))
    parts.doc.add(
        Fields(
            (
                *r.matter_fields(),
                (zh("来源"), (m.source or "") + (f"（{m.external_no}）" if m.external_no else "")),
                (zh("登记时间"), minute(m.reported_at)),
                (zh("受理时间"), minute(m.registered_at)),
                (zh("受理人"), registered.actor_name if registered else ""),
                (zh("立案定级"), r.grade_label()),
                (zh("承办单位/承办人"), m.handler_name or ""),
                (zh("办理时限"), day(m.due_on)),
            )
        )
    )


def _investigation(r: Records, i: int) -> list[Block]:
    x = r.investigations[i]
    return [
        Fields(
            (
                (zh("调查时间"), day(x.held_on)),
                (zh("调查地点"), x.place),
                (zh("调查人"), x.investigators),
                (zh("被调查人或在场人"), x.present),
                (zh("调查事项"), x.subject),
                (zh("录入人"), r.account_name(x.by_id)),
            )
        ),
        Heading(zh("调查情况")),
        Para(x.findings),
        Signatures((zh("调查人（签名）"), zh("被调查人（签名）"))),
    ]


def _agreements(r: Records, parts: _Parts) -> None:
    """Every version of the agreement, newest last as they were signed: a replaced one says so."""
    versions = r.versions()
    for n, index in enumerate(reversed(range(len(versions))), 1):
        a = versions[index]
        name = TITLES["oral" if a.form == "oral" else "agreement"]
        if len(versions) > 1:
            name = zh("{0}（第{1}版{2}）", name, n, "，现行" if index == 0 else "，已变更")
        parts.begin(f"agreement-{n}", name, day(a.effective_on))
        try:
            parts.doc.add(*_inside(agreement(r, index)))
        except MissingItems as missing:  # the dossier still files what there is, and says what is not
            parts.doc.add(
                Fields(
                    (
                        (zh("协议内容"), a.terms),
                        (zh("履行"), a.performance),
                        (zh("缺项"), "、".join(missing.items)),
                    )
                )
            )


def _files(r: Records) -> list[Block]:
    found: list[Block] = []
    for f in r.files:
        path = stored_path(r.ws, f.sha256)
        if f.present and f.filename.lower().endswith(IMAGE_SUFFIXES) and path.is_file():
            found.append(Picture(str(path), f.filename, read_bytes(r.ws, f.sha256)))
        else:
            away = "" if f.present else zh("，文件尚未同步到本机")
            found.append(Para(zh("{0}（{1} 字节{2}）", f.filename, f.size, away)))
    return found


def _remarks(r: Records) -> str:
    notes = []
    replaced = len(r.versions()) - 1
    if replaced > 0:
        notes.append(zh("调解协议经变更，已变更的{0}份存档备查", replaced))
    if any(not f.present for f in r.files):
        notes.append(zh("部分附件尚未同步到本机"))
    if not r.matter.archived:
        notes.append(zh("尚未办理归档"))
    return "；".join(notes) or zh("无")


def _inside(paper: Document) -> list[Block]:
    """A paper filed in the dossier: its number, then its body (its title is the part's heading)."""
    return [Para(paper.number, indent=False), *paper.blocks]


def _action_label(action: str) -> str:
    return ACTION_LABELS.get(Action(action), action) if action in set(Action) else action
