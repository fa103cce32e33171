"""矛盾纠纷台账: every matter in scope, with filters, search, deadline colours, and export of the list."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import county_stats, desk, ledger, lists
from desktop.services.lists import MatterFilter
from sync.core.domain import linkage
from sync.core.domain.lifecycle import LEVEL_LABELS, STATUS_LABELS
from sync.core.domain.risk import RISK_LABELS
from sync.core.domain.roles import Permission, Role

from .common import (
    COLOURS,
    flowing,
    run_with_progress,
    save_file_name,
    scrolling,
    show_error,
    side_by_side,
    stars,
    when,
)
from .labels import label
from .matter_view import LIST_KINDS, MatterView
from .paged import TYPING_PAUSE_MS, Column, PagedModel, choosable_columns, table_for
from .plain import inform, plain_label
from .report_form import ReportDialog

# 风险, 来源, 类别, 网格, 层级, 督办/包案 are shown on demand (a right click on the header): the rest fit
# beside the matter at 1366×768.
LEDGER_HIDDEN_BY_DEFAULT = {5, 6, 7, 9, 10, 12}


def sources(places) -> list[tuple[str, str]]:
    """The source filter's choices: the township's channels, then the 三调联动 kinds (a matter the court or
    the police sent counts under its kind, whatever its channel)."""
    return [(c, label(c)) for c in places.channels] + [(k, label(k)) for k in linkage.KIND_LABELS.values()]


def _source(r) -> str:
    """A row's source, with the 三调联动 kind and number when the court or the police sent it."""
    if not r.referral_kind:
        return label(r.source)
    return f"{label(linkage.KIND_LABELS.get(r.referral_kind, r.referral_kind))} {r.referral_no}"


class LedgerPage(QWidget):
    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("搜索编号、标题、事实、当事人…"))
        self.text.setClearButtonEnabled(True)
        self.status = self._combo(self.tr("全部状态"), [(k, label(v)) for k, v in STATUS_LABELS.items()])
        self.grade = self._combo(self.tr("全部星级"), [(1, "★"), (2, "★★"), (3, "★★★")])
        self.risk = self._combo(self.tr("全部风险"), [(k, label(v)) for k, v in RISK_LABELS.items()])
        self.source = self._combo(self.tr("全部来源"), sources(places))
        self.category = self._combo(self.tr("全部类别"), [(c, label(c)) for c in places.categories])
        self.village = self._combo(self.tr("全部村（社区）"), [(v.id, v.name) for v in places.villages])
        self.grid = self._combo(self.tr("全部网格"), [(g.id, g.name) for g in places.grids])
        self.handler = self._combo(self.tr("全部承办"), [(p.id, p.name) for p in places.orgs + places.people])
        self.colour = self._combo(
            self.tr("全部期限"),
            [("green", self.tr("正常")), ("yellow", self.tr("临期")), ("red", self.tr("超期"))],
        )
        self.use_dates = QCheckBox(self.tr("上报日期"))
        today = QDate.fromString(ws.now().date().isoformat(), "yyyy-MM-dd")
        self.date_from, self.date_to = QDateEdit(today.addMonths(-3)), QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.repeat = QCheckBox(self.tr("只看重复件"))
        focus = [("supervised", self.tr("督办件")), ("warning", self.tr("风险预警（易激化）"))]
        if ws.has_role(Role.LEADER):
            focus.insert(1, ("in_charge", self.tr("我包的案")))
        self.focus = self._combo(self.tr("全部事项"), focus)
        self.choosers: tuple = ()
        self.count = plain_label()
        # A desk tile's list: the tile's own filter under whatever else is chosen, named until it is cleared.
        self.base: MatterFilter | None = None
        self.tile_note = plain_label()
        self.tile_note.setStyleSheet("font-weight: bold")
        self.tile_clear = QPushButton(self.tr("清除"))
        self.tile_clear.clicked.connect(self.clear_tile)
        self.tile_box = side_by_side(self.tile_note, self.tile_clear)
        self.tile_box.layout().addStretch()
        self.tile_box.hide()
        # With the early warning on: the matters kept on it because their risk was lowered, by whom and why.
        self.lowered_note = plain_label()
        self.lowered_note.setWordWrap(True)
        self.lowered_note.setStyleSheet("color: #A05A00")
        self.lowered_note.hide()
        new = QPushButton(self.tr("上报事项"))
        new.clicked.connect(self.new_matter)
        new.setVisible(
            ws.actor.scope.kind != "county"
        )  # the county reports nothing of a township's (review 3)
        export = self.export_button = QPushButton(self.tr("导出台账…"))
        export.clicked.connect(self._export)
        export.setVisible(ws.may(Permission.EXPORT_LEDGER))
        self._debounce = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._debounce.start)
        choosers = (
            self.status,
            self.grade,
            self.risk,
            self.source,
            self.category,
            self.village,
            self.grid,
            self.handler,
            self.colour,
            self.focus,
        )
        self.choosers = choosers
        for combo in choosers:
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.use_dates, self.repeat):
            box.toggled.connect(self.refresh)
        for d in (self.date_from, self.date_to):
            d.dateChanged.connect(self._debounce.start)
        # The filters wrap onto more lines as the list narrows (a 125 % screen, a wide matter beside it).
        for combo in choosers:
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        filters, _ = flowing(
            self.status,
            self.grade,
            self.risk,
            self.source,
            self.category,
            self.village,
            self.grid,
            self.handler,
            self.colour,
            self.repeat,
            self.focus,
            side_by_side(self.use_dates, self.date_from, plain_label("—"), self.date_to),
        )
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(new)
        top.addWidget(export)
        columns = [
            Column(self.tr("编号"), lambda r: r.serial),
            Column(self.tr("标题"), lambda r: r.title, widest=10),
            Column(self.tr("星级"), lambda r: stars(r.grade)),
            Column(self.tr("状态"), lambda r: label(STATUS_LABELS.get(r.status, r.status))),
            Column(self.tr("期限"), lambda r: when(r.due_on), lambda r: COLOURS.get(r.colour)),
            Column(self.tr("风险"), lambda r: label(RISK_LABELS.get(r.risk, r.risk))),
            Column(self.tr("来源"), _source, widest=6),
            Column(self.tr("类别"), lambda r: label(r.category), widest=5),
            Column(self.tr("村/社区"), lambda r: r.village, widest=5),
            Column(self.tr("网格"), lambda r: r.grid, widest=6),
            Column(self.tr("层级"), lambda r: label(LEVEL_LABELS.get(r.level, r.level))),
            Column(self.tr("承办"), lambda r: r.handler_name, widest=6),
            Column(self.tr("督办/包案"), self._oversight, widest=6),
            Column(self.tr("上报时间"), lambda r: when(r.reported_at.date()) if r.reported_at else ""),
        ]
        # A county laptop's matters come from many townships: which one, as its pull said (last, so the
        # columns' numbers, which sorting and the hidden-column setting use, stay those of a township's).
        self.county = county_stats.is_county(ws)
        self._townships: dict[str, str] = {}
        if self.county:
            columns.append(Column(self.tr("乡镇"), lambda r: self._townships.get(r.id, ""), widest=5))
        self._order, self._descending = "reported_at", True
        self.model = PagedModel(worker, columns, self._fetcher(), self)
        self.model.loaded.connect(lambda total: self.count.setText(self.tr("共 %n 件", "", total)))
        self.model.failed.connect(lambda e: show_error(self, e))
        self.table = table_for(
            self.model,
            self.tr("没有符合条件的事项。放宽筛选条件。")
            if self.county
            else self.tr("没有符合条件的事项。放宽筛选条件，或点“上报事项”登记一件。"),
        )
        if (
            self.county
        ):  # shown beside the serial, where the eye looks first (review 3: last, it was off screen)
            self.table.horizontalHeader().moveSection(len(columns) - 1, 1)
        # What fits beside the matter at 1366×768; the rest a right click on the header shows.
        choosable_columns(self.table, "ledger/hidden-columns", LEDGER_HIDDEN_BY_DEFAULT)
        self.table.horizontalHeader().sectionClicked.connect(self._sort)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.view = MatterView(ws, worker, places)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.tile_box)
        left_layout.addWidget(filters)
        left_layout.addWidget(self.lowered_note)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.count)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(
            scrolling(self.view, 320)
        )  # a narrow screen scrolls the matter beside the list
        self.splitter.setSizes([700, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        worker.hub.subscribe(self, LIST_KINDS, lambda _changes: self.refresh())
        # a leader's 确认风险等级 is an event: the lowered line goes with it
        worker.hub.subscribe(self, {"events"}, lambda _changes: self._reread_lowered())
        self.refresh()

    def _combo(self, everything: str, items) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def places_changed(self) -> None:
        """The township's set-up changed: the filters offer its villages, grids, units and channels now,
        keeping what is chosen."""
        p = self.places
        for combo, items in (
            (self.source, sources(p)),
            (self.category, [(c, label(c)) for c in p.categories]),
            (self.village, [(v.id, v.name) for v in p.villages]),
            (self.grid, [(g.id, g.name) for g in p.grids]),
            (self.handler, [(x.id, x.name) for x in p.orgs + p.people]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def current_filter(self) -> MatterFilter:
        def one(combo):
            return [combo.currentData()] if combo.currentData() is not None else []

        chosen = MatterFilter(
            statuses=one(self.status),
            grades=one(self.grade),
            risks=one(self.risk),
            sources=one(self.source),
            categories=one(self.category),
            village_id=self.village.currentData(),
            grid_id=self.grid.currentData(),
            handler=self.handler.currentData(),
            colour=self.colour.currentData(),
            date_from=date.fromisoformat(self.date_from.date().toString("yyyy-MM-dd"))
            if self.use_dates.isChecked()
            else None,
            date_to=date.fromisoformat(self.date_to.date().toString("yyyy-MM-dd"))
            if self.use_dates.isChecked()
            else None,
            repeat_only=self.repeat.isChecked(),
            text=self.text.text(),
            supervised=self.focus.currentData() == "supervised",
            warning=self.focus.currentData() == "warning",
            leader_id=self.ws.actor.account_id if self.focus.currentData() == "in_charge" else None,
        )
        if self.base is None:
            return chosen
        # what is chosen narrows the tile's list; what is left at "全部" keeps the tile's own filter
        empty = MatterFilter()
        return replace(
            self.base,
            **{
                f.name: getattr(chosen, f.name)
                for f in fields(MatterFilter)
                if getattr(chosen, f.name) != getattr(empty, f.name)
            },
        )

    def _oversight(self, row) -> str:
        parts = [self.tr("督办{0}次").format(row.supervised)] if row.supervised else []
        if row.leader_name:
            parts.append(self.tr("包案：{0}").format(row.leader_name))
        return " · ".join(parts)

    def apply(self, preset: dict) -> None:
        """Show what a desk tile counts: its filter alone (every other filter and the search cleared), so the
        list has exactly the tile's count."""
        quiet = [*self.choosers, self.text, self.use_dates, self.repeat, self.date_from, self.date_to]
        for widget in quiet:
            widget.blockSignals(True)
        for combo in self.choosers:
            combo.setCurrentIndex(0)
        for key, combo in (("status", self.status), ("colour", self.colour), ("focus", self.focus)):
            if key in preset:
                combo.setCurrentIndex(max(0, combo.findData(preset[key])))
        self.text.clear()
        self.use_dates.setChecked(False)
        self.repeat.setChecked(False)
        for widget in quiet:
            widget.blockSignals(False)
        tile = preset.get("tile")
        self.base = desk.tile_filters(self.ws).get(tile) if tile else None
        self.tile_note.setText(self.tr("工作台：{0}").format(preset.get("title", "")))
        self.tile_box.setVisible(self.base is not None)
        self.refresh()

    def clear_tile(self) -> None:
        self.base = None
        self.tile_box.hide()
        self.refresh()

    def _fetcher(self):
        f, order, descending = self.current_filter(), self._order, self._descending

        def fetch(offset, limit):
            if self.county:  # read on the worker with the page, before the page's rows are shown
                self._townships = county_stats.record_townships(self.ws, "matters")
            return lists.matters(self.ws, f, offset=offset, limit=limit, order=order, descending=descending)

        return fetch

    def refresh(self) -> None:
        self.model.reload(self._fetcher())
        self._reread_lowered()

    def _reread_lowered(self) -> None:
        if self.current_filter().warning:
            self.worker.submit(
                lambda: desk.lowered_risks(self.ws), self._show_lowered, lambda e: show_error(self, e)
            )
        else:
            self._show_lowered([])

    def _show_lowered(self, rows) -> None:
        """One plain line per matter whose risk was lowered below its signals' and is not yet confirmed."""
        warning = self.current_filter().warning
        lines = [f"{r.serial}　{r.title}：{self.view.lowered_line(r)}" for r in rows] if warning else []
        self.lowered_note.setText("\n".join(lines))
        self.lowered_note.setVisible(bool(lines))

    def _sort(self, section: int) -> None:
        order = {0: "serial", 1: "title", 2: "grade", 3: "status", 4: "due_on", 13: "reported_at"}.get(
            section
        )
        if order:
            self._descending = not self._descending if order == self._order else False
            self._order = order
            self.table.horizontalHeader().setSortIndicatorShown(True)
            self.table.horizontalHeader().setSortIndicator(
                section, Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
            )
            self.refresh()

    def _selected(self, current, _previous) -> None:
        row = self.model.row_at(current)
        if row is not None:
            self.view.show_matter(row.id)

    def focus_search(self) -> None:
        self.text.setFocus()

    def new_matter(self, prefill=None, residents=None) -> ReportDialog:
        dialog = ReportDialog(self.ws, self.worker, self.places, prefill, self, residents)
        dialog.accepted.connect(lambda: self.view.show_matter(dialog.saved_id))
        dialog.open()
        return dialog

    def _export(self) -> None:
        name = save_file_name(
            self, self.tr("导出台账"), self.tr("矛盾纠纷台账.xlsx"), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.export_to(name)

    def export_to(self, name: str):
        f = self.current_filter()
        return run_with_progress(
            self,
            self.worker,
            self.tr("正在导出…"),
            lambda task: ledger.export_ledger(self.ws, Path(name), f, progress=task.progress),
            lambda count: inform(
                self, self.tr("导出台账"), self.tr("已导出 %n 件事项到 {0}", "", count).format(name)
            ),
        )
