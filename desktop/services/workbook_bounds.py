"""Bounds on a workbook someone gives us (a roster, an organisation sheet), checked before openpyxl opens it.

An .xlsx is a zip of XML parts: a small file can inflate to gigabytes, and openpyxl would hold much of it. So
the file's size, the number of its parts, the total size of its parts once inflated and each part's inflate
ratio are read from the zip's directory first, and a file past any of them is refused with the limit named.
zipfile never yields more of a part than the directory declares (it stops there and the CRC fails), so the
declared sizes bound what openpyxl can read. The rows are bounded while they are read (`RowCounter`).
"""

from __future__ import annotations

import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sync.core.domain.messages import msg

MIB = 1024 * 1024


@dataclass(frozen=True)
class WorkbookLimits:
    """How large a workbook may be: far past any township's roster, far below what would exhaust a laptop."""

    file_bytes: int = 32 * MIB  # the .xlsx on disk
    parts: int = 2_000  # files inside the zip
    inflated_bytes: int = 256 * MIB  # all parts together, inflated
    ratio: int = 100  # inflated / compressed, for a part over RATIO_FLOOR bytes
    rows: int = 100_000  # rows of the sheet read, the header included
    cell_chars: int = 2_000  # one cell's text: the longest field a roster fills (a note) is shorter


ROSTER_LIMITS = WorkbookLimits()
RATIO_FLOOR = MIB  # small parts may compress as well as they like: they cannot hurt
_END_OF_DIRECTORY = b"PK\x05\x06"
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,40}:)?row[\s/>]")  # a row element, any namespace prefix
_OVERLAP = 64  # bytes: longer than any row element's start tag up to its name
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")


def check_workbook(path: Path, limits: WorkbookLimits, refuse: type[Exception]) -> None:
    """Raise `refuse` naming the limit a workbook passes; a file that is no zip is left to openpyxl."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return  # said by the reader, as before
    if size > limits.file_bytes:
        raise refuse(
            msg("{0} 有 {1} MB，超过上限 {2} MB，未导入", path.name, _mb(size), _mb(limits.file_bytes))
        )
    declared = _declared_parts(path)
    if declared is not None and declared > limits.parts:
        raise refuse(msg("{0} 含有 {1} 个部件，超过上限 {2}，未导入", path.name, declared, limits.parts))
    try:
        with zipfile.ZipFile(path) as book:
            parts = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a zip: the reader says so in its words
    if len(parts) > limits.parts:
        raise refuse(msg("{0} 含有 {1} 个部件，超过上限 {2}，未导入", path.name, len(parts), limits.parts))
    total = 0
    for part in parts:
        total += part.file_size
        if total > limits.inflated_bytes:
            raise refuse(
                msg(
                    "{0} 解压后超过上限 {1} MB，未导入（可能是压缩炸弹）",
                    path.name,
                    _mb(limits.inflated_bytes),
                )
            )
        if part.file_size > RATIO_FLOOR and part.file_size > limits.ratio * max(part.compress_size, 1):
            raise refuse(
                msg(
                    "{0} 中的 {1} 压缩比超过上限 {2} 倍，未导入（可能是压缩炸弹）",
                    path.name,
                    part.filename[:80],
                    limits.ratio,
                )
            )
        if _SHEET.fullmatch(part.filename):
            with zipfile.ZipFile(path) as book:
                rows = _count_rows(book, part)
            if rows > limits.rows:
                raise refuse(msg("{0} 超过 {1} 行的上限，未导入；请分成几个文件", path.name, limits.rows))


def _declared_parts(path: Path) -> int | None:
    """The number of parts the zip's end record declares, read from the file's tail before zipfile builds
    its whole directory (a hostile directory of a million entries would be held in memory)."""
    with open(path, "rb") as f:
        f.seek(0, 2)
        length = f.tell()
        f.seek(max(0, length - (1 << 16) - 22))
        tail = f.read()
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        return None
    (entries,) = struct.unpack("<H", tail[at + 10 : at + 12])
    return None if entries == 0xFFFF else entries  # 0xFFFF: zip64, counted by zipfile instead


def _count_rows(book: zipfile.ZipFile, part: zipfile.ZipInfo) -> int:
    """The rows a sheet holds, counted in its XML a megabyte at a time (bounded by the checks above): a
    sheet's declared dimension may be missing or false, and openpyxl would take minutes to read a million."""
    count, carry = 0, b""
    with book.open(part) as f:
        while True:
            piece = f.read(MIB)
            text = carry + piece
            # A row element starting in the last _OVERLAP bytes may be cut in two: it is counted next time.
            decided = len(text) if not piece else len(text) - _OVERLAP
            count += sum(1 for m in _ROW.finditer(text) if m.start() < decided)
            if not piece:
                return count
            carry = text[max(decided, 0) :]


class RowCounter:
    """Counts the rows a reader takes from a sheet and refuses the one past the limit."""

    def __init__(self, path: Path, limits: WorkbookLimits, refuse: type[Exception]):
        self.name, self.limit, self.refuse = Path(path).name, limits.rows, refuse
        self.cell_chars = limits.cell_chars

    def check(self, number: int) -> None:
        if number > self.limit:
            raise self.refuse(msg("{0} 超过 {1} 行的上限，未导入；请分成几个文件", self.name, self.limit))

    def cell(self, number: int, header: str, value: object) -> None:
        """Refuse a cell longer than any field it could fill, before its text is copied: one long shared
        string named by every cell of a small file would otherwise be copied once per cell (review finding:
        a 2.8 MB file took 1.8 GB)."""
        if isinstance(value, str) and len(value) > self.cell_chars:
            raise self.refuse(
                msg(
                    "{0} 第 {1} 行“{2}”有 {3} 字，超过每格 {4} 字的上限，未导入",
                    self.name,
                    number,
                    header,
                    len(value),
                    self.cell_chars,
                )
            )


def _mb(size: int) -> str:
    return f"{size / MIB:.0f}"
