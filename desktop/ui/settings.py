"""设置, in tabs: the language; accounts; units and teams (typed or imported from a sheet); the grade table,
grids, categories and channels. Each for the roles entitled to it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import choices, committees, documents, org_sheet, setup
from sync.core.domain.lifecycle import LEVEL_LABELS
from sync.core.domain.roles import Permission

from .accounts import AccountsTab
from .calendar_settings import CalendarTab
from .common import say, scrolling, show_error, side_by_side
from .labels import label
from .plain import ask, inform, plain_label, warn

LANGUAGES = [("", "跟随系统"), ("zh_CN", "中文（简体）"), ("en", "English")]


class SettingsPage(QWidget):
    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(label(name), code)
        self.language.setCurrentIndex(max(0, self.language.findData(QSettings().value("language", "") or "")))
        self.language.currentIndexChanged.connect(self._language)
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("语言（重新启动后生效）"), self.language)
        if not (ws.may(Permission.MANAGE_ACCOUNTS) or ws.may(Permission.CONFIGURE)):
            form.addRow(plain_label(self.tr("其他设置由管理员或平台办公室维护。")))
        self.tabs.addTab(general, self.tr("界面"))
        # The township server's accounts (desktop/ui/accounts.py).
        self.accounts = AccountsTab(ws, worker, places, self)
        self.grades = QTableWidget(0, 3)
        self.grades.setHorizontalHeaderLabels([self.tr("星级"), self.tr("承办"), self.tr("时限（天）")])
        self.categories = QListWidget()
        self.channels = QListWidget()
        if ws.may(Permission.MANAGE_ACCOUNTS):
            self.tabs.addTab(self.accounts, self.tr("账号"))
        if ws.may(Permission.CONFIGURE):
            self.orgs = QTableWidget(0, 3)
            self.orgs.setHorizontalHeaderLabels([self.tr("类型"), self.tr("名称"), self.tr("成员")])
            self.orgs.horizontalHeader().setStretchLastSection(True)
            self.orgs.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.org_kind, self.new_org = QComboBox(), QLineEdit()
            self.org_kind.addItem(self.tr("职能部门（单位）"), "unit")
            self.org_kind.addItem(self.tr("调解队伍"), "team")
            if ws.actor.scope.kind == "county":  # the county's own units, not a township's (review 30)
                self.new_org.setPlaceholderText(self.tr("名称，如 县法院、县公安局、县信访局、县人社局"))
            else:
                self.new_org.setPlaceholderText(self.tr("名称，如 司法所、派出所、老干部调解队"))
            adding = side_by_side(self.org_kind, self.new_org)
            self.new_members = QLineEdit()
            self.new_members.setPlaceholderText(self.tr("成员账号，用逗号分隔"))
            self.orgs_tab = self._box(
                self.orgs,
                [
                    adding,
                    (self.tr("添加单位或队伍"), self.add_org),
                    self.new_members,
                    (self.tr("把这些账号加入选中的单位或队伍"), self.add_members),
                    (self.tr("从 Excel 导入…"), self.import_orgs),
                    self._committee_inputs(),
                    (self.tr("设置选中单位的人民调解委员会（协议书印章、调解文书号）"), self.name_committee),
                ],
            )
            self.tabs.addTab(self.orgs_tab, self.tr("单位与队伍"))
            self.villages = QListWidget()
            self.new_village, self.village_code = QLineEdit(), QLineEdit()
            self.village_committee = QLineEdit()
            self.new_village.setPlaceholderText(self.tr("村（社区）名称，如 新街村"))
            self.village_code.setPlaceholderText(self.tr("12位区划代码（可不填）"))
            code_width = self.village_code.fontMetrics().horizontalAdvance("0" * 12) + 60
            self.village_code.setMinimumWidth(code_width)  # twelve digits in sight
            self.village_committee.setPlaceholderText(
                self.tr("人民调解委员会名称（不填则为“村名＋人民调解委员会”）")
            )
            self.grids = QListWidget()
            self.new_grid, self.grid_village = QLineEdit(), QComboBox()
            self.grid_worker = QComboBox()  # the grid worker responsible for it
            self.new_category, self.new_channel = QLineEdit(), QLineEdit()
            self.new_grid.setPlaceholderText(self.tr("网格名称"))
            self.new_category.setPlaceholderText(self.tr("大类/小类"))
            self.new_channel.setPlaceholderText(self.tr("新的来源渠道"))
            rules = QWidget()
            grid = QGridLayout(rules)
            for i, (title, widget, extra) in enumerate(
                (
                    (
                        self.tr("村（社区）与调解委员会"),
                        self.villages,
                        [
                            self.new_village,
                            side_by_side(self.village_code, self.village_committee),
                            (self.tr("添加村（社区）"), self.add_village),
                            (self.tr("重命名选中的村（社区）…"), self.rename_village),
                            (self.tr("删除选中的村（社区）"), self.remove_village),
                        ],
                    ),
                    (
                        self.tr("网格"),
                        self.grids,
                        [
                            side_by_side(self.grid_village, self.new_grid),
                            side_by_side(plain_label(self.tr("网格员")), self.grid_worker),
                            (self.tr("添加网格"), self.add_grid),
                            (self.tr("重命名选中的网格…"), self.rename_grid),
                            (self.tr("删除选中的网格"), self.remove_grid),
                        ],
                    ),
                    (self.tr("星级与办理时限"), self.grades, [(self.tr("保存星级表"), self.save_policy)]),
                    (
                        self.tr("类别"),
                        self.categories,
                        [self.new_category, (self.tr("添加类别"), self.add_category)],
                    ),
                    (
                        self.tr("来源渠道"),
                        self.channels,
                        [
                            self.new_channel,
                            (self.tr("添加渠道"), self.add_channel),
                            (self.tr("删除选中的渠道"), self.remove_channel),
                        ],
                    ),
                )
            ):
                box = QGroupBox(title)
                QVBoxLayout(box).addWidget(self._box(widget, extra))
                grid.addWidget(box, i // 2, i % 2)
            self.rules_tab = scrolling(rules)
            self.tabs.addTab(self.rules_tab, self.tr("办理规则"))
            self.templates = QTableWidget(0, 2)
            self.templates.setHorizontalHeaderLabels(
                [
                    self.tr("项目"),
                    self.tr("内容（可用 {township} {village} {committee}，份数一项另可用 {copies}）"),
                ]
            )
            self.templates.horizontalHeader().setStretchLastSection(True)
            self.templates.setWordWrap(True)
            self.template_notices = plain_label()  # a synced template that is not used, and why
            self.template_notices.setWordWrap(True)
            self.template_notices.setStyleSheet("color: #B00020")
            self.template_notices.hide()
            self.tabs.addTab(
                self._box(
                    self.templates,
                    [
                        (self.tr("保存文书模板"), self.save_templates),
                        (self.tr("恢复默认措辞"), self.default_templates),
                        self.template_notices,
                    ],
                ),
                self.tr("文书模板"),
            )
        if ws.may(Permission.CONFIGURE):
            self.tabs.addTab(CalendarTab(ws, worker), self.tr("节假日"))
        worker.hub.subscribe(
            self, {"accounts", "divisions", "grids", "orgs", "config"}, lambda _changes: self.refresh()
        )
        self.refresh()

    def show_part(self, part: str) -> bool:
        """Open the tab where a first step is done (the desk's checklist), its first field ready to type in;
        False when this account has no such tab."""
        parts = {
            "villages": ("rules_tab", "new_village"),
            "grids": ("rules_tab", "new_grid"),
            "orgs": ("orgs_tab", "new_org"),
            "accounts": ("accounts", None),
        }
        tab_name, field_name = parts.get(part, (None, None))
        tab = getattr(self, tab_name, None) if tab_name else None
        if tab is None or self.tabs.indexOf(tab) < 0:
            return False
        self.tabs.setCurrentWidget(tab)
        field = getattr(self, field_name) if field_name else None
        if field is not None:
            if tab is getattr(self, "rules_tab", None):
                tab.ensureWidgetVisible(field)
            field.setFocus()
        return True

    @staticmethod
    def _box(widget, extra) -> QWidget:
        """A list or table with its inputs and buttons below it."""
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(widget)
        for item in extra:
            if isinstance(item, tuple):
                button = QPushButton(item[0])
                button.clicked.connect(item[1])
                item = button
            box_layout.addWidget(item)
        return box

    def refresh(self) -> None:
        if self.ws.may(Permission.MANAGE_ACCOUNTS):
            self.accounts.refresh()
        if self.ws.may(Permission.CONFIGURE):
            self.worker.submit(lambda: setup.read_config(self.ws, "deadline_policy"), self._show_policy)
            self.worker.submit(lambda: choices.places(self.ws), self._show_places)
            self.worker.submit(
                lambda: setup.list_orgs(self.ws), self._show_orgs, lambda e: show_error(self, e)
            )
            self.worker.submit(lambda: documents.read_templates(self.ws), self._show_templates)
            self.worker.submit(
                lambda: documents.template_notices(self.ws),
                self._show_template_notices,
                lambda e: show_error(self, e),
            )

    def _show_templates(self, texts: dict) -> None:
        self.templates.setRowCount(len(documents.TEMPLATE_LABELS))
        for r, (key, name) in enumerate(documents.TEMPLATE_LABELS.items()):
            item = QTableWidgetItem(label(name))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.templates.setItem(r, 0, item)
            self.templates.setItem(r, 1, QTableWidgetItem(texts.get(key, "")))
        self.templates.resizeColumnToContents(0)
        self.templates.resizeRowsToContents()

    def _show_template_notices(self, notices: list) -> None:
        self.template_notices.setText("\n".join(say(n) for n in notices))
        self.template_notices.setVisible(bool(notices))

    def save_templates(self) -> None:
        values = {
            self.templates.item(r, 0).data(Qt.ItemDataRole.UserRole): self.templates.item(r, 1).text()
            for r in range(self.templates.rowCount())
        }
        self.worker.submit(
            lambda: documents.save_templates(self.ws, values), None, lambda e: show_error(self, e)
        )

    def default_templates(self) -> None:
        """The shipped wording back in the table; saved when the township saves it."""
        self._show_templates(documents.default_templates())

    def _show_places(self, places) -> None:
        self.places = places
        names = {v.id: v.name for v in places.villages}
        self.grids.clear()
        for g in places.grids:  # each line knows its grid: renaming and removing act on the one selected
            self.grids.addItem(f"{names.get(g.parent_id, '')} {g.name}")
            self.grids.item(self.grids.count() - 1).setData(Qt.ItemDataRole.UserRole, (g.id, g.name))
        self.grid_village.clear()
        for v in places.villages:
            self.grid_village.addItem(v.name, v.id)
        self.grid_worker.clear()
        self.grid_worker.addItem(self.tr("（暂不指定）"), None)
        for person in places.people:
            if "grid_worker" in (person.parent_id or ""):
                self.grid_worker.addItem(person.name, person.id.removeprefix("account:"))
        self.categories.clear()
        self.categories.addItems([f"{k}：{'、'.join(v)}" for k, v in places.categories.items()])
        self.channels.clear()
        self.channels.addItems(list(places.channels))

    def _configure(self, key: str, value) -> None:
        self.worker.submit(lambda: setup.configure(self.ws, key, value), None, lambda e: show_error(self, e))

    def add_grid(self) -> None:
        village, name, worker = (
            self.grid_village.currentData(),
            self.new_grid.text(),
            self.grid_worker.currentData(),
        )
        if village is None:
            warn(self, self.tr("无法保存"), self.tr("请先添加一个村（社区），网格建在村（社区）下"))
            return
        self.worker.submit(
            lambda: setup.add_grid(self.ws, village, name, worker),
            lambda _: self.new_grid.clear(),
            lambda e: show_error(self, e),
        )

    def add_village(self) -> None:
        name, code, committee = (
            self.new_village.text(),
            self.village_code.text().strip(),
            self.village_committee.text(),
        )
        self.worker.submit(
            lambda: setup.add_village_with_committee(self.ws, name, code or None, committee),
            lambda _: [w.clear() for w in (self.new_village, self.village_code, self.village_committee)],
            lambda e: show_error(self, e),
        )

    @staticmethod
    def _chosen(places: QListWidget) -> tuple[str, str] | None:
        item = places.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def rename_village(self) -> None:
        self._rename(self.villages, self.tr("重命名村（社区）"), self.tr("新名称："), setup.rename_village)

    def rename_grid(self) -> None:
        self._rename(self.grids, self.tr("重命名网格"), self.tr("新名称："), setup.rename_grid)

    def _rename(self, places: QListWidget, title: str, prompt: str, rename) -> None:
        chosen = self._chosen(places)
        if chosen is None:
            warn(self, title, self.tr("请先在列表中选中一项"))
            return
        record_id, name = chosen
        new_name, ok = QInputDialog.getText(self, title, prompt, text=name)
        if ok and new_name.strip() and new_name.strip() != name:
            renaming = lambda: rename(self.ws, record_id, new_name)  # noqa: E731
            self.worker.submit(renaming, None, lambda e: show_error(self, e))

    def remove_village(self) -> None:
        self._remove(
            self.villages,
            self.tr("删除村（社区）"),
            self.tr("删除村（社区）“{0}”及其人民调解委员会？还有住户、事项、网格或账号使用它时不能删除。"),
            setup.remove_village,
        )

    def remove_grid(self) -> None:
        self._remove(
            self.grids,
            self.tr("删除网格"),
            self.tr("删除网格“{0}”？还有住户、事项或账号使用它时不能删除。"),
            setup.remove_grid,
        )

    def _remove(self, places: QListWidget, title: str, question: str, remove) -> None:
        """Asks first; the service refuses, naming what still uses it, while anything does."""
        chosen = self._chosen(places)
        if chosen is None:
            warn(self, title, self.tr("请先在列表中选中一项"))
            return
        record_id, name = chosen
        answer = ask(
            self,
            title,
            question.format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.worker.submit(lambda: remove(self.ws, record_id), None, lambda e: show_error(self, e))

    def _show_villages(self, orgs) -> None:
        committees = {o.village_id: o.name for o in orgs if o.kind == "village_committee" and o.village_id}
        self.villages.clear()
        for v in self.places.villages:
            self.villages.addItem(f"{v.name}　{committees.get(v.id, self.tr('（未设调解委员会）'))}")
            self.villages.item(self.villages.count() - 1).setData(Qt.ItemDataRole.UserRole, (v.id, v.name))

    def _show_orgs(self, orgs) -> None:
        self._show_villages(orgs)
        # each tier its own units (review: the county's list mixed the townships' in), grouped by level
        county = self.ws.actor.scope.kind == "county"
        own = [o for o in orgs if o.kind in ("unit", "team") and (o.level == "county") == county]
        order = {level: i for i, level in enumerate(("county", "township", "village"))}
        shown = self.shown_orgs = sorted(own, key=lambda o: (order.get(o.level, 3), o.kind, o.name))
        self.orgs.setRowCount(len(shown))
        for r, o in enumerate(shown):
            kind = self.tr("职能部门") if o.kind == "unit" else self.tr("调解队伍")
            kind = f"{label(LEVEL_LABELS.get(o.level, o.level))} {kind}"
            # members by their names, as people know them (review 33), not their sign-in names
            for c, value in enumerate((kind, o.name, "、".join(o.member_names or o.members))):
                self.orgs.setItem(r, c, QTableWidgetItem(value))
        self.orgs.resizeColumnsToContents()

    def add_org(self) -> None:
        kind, name = self.org_kind.currentData(), self.new_org.text().strip()
        self.worker.submit(
            lambda: setup.add_org(self.ws, kind, name),
            lambda _: self.new_org.clear(),
            lambda e: show_error(self, e),
        )

    def _committee_inputs(self) -> QWidget:
        self.committee_name, self.committee_short = QLineEdit(), QLineEdit()
        self.committee_name.setPlaceholderText(self.tr("人民调解委员会名称（不填则由单位名称生成）"))
        if self.ws.actor.scope.kind == "county":
            self.committee_short.setPlaceholderText(self.tr("文书号简称，如 县司（不填则由单位名称生成）"))
        else:
            self.committee_short.setPlaceholderText(self.tr("文书号简称，如 芒新（不填则取镇、村首字）"))
        return side_by_side(self.committee_name, self.committee_short)

    def name_committee(self) -> None:
        row = self.orgs.currentRow()
        if row < 0:
            warn(self, self.tr("无法保存"), self.tr("请先在表中选中一个单位或队伍"))
            return
        org_id = self.shown_orgs[row].id
        name, short = self.committee_name.text(), self.committee_short.text()
        self.worker.submit(
            lambda: committees.name_committee(self.ws, org_id, name, short),
            lambda _: (self.committee_name.clear(), self.committee_short.clear()),
            lambda e: show_error(self, e),
        )

    def add_members(self) -> None:
        row = self.orgs.currentRow()
        if row < 0:
            warn(self, self.tr("无法保存"), self.tr("请先在表中选中一个单位或队伍"))
            return
        org_id = self.shown_orgs[row].id
        usernames = [u for u in re.split(r"[,，、\s]+", self.new_members.text()) if u]
        self.worker.submit(
            lambda: setup.add_members(self.ws, org_id, usernames),
            lambda _: self.new_members.clear(),
            lambda e: show_error(self, e),
        )

    def import_orgs(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入单位和队伍"), "", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if name:
            self.import_orgs_from(name)

    def import_orgs_from(self, name: str) -> None:
        self.worker.submit(
            lambda: org_sheet.import_orgs(self.ws, Path(name)), self._imported, lambda e: show_error(self, e)
        )

    def _imported(self, report) -> None:
        self.import_report = report
        text = self.tr("新建 {0} 个单位或队伍，加入成员 {1} 人。").format(len(report.created), report.joined)
        if report.rejected:
            lines = [
                self.tr("第 {0} 行 {1}：{2}").format(r.row, r.field, say(r.reason)) for r in report.rejected
            ]
            text += "\n" + self.tr("以下各行未导入：") + "\n" + "\n".join(lines)
        inform(self, self.tr("导入单位和队伍"), text)

    def add_category(self) -> None:
        major, _, minor = self.new_category.text().strip().partition("/")
        if not major.strip():
            warn(self, self.tr("无法保存"), self.tr("请填写类别，如“邻里/噪音”"))
            return
        categories = {k: list(v) for k, v in self.places.categories.items()}
        subs = categories.setdefault(major.strip(), [])
        if minor.strip() and minor.strip() not in subs:
            subs.append(minor.strip())
        self.new_category.clear()
        self._configure("categories", categories)

    def add_channel(self) -> None:
        name = self.new_channel.text().strip()
        if name and name not in self.places.channels:
            self.new_channel.clear()
            self._configure("channels", [*self.places.channels, name])

    def remove_channel(self) -> None:
        chosen = {item.text() for item in self.channels.selectedItems()}
        if not chosen:
            return
        answer = ask(
            self,
            self.tr("删除来源渠道"),
            self.tr("删除来源渠道“{0}”？已登记的事项保留原来源，新上报的事项不再能选它。").format(
                "、".join(sorted(chosen))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._configure("channels", [c for c in self.places.channels if c not in chosen])

    def _show_policy(self, policy) -> None:
        self.policy = policy or {}
        grades = self.policy.get("grades", [])
        self.grades.setRowCount(len(grades))
        for r, g in enumerate(grades):
            for c, value in enumerate((g["label"], g.get("handled_by", ""), g["days"])):
                self.grades.setItem(r, c, QTableWidgetItem(str(value)))
        self.grades.resizeColumnsToContents()

    def save_policy(self) -> None:
        """The grade table is the township's own (its names, who handles each, the days allowed; other
        townships use 7 / 20 / 60): edited here, checked by the service."""
        policy = dict(self.policy)
        grades = []
        for r, g in enumerate(policy.get("grades", [])):
            text = self.grades.item(r, 2).text().strip()
            if not text.isdigit() or int(text) <= 0:
                warn(self, self.tr("无法保存"), self.tr("{0} 的时限应为正整数天数").format(g["label"]))
                return
            name = self.grades.item(r, 0).text().strip()
            if not name:
                warn(self, self.tr("无法保存"), self.tr("第 {0} 行的星级名称不能为空").format(r + 1))
                return
            grades.append(
                {**g, "label": name, "handled_by": self.grades.item(r, 1).text().strip(), "days": int(text)}
            )
        policy["grades"] = grades
        self.worker.submit(
            lambda: setup.configure(self.ws, "deadline_policy", policy), None, lambda e: show_error(self, e)
        )

    def add_account(self) -> QDialog:
        return self.accounts.add_account()

    def _language(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        inform(self, self.tr("语言"), self.tr("重新启动枫桥后使用新的语言。"))
