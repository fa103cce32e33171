"""Benchmark of the desktop application on a township-sized demo (run on demand, not in CI).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py --households 30000 [--db DEMO.db --password PW]

Prints: cold start to the main window shown with its first pages loaded, ledger filter and search latency
(median and worst, from the change to the rows on screen), and the memory of the running app.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import accounts, demo, details  # noqa: E402

PASSWORD = "bench password"


def wait_idle(worker) -> None:
    app = QApplication.instance()
    while True:
        app.processEvents()
        if not worker.busy:
            app.processEvents()
            if not worker.busy:
                return
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def measure(fn, worker, runs) -> tuple[float, float]:
    samples = []
    for i in range(runs):
        started = time.perf_counter()
        fn(i)
        wait_idle(worker)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=30000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--password", default=PASSWORD)
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="fengqiao-gui-bench-")) / "bench.db"
        print(f"building a {args.households}-household demo …", flush=True)
        demo.build(db, args.password, args.households)

    started = time.perf_counter()
    from desktop.app import make_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.worker import DbWorker

    make_application()
    worker = DbWorker()
    ws = accounts.login(db, "platform", args.password)
    window = MainWindow(ws, worker, details.places(ws))
    window.resize(1366, 820)
    window.show()
    wait_idle(worker)
    print(
        f"cold start to main window  {(time.perf_counter() - started) * 1000:8.0f} ms (unlock, migrate check, first pages)"
    )

    ledger = window.ledger
    window.go("ledger")
    statuses = ["handling", "evaluated", "reported", "dispatched", "checked", None]
    median, worst = measure(
        lambda i: ledger.status.setCurrentIndex(ledger.status.findData(statuses[i % len(statuses)])),
        worker,
        12,
    )
    print(f"ledger filter (status)     {median:8.1f} ms median, {worst:6.1f} ms worst")
    ledger.status.setCurrentIndex(0)
    wait_idle(worker)
    colours = ["red", "yellow", "green", None]
    median, worst = measure(
        lambda i: ledger.colour.setCurrentIndex(ledger.colour.findData(colours[i % 4])), worker, 8
    )
    print(f"ledger filter (deadline)   {median:8.1f} ms median, {worst:6.1f} ms worst")
    ledger.colour.setCurrentIndex(0)
    words = ["宅基地", "工资", "噪音", "向城-2026-0", "纠纷", "赔偿"]

    def search(i):
        ledger.text.blockSignals(True)
        ledger.text.setText(words[i % len(words)])
        ledger.text.blockSignals(False)
        ledger.refresh()  # what the debounce timer does 250 ms after the last key

    median, worst = measure(search, worker, 12)
    print(f"ledger text search         {median:8.1f} ms median, {worst:6.1f} ms worst")
    window.go("households")
    names = ["王", "张伟", "李秀英", "1组", "4206", "138"]

    def household_search(i):
        window.households.search.blockSignals(True)
        window.households.search.setText(names[i % len(names)])
        window.households.search.blockSignals(False)
        window.households.refresh()

    median, worst = measure(household_search, worker, 12)
    print(f"household search           {median:8.1f} ms median, {worst:6.1f} ms worst")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory (max RSS)           {rss:8.0f} MB")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    ws.close()
    worker.stop()


if __name__ == "__main__":
    main()
