"""Garbage collection only in the UI thread.

Python's cyclic collector runs in whichever thread happens to allocate; if that is the DB worker and the
garbage holds Qt widgets (closures referencing them are common), Qt deletes widgets outside the GUI thread and
crashes. So automatic collection is switched off and the UI thread collects on a timer instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GcGuard(QObject):
    def __init__(self, interval_ms: int = 5000, parent: QObject | None = None):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        # Cheap young-generation passes often; the full pass only when its threshold is reached.
        first, second, third = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 > first:
            generation = 0
            if count1 > second:
                generation = 1
                if count2 > third:
                    generation = 2
            gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
