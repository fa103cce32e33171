"""Small pieces every screen uses: error messages in the user's words, colours, formatting, a bar chart."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QEvent,
    QFileInfo,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QToolTip,
    QWidget,
)

from desktop.services.errors import Cancelled, Issue, ValidationFailed, explained, storage_trouble
from sync.core.domain.messages import Message

from .labels import label
from .plain import inform, plain_label, warn

MESSAGES = "messages"  # the .ts context of the rules' and use cases' messages (resources/i18n/update.py)

COLOURS = {"yellow": QColor("#FFF2B3"), "red": QColor("#FFC7C7"), "green": QColor("#E3F4E1")}
ACCENT = "#1F5FA8"


def tr(text: str) -> str:
    """For code outside a widget class: lupdate files a bare tr() under the empty context, so look there."""
    return QCoreApplication.translate("", text)


def say(text) -> str:
    """A message of the rules or a use case in the interface's language: its template translated, filled with
    the same values (data words among them translated as labels)."""
    if not isinstance(text, Message):
        return "" if text is None else str(text)
    template = QCoreApplication.translate(MESSAGES, text.template)
    if template == text.template:  # Chinese, or not translated yet
        return str(text)
    return template.format(*(_value(v) for v in text.values))


def _value(value):
    if isinstance(value, Message):
        return say(value)
    if isinstance(value, str) and value:
        # "网格员、平台办公室" → "grid worker, platform office"
        return ", ".join(_word(part) for part in value.split("、"))
    return value


def _word(text: str) -> str:
    """A data word (status, role, field name …) in the interface's language, if it is one we know."""
    translated = label(text)
    return translated if translated != text else QCoreApplication.translate(MESSAGES, text)


def user_message(error: Exception) -> str:
    """What to tell the user. Our own refusals say it in their words; anything else is reported plainly."""
    if isinstance(error, ValidationFailed):
        return "\n".join(f"{_value(i.field)}: {say(i.reason)}" for i in error.issues) or str(error)
    if isinstance(error, explained()):
        first = error.args[0] if error.args else None
        return say(first) if isinstance(first, Message) else str(error)
    if trouble := storage_trouble(error):
        return say(trouble)
    return tr("出现意外错误：{0}（数据未丢失，详情见日志）").format(f"{type(error).__name__}: {error}")


def show_error(parent: QWidget, error: Exception, title: str | None = None) -> None:
    if isinstance(error, Cancelled):  # the person's own choice, not a failure: say what became of the work
        inform(parent, tr("已取消"), user_message(error))
        return
    warn(parent, title or tr("无法完成"), user_message(error))


def issues_of(error: Exception) -> list[Issue]:
    return list(error.issues) if isinstance(error, ValidationFailed) else []


def when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def stars(grade: int | None) -> str:
    return "★" * (grade or 0)


def heading(text: str, size: int = 13) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    return label


class BarChart(QWidget):
    """A plain horizontal bar chart: enough for counts by status or category, with no extra Qt modules.
    Its labels take the room they need, up to part of the width; a longer one (English) is elided, and its
    whole text is the row's tooltip."""

    ROW, TOP = 24, 30
    VALUE_WIDTH = 56
    LABEL_SHARE = 0.45  # labels take at most this share of the width; the bars keep the rest

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.items: list[tuple[str, float, str]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_items(self, items: list[tuple[str, float]], fmt: str = "{:.0f}") -> None:
        self.items = [(label, value, fmt.format(value)) for label, value in items]
        self.setMinimumHeight(40 + self.ROW * max(1, len(self.items)))
        self.update()

    def label_width(self) -> int:
        """As wide as the longest label, at least 110 px, at most LABEL_SHARE of the chart."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(name) for name, _, _ in self.items), default=0) + 12
        return int(max(min(widest, self.width() * self.LABEL_SHARE), min(110, self.width() * 0.5)))

    def shown_labels(self) -> list[str]:
        """The labels as drawn: whole when they fit, else elided with "…"."""
        room = self.label_width() - 8
        metrics = self.fontMetrics()
        return [metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) for name, _, _ in self.items]

    def row_at(self, y: float) -> int | None:
        row = int((y - self.TOP) // self.ROW)
        return row if y >= self.TOP and row < len(self.items) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self.row_at(event.pos().y())
            if row is None:
                QToolTip.hideText()
            else:  # the whole label, and its count: what an elided label leaves out
                name, _, text = self.items[row]
                QToolTip.showText(event.globalPos(), f"{name} — {text}", self)
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        if not self.items:
            p.drawText(QRectF(8, 30, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, tr("暂无数据"))
            return
        top = max(v for _, v, _ in self.items) or 1
        label_w, value_w = self.label_width(), self.VALUE_WIDTH
        bar_w = max(10, self.width() - label_w - value_w - 24)
        for i, ((_name, value, text), shown) in enumerate(zip(self.items, self.shown_labels(), strict=True)):
            y = self.TOP + i * self.ROW
            p.setPen(QColor("#333"))
            p.drawText(
                QRectF(8, y, label_w - 8, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            p.fillRect(QRectF(label_w + 4, y + 3, bar_w * value / top, 14), QColor(ACCENT))
            p.drawText(
                QRectF(label_w + 8 + bar_w * value / top, y, value_w, 20), Qt.AlignmentFlag.AlignVCenter, text
            )
        p.end()


def run_with_progress(parent: QWidget, worker, label: str, work, on_done):
    """Long work on the DB thread behind a progress dialog that can cancel it; work(task) reports through
    task.progress. Errors are shown; on_done gets the result after the dialog closes."""
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(label, tr("取消"), 0, 100, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)

    task = worker.submit(
        work,
        lambda result: (progress.close(), on_done(result)),
        lambda error: (progress.close(), show_error(parent, error)),
        step,
        with_task=True,
    )
    progress.canceled.connect(task.cancel)
    return task


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the width runs out (Qt's flow layout example):
    a row of buttons never makes its window wider than the screen."""

    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self):
        return self.minimumSize()

    def minimumSize(self):
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()


def flowing(*widgets) -> tuple[QWidget, FlowLayout]:
    """A box whose widgets wrap onto more lines as it narrows (its height follows its width)."""
    box = QWidget()
    layout = FlowLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    box.setSizePolicy(policy)
    return box, layout


def scrolling(widget: QWidget, minimum_width: int = 0) -> QScrollArea:
    """The widget in a frameless scroll area: a short or narrow screen scrolls it, the window stays."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    if minimum_width:
        area.setMinimumWidth(minimum_width)
    return area


def side_by_side(*widgets) -> QWidget:
    """Widgets on one line of a form, the last one taking the room that is left."""
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        line.addWidget(widget, 1 if i == len(widgets) - 1 else 0)
    return box


class EmptyText:
    """For item views: with no rows, one line of words says the list is empty and what to do about it."""

    empty_text = ""

    def showing_empty_text(self) -> bool:
        model = self.model()
        return (
            bool(self.empty_text) and model is not None and model.rowCount() == 0 and not self.still_loading()
        )

    def still_loading(self) -> bool:
        return False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.showing_empty_text():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            painter.end()


class ReadOnlyTable(EmptyText, QTableWidget):
    pass


class ReadOnlyList(EmptyText, QListWidget):
    def __init__(self, empty_text: str = ""):
        super().__init__()
        self.empty_text = empty_text


def read_only_table(headers: list[str], empty_text: str = "") -> QTableWidget:
    """A list shown as a table to read and select rows from, its last column taking the room left."""
    table = ReadOnlyTable(0, len(headers))
    table.empty_text = empty_text
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    # a click picks the row: the buttons under such a list act on the selected row (review: a click picked
    # one cell, and the row's buttons stayed grey)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


# ----------------------------------------------------------------------------------------- fitting the screen

FRAME_ALLOWANCE = 8  # borders around a window frame, beyond the title bar, before the frame is known


def available_room(window: QWidget) -> QRect:
    """The part of the window's screen that windows may use: the screen less the taskbar (or dock)."""
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def _frame_extra(window: QWidget) -> QSize:
    """How much the window system's frame adds around the window: measured once shown; before, estimated
    from the style's title bar (a window not yet shown has no frame to measure)."""
    from PySide6.QtWidgets import QApplication, QStyle

    frame, inner = window.frameGeometry(), window.geometry()
    if frame.height() > inner.height():
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    title = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
    return QSize(2 * FRAME_ALLOWANCE, title + 2 * FRAME_ALLOWANCE)


def _own_dialog(window: QWidget) -> bool:
    """One of our dialogs (Qt's own message boxes, file and progress dialogs size themselves)."""
    from PySide6.QtWidgets import QDialog

    return isinstance(window, QDialog) and not type(window).__module__.startswith("PySide6")


def scroll_inside(dialog: QWidget) -> None:
    """Move a dialog's contents into a scroll area, its row of buttons kept below it and always on screen."""
    from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout

    old = dialog.layout()
    if old is None or getattr(dialog, "_scrolls_inside", False):
        return
    buttons = None
    last = old.itemAt(old.count() - 1) if old.count() else None
    if last is not None and isinstance(last.widget(), QDialogButtonBox):
        buttons = last.widget()
        old.removeWidget(buttons)
    inner = QWidget()
    inner.setLayout(old)  # Qt takes the layout, and the widgets in it, over from the dialog
    outer = QVBoxLayout(dialog)
    margins = old.contentsMargins()
    outer.setContentsMargins(0, 0, 0, margins.bottom())
    outer.addWidget(scrolling(inner), 1)
    if buttons is not None:
        row = QHBoxLayout()
        row.setContentsMargins(margins.left(), 0, margins.right(), 0)
        row.addWidget(buttons)
        outer.addLayout(row)
    dialog._scrolls_inside = True


def fit_to_screen(window: QWidget) -> None:
    """Keep a window, frame and all, inside the available screen: a dialog taller or wider than the room
    scrolls inside (its buttons stay visible); any window is made no larger than the room, and moved onto
    it."""
    room = available_room(window)
    extra = _frame_extra(window)
    width, height = room.width() - extra.width(), room.height() - extra.height()
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    if _own_dialog(window) and (needed.height() > height or needed.width() > width):
        scroll_inside(window)
        window.layout().activate()
    if window.minimumWidth() > width or window.minimumHeight() > height:
        window.setMinimumSize(min(window.minimumWidth(), width), min(window.minimumHeight(), height))
    if window.width() > width or window.height() > height:
        window.resize(min(window.width(), width), min(window.height(), height))
    if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        return  # not placed yet: Qt centres it next (QDialog::showEvent), itself keeping it on the screen
    frame_w, frame_h = window.width() + extra.width(), window.height() + extra.height()
    x = min(max(window.x(), room.left()), room.left() + room.width() - frame_w)
    y = min(max(window.y(), room.top()), room.top() + room.height() - frame_h)
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """The one place every window is fitted to its screen: an application event filter that sees each window
    just before it appears (a 1366×768 laptop, or any screen at 125 % or 150 %)."""

    def eventFilter(self, obj, event) -> bool:
        # Menus, drop-downs and tooltips place themselves; windows and dialogs are fitted here.
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and obj.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        ):
            fit_to_screen(obj)
        return False


def install_screen_fit(app) -> ScreenFit:
    fitter = getattr(app, "_fengqiao_screen_fit", None)
    if fitter is None:
        fitter = ScreenFit(app)
        app.installEventFilter(fitter)
        app._fengqiao_screen_fit = fitter
    return fitter


# ----------------------------------------------------------------------------------------- where files go

LAST_FOLDER = "files/last_folder"  # QSettings key: the folder the last export or saved paper went to


def export_folder() -> str:
    """Where an export starts: the folder used last time, else the person's Documents folder (never the
    program's own working folder)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    last = QSettings().value(LAST_FOLDER, "")
    if last and QDir(str(last)).exists():
        return str(last)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def save_file_name(parent: QWidget, title: str, name: str, kinds: str) -> str:
    """Ask where to save `name` (a bare file name), starting in export_folder(); remembers the folder chosen.
    Returns the path, or "" when the person cancelled."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, str(QDir(export_folder()).filePath(name)), kinds)
    if path:
        QSettings().setValue(LAST_FOLDER, QFileInfo(path).absolutePath())
    return path
