"""Rows for the workbooks we write: text is always text.

A value that begins with = + - @ (or a tab or carriage return) would be read by Excel or WPS as a formula; a
matter titled `=HYPERLINK(…)` must stay a title. Every string cell is written as a string, never a formula.
"""

from __future__ import annotations

from pathlib import Path
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException

from desktop.domain.messages import msg

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def open_workbook(path: Path, unreadable: type[Exception]):
    """A workbook someone gave us, read-only; `unreadable` (with a reason naming the file) when it is not one."""
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise unreadable(msg("找不到文件 {0}", path)) from None
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise unreadable(
            msg("无法读取 {0}：不是有效的 .xlsx 工作簿（{1}）", path, exc.__class__.__name__)
        ) from None


def row(sheet, values) -> list[WriteOnlyCell]:
    """Cells for `sheet.append`, in a write-only workbook or an ordinary one."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
        cells.append(cell)
    return cells
