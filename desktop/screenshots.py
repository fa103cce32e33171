"""`fengqiao screenshots OUT_DIR`: a demo township in a temporary database, each main screen grabbed
offscreen.

A tool beside the command line, not part of the window: it builds its own application and windows."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services import accounts, assessment_report, choices, demo, documents, lists
from desktop.store.keyslots import KdfParams
from sync.core.domain.lifecycle import Action

PASSWORD = "screenshots"


def settle(worker, ms: int = 50) -> None:
    """Let queued database work finish and its results reach the widgets."""
    app = QApplication.instance()
    for _ in range(400):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()
        if not worker.busy:
            break
    app.processEvents()


def grab(widget: QWidget, path: Path, worker) -> Path:
    widget.show()
    settle(worker)
    widget.grab().save(str(path))
    return path


def paper_pictures(ws, out_dir: Path, tmp: Path) -> list[Path]:
    """The first page of each kind of paper from the demo (and the month's assessment report), printed to PDF
    and rendered by poppler's pdftoppm, as an office would see it."""
    from .ui import printing

    if shutil.which("pdftoppm") is None:
        print("没有 pdftoppm（poppler-utils）：跳过文书的页面截图", file=sys.stderr)
        return []
    folder = out_dir / "documents"
    folder.mkdir(exist_ok=True)
    papers = {}
    for row in lists.matters(ws, limit=None).rows:
        for offer in documents.offers(ws, row.id):
            paper = documents.make(ws, row.id, offer.kind, offer.index)
            papers.setdefault(paper.kind, paper)
    if "supervision" not in papers:  # a small demo may have chased nothing yet: the supervisor chases one
        from .services import steps

        late = next(r for r in lists.matters(ws, limit=None).rows if r.status in ("handling", "dispatched"))
        supervisor = accounts.login(ws.db.path, "supervisor", PASSWORD)
        try:
            steps.supervise(supervisor, late.id, "已临近办理时限，请三日内反馈调处进展")
        finally:
            supervisor.close()
        papers["supervision"] = documents.make(ws, late.id, "supervision")
    pdfs = {kind: printing.save_pdf(paper, tmp / f"{kind}.pdf") for kind, paper in papers.items()}
    pdfs["report"] = printing.save_report(assessment_report.make(ws, "2026-10"), tmp / "report.pdf")
    pictures = []
    for kind, pdf in sorted(pdfs.items()):
        stem = folder / kind
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        pictures.append(stem.with_suffix(".png"))
    return pictures


def take(out_dir: Path, language: str = "zh_CN", households: int = 600) -> list[Path]:
    from .app import make_application, remove_translation
    from .ui.worker import DbWorker

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application(language=language)
    worker = DbWorker()
    try:
        return _take(out_dir, worker, households, papers=language == "zh_CN")
    finally:
        worker.stop()
        remove_translation(app)  # leave the application as it was found


def _take(out_dir: Path, worker, households: int, papers: bool) -> list[Path]:
    from .ui.household_card import HouseholdCard
    from .ui.main_window import MainWindow
    from .ui.start import LoginDialog

    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="fengqiao-shots-") as tmp:
        db = Path(tmp) / "demo.db"
        demo.build(
            db, PASSWORD, households, seed=11, now=datetime(2026, 11, 23, 10, 0), kdf=KdfParams(1, 8192, 1)
        )
        login = LoginDialog(worker, db)
        login.resize(420, 300)
        shots.append(grab(login, out_dir / "01-login.png", worker))
        ws = accounts.login(db, "platform", PASSWORD)
        places = choices.places(ws)
        window = MainWindow(ws, worker, places)
        window.resize(1366, 768)  # the township laptop's screen
        window.show()
        settle(worker)
        shots.append(grab(window, out_dir / "02-work-desk.png", worker))
        window.go("households")
        settle(worker)
        surname = window.households.model.rows[0].head[:1]
        window.households.search.setText(surname)  # one character, as a grid worker types a surname
        window.households.refresh()
        settle(worker)
        window.households.table.selectRow(0)
        settle(worker)
        shots.append(grab(window, out_dir / "03-households.png", worker))
        window.households.search.clear()
        window.households.refresh()
        settle(worker)
        card = HouseholdCard(ws, worker, places)
        card.resize(640, 620)
        card.show_household(window.households.model.rows[0].id)
        shots.append(grab(card, out_dir / "04-household-card.png", worker))
        visit = window.new_visit()
        visit.search.setText(window.households.model.rows[0].head)
        settle(worker, 300)
        visit.findings.setPlainText(
            QCoreApplication.translate("Fengqiao", "与邻居因排水沟堵塞发生争吵，情绪激动。")
        )
        visit.dispute.setChecked(True)
        shots.append(grab(visit, out_dir / "05-visit-form.png", worker))
        visit.discard()  # (filled in: a person's Cancel would ask first)
        window.go("ledger")
        window.ledger.colour.setCurrentIndex(window.ledger.colour.findData("yellow"))
        settle(worker)
        window.ledger.colour.setCurrentIndex(0)
        window.ledger.status.setCurrentIndex(window.ledger.status.findData("handling"))
        settle(worker)
        window.ledger.table.selectRow(0)
        settle(worker)
        shots.append(grab(window, out_dir / "06-ledger-filtered.png", worker))
        window.ledger.view.tabs.setCurrentIndex(1)
        shots.append(grab(window.ledger.view, out_dir / "07-matter-timeline.png", worker))
        window.ledger.status.setCurrentIndex(window.ledger.status.findData("reported"))
        settle(worker)
        window.ledger.table.selectRow(0)
        settle(worker)
        dialog = window.ledger.view.open_action(Action.REGISTER)
        shots.append(grab(dialog, out_dir / "08-register-dialog.png", worker))
        dialog.reject()
        window.go("stats")
        settle(worker)
        stats_page = window.stack.currentWidget()
        stats_page.period.setCurrentIndex(stats_page.period.findData("-10"))
        settle(worker)
        shots.append(grab(window, out_dir / "09-statistics.png", worker))
        window.go("mediation")
        settle(worker)
        shots.append(grab(window, out_dir / "10-mediation.png", worker))
        window.go("settings")
        settle(worker)
        shots.append(grab(window, out_dir / "11-settings.png", worker))
        shots.append(_failure_message(out_dir / "12-failure-message.png", Path(tmp), worker))
        shots += _visits_and_report(window, out_dir, worker)
        shots += _new_township(out_dir, Path(tmp), worker)
        shots += _joining(out_dir, Path(tmp), worker, window)
        if papers:  # the papers are Chinese whatever the window's language
            shots += paper_pictures(ws, out_dir, Path(tmp))
        window.close()
        ws.close()
    return shots


def _visits_and_report(window, out_dir: Path, worker) -> list[Path]:
    """The 走访 page, and a report opened with Ctrl+M from a household (its village, its residents)."""
    window.go("visits")
    settle(worker)
    window.visits.follow_up.setChecked(True)
    settle(worker)
    shots = [grab(window, out_dir / "13-visits.png", worker)]
    window.go("households")
    settle(worker)
    window.households.table.selectRow(0)
    settle(worker)
    window.new_matter()
    settle(worker)
    report = window.report_dialog
    report.resize(620, 700)
    shots.append(grab(report, out_dir / "14-report-from-household.png", worker))
    report.discard()
    return shots


def _new_township(out_dir: Path, tmp: Path, worker) -> list[Path]:
    """A township just created: the desk's first steps, one of them done, and 设置's villages and grids."""
    from .services import setup
    from .ui.main_window import MainWindow

    ws = setup.create_township(tmp / "new.db", "新城镇", PASSWORD, kdf=KdfParams(1, 8192, 1))
    try:
        setup.add_village_with_committee(ws, "新街村")
        window = MainWindow(ws, worker, choices.places(ws))
        window.resize(1366, 768)
        window.show()
        settle(worker)
        shots = [grab(window, out_dir / "15-first-steps.png", worker)]
        window.go("settings")
        settings = window.pages["settings"]
        settings.tabs.setCurrentWidget(settings.rules_tab)  # 办理规则: villages, grids
        settle(worker)
        shots.append(grab(window, out_dir / "16-settings-villages.png", worker))
        window.close()
    finally:
        ws.close()
    return shots


def _failure_message(path: Path, tmp: Path, worker) -> Path:
    """The default failure message, for a real failure: a damaged database file read by the real driver."""
    import logging
    import sqlite3

    from .ui.failures import FailureReport

    damaged = tmp / "damaged.db"
    damaged.write_bytes(b"\x00not a database" * 512)
    report = FailureReport(tmp / "logs" / "fengqiao.log")
    logging.disable(logging.ERROR)  # the picture is the point here, not the traceback on the console
    try:
        sqlite3.connect(damaged).execute("select count(*) from sqlite_master")
    except sqlite3.DatabaseError as error:
        report(error, "screenshots")
    finally:
        logging.disable(logging.NOTSET)
    assert report.box is not None
    report.box.adjustSize()
    shot = grab(report.box, path, worker)
    report.box.close()
    return shot


def _joining(out_dir: Path, tmp: Path, worker, window) -> list[Path]:
    """A laptop reaching its township: the first-run page that joins it (an https server's fingerprint shown
    to compare), 同步 → 服务器设置, the question after the server forgot the laptop, and the login offering a
    backup when the database file is damaged."""
    from .ui.join import RegisterDialog
    from .ui.start import LoginDialog, SetupDialog

    shots = []
    setup = SetupDialog(worker, tmp / "joining.db")
    form = setup.join_form
    form.address.setText("https://192.168.1.10:8765")
    form.account.setText("gw001")
    form.password.setText("secret")
    form.certificate.show_for("https://192.168.1.10:8765", "3f" * 8 + "a1" * 8 + "9c" * 8 + "47" * 8)
    setup.message.setText(
        QCoreApplication.translate(
            "", "首次连接这台服务器：请与乡镇平台核对下面的证书指纹，一致后勾选“信任此证书”，再按开始"
        )
    )
    setup.message.setStyleSheet("")
    setup.resize(560, setup.sizeHint().height())
    shots.append(grab(setup, out_dir / "17-join-township.png", worker))
    setup.close()
    server = window.server_settings()
    server.resize(480, server.sizeHint().height())
    shots.append(grab(server, out_dir / "18-server-settings.png", worker))
    server.reject()
    again = RegisterDialog(window.ws.actor.display_name, "https://192.168.1.10:8765", True, 3, window)
    again.resize(480, again.sizeHint().height())
    shots.append(grab(again, out_dir / "19-register-again.png", worker))
    again.reject()
    damaged = tmp / "damaged-login.db"
    shutil.copy(window.ws.db.path, damaged)
    keys = Path(f"{window.ws.db.path}.keys")
    if keys.exists():
        shutil.copy(keys, Path(f"{damaged}.keys"))
    data = bytearray(damaged.read_bytes())
    data[:4096] = bytes(4096)
    damaged.write_bytes(bytes(data))
    login = LoginDialog(worker, damaged)
    login.resize(460, 300)
    login.account.setCurrentText("platform")
    login.password.setText(PASSWORD)
    login.show()
    login.sign_in()
    settle(worker)
    shots.append(grab(login, out_dir / "20-login-damaged.png", worker))
    login.close()
    return shots
