"""Rows for the workbooks we write: text is always text.

A value that begins with = + - @ (or a tab or carriage return) would be read by Excel or WPS as a formula; a
matter titled `=HYPERLINK(…)` must stay a title. Every string cell is written as a string, never a formula.
"""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def row(sheet, values) -> list[WriteOnlyCell]:
    """Cells for `sheet.append`, in a write-only workbook or an ordinary one."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
        cells.append(cell)
    return cells
