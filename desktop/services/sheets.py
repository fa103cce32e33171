"""Rows for the workbooks we write: text is always text.

A value that begins with = + - @ (or a tab or carriage return) would be read by Excel or WPS as a formula; a
matter titled `=HYPERLINK(…)` must stay a title. Every string cell is written as a string, never a formula,
and one that begins like a formula also carries the quote prefix (the `'` Excel shows), so editing it in Excel
or WPS does not turn it into one either.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from sync.core.domain.messages import msg
from sync.core.domain.text import xml_safe

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def open_workbook(path: Path, unreadable: type[Exception]) -> Any:
    """A workbook someone gave us, read-only; `unreadable` (a reason naming the file) when it is none."""
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise unreadable(msg("找不到文件 {0}", path)) from None
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise unreadable(
            msg("无法读取 {0}：不是有效的 .xlsx 工作簿（{1}）", path, exc.__class__.__name__)
        ) from None


def row(sheet: Any, values: Iterable[Any], formats: dict[int, str] | None = None) -> list[WriteOnlyCell]:
    """Cells for `sheet.append`, in a write-only workbook or an ordinary one. Dates stay dates (Excel and WPS
    sort and filter them as such); `formats` gives a column's number format (e.g. "0.0%")."""
    cells = []
    for i, value in enumerate(values):
        if isinstance(value, str):
            value = xml_safe(value)
        cell = WriteOnlyCell(sheet, value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            as_text(cell)
        elif isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        elif formats and i in formats:
            cell.number_format = formats[i]
        cells.append(cell)
    return cells


def as_text(cell: Any) -> Any:
    """A string cell that stays a string: stored as text, and quoted for whoever edits it later."""
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def text_cell(sheet: Any, value: str) -> WriteOnlyCell:
    value = xml_safe(value)
    cell = WriteOnlyCell(sheet, value)
    return as_text(cell) if value.startswith(FORMULA_STARTS) else cell


def title_and_header(sheet: Any, title: str, names: list[str]) -> None:
    """The first two rows of a sheet an office prints: a bold title, then the bold column names."""
    first = text_cell(sheet, title)  # it begins with the township's name: data
    first.font = Font(bold=True, size=14)
    sheet.append([first])
    header = []
    for name in names:
        cell = text_cell(sheet, name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)


def for_print_and_filter(sheet: Any, columns: int, header_row: int, rows: int) -> None:
    """As an office prints and filters it: a filter on the header, the header on every printed page, landscape
    A4 fitted to the page's width, the title and header frozen on screen."""
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{header_row + max(rows, 1)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
