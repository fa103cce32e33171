"""A matter: facts and parties, the timeline, sessions, agreement, follow-ups and attachments, and exactly the
lifecycle steps this account may take now."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services import attachments, documents, matter_detail
from sync.core.domain import confirmation
from sync.core.domain.lifecycle import (
    ACTION_LABELS,
    LEVEL_LABELS,
    OUTCOME_LABELS,
    PETITION_OUTCOME_LABELS,
    SESSION_OUTCOME_LABELS,
    STATUS_LABELS,
    Action,
    action_label,
)
from sync.core.domain.petitions import STAGE_LABELS as PETITION_STAGE_LABELS
from sync.core.domain.risk import RISK_LABELS
from sync.core.domain.roles import Permission

from .actions import ActionDialog, AmendAgreementDialog, starting_values
from .common import COLOURS, FlowLayout, heading, say, show_error, stars, when
from .labels import label
from .papers import PaperDialog, PartyDialog
from .plain import escaped as e
from .plain import plain_label
from .worker import DbWorker

# A matter on screen reads itself again when any of these changes (a sync brings them under "sync").
MATTER_KINDS = {
    "matters",
    "parties",
    "events",
    "mediation_sessions",
    "investigations",
    "agreements",
    "follow_ups",
    "attachments",
    "conflicts",
}
# Lists of matters read again when a matter or its parties change.
LIST_KINDS = {"matters", "parties"}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")


class MatterView(QWidget):
    def __init__(self, ws, worker: DbWorker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.detail = None
        self.amendable = None
        self.title = heading(self.tr("请选择一件事项"))
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # A risk registered below its signals': who lowered it and why (plain text), until a leader confirms.
        self.lowered = plain_label()
        self.lowered.setWordWrap(True)
        self.lowered.setStyleSheet("color: #A05A00")
        self.lowered.hide()
        button_box = QWidget()
        self.buttons = FlowLayout(
            button_box
        )  # wraps: every step stays visible, the window never outgrows the screen
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        button_box.setSizePolicy(policy)
        self.papers = QPushButton(self.tr("打印文书"))
        self.papers.setMenu(QMenu(self.papers))
        self.papers.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(button_box, 1)
        top.addWidget(self.papers)
        self.tabs = QTabWidget()
        self.facts = QTextBrowser()
        self.facts.setOpenLinks(False)  # a link marks this matter as a repeat of the one it names
        self.facts.anchorClicked.connect(self._link)
        self.timeline = QListWidget()
        self.mediation = QTextBrowser()
        self.follow_ups = QTextBrowser()
        self.files = QListWidget()
        self.files.setViewMode(QListWidget.ViewMode.IconMode)
        self.files.setIconSize(QSize(96, 96))
        self.files.setResizeMode(QListWidget.ResizeMode.Adjust)
        add_file = QPushButton(self.tr("添加照片或扫描件…"))
        add_file.clicked.connect(self._add_file)
        files_page = QWidget()
        files_layout = QVBoxLayout(files_page)
        files_layout.addWidget(self.files)
        files_layout.addWidget(add_file)
        self.tabs.addTab(self.facts, self.tr("基本情况"))
        self.tabs.addTab(self.timeline, self.tr("流转记录"))
        # 变更协议 of the signed agreement in effect: the parties re-sign a changed one, the old one stays.
        self.amend = QPushButton(self.tr("变更协议…"))
        self.amend.clicked.connect(lambda: self.open_amendment())
        self.amend.hide()
        mediation_page = QWidget()
        mediation_layout = QVBoxLayout(mediation_page)
        mediation_layout.setContentsMargins(0, 0, 0, 0)
        # Above the records, not under them: the records grow, and a short screen (125 %) cut the button off
        # below the panel's edge (review).
        amend_row = QHBoxLayout()
        amend_row.addStretch(1)
        amend_row.addWidget(self.amend)
        mediation_layout.addLayout(amend_row)
        mediation_layout.addWidget(self.mediation)
        self.tabs.addTab(mediation_page, self.tr("调解与协议"))
        self.tabs.addTab(self.follow_ups, self.tr("回访"))
        self.tabs.addTab(files_page, self.tr("附件"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.lowered)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        worker.hub.subscribe(self, MATTER_KINDS, lambda _changes: self._reread())

    def _reread(self) -> None:
        if self.detail is not None:
            self.show_matter(self.detail.id)

    def show_matter(self, matter_id: str) -> None:
        self.worker.submit(
            lambda: matter_detail.matter_detail(self.ws, matter_id), self._show, lambda e: show_error(self, e)
        )
        self.worker.submit(lambda: documents.offers(self.ws, matter_id), self._offer_papers)

    def _offer_papers(self, offers) -> None:
        menu = self.papers.menu()
        menu.clear()
        for offer in offers:
            menu.addAction(offer.title, lambda o=offer: self.open_paper(o))
        self.papers.setEnabled(bool(offers))
        self.offers = offers

    def open_paper(self, offer) -> PaperDialog:
        dialog = PaperDialog(self.ws, self.worker, self.detail.id, offer, self)
        dialog.open()
        return dialog

    def edit_party(self, party_id: str) -> PartyDialog:
        dialog = PartyDialog(self.ws, self.worker, party_id, self)
        dialog.open()
        return dialog

    def _show(self, d) -> None:
        self.detail = d
        w = {  # words of the HTML below (lupdate does not read inside f-strings)
            "facts": self.tr("事实经过"),
            "when_where": self.tr("发生时间地点"),
            "parties": self.tr("当事人"),
            "people": self.tr("涉及人数"),
            "amount": self.tr("涉及金额"),
            "yuan": self.tr("元"),
            "effective": self.tr("生效"),
            "confirm_by": self.tr("司法确认申请截止"),
            "facts_duty": self.tr("事实与责任"),
            "terms": self.tr("协议内容"),
            "performance": self.tr("履行"),
            "sessions": self.tr("调解记录"),
            "investigations": self.tr("调查记录"),
            "agreements": self.tr("调解协议"),
            "relapse": self.tr("有反弹迹象"),
            "outcome": self.tr("办结结果"),
            "written": self.tr("书面协议"),
            "oral": self.tr("口头协议"),
            "not_effective": self.tr("未生效"),
            "replaced": self.tr("已被变更协议取代"),
            "applied": self.tr("已向{0}申请司法确认（{1}）"),
            "decided": self.tr("司法确认：{0}，{1}（{2}）"),
        }
        kind = self.tr("信访事项") if d.kind == "petition" else self.tr("矛盾纠纷")
        self.title.setText(f"{d.serial}　{d.title}")
        colour = COLOURS.get(d.colour)
        # every value of the record below is escaped: the HTML is ours, the values are data (desktop.ui.plain)
        deadline = e(when(d.due_on)) + (f"（{e(label(d.colour_label))}）" if d.colour_label else "")
        badge = (
            f"<span style='background:{colour.name()}'>&nbsp;{deadline}&nbsp;</span>" if colour else deadline
        )
        if d.calendar_note:  # counted Monday to Friday through a year whose holidays are not entered
            badge += f"<br><span style='color:#A05A00'>{e(say(d.calendar_note))}</span>"
        facts = [  # label, value: three to a line, so the header reads as a card, not a run-on sentence
            (self.tr("状态"), f"<b>{e(label(STATUS_LABELS.get(d.status, d.status)))}</b> {stars(d.grade)}"),
            (self.tr("期限"), badge or "—"),
            (self.tr("承办"), e(d.handler_name) or "—"),
            (self.tr("类型"), kind),
            (self.tr("风险"), e(label(RISK_LABELS.get(d.risk, d.risk)))),
            (self.tr("层级"), e(label(LEVEL_LABELS.get(d.level, d.level)))),
            (self.tr("来源"), e(label(d.source))),
            (self.tr("类别"), e(label(d.category)) or "—"),
            (self.tr("村/网格"), f"{e(d.village)} {e(d.grid)}"),
        ]
        cells = [f"<td style='color:#666'>{name}</td><td>{value}&nbsp;&nbsp;</td>" for name, value in facts]
        lines = ["<tr>" + "".join(cells[i : i + 3]) + "</tr>" for i in range(0, len(cells), 3)]
        self.summary.setText(
            f"<table cellspacing='0' cellpadding='1'>{''.join(lines)}</table>"
            + self._oversight(d)
            + self._petition(d)
        )
        self.lowered.setText(self.lowered_line(d.lowered) if d.lowered else "")
        self.lowered.setVisible(d.lowered is not None)
        self._buttons(d.actions)
        complete = self.tr("补充信息") if self.ws.may(Permission.REVEAL_PERSONAL) else ""
        parties = "".join(
            f"<li>{e(label(p.role))}：{e(p.name)}　{e(p.id_number)}　{e(p.phone)}"
            + (f"　<a href='party:{e(p.id)}'>{complete}</a>" if complete else "")
            + "</li>"
            for p in d.parties
        )
        self.facts.setHtml(
            f"<p><b>{w['facts']}</b><br>{e(d.facts) or '—'}</p><p><b>{w['when_where']}</b><br>"
            f"{when(d.occurred_at)} {e(d.place)}</p><p><b>{w['parties']}</b></p><ul>{parties}</ul>"
            f"<p>{w['people']}：{e(d.people_count)}　{w['amount']}：{d.amount:,.0f} {w['yuan']}</p>"
            + self._repeats(d)
        )
        self.timeline.clear()
        for event in d.events:
            step = label(ACTION_LABELS[Action(event.action)]) if event.action in set(Action) else event.action
            note = f"：{event.note}" if event.note else ""
            # whom it went to and by when, not the bare step's name (review 3)
            if event.given_to:
                step += self.tr("（交{0}）").format(event.given_to)
            days = (event.data or {}).get("days") if event.action == Action.REFER_DOWN else None
            if isinstance(days, int) and not isinstance(days, bool):
                step += self.tr("（落实期限{0}天）").format(days)
            self.timeline.addItem(f"{when(event.at)}　{event.actor}　{step}{note}")  # a list item: plain text
        sessions = "".join(
            f"<li>{when(x.held_on)} {e(x.kind)}（{e(label(LEVEL_LABELS.get(x.level, x.level)))}）："
            f"{e(label(SESSION_OUTCOME_LABELS.get(x.outcome, x.outcome)))}<br>{e(x.record)}</li>"
            for x in d.sessions
        )
        agreements = "".join(
            f"<li>{w['written'] if a.form == 'written' else w['oral']}　"
            f"{w['effective']}：{when(a.effective_on) or w['not_effective']}"
            f"　{w['confirm_by']}：{when(a.confirmation_due) or '—'}<br>{w['parties']}：{e(a.parties)}<br>"
            f"{w['facts_duty']}：{e(a.facts)}<br>{w['terms']}：{e(a.terms)}<br>"
            f"{w['performance']}：{e(a.performance)} {when(a.perform_by)}"
            + self._confirmation_line(a, w)
            + "</li>"
            for a in d.agreements
        )
        self.amendable = self._amendable(d)
        self.amend.setVisible(self.amendable is not None)
        # 调查记录 first: what was established (a measurement, a site visit) before the sessions
        found = "".join(
            f"<li>{when(x.held_on)} {e(x.investigators)}　{e(x.place)}　{e(x.subject)}"
            f"<br>{e(x.findings)}</li>"
            for x in d.investigations
        )
        found = f"<p><b>{w['investigations']}</b></p><ol>{found}</ol>" if found else ""
        self.mediation.setHtml(
            found
            + f"<p><b>{w['sessions']}</b></p><ol>{sessions}</ol>"
            + f"<p><b>{w['agreements']}</b></p><ul>{agreements}</ul>"
        )
        outcomes = PETITION_OUTCOME_LABELS if d.kind == "petition" else OUTCOME_LABELS
        outcome = e(label(outcomes.get(d.outcome, d.outcome))) if d.outcome else "—"
        follow = "".join(
            f"<li>{when(f.on)}　{e(f.satisfaction)}"
            + (f"　{w['relapse']}" if f.relapse else "")
            + f"　{e(f.next_step)}</li>"
            for f in d.follow_ups
        )
        self.follow_ups.setHtml(f"<p>{w['outcome']}：{outcome}</p><ul>{follow}</ul>")
        self.files.clear()
        for a in d.attachments:
            item = QListWidgetItem(a.filename)
            if a.present and a.filename.lower().endswith(IMAGE_SUFFIXES):
                pixmap = QPixmap()
                pixmap.loadFromData(attachments.read_bytes(self.ws, a.sha256))  # sealed on disk
                item.setIcon(QIcon(pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio)))
            elif not a.present:
                item.setText(self.tr("{0}（等待同步）").format(a.filename))
            self.files.addItem(item)

    def _confirmation_line(self, a, w) -> str:
        """What became of the agreement: replaced by a 变更协议, applied for and decided by a court."""
        lines = [w["replaced"]] if a.replaced else []
        if a.result:
            result = label(confirmation.RESULTS.get(a.result, a.result))
            lines.append(
                w["decided"].format(e(a.court), e(result), e(a.document_no)) + " " + when(a.decided_on)
            )
        elif a.applied_on:
            lines.append(w["applied"].format(e(a.court), when(a.applied_on)))
        return "".join(f"<br><span style='color:#555'>{line}</span>" for line in lines)

    @staticmethod
    def _amendable(d):
        """The signed agreement a 变更协议 may change: signed by the parties, not yet replaced (the newest),
        when this account may record an agreement on the matter now."""
        if Action.RECORD_AGREEMENT not in d.actions:
            return None
        signed = [a for a in d.agreements if a.signed_by_parties and not a.replaced and a.id]
        return signed[-1] if signed else None

    def open_amendment(self) -> QDialog | None:
        if self.detail is None or self.amendable is None:
            return None
        dialog = AmendAgreementDialog(self.ws, self.worker, self.detail.id, self.amendable, self.places, self)
        dialog.open()
        return dialog

    def lowered_line(self, lowered) -> str:
        """ "风险等级由 X 降为 Y（张三：理由），待领导确认": plain text, the name and reason are data."""
        return self.tr("风险等级由 {0} 降为 {1}（{2}：{3}），待领导确认").format(
            label(RISK_LABELS.get(lowered.signalled, lowered.signalled)),
            label(RISK_LABELS.get(lowered.chosen, lowered.chosen)),
            lowered.by,
            lowered.reason,
        )

    def _oversight(self, d) -> str:
        """督办, 包案, the hotline order and the filed dossier: what a leader looks for first, on one line."""
        parts = []
        if d.supervised:
            due = self.tr("，待超期说明") if d.explanation_due else ""
            parts.append(
                "<span style='background:#FFE0C2'>&nbsp;"
                + self.tr("督办{0}次").format(d.supervised)
                + due
                + "&nbsp;</span>"
            )
        if d.leader_name:
            parts.append(self.tr("包案领导：{0}").format(e(d.leader_name)))
        if d.external_no:
            parts.append(self.tr("外部工单号：{0}").format(e(d.external_no)))
        if d.archived:
            parts.append(self.tr("卷宗已归档"))
        if d.referral:
            parts.append(self.referral_line(d.referral))
        return "<br>" + "　".join(parts) if parts else ""

    def referral_line(self, r) -> str:
        """三调联动: who sent it under which number, by when, and what went back to them."""
        received = self.tr("收到 {0}，期限 {1}").format(when(r.received_on), when(r.due_on) or "—")
        line = f"<b>{e(label(r.kind))}</b> {e(label(r.number_label))}：{e(r.number)}　{e(r.body)}　{received}"
        if r.result:
            line += "　" + self.tr("已反馈：{0}（{1}，{2}）").format(
                e(label(r.result)), when(r.result_on), e(label(r.paper))
            )
        else:
            line += "　" + self.tr("尚未反馈结果")
        return line

    def _petition(self, d) -> str:
        """信访: the stage after the reply, the 代办人, and each window of the regulation with its due date,
        coloured while the office's runs (as a dispute's deadline is), marked 逾期 when met late."""
        if d.kind != "petition":
            return ""
        parts = []
        if d.petition_stage:
            stage = PETITION_STAGE_LABELS.get(d.petition_stage, d.petition_stage)
            parts.append(self.tr("信访阶段：{0}").format(e(label(stage))))
        if d.proxy_name:
            parts.append(self.tr("代办人：{0}（信访代办）").format(e(d.proxy_name)))
        rows = []
        for w in d.petition_windows:
            due = self.tr("{0} 起，{1} 前").format(when(w.start), when(w.due))
            if w.met_on is not None:
                met = self.tr("{0} 已办（逾期）") if w.late else self.tr("{0} 已办")
                state = met.format(when(w.met_on))
            elif w.for_petitioner:
                state = self.tr("待信访人提出")
            else:
                state = e(label(w.colour_label))
            colour = COLOURS.get(w.colour) or (COLOURS["red"] if w.late else None)
            shown = (
                f"<span style='background:{colour.name()}'>&nbsp;{state}&nbsp;</span>" if colour else state
            )
            rows.append(
                f"<tr><td>{e(say(w.label))}&nbsp;&nbsp;</td><td>{due}&nbsp;&nbsp;</td><td>{shown}</td></tr>"
            )
        table = f"<table cellspacing='0' cellpadding='1'>{''.join(rows)}</table>" if rows else ""
        return ("<br>" + "　".join(parts) if parts else "") + table

    def _repeats(self, d) -> str:
        html = ""
        if d.repeat_of:
            html += "<p><b>" + self.tr("主工单") + f"</b>：{e(d.repeat_of)}</p>"
        if d.repeats:
            html += "<p><b>" + self.tr("重复件") + f"</b>：{e('、'.join(d.repeats))}</p>"
        if d.closing_reply:
            html += "<p><b>" + self.tr("销号回复") + f"</b><br>{e(d.closing_reply)}</p>"
        if d.possible_repeats:
            may_mark = Action.MARK_REPEAT in d.actions
            mark = self.tr("标为其重复件")
            rows = "".join(
                f"<li>{e(c.serial)} {e(c.title)}（{e(label(c.status))}）— {e(say(c.reason))}"
                + (f"　<a href='repeat:{e(c.serial)}'>{mark}</a>" if may_mark else "")
                + "</li>"
                for c in d.possible_repeats
            )
            html += "<p><b>" + self.tr("可能的重复工单") + f"</b></p><ul>{rows}</ul>"
        return html

    def _link(self, url) -> None:
        if url.scheme() == "party":
            self.edit_party(url.path())
        if url.scheme() == "repeat" and self.detail is not None:
            dialog = self.open_action(Action.MARK_REPEAT)
            dialog.set_value("primary_serial", url.path())
            dialog.set_value("note", self.tr("与 {0} 为同一诉求").format(url.path()))

    def _buttons(self, actions) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons = {}
        first = self.detail.escalate_after if self.detail is not None else None
        for action in actions:
            button = QPushButton(label(action_label(action, self.detail.kind if self.detail else None)))
            button.clicked.connect(lambda _=False, a=action: self.open_action(a))
            self.buttons.addWidget(button)
            self.action_buttons[action] = button
            if action == first:  # 提级 one step away: greyed beside the step that opens it (review)
                self.buttons.addWidget(self._escalate_later(first))
        if not actions and self.detail is not None and self.detail.tier_note:
            # the other tier's matter: why there is nothing to do here (review: the buttons just vanished)
            note = plain_label(say(self.detail.tier_note))
            note.setObjectName("tierNote")
            note.setWordWrap(True)
            self.buttons.addWidget(note)

    def _escalate_later(self, first: Action) -> QPushButton:
        later = QPushButton(label(action_label(Action.ESCALATE)))
        later.setObjectName("escalateLater")
        later.setEnabled(False)
        later.setToolTip(
            self.tr("须先{0}，之后可提级报送{1}").format(
                label(action_label(first)), label(LEVEL_LABELS.get(self.detail.escalate_to, ""))
            )
        )
        return later

    def open_action(self, action: Action) -> QDialog:
        dialog = ActionDialog(
            self.ws,
            self.worker,
            self.detail.id,
            action,
            self.places,
            parent=self,
            start=starting_values(action, self.detail, self.places),
            kind=self.detail.kind,
            escalate_to=self.detail.escalate_to,
            refer_to=self.detail.refer_to,
        )
        dialog.open()
        return dialog

    def _add_file(self) -> None:
        if not self.detail:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("添加附件"), "", self.tr("图片和扫描件 (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)")
        )
        for name in names:
            self.add_file(name)

    def add_file(self, name: str) -> None:
        matter_id = self.detail.id
        self.worker.submit(
            lambda: attachments.add_attachment(self.ws, "matter", matter_id, name),
            None,
            lambda e: show_error(self, e),
        )


class MatterDialog(QDialog):
    """A matter in a window of its own, opened from the ledger, a household card or the work desk."""

    def __init__(self, ws, worker, places, matter_id: str, parent=None):
        super().__init__(parent)
        # Closed means gone: a closed window must not keep re-reading its matter on every change.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("事项详情"))
        self.view = MatterView(ws, worker, places, self)
        layout = QGridLayout(self)
        layout.addWidget(self.view)
        self.resize(900, 640)
        self.view.show_matter(matter_id)
