"""The English window fits: the desk's bar charts show each label whole or elided with the whole text as the
row's tooltip (never cut mid-letter by a fixed column), and the report form's risk signals wrap so the form
does not scroll sideways at 1366×768 and 125 % scaling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QToolTip

from tests.ui.test_field_use import SCALED_125
from tests.ui.test_languages import english  # noqa: F401  (fixture)
from tests.ui.test_selection import demo_db, window  # noqa: F401  (fixtures)


def test_the_desks_bar_chart_labels_fit_or_are_elided_with_a_tooltip(english, window, settle):  # noqa: F811
    w = window("platform")
    w.resize(*SCALED_125)
    w.go("desk")
    settle()
    for chart in (w.desk.by_status, w.desk.by_category):
        names = [name for name, _, _ in chart.items]
        assert names and all(name.isascii() for name in names), names  # the English labels
        room = chart.label_width() - 8
        metrics = chart.fontMetrics()
        for name, shown in zip(names, chart.shown_labels(), strict=True):
            assert metrics.horizontalAdvance(shown) <= room, (name, shown)  # drawn whole, nothing clipped
            assert shown == name or shown.endswith("…"), (name, shown)
        # a label wider than the old fixed 110-px column now gets the room it needs, up to part of the width
        longest = max(names, key=metrics.horizontalAdvance)
        if metrics.horizontalAdvance(longest) > 102:
            assert chart.label_width() > 110
        for row, name in enumerate(names):
            y = chart.TOP + row * chart.ROW + 10
            tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(20, y), chart.mapToGlobal(QPoint(20, y)))
            QApplication.sendEvent(chart, tip)
            assert QToolTip.text().startswith(name), (name, QToolTip.text())
        QToolTip.hideText()
    # At a narrow width a long label is elided, not cut: the bars keep most of the width.
    chart = w.desk.by_category
    chart.resize(260, chart.height())
    assert chart.label_width() <= 260 * chart.LABEL_SHARE
    shown = chart.shown_labels()
    assert any(s.endswith("…") for s in shown) or all(
        chart.fontMetrics().horizontalAdvance(n) <= chart.label_width() - 8 for n, _, _ in chart.items
    )


def test_the_report_form_does_not_scroll_sideways_in_english(english, window, settle):  # noqa: F811
    w = window("platform")
    w.resize(*SCALED_125)
    form = w.new_matter()
    form.show()
    settle()
    scroll = form.findChild(QScrollArea)
    assert form.width() <= SCALED_125[0]
    assert scroll.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    right = scroll.viewport().width()
    for key, box in form.signals.items():
        edge = box.mapTo(scroll.viewport(), QPoint(box.width(), 0)).x()
        assert box.isVisible() and edge <= right, (key, box.text(), edge, right)
    rows = {box.mapTo(form, QPoint(0, 0)).y() for box in form.signals.values()}
    assert len(rows) > 1  # wrapped onto more than one line at this width
    form.reject()
