"""Importing a household roster: exactly the valid rows, each bad row by its number, idempotent re-import."""

import pytest
from openpyxl import load_workbook

from desktop.services import lists, roster
from desktop.services.roster import RosterUnreadable
from tests.services.roster_samples import BAD, GOOD, ROWS, write_roster


def test_imports_exactly_the_valid_rows_and_reports_each_bad_one(township, tmp_path):
    ws = township.login("platform")
    errors = tmp_path / "errors.xlsx"
    report = roster.import_households(ws, write_roster(tmp_path / "roster.xlsx"), errors_path=errors)

    assert report.rows_imported == GOOD and report.rows_rejected == BAD
    assert (report.persons_created, report.households_created) == (GOOD, 3)
    assert report.villages_created == ["新村"] and report.grids_created == ["新村/新村一网格"]
    by_row = {}
    for r in report.rejected:
        by_row.setdefault(r["row"], []).append((r["field"], r["reason"]))
    # The headers are on row 2, so the first person is on row 3.
    assert by_row[6] == [("身份证号", "校验位不符（应为7）")]
    assert "不是真实日期" in by_row[7][0][1]
    assert "在未来" in by_row[8][0][1]
    assert by_row[9] == [("身份证号", "长度为17位，应为18位")]
    assert by_row[10] == [("姓名", "不能为空")]
    assert by_row[11] == [("身份证号", "与第4行重复")]
    assert by_row[12][0][0] == "手机号"
    assert set(by_row) == {6, 7, 8, 9, 10, 11, 12}

    sheet = load_workbook(errors).active
    assert sheet.max_row == 1 + BAD
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["原行号", "错误原因"] and "身份证号" in header
    assert [row[-2] for row in sheet.iter_rows(min_row=2, values_only=True)] == [6, 7, 8, 9, 10, 11, 12]

    people = {p.name: p for p in lists.persons(ws).rows}
    assert people["张三"].id_number == "110105********002X" and people["张三"].mobile == "138****8000"
    assert people["张小三"].id_number.endswith("007X")
    assert "阿依古丽·买买提" in people


def test_a_second_import_creates_nothing_and_changes_update(township, tmp_path):
    ws = township.login("platform")
    path = write_roster(tmp_path / "roster.xlsx")
    roster.import_households(ws, path)
    again = roster.import_households(ws, path)
    assert (
        again.households_created,
        again.persons_created,
        again.households_updated,
        again.persons_updated,
    ) == (0, 0, 0, 0)
    changed = [list(r) for r in ROWS]
    changed[0][2] = "13900001111"
    write_roster(path, changed)
    third = roster.import_households(ws, path)
    assert (third.persons_created, third.persons_updated) == (0, 1)
    assert lists.persons(ws).total == GOOD


def test_fixed_error_rows_import_from_the_errors_workbook(township, tmp_path):
    ws = township.login("platform")
    errors = tmp_path / "errors.xlsx"
    roster.import_households(ws, write_roster(tmp_path / "roster.xlsx"), errors_path=errors)
    wb = load_workbook(errors)
    sheet = wb.active
    sheet.cell(2, 9).value = "11010519800517005X"  # the user fixes 王五's check digit …
    sheet.delete_rows(3, sheet.max_row)  # … and keeps only that row
    wb.save(errors)
    report = roster.import_households(ws, errors)
    assert (report.rows_imported, report.rows_rejected, report.persons_created) == (1, 0, 1)


def test_a_cancelled_import_keeps_nothing(township, tmp_path):
    ws = township.login("platform")
    rows = [
        (f"居民{chr(0x4E00 + i)}", "", "", "东村", f"{i:03d}", "户主", "", "", "", True) for i in range(450)
    ]
    with pytest.raises(roster.Cancelled):
        roster.import_households(
            ws, write_roster(tmp_path / "big.xlsx", rows), progress=lambda done, total: done < 400
        )
    assert lists.persons(ws).total == 0


def test_unreadable_files_and_missing_columns(township, tmp_path):
    ws = township.login("platform")
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    with pytest.raises(RosterUnreadable, match="不是有效的 .xlsx"):
        roster.import_households(ws, junk)
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "性别", "民族"])
    wb.save(tmp_path / "partial.xlsx")
    with pytest.raises(RosterUnreadable, match="缺少必需的列：村/社区、户号"):
        roster.import_households(ws, tmp_path / "partial.xlsx")


def test_template_has_the_headers_and_a_sample_row_that_imports(township, tmp_path):
    roster.write_template(tmp_path / "t.xlsx")
    rows = list(load_workbook(tmp_path / "t.xlsx").active.iter_rows(values_only=True))
    assert list(rows[0]) == roster.HEADERS
    report = roster.import_households(township.login("platform"), tmp_path / "t.xlsx")
    assert report.rows_imported == 1 and report.rows_rejected == 0
