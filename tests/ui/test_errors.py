"""No background failure vanishes: work submitted without an on_error of its own fails into the default
handler the composition root gives the workers (desktop.app.make_workers): a message in the window and a line
in the log file.

Every such call in desktop/ui is found by reading the code (CALLS below must list them all), and each is made
to fail for real: a database file damaged under the open window (a failing disk, a pulled USB stick), or the
service refusing a matter outside the account's scope. Nothing of ours is replaced.
"""

from __future__ import annotations

import ast
import logging
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

import desktop.ui
from desktop import logs
from desktop.app import make_workers
from desktop.services import choices, matters, residents
from desktop.services.matters import MatterInput
from desktop.services.residents import HouseholdInput

UI = Path(desktop.ui.__file__).parent


def calls_without_handler() -> dict[tuple[str, str], int]:
    """Every worker.submit(...) in desktop/ui that passes no on_error: (module, the submitted work's source) →
    the line the work starts on (what the log names)."""
    found = {}
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if (
                node.func.attr != "submit"
                or len(node.args) >= 3
                or "on_error" in {k.arg for k in node.keywords}
            ):
                continue
            work = node.args[0]
            source = ast.unparse(work.body if isinstance(work, ast.Lambda) else work)
            found[(path.name, source)] = work.lineno
    return found


def damage(ws) -> None:
    """The database file overwritten with noise while the window is open: every later connection fails."""
    ws.db.close()
    path = Path(ws.db.path)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(os.urandom(path.stat().st_size))


DAMAGED = "无法读取：文件已损坏"  # desktop.store.engine.DatabaseUnreadable, in the person's words
OUT_OF_SCOPE = "找不到该事项，或不在您的范围内"


class Setting:
    """The app's workers as the composition root makes them, logging into a file of this test's own."""

    def __init__(self, qtbot, log_path: Path):
        self.qtbot = qtbot
        self.log_path = log_path
        self.worker, self.net_worker = make_workers(log_path)
        self.failures = self.worker.on_error
        self.holder = QWidget()  # parent of the widgets under test
        qtbot.addWidget(self.holder)

    def settle(self, timeout: int = 15000) -> None:
        for _ in range(2):  # a callback may submit more work
            self.qtbot.wait(10)
            self.qtbot.waitUntil(lambda: not self.worker.busy, timeout=timeout)

    def log(self) -> str:
        for handler in logging.getLogger().handlers:
            handler.flush()
        return self.log_path.read_text(encoding="utf-8")

    def message(self) -> str:
        box = self.failures.box
        assert box is not None and box.isVisible(), "no message shown"
        return f"{box.text()}\n{box.informativeText()}"

    def stop(self) -> None:
        self.worker.stop()
        self.net_worker.stop()


@pytest.fixture
def app_setting(qtbot, tmp_path):
    root = logging.getLogger()
    level = root.level
    log_path = logs.setup(tmp_path / "logs")
    setting = Setting(qtbot, log_path)
    yield setting
    if setting.failures.box is not None and isValid(setting.failures.box):
        setting.failures.box.close()
    setting.stop()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(log_path)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


# ------------------------------------------------------------------------------- the failures, provoked


def sync_status_unreadable(township, s: Setting):
    from desktop.ui.sync_panel import SyncPanel

    ws = township.login("grid1")
    damage(ws)
    SyncPanel(ws, s.worker, None, parent=s.holder)  # reads the sync state as it starts
    s.settle()
    return DAMAGED


def settings_unreadable(township, s: Setting):
    from desktop.ui.settings import SettingsPage

    ws = township.login("platform")
    places = choices.places(ws)
    damage(ws)
    SettingsPage(ws, s.worker, places, parent=s.holder)  # reads its tables as it opens
    s.settle()
    return DAMAGED


def household_search_unreadable(township, s: Setting):
    from desktop.ui.visits import VisitDialog

    ws = township.login("grid1")
    dialog = VisitDialog(ws, s.worker, parent=s.holder)
    dialog.show()
    damage(ws)
    dialog.search.setText("东村")  # the search runs once typing pauses
    s.qtbot.waitUntil(lambda: s.failures.box is not None, timeout=5000)
    s.settle()
    return DAMAGED


def report_form_unreadable(township, s: Setting):
    """The visit is saved; the disk fails before the report form is filled in from it."""
    from desktop.ui.visits import VisitDialog

    ws = township.login("grid1")
    household = residents.save_household(
        ws, HouseholdInput(township.village, "0001", "东村一组1号", township.grid)
    )
    dialog = VisitDialog(ws, s.worker, household.id, parent=s.holder)
    dialog.show()
    dialog.findings.setPlainText("两户为宅基地边界争吵")
    dialog.dispute.setChecked(True)
    dialog.save()  # queued on the database thread ...
    s.worker.submit(
        lambda: damage(ws), on_error=lambda e: pytest.fail(f"could not damage: {e}")
    )  # ... then this
    s.settle()
    assert dialog.saved_id and dialog.isVisible()  # saved, but no report form came, and the dialog says why
    return DAMAGED


def papers_of_a_matter_out_of_scope(township, s: Setting, no_popups):
    """Another grid's matter (a link to it, say): the service refuses to list its papers."""
    from desktop.ui.matter_view import MatterView

    theirs = matters.report(
        township.login("grid1"), MatterInput("邻里噪音纠纷", "网格排查", grid_id=township.grid)
    )
    ws = township.login("grid2")
    view = MatterView(ws, s.worker, choices.places(ws), parent=s.holder)
    view.show_matter(theirs.id)
    s.settle()
    # the matter's own reading has a handler of its own: that one is shown by it, not by the default handler
    assert no_popups == [OUT_OF_SCOPE]
    assert "matter_detail" not in s.log()
    return OUT_OF_SCOPE


# Today's calls with no on_error of their own, and how each is made to fail.
CALLS = {
    ("sync_panel.py", "syncing.status(self.ws)"): sync_status_unreadable,
    ("settings.py", "setup.read_config(self.ws, 'deadline_policy')"): settings_unreadable,
    ("settings.py", "choices.places(self.ws)"): settings_unreadable,
    ("settings.py", "documents.read_templates(self.ws)"): settings_unreadable,
    ("visits.py", "lists.households(self.ws, text=text, limit=20)"): household_search_unreadable,
    ("visits.py", "visits.matter_from_visit(self.ws, changed.id)"): report_form_unreadable,
    ("matter_view.py", "documents.offers(self.ws, matter_id)"): papers_of_a_matter_out_of_scope,
}


def test_every_call_without_a_handler_is_made_to_fail_below():
    assert set(calls_without_handler()) == set(CALLS)


@pytest.mark.parametrize("call", list(CALLS), ids=lambda call: f"{call[0]}:{call[1]}")
def test_a_failure_with_no_handler_is_shown_and_logged(call, township, app_setting, no_popups):
    provoke = CALLS[call]
    args = (
        (township, app_setting, no_popups)
        if provoke is papers_of_a_matter_out_of_scope
        else (township, app_setting)
    )
    reason = provoke(*args)

    message = app_setting.message()
    assert message.startswith("有一项工作没有完成")
    assert reason in message
    assert str(app_setting.log_path) in message  # where to find the details, for whoever helps
    module, _work = call
    site = f"{UI / module}:{calls_without_handler()[call]}"
    assert "background work failed, with no handler of its own: " + site in app_setting.log()
    assert "Traceback" in app_setting.log()


def test_failures_arriving_together_make_one_message(township, app_setting, no_popups):
    """The settings page's three reads fail at once: one window, the reason said once."""
    settings_unreadable(township, app_setting)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes == [app_setting.failures.box]
    assert app_setting.message().count(DAMAGED) == 1
    assert app_setting.log().count("background work failed") == 3


def test_a_new_failure_comes_in_front_of_a_dialog_opened_since(township, app_setting, no_popups):
    """A message already open behind a modal dialog could not be clicked: the next failure shows it again
    above the dialog, keeping what it said, and the person sees both reasons in one place."""
    from PySide6.QtWidgets import QDialog

    settings_unreadable(township, app_setting)
    first = app_setting.failures.box
    dialog = QDialog(app_setting.holder)
    dialog.setModal(True)
    dialog.show()
    app_setting.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)

    app_setting.worker.submit(lambda: {}["no such key"])  # a real failure, no handler of its own
    app_setting.settle()

    box = app_setting.failures.box
    assert box.isVisible() and box.isModal()  # above the dialog, where it can be clicked
    assert first is box or not isValid(first) or not first.isVisible()  # one message, not two
    message = app_setting.message()
    assert DAMAGED in message and "KeyError" in message
    dialog.close()


def test_the_message_offers_the_log_folder(app_setting):
    app_setting.worker.submit(lambda: 1 / 0)
    app_setting.settle()
    box = app_setting.failures.box
    assert "打开日志所在文件夹" in [b.text() for b in box.buttons()]
    box.close()  # Esc and the title bar's × close it, the second button notwithstanding
    assert not box.isVisible()


def test_a_first_window_that_does_not_fit_opens_maximised(township, qtbot):
    """1280×800 does not fit a 1366×768 laptop less its taskbar: the first window opens maximised there."""
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow

    QSettings().remove("main/geometry")
    ws = township.login("platform")
    worker, net_worker = make_workers(None)
    try:
        window = MainWindow(ws, worker, choices.places(ws), net_worker)
        qtbot.addWidget(window)
        free = window.screen().availableGeometry()
        assert window.fits_screen == (free.width() >= 1280 and free.height() >= 800)
        window.show_first()
        qtbot.waitUntil(window.isVisible)
        assert window.isMaximized() == (not window.fits_screen)
        assert window.width() <= max(free.width(), 1280)
    finally:
        worker.stop()
        net_worker.stop()
