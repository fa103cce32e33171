"""The composition root: builds the application, the workers and the windows, and hands each what it needs."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QThread, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import paths

# Fonts that render Chinese: Windows has Microsoft YaHei out of the box; Linux machines get WenQuanYi.
CJK_FONTS = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "SimSun",
]


def make_application(argv=None, language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("Fengqiao")
    QCoreApplication.setApplicationName("Fengqiao")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "fengqiao.png")))
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(10)
            app.setFont(font)
            break
    install_translation(app, language)
    from .ui.common import install_screen_fit

    install_screen_fit(app)  # every window and dialog within the screen it opens on
    if not hasattr(app, "_fengqiao_gc"):
        from .ui.gc_guard import GcGuard

        app._fengqiao_gc = GcGuard(parent=app)
    return app


class MissingTranslation(Exception):
    """A language was asked for by name and its translation is not installed: say so, never show Chinese."""


def install_translation(app: QApplication, language: str | None = None) -> str:
    """zh_CN is the source language; any other language loads its .qm from resources/i18n. A language asked
    for by name must be there; one that only follows the settings or the system falls back to Chinese."""
    remove_translation(app)
    asked = language
    language = language or QSettings().value("language", "") or QLocale.system().name()
    chosen = "zh_CN"
    if not language.startswith("zh"):
        translator = QTranslator(app)
        if translator.load(str(paths.resources_dir() / "i18n" / f"fengqiao_{language.split('_')[0]}.qm")):
            app.installTranslator(translator)
            app._fengqiao_translator = translator  # keep it alive as long as the application
            chosen = language
        elif asked:
            raise MissingTranslation(f"没有找到界面语言 {asked} 的翻译（{paths.resources_dir() / 'i18n'}）")
    # Qt's own buttons (Save, Cancel …) in the language the window ends up in, not the system's: on a
    # system whose locale is C or English the window falls back to Chinese, and so must they (review).
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        app._fengqiao_qt_translator = qt_own
    return chosen


def remove_translation(app: QApplication) -> None:
    """Take out the translators install_translation put in (a tool that borrowed the application)."""
    for name in ("_fengqiao_qt_translator", "_fengqiao_translator"):
        translator = getattr(app, name, None)
        if translator is not None:
            app.removeTranslator(translator)
            setattr(app, name, None)


def make_workers(log_path: Path | None = None):
    """The database worker and the network worker (so a slow link never holds up the database), sharing one
    change hub and one default handler for work that fails with no handler of its own."""
    from .ui.failures import FailureReport
    from .ui.worker import DbWorker

    failures = FailureReport(log_path)
    worker = DbWorker(on_error=failures)
    return worker, DbWorker("fengqiao-net", worker.hub, on_error=failures)


def run_gui(db_path: Path | None = None, language: str | None = None, open_file: Path | None = None) -> int:
    from . import logs
    from .local_server import start_if_needed
    from .ui.main_window import MainWindow
    from .ui.start import LoginDialog, SetupDialog

    app = make_application(language=language)
    log_path = logs.setup()
    logs.install_excepthook(show_unexpected, log_path)
    local_server = None
    worker, net_worker = make_workers(log_path)
    path = Path(db_path) if db_path else paths.default_database()
    try:
        if not path.exists():
            setup = SetupDialog(worker, path)
            if not setup.exec():
                return 0
            path = setup.path
        notice = None
        while True:  # a restore from the menu closes the window and signs in again
            login = LoginDialog(worker, path, notice=notice)
            if not login.exec():
                return 0
            if local_server is None:
                local_server = start_if_needed(login.server_url)
            window = MainWindow(login.workspace, worker, login.places, net_worker)
            window.show_first()
            if open_file is not None:  # a double-clicked offline sync bundle
                window.import_bundle(Path(open_file))
                open_file = None
            code = app.exec()
            notice = window.relogin_notice
            if notice is None:
                return code
    finally:
        worker.stop()
        net_worker.stop()
        if local_server is not None:
            local_server.stop()


def show_unexpected(message: str, log_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from .ui.common import tr

    text = tr("出现意外错误：{0}\n\n您的数据已保存到最后一次完成的操作，没有丢失。详情已记入日志：{1}")
    QMessageBox.critical(None, tr("枫桥出错了"), text.format(message, log_path))


def smoke() -> int:
    """The frozen build's self-check: a new encrypted database, migrated; the main window built offscreen."""
    import os
    import secrets
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.services import choices, setup

    from .ui.main_window import MainWindow

    app = make_application()
    with tempfile.TemporaryDirectory(prefix="fengqiao-smoke-") as folder:
        ws = setup.create_township(Path(folder) / "smoke.db", "冒烟镇", secrets.token_urlsafe(16))
        worker, net_worker = make_workers()
        try:
            window = MainWindow(ws, worker, choices.places(ws))
            window.show()
            for _ in range(200):  # until the first pages have loaded
                app.processEvents()
                if not worker.busy:
                    break
                QThread.msleep(25)
            pages = window.nav.count()
            window.close()
        finally:
            worker.stop()
            net_worker.stop()
            ws.close()
    from .about import build_id

    english = QTranslator().load(str(paths.resources_dir() / "i18n" / "fengqiao_en.qm"))
    print(
        f"smoke ok: build {build_id()}, database schema {ws.db.schema_version}, "
        f"main window with {pages} pages, English translation {'loaded' if english else 'MISSING'}"
    )
    return 0 if english else 1
