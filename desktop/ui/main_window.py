"""The main window: navigation on the left, one page per job; the account, its scope and the sync state in the
status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.about import facts
from desktop.services import choices, visits
from sync.core.domain.roles import ROLE_LABELS, Permission, Role
from sync.core.domain.scope import SCOPE_LABELS

from . import bundles
from .audit import AuditPage
from .backup import RestoreDialog, make_backup, restore_then_relogin
from .common import show_error
from .conflicts import ConflictsDialog
from .county_stats import CountyStatsPage
from .desk import DeskPage
from .households import HouseholdsPage
from .join import ServerDialog
from .labels import label
from .ledger import LedgerPage
from .matter_view import MatterDialog
from .mediation import MediationPage
from .patrols import PatrolsDialog
from .plain import plain_label
from .settings import SettingsPage
from .stats import StatsPage
from .sync_panel import SyncPanel
from .visits import VisitDialog, VisitsPage

# The township's set-up, which the forms' drop-down lists offer.
PLACE_KINDS = {"divisions", "grids", "orgs", "accounts", "config"}


class MainWindow(QMainWindow):
    def __init__(self, ws, worker, places, net_worker=None, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.places = ws, worker, places
        self.relogin_notice: str | None = (
            None  # set when the window closes for a new sign-in (after a restore)
        )
        self.sync = SyncPanel(ws, worker, net_worker, self)
        # the county works for every township of its server: its window names none of them (review 3)
        where = self.tr("县综治中心") if ws.actor.scope.kind == "county" else places.township
        self.setWindowTitle(self.tr("枫桥 · {0}").format(where))
        self.nav = QListWidget()
        self.nav.setFixedWidth(132)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 9px 12px; }")
        self.stack = QStackedWidget()
        self.pages = {}
        # The auditor's own screen; the desk counts matters, which not every role may read.
        if ws.may(Permission.READ_AUDIT):
            self.audit = self._page("audit", self.tr("审计日志"), AuditPage(ws, worker))
        self.desk = None
        if ws.may(Permission.VIEW_MATTERS):
            self.desk = self._page("desk", self.tr("工作台"), DeskPage(ws, worker))
        if ws.may(Permission.VIEW_RESIDENTS):
            self.households = self._page("households", self.tr("住户"), HouseholdsPage(ws, worker, places))
            self.households.visit_requested.connect(self.new_visit)
            self.households.matter_opened.connect(self.open_matter)
        if ws.may(Permission.LOG_VISIT) and ws.may(Permission.VIEW_RESIDENTS):
            self.visits = self._page("visits", self.tr("走访"), VisitsPage(ws, worker, places))
            self.visits.household_opened.connect(self.open_household)
            self.visits.visit_requested.connect(lambda: self.new_visit())
        if ws.may(Permission.VIEW_MATTERS):
            self.ledger = self._page("ledger", self.tr("矛盾纠纷台账"), LedgerPage(ws, worker, places))
        if ws.has_role(Role.MEDIATOR, Role.PLATFORM):
            self.mediation = self._page("mediation", self.tr("调解"), MediationPage(ws, worker, places))
        if ws.may(Permission.VIEW_MATTERS):
            # a county account ranks its townships and its own units, not a township's villages
            county = ws.actor.scope.kind == "county"
            self._page(
                "stats", self.tr("统计"), CountyStatsPage(ws, worker) if county else StatsPage(ws, worker)
            )
        self._page("settings", self.tr("设置"), SettingsPage(ws, worker, places))
        worker.hub.subscribe(self, PLACE_KINDS, lambda _changes: self._reload_places())
        if self.desk is not None:
            self.desk.open_ledger.connect(self.show_ledger)
            self.desk.open_matter.connect(self.open_matter)
            self.desk.new_visit.connect(lambda: self.new_visit())
            self.desk.new_matter.connect(self.new_matter)
            self.desk.go_to.connect(self.go)
            self.desk.open_conflicts.connect(self.show_conflicts)
            if "visits" in self.pages:  # the 本月走访 tile opens this month's visits
                self.desk.open_visits.connect(lambda: (self.visits.show_this_month(), self.go("visits")))
        self.nav.currentRowChanged.connect(self._navigate)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._status()
        self._menus()
        self.nav.setCurrentRow(0)
        settings = QSettings()
        self.fits_screen = True
        if settings.value("main/geometry") is not None:
            self.restoreGeometry(settings.value("main/geometry"))
        else:
            self._first_size()

    def _first_size(self) -> None:
        self.resize(1280, 800)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            self.fits_screen = free.width() >= 1280 and free.height() >= 800

    def show_first(self) -> None:
        """Show the window; the first time, maximised where 1280×800 does not fit (a township laptop's
        1366×768, or any screen at 125 %), so the status bar and the sync button are on screen."""
        if self.fits_screen:
            self.show()
        else:
            self.showMaximized()

    def _page(self, key: str, title: str, widget):
        self.nav.addItem(title)
        self.nav.item(self.nav.count() - 1).setData(Qt.ItemDataRole.UserRole, key)
        if widget is not None:
            self.stack.addWidget(widget)
        self.pages[key] = widget
        return widget

    def _navigate(self, row: int) -> None:
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self.pages[key])
        self._current = key

    def go(self, key: str) -> None:
        key, _, part = key.partition("/")  # "settings/grids": the page, then the part of it that does it
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
        if part and hasattr(self.pages.get(key), "show_part"):
            self.pages[key].show_part(part)

    def _status(self) -> None:
        a = self.ws.actor
        roles = "、".join(label(ROLE_LABELS[r]) for r in Role if r in a.roles)
        who = self.tr("{0}（{1}）").format(a.display_name, roles)
        # a county account given no name is shown by its roles already (roles.shown_name): not twice
        held = "、".join(ROLE_LABELS[r] for r in Role if r in a.roles)
        self.account_label = plain_label(a.display_name if a.display_name.endswith(f"（{held}）") else who)
        self.scope_label = plain_label(self.tr("范围：{0}").format(label(SCOPE_LABELS[a.scope.kind])))
        for w in (self.account_label, self.scope_label):
            self.statusBar().addWidget(w)
        for w in self.sync.widgets():
            self.statusBar().addPermanentWidget(w)
        self.sync_label = self.sync.label
        self.sync.conflicts_button.clicked.connect(self.show_conflicts)

    def _menus(self) -> None:
        county = self.ws.actor.scope.kind == "county"  # it reports nothing of a township's (review 3)
        file_menu = self.menuBar().addMenu(self.tr("文件"))
        work = self.menuBar().addMenu(self.tr("工作"))
        sync_menu = self.menuBar().addMenu(self.tr("同步"))
        help_menu = self.menuBar().addMenu(self.tr("帮助"))
        for menu, text, shortcut, slot, allowed in (
            (work, self.tr("登记走访"), "Ctrl+N", self.new_visit, self.ws.may(Permission.LOG_VISIT)),
            (
                work,
                self.tr("上报事项"),
                "Ctrl+M",
                self.new_matter,
                not county and self.ws.may(Permission.VIEW_MATTERS),
            ),
            (work, self.tr("巡查记录…"), None, self.show_patrols, self.ws.may(Permission.LOG_VISIT)),
            (work, self.tr("搜索"), QKeySequence.StandardKey.Find, self.focus_search, True),
            (sync_menu, self.tr("立即同步"), "F5", self.sync.sync_now, True),
            (sync_menu, self.tr("服务器设置…"), None, self.server_settings, True),
            (sync_menu, self.tr("冲突与被拒的修改…"), None, self.show_conflicts, True),
            (sync_menu, self.tr("导出离线同步包…"), None, self.export_bundle, True),
            (sync_menu, self.tr("导入离线同步包…"), None, self.import_bundle, True),
            (file_menu, self.tr("备份本机数据…"), None, self.backup, self.ws.may(Permission.BACKUP)),
            (file_menu, self.tr("从备份恢复…"), None, self.restore, self.ws.may(Permission.BACKUP)),
            (file_menu, self.tr("退出"), QKeySequence.StandardKey.Quit, self.close, True),
            (help_menu, self.tr("关于枫桥"), None, self.about, True),
        ):
            if not allowed:
                continue
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)

    def open_household(self, household_id: str) -> None:
        """From a visit in the 走访 list: its household on the 住户 page, its card shown."""
        self.go("households")
        self.households.show_household(household_id)

    def household_in_view(self) -> str | None:
        """The household the 住户 page stands on while it is shown: the forms opened now are about it."""
        page = getattr(self, "households", None)
        return page.household_id() if page is not None and self.stack.currentWidget() is page else None

    def new_visit(self, household_id: str | None = None) -> VisitDialog:
        household_id = household_id or self.household_in_view()
        dialog = VisitDialog(self.ws, self.worker, household_id, self)
        dialog.found_dispute.connect(self.new_matter)
        dialog.open()
        self.visit_dialog = dialog
        return dialog

    def show_patrols(self) -> PatrolsDialog:
        """巡查: patrols of places that are no household; a matter reported from one opens the report form."""
        dialog = PatrolsDialog(self.ws, self.worker, self.places, self)
        dialog.found_dispute.connect(self.new_matter)
        dialog.open()
        self.patrols_dialog = dialog
        return dialog

    def new_matter(self, prefill=None, residents=None):
        household = self.household_in_view() if prefill is None else None
        if household is not None:  # Ctrl+M from a household: its village, its residents as parties
            self.worker.submit(
                lambda: visits.matter_from_household(self.ws, household),
                lambda r: self.new_matter(r.form, r.residents),
                lambda e: show_error(self, e),
            )
            return None
        self.go("ledger")
        self.report_dialog = self.ledger.new_matter(prefill, residents)
        return self.report_dialog

    def _reload_places(self) -> None:
        self.worker.submit(lambda: choices.places(self.ws), self._places_read, lambda e: show_error(self, e))

    def _places_read(self, fresh) -> None:
        self.places.take(fresh)
        for page in self.pages.values():
            if hasattr(page, "places_changed"):
                page.places_changed()

    def show_ledger(self, preset: dict) -> None:
        self.go("ledger")
        self.ledger.apply(preset)

    def open_matter(self, matter_id: str) -> MatterDialog:
        dialog = MatterDialog(self.ws, self.worker, self.places, matter_id, self)
        dialog.open()
        return dialog

    def show_conflicts(self) -> ConflictsDialog:
        dialog = ConflictsDialog(self.ws, self.worker, self)
        dialog.open()
        self.conflicts_dialog = dialog
        return dialog

    def server_settings(self) -> ServerDialog:
        dialog = ServerDialog(self.ws, self.worker, self.sync.last_status, self)
        dialog.saved.connect(lambda _url: self.sync.refresh())
        dialog.open()
        self.server_dialog = dialog
        return dialog

    def export_bundle(self) -> None:
        bundles.export_bundle(self, self.ws, self.worker)

    def import_bundle(self, source=None) -> None:
        bundles.import_bundle(self, self.ws, self.worker, source)

    def focus_search(self) -> None:
        """Ctrl+F: the search of the page shown; from a page without one (the desk), the households' one."""
        page = self.stack.currentWidget()
        if not hasattr(page, "focus_search"):
            for key, target in (
                ("households", getattr(self, "households", None)),
                ("ledger", getattr(self, "ledger", None)),
            ):
                if target is not None:
                    self.go(key)
                    page = target
                    break
        if hasattr(page, "focus_search"):
            page.focus_search()

    def backup(self):
        return make_backup(self, self.ws, self.worker)

    def restore(self) -> RestoreDialog | None:
        if self.sync.running is not None:
            QMessageBox.information(self, self.tr("从备份恢复"), self.tr("正在同步，请等同步结束后再恢复。"))
            return None
        dialog = RestoreDialog(self.worker, self)
        dialog.accepted.connect(lambda: self._restore(dialog.form.values()))
        dialog.open()
        self.restore_dialog = dialog
        return dialog

    def _restore(self, values) -> None:
        self.sync.timer.stop()  # nothing may reach for the database while it is being replaced
        self.centralWidget().setEnabled(False)
        self.menuBar().setEnabled(False)
        restore_then_relogin(self, self.ws, self.worker, values, self._restored)

    def _restored(self, notice: str) -> None:
        self.relogin_notice = notice
        self.close()

    def about(self) -> AboutDialog:
        f = facts(self.ws.db.schema_version, self.ws.db.path)
        rows = "".join(
            f"<tr><td><a href='{url}'>{name}</a></td><td>{licence}</td></tr>"
            for name, licence, url in f.libraries
        )
        text = self.tr(
            "<h3>枫桥 {0}</h3><p>构建：{1}<br>数据库结构版本：{2}<br>"
            "数据库：{3}<br>数据文件夹：{4}<br>日志：{5}</p>"
            "<p>本软件使用以下开源库，各依其许可证；Qt 依 LGPL-3.0 动态链接，可替换。</p>"
        ).format(f.version, f.build, f.schema_version, f.database, f.data_folder, f.log_folder)
        box = AboutDialog(self.tr("关于枫桥"), text + f"<table>{rows}</table>", self)
        box.open()
        self.about_box = box
        return box

    def closeEvent(self, event) -> None:
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)


class AboutDialog(QDialog):
    """关于枫桥: the facts and the libraries' licences in a text that scrolls (the list is longer than a
    small screen at 150 %), its links opening in the browser."""

    def __init__(self, title: str, html: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.html = html
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setHtml(html)
        browser.setMinimumSize(460, 360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def text(self) -> str:
        return self.html
