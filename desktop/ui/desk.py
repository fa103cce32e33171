"""工作台: what needs me today: deadlines turning yellow or red, orders to accept or claim, follow-ups due."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import county_desk, desk
from desktop.services.desk import HANDLING_ROLES
from sync.core.domain.lifecycle import STATUS_LABELS
from sync.core.domain.roles import Permission, Role

from .common import (
    ACCENT,
    COLOURS,
    BarChart,
    flowing,
    heading,
    read_only_table,
    say,
    scrolling,
    show_error,
    side_by_side,
    when,
)
from .conflicts import conflict_name, field_label
from .duplicates import DuplicatesDialog
from .hub import SYNCED
from .key_persons import KeyPersonsDialog
from .labels import label
from .plain import plain_label

TILE_WIDTH = 168
FROM_COUNTY_ROWS = 5  # rows of 县级交下级落实 shown before its list scrolls
CONFLICTS_NAMED = 3  # conflicts named in the desk's notice; the rest counted
DESK_KINDS = {
    "conflicts",
    SYNCED,
    "matters",
    "key_person_plans",  # 重点人员 待走访
    "key_person_contacts",
    "visits",
    "follow_ups",
    "config",
    "persons",
    "households",
    "divisions",
    "grids",
    "orgs",
    "accounts",
}  # what the tiles, charts and first steps count


class Tile(QPushButton):
    """A count that is also the way to the list it counts: looks and acts as a button (mouse, Tab, Enter)."""

    def __init__(self, title: str, colour: str):
        super().__init__()
        self.colour = colour
        self.value = heading("—", 22)
        self.label = plain_label(title)
        self.label.setWordWrap(True)
        for part in (self.value, self.label):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.label)
        self.setFixedWidth(TILE_WIDTH)
        self.set_clickable(False)
        self.fit()

    def set_clickable(self, clickable: bool) -> None:
        """A tile that opens something gets a raised border, a hand, a hover; one that only counts is flat."""
        self.setEnabled(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if clickable else Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        border = (
            "1px solid #9AA5B1; border-bottom: 3px solid #7A8591" if clickable else "1px solid transparent"
        )
        hover = (
            f"Tile:hover {{ border-color: {ACCENT}; }} Tile:focus {{ border: 2px solid {ACCENT}; }}"
            if clickable
            else ""
        )
        self.setStyleSheet(
            f"Tile {{ background: {self.colour}; border: {border}; border-radius: 6px; "
            f"text-align: left; }} {hover}"
        )
        self.setToolTip(self.tr("点击查看清单") if clickable else "")
        self.clickable = clickable

    def sizeHint(self):
        """As tall as its label needs at the tile's width: a label of two or three lines (English) is never
        cut at the bottom."""
        hint = self.layout().sizeHint()
        needed = self.layout().heightForWidth(TILE_WIDTH) if self.layout().hasHeightForWidth() else 0
        return QSize(TILE_WIDTH, max(hint.height(), needed, 76))

    def set_label(self, text: str) -> None:
        self.label.setText(text)
        self.fit()

    def fit(self) -> None:
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()


class DeskPage(QWidget):
    open_ledger = Signal(dict)  # filter presets for the ledger
    open_matter = Signal(str)
    new_visit = Signal()
    new_matter = Signal()
    # A page of the window, by its key, where a first step is done; "settings/villages" also opens that tab.
    go_to = Signal(str)
    open_conflicts = Signal()
    open_visits = Signal()  # the 走访 page, this month's visits: the 本月走访 tile's list

    def __init__(self, ws, worker, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.tiles = {
            "red": Tile(self.tr("已超期"), "#FFC7C7"),
            "yellow": Tile(self.tr("临期"), "#FFF2B3"),
            "open": Tile(self.tr("在办事项"), "#E3EEFA"),
            "to_accept": Tile(self.tr("待我签收"), "#E3F4E1"),
            "to_claim": Tile(self.tr("待认领工单"), "#EFE6F7"),
            "to_register": Tile(self.tr("待立案"), "#F3F3F3"),
            "follow_ups": Tile(self.tr("待回访"), "#F3F3F3"),
            "visits": Tile(self.tr("本月走访"), "#F3F3F3"),
            "confirmations": Tile(self.tr("司法确认申请将到期"), "#FFF2B3"),
            "supervised": Tile(self.tr("督办件"), "#FFE0C2"),
            "warnings": Tile(self.tr("风险预警（易激化）"), "#FFC7C7"),
            "key_persons": Tile(self.tr("重点人员"), "#F3F3F3"),
            "key_persons_due": Tile(self.tr("重点人员 待走访"), "#FFF2B3"),
            "duplicates": Tile(self.tr("重复人员待处理"), "#F3F3F3"),
            "conflicts": Tile(self.tr("同步冲突待处理"), "#FFC7C7"),
        }
        if ws.has_role(Role.LEADER):
            self.tiles["in_charge"] = Tile(self.tr("我包的案"), "#E3EEFA")
        presets: dict[str, dict] = {
            "open": {},
            "confirmations": {},
            "red": {"colour": "red"},
            "yellow": {"colour": "yellow"},
            "to_accept": {"status": "dispatched"},
            "to_claim": {"status": "open_for_claim"},
            "to_register": {"status": "reported"},
            "follow_ups": {"status": "checked"},
            "supervised": {"focus": "supervised"},
            "warnings": {"focus": "warning"},
            "in_charge": {"focus": "in_charge"},
        }
        grid, tiles = flowing()  # as many to a line as the screen is wide
        for key, tile in self.tiles.items():
            tiles.addWidget(tile)
            if key in presets:  # the ledger lists with the tile's own filter (desk.tile_filters)
                tile.clicked.connect(
                    lambda _=False, k=key, t=tile: self.open_ledger.emit(
                        {**presets[k], "tile": k, "title": t.label.text()}
                    )
                )
                tile.set_clickable(True)
        for key, opens in (
            ("key_persons", self.show_key_persons),
            ("key_persons_due", lambda: self.show_key_persons(due_only=True)),
            ("duplicates", self.show_duplicates),
            ("conflicts", self.open_conflicts.emit),
        ):
            self.tiles[key].clicked.connect(lambda _=False, o=opens: o())
            self.tiles[key].set_clickable(True)
        # Counted from the 走访 page's own query (desk.month_visits); a role without that page has no tile.
        if ws.may(Permission.LOG_VISIT) and ws.may(Permission.VIEW_RESIDENTS):
            self.tiles["visits"].clicked.connect(lambda _=False: self.open_visits.emit())
            self.tiles["visits"].set_clickable(True)
        else:
            self.tiles["visits"].hide()
        self.due = read_only_table(
            [self.tr("期限"), self.tr("编号"), self.tr("标题"), self.tr("村/社区"), self.tr("承办")]
        )
        self.due.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.due.verticalHeader().setDefaultSectionSize(self.due.fontMetrics().height() + 8)
        self.due.cellActivated.connect(lambda row, _c: self._open_due(row))
        self.due.cellDoubleClicked.connect(lambda row, _c: self._open_due(row))
        self.due_empty = plain_label(self.tr("没有超期或临期的事项。"))
        self.due_empty.setStyleSheet("color: #666")
        self.villages = read_only_table(
            [self.tr("村/社区"), self.tr("在办"), self.tr("超期"), self.tr("临期")]
        )
        self.villages.verticalHeader().setDefaultSectionSize(self.villages.fontMetrics().height() + 8)
        due_box = QVBoxLayout()
        handles = ws.has_role(*HANDLING_ROLES)
        due_title = plain_label(
            self.tr("我的超期和临期事项（双击打开）") if handles else self.tr("超期和临期事项（双击打开）")
        )
        due_title.setStyleSheet("font-weight: bold")
        due_box.addWidget(due_title)
        due_box.addWidget(self.due_empty)
        due_box.addWidget(self.due, 1)
        village_box = QVBoxLayout()
        self.villages_title = plain_label(self.tr("各村（社区）情况"))
        self.villages_title.setStyleSheet("font-weight: bold")
        village_box.addWidget(self.villages_title)
        village_box.addWidget(self.villages, 1)
        lists_row = QHBoxLayout()
        lists_row.addLayout(due_box, 3)
        lists_row.addLayout(village_box, 2)
        self.township_view = ws.actor.scope.kind == "township"
        self.villages.setVisible(self.township_view)
        self.villages_title.setVisible(self.township_view)
        self.by_status = BarChart(self.tr("按状态"))
        self.by_category = BarChart(self.tr("按类别"))
        charts = QHBoxLayout()
        charts.addWidget(self.by_status)
        charts.addWidget(self.by_category)
        visit = QPushButton(self.tr("登记走访 (Ctrl+N)"))
        visit.clicked.connect(self.new_visit)
        matter = QPushButton(self.tr("上报事项 (Ctrl+M)"))
        matter.clicked.connect(self.new_matter)
        buttons = QHBoxLayout()
        buttons.addWidget(visit)
        buttons.addWidget(matter)
        self.county = county_desk.is_county(ws)
        visit.setVisible(not self.county)  # the county neither visits households nor reports the township's
        matter.setVisible(not self.county)
        if not ws.may(Permission.VIEW_RESIDENTS):  # residents' tiles: a county laptop holds no residents
            for key in ("key_persons", "key_persons_due", "duplicates"):
                self.tiles[key].hide()
        buttons.addStretch()
        self.greeting = heading("")
        self.first_steps = self._first_steps_box()
        # A conflict announces itself until it is settled: which record, in which village, where to settle.
        self.conflict_notice = plain_label()
        self.conflict_notice.setWordWrap(True)
        self.conflict_notice.setStyleSheet("color: #B00020; font-weight: bold")
        settle = QPushButton(self.tr("处理冲突…"))
        settle.clicked.connect(self.open_conflicts)
        self.conflict_box = side_by_side(self.conflict_notice, settle)
        self.conflict_box.setStyleSheet("background: #FFF0F0")
        self.conflict_box.hide()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.greeting)
        layout.addWidget(self.conflict_box)
        layout.addWidget(self.first_steps)
        self.calendar_note = plain_label()  # a deadline counted past the entered holidays (设置 › 节假日)
        self.calendar_note.setStyleSheet("color: #A05A00; font-weight: bold")
        layout.addWidget(self.calendar_note)
        layout.addLayout(buttons)
        layout.addWidget(grid)
        self.county_box = self._county_box() if self.county else None
        if self.county_box is not None:
            layout.addWidget(self.county_box, 2)
        layout.addLayout(lists_row, 1)
        # the township's: what the county sent down, below its own late list (which holds the late ones of
        # these too), so it does not push that list below a 768-pixel screen (review 3)
        self.from_county_box = self._from_county_box()
        layout.addWidget(self.from_county_box)
        layout.addLayout(charts)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))  # a short screen (125 % scaling) scrolls the desk
        worker.hub.subscribe(self, DESK_KINDS, lambda _changes: self.refresh())
        self.refresh()

    def _first_steps_box(self) -> QGroupBox:
        """A new township's checklist: each step with the page that does it, ticked once it is done."""
        box = QGroupBox(self.tr("开始使用：请按顺序完成以下几步"))
        rows = QVBoxLayout(box)
        texts = {
            "villages": (self.tr("添加村（社区）和人民调解委员会（设置 → 办理规则）"), "settings/villages"),
            "grids": (self.tr("划分网格并指定网格员（设置 → 办理规则）"), "settings/grids"),
            "orgs": (self.tr("添加职能部门和调解队伍（设置 → 单位与队伍）"), "settings/orgs"),
            "accounts": (self.tr("为网格员、调解员等添加账号（设置 → 账号）"), "settings/accounts"),
            "households": (self.tr("导入花名册或登记住户（住户 → 导入花名册…）"), "households"),
        }
        self.step_lines: dict[str, tuple] = {}
        for key, (text, page) in texts.items():
            line = plain_label(text)
            go = QPushButton(self.tr("去完成"))
            go.clicked.connect(lambda _=False, p=page: self.go_to.emit(p))
            row = QHBoxLayout()
            row.addWidget(line, 1)
            row.addWidget(go)
            rows.addLayout(row)
            self.step_lines[key] = (line, go, text)
        box.hide()
        return box

    def _show_first_steps(self, steps) -> None:
        self.first_steps.setVisible(bool(steps))
        for step in steps:
            line, go, text = self.step_lines[step.key]
            line.setText(("☑ " if step.done else "☐ ") + text)
            line.setStyleSheet("color: #2E7D32" if step.done else "")
            go.setVisible(not step.done)

    def _show_conflicts(self, conflicts) -> None:
        self.tiles["conflicts"].value.setText(str(len(conflicts)))
        self.tiles["conflicts"].setVisible(bool(conflicts))
        self.conflict_box.setVisible(bool(conflicts))
        if conflicts:
            names = "、".join(
                f"{conflict_name(c)}（{field_label(c.field)}）" for c in conflicts[:CONFLICTS_NAMED]
            )
            more = self.tr("等 {0} 处").format(len(conflicts)) if len(conflicts) > CONFLICTS_NAMED else ""
            self.conflict_notice.setText(
                self.tr("同步时两处改了同一项：{0}{1}。服务器暂时保留它的值，请选择保留哪一个。").format(
                    names, more
                )
            )

    def refresh(self) -> None:
        self.greeting.setText(self.tr("{0}，您好").format(self.ws.actor.display_name))
        self.worker.submit(lambda: desk.desk(self.ws), self._show, lambda e: show_error(self, e))
        if self.county:
            self.worker.submit(
                lambda: county_desk.county_desk(self.ws), self._show_county, lambda e: show_error(self, e)
            )

    def _county_box(self) -> QGroupBox:
        """The county's own work: matters waiting at county level, and those sent down to a township with
        the county's deadline (late ones marked; 督办 from the matter, opened by a double click)."""
        box = QGroupBox(self.tr("县级事项"))
        columns = [
            self.tr("期限"),
            self.tr("编号"),
            self.tr("乡镇"),
            self.tr("标题"),
            self.tr("状态"),
            self.tr("督办"),
            self.tr("承办"),
        ]
        self.county_waiting = read_only_table(columns)
        self.county_down = read_only_table(columns)
        self.county_rows: dict[int, list] = {}
        row = QHBoxLayout(box)
        for table, title in (
            (self.county_waiting, self.tr("待县级办理（双击打开）")),
            (self.county_down, self.tr("已交下级落实（超期的标红，双击打开后督办）")),
        ):
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self._open_county(t, r))
            table.cellActivated.connect(lambda r, _c, t=table: self._open_county(t, r))
            column = QVBoxLayout()
            heading_ = plain_label(title)
            heading_.setStyleSheet("font-weight: bold")
            column.addWidget(heading_)
            column.addWidget(table, 1)
            row.addLayout(column, 1)
        return box

    def _from_county_box(self) -> QGroupBox:
        """The township's list of matters the county sent down (交下级落实), by the county's deadline, late
        ones in red; shown while there are any."""
        box = QGroupBox(self.tr("县级交下级落实的事项（超期的标红，双击打开）"))
        self.from_county = read_only_table(
            [
                self.tr("县级期限"),
                self.tr("编号"),
                self.tr("标题"),
                self.tr("状态"),
                self.tr("督办"),
                self.tr("承办"),
            ]
        )
        self.from_county.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.from_county.verticalHeader().setDefaultSectionSize(self.from_county.fontMetrics().height() + 8)
        self.from_county.cellDoubleClicked.connect(lambda r, _c: self._open_from_county(r))
        self.from_county.cellActivated.connect(lambda r, _c: self._open_from_county(r))
        self.from_county_rows: list = []
        QVBoxLayout(box).addWidget(self.from_county)
        box.hide()
        return box

    def _show_from_county(self, rows) -> None:
        self.from_county_rows = rows
        self.from_county_box.setVisible(bool(rows))
        self.from_county.setRowCount(len(rows))
        for r, row in enumerate(rows):
            late = self.tr("（已超期）") if row.late else ""
            values = (
                (when(row.due_on) if row.due_on else "") + late,
                row.serial,
                row.title,
                label(row.status),
                str(row.supervised),
                row.handler_name,
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.late and col == 0:
                    item.setBackground(COLOURS["red"])
                self.from_county.setItem(r, col, item)
        self.from_county.resizeColumnsToContents()
        # as tall as its rows (up to FROM_COUNTY_ROWS, then it scrolls): the rest stays on a short screen
        table = self.from_county
        frame = 2 * table.frameWidth() + table.horizontalHeader().height()
        rows_high = min(len(rows), FROM_COUNTY_ROWS) * table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(frame + rows_high)

    def _open_from_county(self, row: int) -> None:
        if 0 <= row < len(self.from_county_rows):
            self.open_matter.emit(self.from_county_rows[row].id)

    def _show_county(self, c) -> None:
        self.county_rows = {id(self.county_waiting): c.waiting, id(self.county_down): c.sent_down}
        for table, rows in ((self.county_waiting, c.waiting), (self.county_down, c.sent_down)):
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                due = when(row.due_on) if row.due_on else ""
                late = self.tr("（已超期）") if row.late else ""
                values = (
                    due + late,
                    row.serial,
                    row.township,
                    row.title,
                    row.status,
                    str(row.supervised),
                    row.handler_name,
                )
                for col, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    if col == 0 and row.late:
                        item.setBackground(COLOURS["red"])
                    table.setItem(r, col, item)
            table.resizeColumnsToContents()

    def _open_county(self, table, row: int) -> None:
        rows = self.county_rows.get(id(table), [])
        if 0 <= row < len(rows):
            self.open_matter.emit(rows[row].id)

    def show_key_persons(self, due_only: bool = False) -> KeyPersonsDialog:
        dialog = KeyPersonsDialog(self.ws, self.worker, self, due_only=due_only)
        dialog.open()
        return dialog

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.ws, self.worker, self)
        dialog.open()
        return dialog

    def _show(self, c) -> None:
        self.counts = c
        self.calendar_note.setText(say(c.calendar_note) if c.calendar_note else "")
        self.calendar_note.setVisible(bool(c.calendar_note))
        self._show_first_steps(c.first_steps)
        self._show_conflicts(c.conflicts)
        self._show_from_county(c.from_county)
        self.tiles["yellow"].set_label(self.tr("临期（已过{0}%时限）").format(round(c.yellow_ratio * 100)))
        for key, value in (
            ("red", c.red),
            ("yellow", c.yellow),
            ("open", c.open_matters),
            ("to_accept", c.to_accept),
            ("to_claim", c.to_claim),
            ("to_register", c.to_register),
            ("follow_ups", c.follow_ups_due),
            ("visits", c.visits_this_month),
            ("confirmations", c.confirmations_due),
            ("supervised", c.supervised),
            ("warnings", c.warnings),
            ("key_persons", c.key_persons),
            ("key_persons_due", c.key_persons_due),
            ("duplicates", c.duplicates),
            ("in_charge", c.in_charge),
        ):
            if key in self.tiles:
                self.tiles[key].value.setText(str(value))
        self.by_status.set_items(
            [
                (label(STATUS_LABELS.get(k, k)), v)
                for k, v in sorted(c.by_status.items(), key=lambda kv: -kv[1])
            ]
        )
        self.by_category.set_items(
            [(label(k), v) for k, v in sorted(c.by_category.items(), key=lambda kv: -kv[1])[:8]]
        )
        self.due_rows = c.due_soon
        self.due.setRowCount(len(c.due_soon))
        for r, row in enumerate(c.due_soon):
            for col, value in enumerate(
                (when(row.due_on), row.serial, row.title, row.village, row.handler_name)
            ):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setBackground(COLOURS[row.colour])
                self.due.setItem(r, col, item)
        self.due.resizeColumnsToContents()
        self.due.setVisible(bool(c.due_soon))
        self.due_empty.setVisible(not c.due_soon)
        self.villages.setRowCount(len(c.by_village))
        for r, row in enumerate(c.by_village):
            for col, value in enumerate((row.village, row.open_matters, row.red, row.yellow)):
                item = QTableWidgetItem(str(value))
                if col == 2 and row.red:
                    item.setBackground(COLOURS["red"])
                self.villages.setItem(r, col, item)
        self.villages.resizeColumnsToContents()

    def _open_due(self, row: int) -> None:
        if 0 <= row < len(self.due_rows):
            self.open_matter.emit(self.due_rows[row].id)
