"""审计日志, the auditor's (审计员) screen: the hash chain's verdict at the top (checked when the screen
opens and after every sync, which brings entries of its own), filters from / to / who / what, and the trail
as a paged list, newest first, in an auditor's words (who by name, the action in Chinese, the record as a
person knows it, the change as "字段: 旧 → 新" lines); the raw entry of the selected row under a details
toggle (desktop.services.audit_trail)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.services import audit_trail
from sync.core.domain.issues import Issue, ValidationFailed

from .common import show_error
from .hub import SYNCED
from .paged import Column, PagedModel, table_for
from .plain import plain_label

OK_STYLE = "color: #1B5E20; font-weight: bold; padding: 6px;"
BROKEN_STYLE = "color: white; background: #B00020; font-weight: bold; padding: 6px;"


class AuditPage(QWidget):
    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.chain = plain_label(self.tr("正在校验哈希链…"))
        self.chain.setWordWrap(True)
        self.check: audit_trail.ChainCheck | None = None
        self.start, self.end, self.who, self.what = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.start.setPlaceholderText(self.tr("从（YYYY-MM-DD）"))
        self.end.setPlaceholderText(self.tr("至（YYYY-MM-DD）"))
        self.who.setPlaceholderText(self.tr("操作人姓名或账号"))
        self.what.setPlaceholderText(self.tr("操作或对象，如 login、account.disable"))
        apply = QPushButton(self.tr("筛选"))
        apply.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("校验哈希链"))
        verify.clicked.connect(self.verify)
        for box in (self.start, self.end, self.who, self.what):
            box.returnPressed.connect(self.refresh)
        columns = [
            Column(self.tr("序号"), lambda r: r.id),
            Column(self.tr("时间"), lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}"),
            Column(self.tr("操作人"), lambda r: r.who or r.account),
            Column(self.tr("操作"), lambda r: r.action_label or r.action, widest=8),
            Column(self.tr("对象"), lambda r: r.target_label or r.target, widest=12),
            Column(self.tr("变更"), lambda r: "\n".join(r.changes), widest=20),
            Column(self.tr("设备"), lambda r: r.device[:8]),
        ]
        self.filter = audit_trail.AuditFilter()
        self.model = PagedModel(worker, columns, self._fetcher(self.filter), self)
        self.model.failed.connect(lambda e: show_error(self, e))
        self.model.loaded.connect(lambda total: self.count.setText(self.tr("共 {0} 条").format(total)))
        self.table = table_for(self.model, self.tr("没有符合条件的审计记录。"))
        self.count = plain_label()
        # the entry as stored (action, target, detail as JSON, device), for the selected row
        self.details = QPushButton(self.tr("显示原始记录"))
        self.details.setCheckable(True)
        self.details.toggled.connect(self._show_raw)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setVisible(False)
        self.raw.setMaximumHeight(160)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_raw(self.details.isChecked())
        )
        filters = QHBoxLayout()
        for widget in (self.start, self.end, self.who, self.what, apply, verify, self.details):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.raw)
        layout.addWidget(self.count)
        # A sync brings entries (its own at least): the chain is checked again and the list read again.
        worker.hub.subscribe(self, {SYNCED}, lambda _changes: (self.verify(), self.model.reload()))
        self.verify()
        self.model.reload()

    def _show_raw(self, shown: bool) -> None:
        row = self.model.row_at(self.table.currentIndex())
        self.raw.setVisible(shown)
        if row is None:
            self.raw.setPlainText(self.tr("请在上表中选择一条记录"))
            return
        self.raw.setPlainText(row.raw)

    def _fetcher(self, wanted: audit_trail.AuditFilter):
        return lambda offset, limit: audit_trail.read(self.ws, wanted, offset, limit)

    def _day(self, box: QLineEdit, field: str) -> date | None:
        text = box.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationFailed(
                [Issue(field, self.tr("日期“{0}”应写作 YYYY-MM-DD").format(text))]
            ) from None

    def refresh(self) -> None:
        try:
            wanted = audit_trail.AuditFilter(
                self._day(self.start, self.tr("从")),
                self._day(self.end, self.tr("至")),
                self.who.text().strip(),
                self.what.text().strip(),
            )
            audit_trail.check_filter(wanted)
        except ValidationFailed as exc:
            show_error(self, exc)
            return
        self.filter = wanted
        self.model.reload(self._fetcher(wanted))

    def verify(self) -> None:
        self.worker.submit(
            lambda: audit_trail.check_chain(self.ws), self._verified, lambda e: show_error(self, e)
        )

    def _verified(self, check: audit_trail.ChainCheck) -> None:
        self.check = check
        if check.ok:
            self.chain.setText(self.tr("✔ 哈希链完好：共 {0} 条记录，未发现改动").format(check.entries))
            self.chain.setStyleSheet(OK_STYLE)
        else:
            self.chain.setText(
                self.tr(
                    "✘ 哈希链校验失败：第 {0} 条记录起的日志可能被改动或删除，请保全本机数据并报告"
                ).format(check.broken_at)
            )
            self.chain.setStyleSheet(BROKEN_STYLE)
