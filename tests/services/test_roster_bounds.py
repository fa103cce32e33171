"""Roster and organisation workbooks are bounded before they eat memory (issue 26): by the file's size, its
parts, their inflated size and inflate ratio (read from the zip's directory before openpyxl opens it), and by
rows. Each probe is a real .xlsx on disk imported into a real SQLCipher workspace; the time and the process's
peak memory while refusing are measured and printed."""

from __future__ import annotations

import base64
import random
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.services import lists, org_sheet, roster
from desktop.services.org_sheet import OrgSheetUnreadable
from desktop.services.roster import RosterUnreadable
from desktop.services.workbook_bounds import ROSTER_LIMITS, WorkbookLimits
from tests.services.roster_samples import write_roster

MIB = 1 << 20
CHUNK = 16 * MIB
INFLATED_MB = ROSTER_LIMITS.inflated_bytes // MIB


def _memory(line: str) -> int:
    status = Path("/proc/self/status").read_text().splitlines()
    return int(next(x for x in status if x.startswith(line)).split()[1]) * 1024


class Peak:
    """Seconds and growth of the process's resident peak (VmHWM, reset through clear_refs) over a block."""

    def __enter__(self):
        Path("/proc/self/clear_refs").write_text("5")
        self.resident, self.started = _memory("VmRSS"), time.monotonic()
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.started
        self.peak = _memory("VmHWM")
        self.grew = self.peak - self.resident
        return False

    def __str__(self) -> str:
        return f"{self.seconds:.2f} s, peak grew {self.grew / MIB:.0f} MiB (to {self.peak / MIB:.0f} MiB)"


def _shell(path: Path, headers: list[str]) -> None:
    """A real workbook (openpyxl's own parts) whose first sheet the probes then replace."""
    wb = Workbook()
    wb.active.append(headers)
    wb.save(path)


def _replace_parts(path: Path, parts: dict[str, object]) -> None:
    """Rewrite the workbook with some parts replaced; a part given as a generator is streamed in, so a
    512 MiB part is never held by the test either."""
    original = path.with_suffix(".orig")
    path.rename(original)
    with (
        zipfile.ZipFile(original) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out,
    ):
        for info in src.infolist():
            if info.filename not in parts:
                out.writestr(info, src.read(info.filename))
        for name, content in parts.items():
            with out.open(name, "w", force_zip64=False) as f:
                for piece in content if not isinstance(content, bytes) else [content]:
                    f.write(piece)
    original.unlink()


SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _one_cell_bomb(inflated: int):
    """A sheet with the roster's header and one cell whose text inflates to `inflated` bytes."""
    yield SHEET_HEAD + b'<sheetData><row r="1">'
    for col, name in zip("ABC", ("村/社区", "户号", "姓名"), strict=True):
        yield f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'.encode()
    yield b'</row><row r="2"><c r="A2" t="inlineStr"><is><t>'
    block = b"A" * CHUNK
    for _ in range(inflated // CHUNK):
        yield block
    yield b"</t></is></c></row></sheetData></worksheet>"


def _rows(count: int, dimension: bool):
    """A sheet of `count` small roster rows (three columns), its dimension declared or not."""
    yield SHEET_HEAD + (f'<dimension ref="A1:C{count + 1}"/>'.encode() if dimension else b"")
    yield '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>村/社区</t></is></c><c r="B1" t="inlineStr"><is><t>户号</t></is></c><c r="C1" t="inlineStr"><is><t>姓名</t></is></c></row>'.encode()  # noqa: E501
    batch = []
    for n in range(2, count + 2):
        batch.append(
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>东村</t></is></c><c r="B{n}"><v>{n}</v></c></row>'
        )
        if len(batch) == 10_000:
            yield "".join(batch).encode()
            batch = []
    yield "".join(batch).encode() + b"</sheetData></worksheet>"


def test_a_roster_whose_one_cell_inflates_to_512_mib_is_refused_before_openpyxl_reads_it(township, tmp_path):
    ws = township.login("platform")
    bomb = tmp_path / "bomb.xlsx"
    _shell(bomb, ["村/社区", "户号", "姓名"])
    _replace_parts(bomb, {"xl/worksheets/sheet1.xml": _one_cell_bomb(512 * MIB)})
    assert bomb.stat().st_size < 4 * MIB
    households_before = lists.households(ws).total

    with (
        Peak() as peak,
        pytest.raises(RosterUnreadable, match=f"bomb.xlsx 解压后超过上限 {INFLATED_MB} MB"),
    ):
        roster.import_households(ws, bomb)
    print(f"512 MiB one-cell roster: refused in {peak}")
    assert peak.seconds < 5 and peak.grew < 50 * MIB
    assert lists.households(ws).total == households_before

    # A smaller bomb, under the total, is refused by its inflate ratio, naming the part.
    with pytest.raises(
        RosterUnreadable, match="bomb.xlsx 中的 xl/worksheets/sheet1.xml 压缩比超过上限 100 倍"
    ):
        roster.read_rows(bomb, WorkbookLimits(inflated_bytes=1 << 40))
    # The organisation sheet reads through the same bounds.
    with pytest.raises(OrgSheetUnreadable, match="解压后超过上限"):
        org_sheet.import_orgs(ws, bomb)


@pytest.mark.parametrize("dimension", [True, False], ids=["declared", "undeclared"])
def test_a_million_row_roster_is_refused_quickly_at_the_row_limit(township, tmp_path, dimension):
    ws = township.login("platform")
    big = tmp_path / "million.xlsx"
    _shell(big, ["村/社区", "户号", "姓名"])
    _replace_parts(big, {"xl/worksheets/sheet1.xml": _rows(1_000_000, dimension)})
    households_before = lists.households(ws).total

    with Peak() as peak, pytest.raises(RosterUnreadable, match=f"超过 {ROSTER_LIMITS.rows} 行的上限"):
        roster.import_households(ws, big)
    how = "declared in its dimension" if dimension else "no dimension: rows counted in the XML"
    print(f"million-row roster ({how}): refused in {peak}")
    # Counted in the sheet's XML a megabyte at a time before openpyxl opens it, dimension or not.
    assert peak.seconds < 10 and peak.grew < 30 * MIB
    assert lists.households(ws).total == households_before


def test_each_limit_is_configurable_and_named(township, tmp_path):
    path = tmp_path / "roster.xlsx"
    write_roster(path)
    headers, rows = roster.read_rows(path)  # the ordinary roster is well inside the default limits
    assert rows
    with pytest.raises(RosterUnreadable, match="roster.xlsx 超过 3 行的上限"):
        roster.read_rows(path, WorkbookLimits(rows=3))
    with pytest.raises(RosterUnreadable, match="超过上限 0 MB"):
        roster.read_rows(path, WorkbookLimits(file_bytes=1000))
    with pytest.raises(RosterUnreadable, match="个部件，超过上限 2"):
        roster.read_rows(path, WorkbookLimits(parts=2))
    with pytest.raises(RosterUnreadable, match="解压后超过上限"):
        roster.read_rows(path, WorkbookLimits(inflated_bytes=1000))
    ws = township.login("platform")
    with pytest.raises(RosterUnreadable, match="超过 3 行的上限"):
        roster.import_households(ws, path, limits=WorkbookLimits(rows=3))
    assert roster.import_households(ws, path).rows_imported  # and the same file imports under the defaults


def test_a_line_break_or_tab_in_a_cell_becomes_a_space(township, tmp_path):
    """Alt+Enter in an address cell, a pasted tab in a name: one line, as the server takes one-line fields."""
    path = tmp_path / "breaks.xlsx"
    wb = Workbook()
    wb.active.append(["村/社区", "户号", "地址", "姓名"])
    wb.active.append(["东村", "801", "东村\n8号\t东侧", "李\t四"])
    wb.save(path)
    _, rows = roster.read_rows(path)
    assert rows == [(2, {"村/社区": "东村", "户号": "801", "地址": "东村 8号 东侧", "姓名": "李 四"})]


def _shared_string_sheet(rows: int):
    """Every cell of `rows` rows names shared string 0 (review probe: one long string, many cells)."""
    yield SHEET_HEAD + b'<sheetData><row r="1">'
    for col, name in zip("ABC", ("村/社区", "户号", "姓名"), strict=True):
        yield f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'.encode()
    yield b"</row>"
    for n in range(2, rows + 2):
        yield f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}" t="s"><v>0</v></c></row>'.encode()
    yield b"</sheetData></worksheet>"


def test_one_long_shared_string_named_by_many_cells_is_refused_before_it_is_copied(township, tmp_path):
    """A 4 MB shared string that hardly compresses passes every bound of the file, and every cell may name
    it: each cell's text is measured before it is copied (a 2.8 MB file took 1.8 GB before)."""
    path = tmp_path / "shared.xlsx"
    _shell(path, ["村/社区", "户号", "姓名"])
    strings = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        b"<si><t>\t"
        + base64.b64encode(random.Random(26).randbytes(3_000_000))[:3_999_999]
        + b"</t></si></sst>"
    )
    with zipfile.ZipFile(path) as z:  # openpyxl finds shared strings through the content types
        types = z.read("[Content_Types].xml").replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
    parts = {"xl/sharedStrings.xml": strings, "xl/worksheets/sheet1.xml": _shared_string_sheet(40)}
    _replace_parts(path, {"[Content_Types].xml": types, **parts})
    assert path.stat().st_size < 4 * MIB  # inside every bound of the file itself
    ws = township.login("platform")
    with Peak() as peak, pytest.raises(RosterUnreadable, match="第 2 行“村/社区”有 4000000 字，超过每格"):
        roster.import_households(ws, path)
    print(f"one 4 MB shared string in 80 cells: refused in {peak}")
    assert peak.grew < 200 * MIB
