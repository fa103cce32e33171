"""Benchmark of the desktop application on a township-sized demo (run on demand, not in CI).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py --households 30000 \
        [--db DEMO.db --password PW]

Prints one table: each search and filter asked of the store (the service call), of the window (from the change
to the rows on screen) and of SQLite directly on the same file (raw: the full-text index's own count and first
page of hits; raw page: the household list's whole question written as one SQL statement), each for the first
block of rows the window asks for, median and worst; then typing a name at one key per 150 ms (last key to
result) and scrolling the household list to row 20,000, each with the longest the UI thread stalled; cold
start; and max RSS.
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

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import (  # noqa: E402
    accounts,
    choices,  # noqa: E402
    demo,
    lists,
)
from desktop.store import search  # noqa: E402
from desktop.store.queries import MatterFilter  # noqa: E402
from desktop.ui.paged import PAGE  # noqa: E402

PASSWORD = "bench password"
RUNS = 7
KEY_INTERVAL_MS = 150
HOUSEHOLD_TEXTS = ["王", "秀", "张伟", "秀英", "李秀英", "王建国", "1组", "138", "4206"]
LEDGER_TEXTS = ["纠纷", "宅基地", "向城-2026-0"]
STATUSES = ["handling", "evaluated", "reported", "dispatched", "checked", None]


class StallMeter:
    """A 5 ms timer on the UI thread: the longest gap between its ticks is the longest the window froze."""

    def __init__(self):
        self.timer = QTimer(interval=5)
        self.clock = QElapsedTimer()
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last - 5)
        self.last = now

    def __enter__(self):
        self.clock.start()
        self.last, self.worst = 0, 0
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()


def pump(ms: int = 2) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_idle(worker) -> None:
    app = QApplication.instance()
    while True:
        app.processEvents()
        if not worker.busy:
            app.processEvents()
            if not worker.busy:
                return
        pump()


def timed(fn, runs=RUNS) -> tuple[float, float]:
    samples = []
    for i in range(runs):
        started = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def _raw(ws, kind: str, query: str, *statements: str) -> None:
    """Statements put to SQLite itself on the workspace's file, `{hits}` in each standing for the index's ids
    of the records of this kind that hold the text."""
    hits = search.matching(kind, query)
    sql = str(hits.compile(compile_kwargs={"literal_binds": True}))
    conn = ws.db.engine.raw_connection()
    try:
        cursor = conn.cursor()
        for statement in statements:
            cursor.execute(statement.replace("{hits}", sql)).fetchall()
    finally:
        conn.close()


def raw_search(ws, kind: str, query: str):
    """The question put to the index itself: how many records hold this text, and the first block of them."""
    _raw(ws, kind, query, "SELECT count(*) FROM ({hits})", f"{{hits}} LIMIT {PAGE}")


def raw_page(ws, query: str):
    """The household list's own question in one statement, as one would write it for SQLite: the households
    holding the text, counted, the first block of them in list order with their village, grid and head."""
    _raw(
        ws,
        "household",
        query,
        "WITH hit(ref) AS ({hits}) SELECT h.id, h.number, h.address, v.name, g.name, p.name, p.mobile, "
        "count(*) OVER () FROM households h JOIN divisions v ON v.id = h.village_id "
        "LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN persons p ON p.id = h.head_id "
        f"WHERE h.deleted = 0 AND h.id IN hit ORDER BY h.village_id, h.number, h.id LIMIT {PAGE}",
    )


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
    window = MainWindow(ws, worker, choices.places(ws))
    window.resize(1366, 768)
    window.show()
    wait_idle(worker)
    cold = (time.perf_counter() - started) * 1000
    households, ledger = window.households, window.ledger
    shown = {}  # what → (median, worst) in the window

    def set_text(box, refresh, text):
        box.blockSignals(True)
        box.setText(text)
        box.blockSignals(False)
        refresh()
        wait_idle(worker)

    window.go("households")
    for text in HOUSEHOLD_TEXTS:
        shown[("household", text)] = timed(
            lambda _i, t=text: set_text(households.search, households.refresh, t)
        )
    window.go("ledger")
    wait_idle(worker)

    def ledger_status(i):
        ledger.status.setCurrentIndex(ledger.status.findData(STATUSES[i % len(STATUSES)]))
        wait_idle(worker)

    shown["status"] = timed(ledger_status)
    ledger.status.setCurrentIndex(0)
    wait_idle(worker)
    for text in LEDGER_TEXTS:
        shown[("matter", text)] = timed(lambda _i, t=text: set_text(ledger.text, ledger.refresh, t))
    set_text(ledger.text, ledger.refresh, "")

    # Typing at one key per 150 ms, as a person types a name: last key to the rows on screen.
    window.go("households")
    latencies, stalls = [], []
    for name in ["王秀英", "张建国", "李桂兰", "刘伟"]:
        set_text(households.search, households.refresh, "")
        pump(300)
        with StallMeter() as meter:
            for i, ch in enumerate(name):
                households.search.insert(ch)  # as an input method commits a character
                last_key = time.perf_counter()
                if i < len(name) - 1:
                    pump(KEY_INTERVAL_MS)
            while households._debounce.isActive() or worker.busy or households.model.loading:
                pump(1)
            latencies.append((time.perf_counter() - last_key) * 1000)
        stalls.append(meter.worst)

    # Scroll the whole household list to row 20,000 by dragging the scroll bar, in 20 steps.
    set_text(households.search, households.refresh, "")
    view, model = households.table, households.model
    target = min(20000, model.total - 1)
    started = time.perf_counter()
    with StallMeter() as scroll_meter:
        bar = view.verticalScrollBar()
        for step in range(1, 21):
            bar.setValue(int(bar.maximum() * target / max(1, model.total) * step / 20))
            pump(1)
        view.scrollTo(model.index(target, 0), view.ScrollHint.PositionAtTop)
        while model.row(target) is None or worker.busy:
            pump(1)
        QApplication.processEvents()
    scrolled = (time.perf_counter() - started) * 1000
    shown_number = model.data(model.index(target, 0), Qt.ItemDataRole.DisplayRole)
    for page in ["desk", "households", "ledger", "mediation", "stats", "conflicts", "settings"]:
        window.go(page)
        wait_idle(worker)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the store's own connection below

    store_ws = accounts.login(db, "platform", args.password)  # a service's view, on a connection of its own
    table = []  # (what, store, window, raw, raw page)
    for text in HOUSEHOLD_TEXTS:
        store = timed(lambda _i, t=text: lists.households(store_ws, text=t, limit=PAGE))
        raw = timed(lambda _i, t=text: raw_search(store_ws, "household", t))
        page = timed(lambda _i, t=text: raw_page(store_ws, t))
        table.append((f"household “{text}” ({len(text)} ch)", store, shown[("household", text)], raw, page))
    store = timed(lambda i: lists.matters(store_ws, MatterFilter(statuses=[STATUSES[i % 5]]), limit=PAGE))
    table.append(("ledger status filter", store, shown["status"], None, None))
    for text in LEDGER_TEXTS:
        store = timed(lambda _i, t=text: lists.matters(store_ws, MatterFilter(text=t), limit=PAGE))
        raw = timed(lambda _i, t=text: raw_search(store_ws, "matter", t))
        table.append((f"ledger text “{text}”", store, shown[("matter", text)], raw, None))

    print(
        f"\n{'what':32} {'store ms (med/worst)':>22} {'window ms':>18} {'raw ms':>16} {'store÷raw':>10} "
        f"{'raw page ms':>16} {'store÷page':>11}"
    )
    for what, store, in_window, raw, page in table:
        ratio = f"{store[0] / raw[0]:9.1f}×" if raw and raw[0] else ""
        raw_text = f"{raw[0]:7.1f} / {raw[1]:6.1f}" if raw else ""
        page_text = f"{page[0]:7.1f} / {page[1]:6.1f}" if page else ""
        page_ratio = f"{store[0] / page[0]:10.1f}×" if page and page[0] else ""
        print(
            f"{what:32} {store[0]:10.1f} / {store[1]:8.1f} {in_window[0]:8.1f} / {in_window[1]:7.1f} "
            f"{raw_text:>16} {ratio:>10} {page_text:>16} {page_ratio:>11}"
        )
    print(
        f"\ntyping a name, 1 key / {KEY_INTERVAL_MS} ms: "
        f"last key to result {statistics.median(latencies):6.0f} ms median, {max(latencies):6.0f} ms worst; "
        f"longest UI stall {max(stalls):4.0f} ms"
    )
    print(
        f"scroll the household list to row {target}: {scrolled:6.0f} ms (row shows {shown_number}); "
        f"longest UI stall {scroll_meter.worst:4.0f} ms"
    )
    print(f"cold start to the main window {cold:8.0f} ms (unlock, migrate check, first pages)")
    print(f"memory (max RSS, every page shown) {rss:6.0f} MB")
    store_ws.close()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    ws.close()
    worker.stop()


if __name__ == "__main__":
    main()
