"""Where exports go and how long they hold the window: every save dialog starts in the person's Documents
folder, then in the folder they chose last (remembered across runs); the assessment report is counted and
written on the worker behind a progress dialog, the window free meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from desktop.ui.common import LAST_FOLDER
from tests.services.test_documents import closed_matter


@pytest.fixture
def asked(monkeypatch):
    """The save dialogs' starting paths, and the stand-in for the person, who picks the file `ask.answer`."""
    QSettings().remove(LAST_FOLDER)
    starts: list[str] = []

    def ask(parent, title, start, kinds):
        starts.append(start)
        return (str(ask.answer), kinds.split(";;")[0])

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    yield starts, ask
    QSettings().remove(LAST_FOLDER)


def test_exports_start_in_documents_then_where_the_last_one_went(
    window_for, settle, asked, no_popups, tmp_path
):
    starts, ask = asked
    window = window_for("platform")
    window.go("households")
    settle()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    ask.answer = tmp_path / "usb" / "住户.xlsx"
    ask.answer.parent.mkdir()
    window.households._export()
    settle()
    assert Path(starts[0]) == Path(documents) / "住户花名册.xlsx"
    assert ask.answer.exists()
    assert Path(QSettings().value(LAST_FOLDER)) == tmp_path / "usb"

    window.go("ledger")
    settle()
    ask.answer = tmp_path / "usb" / "台账.xlsx"
    window.ledger._export()
    settle()
    assert Path(starts[1]) == tmp_path / "usb" / "矛盾纠纷台账.xlsx"  # where the last one went
    assert ask.answer.exists()


def test_the_assessment_report_is_written_on_the_worker(township, window_for, settle, no_popups, tmp_path):
    closed_matter(township)
    window = window_for("platform")
    window.go("stats")
    page = window.stack.currentWidget()
    page.year.setValue(2026)
    page.period.setCurrentIndex(page.period.findData("-11"))
    settle()
    target = tmp_path / "report.pdf"
    task = page.export_to(str(target))
    # Back in the window at once: nothing written yet, a progress dialog that can cancel it on its way.
    assert task is not None and not target.exists()
    progress = page.findChildren(QProgressDialog)
    assert progress and progress[-1].labelText() == "正在导出考核报表…"
    settle()
    settle()
    assert "考核报表已保存到" in no_popups[-1]
    assert "向城镇矛盾纠纷排查化解工作考核" in "".join(p.extract_text() for p in PdfReader(target).pages)
