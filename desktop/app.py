"""The composition root: builds the application, the DB worker and the windows, and hands them what they need."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
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
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(10)
            app.setFont(font)
            break
    install_translation(app, language)
    if not hasattr(app, "_fengqiao_gc"):
        from .ui.gc_guard import GcGuard

        app._fengqiao_gc = GcGuard(parent=app)
    return app


def install_translation(app: QApplication, language: str | None = None) -> str:
    """zh_CN is the source language; any other language loads its .qm from resources/i18n."""
    language = language or QSettings().value("language", "") or QLocale.system().name()
    qt_own = QTranslator(app)  # Qt's own buttons (Save, Cancel …) in the chosen language
    if qt_own.load(
        f"qtbase_{'zh_CN' if language.startswith('zh') else language}",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_own)
        app._fengqiao_qt_translator = qt_own
    if language.startswith("zh"):
        return "zh_CN"
    translator = QTranslator(app)
    if translator.load(str(paths.resources_dir() / "i18n" / f"fengqiao_{language.split('_')[0]}.qm")):
        app.installTranslator(translator)
        app._fengqiao_translator = translator  # keep it alive as long as the application
        return language
    return "zh_CN"


def run_gui(db_path: Path | None = None, language: str | None = None) -> int:
    from desktop.services import syncing

    from .local_server import start_if_needed
    from .ui.main_window import MainWindow
    from .ui.start import LoginDialog, SetupDialog
    from .ui.worker import DbWorker

    app = make_application(language=language)
    local_server = None
    worker = DbWorker()
    net_worker = DbWorker("fengqiao-net")  # network work, so a slow link never holds up the database
    path = Path(db_path) if db_path else paths.default_database()
    try:
        if not path.exists():
            setup = SetupDialog(worker, path)
            if not setup.exec():
                return 0
            path = setup.path
        login = LoginDialog(worker, path)
        if not login.exec():
            return 0
        local_server = start_if_needed(syncing.status(login.workspace).server_url)
        window = MainWindow(login.workspace, worker, login.places, net_worker)
        window.show()
        return app.exec()
    finally:
        worker.stop()
        net_worker.stop()
        if local_server is not None:
            local_server.stop()
