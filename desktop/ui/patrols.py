"""巡查: the patrols of places that are no household, latest first; a new entry, a photo added to one, and a
matter reported from one as from a visit (工作 → 巡查记录)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.services import attachments, patrols
from desktop.services.patrols import PatrolInput
from sync.core.domain import patrols as rules
from sync.core.domain.roles import Permission

from .common import read_only_table, show_error, when
from .forms import FormDialog
from .labels import label
from .plain import plain_label

KINDS = {"patrols", "attachments", "matters"}


class PatrolDialog(FormDialog):
    """One patrol: where (village, grid, the place and its kind), when, what was seen."""

    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.setWindowTitle(self.tr("记录巡查"))
        self.ask_before_discarding = True
        self.village = QComboBox()
        mine = ws.actor.scope.kind != "grid"  # a grid worker's villages are those of their grids
        for v in places.villages:
            if mine or any(g.parent_id == v.id for g in places.grids):
                self.village.addItem(v.name, v.id)
        self.grid = QComboBox()
        self.village.currentIndexChanged.connect(self._grids)
        self._grids()
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("如：村东公路桥、某某小区建筑工地、河堤北段"))
        self.kind = QComboBox()
        for k in rules.PLACE_KINDS:
            self.kind.addItem(label(k), k)
        now = ws.now()
        self.at = QDateTimeEdit(QDateTime.fromString(now.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm"))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.seen = QPlainTextEdit()
        self.seen.setFixedHeight(110)
        self.follow_up = QCheckBox(self.tr("需要跟进"))
        self.form.add(self.tr("村（社区）"), self.village)
        self.form.add(self.tr("网格"), self.grid)
        self.form.add(self.tr("巡查地点"), self.place)
        self.form.add(self.tr("地点类型"), self.kind)
        self.form.add(self.tr("巡查时间"), self.at)
        self.form.add(self.tr("发现情况"), self.seen)
        self.form.add("", self.follow_up)
        self.lay_out(self.submit, self.tr("保存"))
        self.resize(520, self.sizeHint().height())

    def _grids(self) -> None:
        village = self.village.currentData()
        self.grid.clear()
        self.grid.addItem(self.tr("（不指定）"), None)
        for g in self.places.grids:
            if g.parent_id == village:
                self.grid.addItem(g.name, g.id)
        if self.grid.count() == 2:  # one grid of the account's in that village: it is the one
            self.grid.setCurrentIndex(1)

    def values(self) -> PatrolInput:
        return PatrolInput(
            self.village.currentData(),
            self.place.text(),
            self.kind.currentData(),
            self.seen.toPlainText(),
            self.grid.currentData(),
            datetime.fromisoformat(self.at.dateTime().toString("yyyy-MM-ddTHH:mm")),
            self.follow_up.isChecked(),
        )

    def submit(self) -> None:
        data = self.values()
        self.worker.submit(
            lambda: patrols.log_patrol(self.ws, data), lambda _c: self.accept(), self.show_failure
        )


class PatrolsDialog(QDialog):
    found_dispute = Signal(object)  # a MatterInput filled in from the chosen entry

    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.rows: list = []
        self.setWindowTitle(self.tr("巡查记录"))
        self.summary = plain_label(self.tr("正在读取…"))
        headers = [
            self.tr("巡查时间"),
            self.tr("巡查人"),
            self.tr("村/社区"),
            self.tr("网格"),
            self.tr("地点"),
            self.tr("类型"),
            self.tr("发现情况"),
            self.tr("照片"),
            self.tr("上报的事项"),
        ]
        self.table = read_only_table(headers, self.tr("还没有巡查记录。点“记录巡查…”登记一次。"))
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("记录巡查…"))
        self.new_button.clicked.connect(self.new_patrol)
        self.photo_button = QPushButton(self.tr("添加照片…"))
        self.photo_button.clicked.connect(lambda: self.add_photo())
        self.matter_button = QPushButton(self.tr("发现矛盾，上报事项…"))
        self.matter_button.clicked.connect(self.report_matter)
        may_log = ws.may(Permission.LOG_VISIT)
        self.new_button.setVisible(may_log)
        self.photo_button.setVisible(may_log)
        self.matter_button.setVisible(ws.may(Permission.VIEW_MATTERS))
        actions = QHBoxLayout()
        for b in (self.new_button, self.photo_button, self.matter_button):
            actions.addWidget(b)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self._selected()
        worker.hub.subscribe(self, KINDS, lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(lambda: patrols.patrols(self.ws), self._show, lambda e: show_error(self, e))

    def _show(self, rows) -> None:
        self.rows = rows
        self.summary.setText(
            self.tr("共 {0} 次巡查，其中 {1} 次需要跟进").format(
                len(rows), sum(r.needs_follow_up for r in rows)
            )
        )
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [
                when(r.patrolled_at),
                r.patroller,
                r.village,
                r.grid,
                r.place,
                label(r.place_kind),
                r.seen,
                str(r.photos),
                "、".join(r.matters),
            ]
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self._selected()

    def current(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        chosen = self.current() is not None
        self.photo_button.setEnabled(chosen)
        self.matter_button.setEnabled(chosen)

    def new_patrol(self) -> PatrolDialog:
        dialog = PatrolDialog(self.ws, self.worker, self.places, self)
        dialog.open()
        return dialog

    def add_photo(self, path: str | None = None) -> None:
        row = self.current()
        if row is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择照片"), "", self.tr("图片 (*.png *.jpg *.jpeg *.bmp);;所有文件 (*)")
            )
        if path:
            self.worker.submit(
                lambda: attachments.add_attachment(self.ws, "patrol", row.id, Path(path)),
                lambda _c: None,
                lambda e: show_error(self, e),
            )

    def report_matter(self) -> None:
        row = self.current()
        if row is None:
            return
        self.worker.submit(
            lambda: patrols.matter_from_patrol(self.ws, row.id),
            self._prefill,
            lambda e: show_error(self, e),
        )

    def _prefill(self, form) -> None:
        self.found_dispute.emit(form)
        self.accept()
