"""Run in a subprocess by test_geometry.py, one per screen scale: opens every window and dialog the app can
open, on a demo township, and writes where each one's frame lies and the screen's available room (JSON).

`python -m tests.ui.geometry_probe DB OUT.json` with QT_QPA_PLATFORM and QT_SCALE_FACTOR set by the caller.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

PASSWORD = "geometry"


def settle(worker, ms: int = 30) -> None:
    app = QApplication.instance()
    for _ in range(400):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()
        if not worker.busy:
            break
    app.processEvents()


def rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main(db: Path, out: Path) -> int:
    from desktop.app import make_application
    from desktop.services import accounts, choices, lists
    from desktop.services.roster import ImportReport
    from desktop.ui.common import available_room
    from desktop.ui.main_window import MainWindow
    from desktop.ui.roster_report import ImportReportDialog
    from desktop.ui.start import LoginDialog, SetupDialog
    from desktop.ui.worker import DbWorker

    make_application(language="zh_CN")
    worker = DbWorker()
    seen: dict[str, dict] = {}

    def record(name: str, window: QWidget) -> None:
        window.show()
        settle(worker)
        seen[name] = {
            "class": type(window).__name__,
            "frame": rect(window.frameGeometry()),
            "room": rect(available_room(window)),
            "visible": window.isVisible(),
        }
        if isinstance(window, QDialog):
            window.reject()
        else:
            window.close()
        settle(worker)

    record("LoginDialog", LoginDialog(worker, db))
    record("SetupDialog", SetupDialog(worker, db.with_name("new.db")))
    ws = accounts.login(db, "admin", PASSWORD)
    window = MainWindow(ws, worker, choices.places(ws))
    window.show_first()
    settle(worker)
    seen["MainWindow"] = {
        "class": "MainWindow",
        "frame": rect(window.frameGeometry()),
        "room": rect(available_room(window)),
        "visible": True,
    }
    record("RestoreDialog", window.restore())
    record("ServerDialog", window.server_settings())
    record("RegisterDialog", window.sync.ask_password(again=True))
    record("ConflictsDialog", window.show_conflicts())
    record("VisitDialog", window.new_visit())
    record("ReportDialog", window.new_matter())
    record("AboutDialog", window.about())
    record("KeyPersonsDialog", window.desk.show_key_persons())
    from desktop.services.key_persons import KeyPerson
    from desktop.ui.key_persons import ContactDialog, PlanDialog

    person = KeyPerson("p", "h", "张三丰", "东村", "0001", "138****0000", (), 0, None)
    record("PlanDialog", PlanDialog(ws, worker, person, choices.places(ws).people, window))
    record("ContactDialog", ContactDialog(ws, worker, person, window))
    patrols = window.show_patrols()
    settle(worker)
    record("PatrolDialog", patrols.new_patrol())
    record("PatrolsDialog", patrols)
    record("DuplicatesDialog", window.desk.show_duplicates())
    window.go("households")
    settle(worker)
    household = window.households.model.rows[0].id
    from desktop.ui.accounts import AccountDialog
    from desktop.ui.household_form import HouseholdDialog
    from desktop.ui.resident_form import PersonDialog

    record("HouseholdDialog", HouseholdDialog(ws, worker, window.places, parent=window))
    record("PersonDialog", PersonDialog(ws, worker, household, parent=window))
    record("AccountDialog", AccountDialog(ws, worker, window.places, window))
    from desktop.ui.stats import MarkDialog

    record("MarkDialog", MarkDialog([("东村", "v1")], ws.now().date(), window))
    rejected = [{"row": n, "field": "身份证号", "reason": "校验位不对"} for n in range(2, 80)]
    report = ImportReport(rows_imported=120, rows_rejected=len(rejected), rejected=rejected)
    record("ImportReportDialog", ImportReportDialog(report, str(db.with_name("roster-errors.xlsx")), window))
    actions_seen: set = set()
    papers_seen = parties_seen = False
    for row in lists.matters(ws, limit=None).rows[:60]:
        matter = window.open_matter(row.id)
        settle(worker)
        view = matter.view
        for action in list(view.action_buttons):
            if action not in actions_seen:
                actions_seen.add(action)
                record(f"ActionDialog:{action.value}", view.open_action(action))
        if not papers_seen and getattr(view, "offers", None):
            papers_seen = True
            record("PaperDialog", view.open_paper(view.offers[0]))
        if "AmendAgreementDialog" not in seen and view.detail is not None and view.detail.agreements:
            from desktop.ui.actions import AmendAgreementDialog

            agreement = view.detail.agreements[0]
            record(
                "AmendAgreementDialog",
                AmendAgreementDialog(ws, worker, row.id, agreement, window.places, window),
            )
        if not parties_seen and view.detail is not None and view.detail.parties:
            parties_seen = True
            record("PartyDialog", view.edit_party(view.detail.parties[0].id))
        record(f"MatterDialog:{row.status}", matter)
    window.close()
    ws.close()
    worker.stop()
    out.write_text(json.dumps(seen, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
