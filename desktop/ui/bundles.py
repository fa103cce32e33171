"""Offline sync bundles in the window: write this laptop's edits to a file for the township, and read the
township's reply (also when a `.fqb` file is double-clicked, which starts the app with `--open FILE`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services import syncing
from sync.core.bundle import SUFFIX

from .common import save_file_name, show_error, tr
from .plain import ask, inform


def _file_filter() -> str:
    return tr("枫桥离线同步包 (*{0})").format(SUFFIX)


def export_bundle(parent: QWidget, ws, worker) -> None:
    name = save_file_name(parent, tr("导出离线同步包"), f"{ws.actor.username}{SUFFIX}", _file_filter())
    if not name:
        return
    target = Path(name) if name.endswith(SUFFIX) else Path(name + SUFFIX)

    def done(count: int) -> None:
        inform(
            parent,
            tr("导出离线同步包"),
            tr("已写出 {0}：{1} 条待同步的修改。\n请交乡镇平台导入，再把它给出的回执导入本机。").format(
                target, count
            ),
        )

    worker.submit(lambda: syncing.export_bundle(ws, target), done, lambda e: show_error(parent, e))


def import_bundle(parent: QWidget, ws, worker, source: Path | None = None) -> None:
    """Ask for a file, or (opened from outside the app) ask before importing the given one."""
    if source is None:
        name, _ = QFileDialog.getOpenFileName(parent, tr("导入离线同步包"), "", _file_filter())
        if not name:
            return
        source = Path(name)
    else:
        answer = ask(parent, tr("导入离线同步包"), tr("把离线同步包 {0} 导入本机吗？").format(source))
        if answer != QMessageBox.StandardButton.Yes:
            return

    def done(report) -> None:
        inform(
            parent,
            tr("导入离线同步包"),
            tr("已导入 {0}：上传的修改生效 {1} 条、冲突 {2} 条、被拒 {3} 条；收到乡镇的记录 {4} 条。").format(
                source.name, report.applied, report.conflicts, report.rejected, report.pulled
            ),
        )

    worker.submit(lambda: syncing.import_bundle(ws, source), done, lambda e: show_error(parent, e))
