"""The county report's files (issue 29, review 76, 78; a real SQLCipher laptop, the real PDF writer offscreen,
the workbook read back with openpyxl): the sheets are set for print (widths that show a 区划代码 whole, one
page wide, landscape); the PDF leaves space before 二、县直单位 and ends with its issuer and date; the units'
part is titled for the county units, not 全县."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from desktop.services import accounts, county_report, setup
from desktop.ui import printing
from tests.conftest import FAST_KDF, PASSWORD


@pytest.fixture
def report(township):
    accounts.add_account(
        township.admin,
        "xian",
        "县综治中心",
        PASSWORD,
        "platform,supervisor",
        scope_kind="county",
        kdf=FAST_KDF,
    )
    xian = township.login("xian")
    setup.add_org(xian, "unit", "县人民法院")
    setup.add_org(xian, "unit", "县公安局")
    return county_report.make(xian, "2026-11")


def test_the_workbook_is_set_for_print_with_readable_columns(report, tmp_path):
    book = load_workbook(county_report.save_xlsx(report, tmp_path / "county.xlsx"))
    towns, units = book["乡镇排名"], book["县直单位"]
    header = [c.value for c in towns[2]]
    code = chr(ord("A") + header.index("区划代码"))
    assert towns.column_dimensions[code].width >= 14  # twelve digits, not ####
    for sheet in (towns, units):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    title = units["A1"].value
    assert "县直单位" in title and "全县" not in title, title
    assert [r[1] for r in units.iter_rows(min_row=3, max_row=4, values_only=True)] == [
        "县人民法院",
        "县公安局",
    ]
    assert units.cell(units.max_row, 1).value == "县综治中心　　" + _today(report)


def _today(report) -> str:
    d = report.made_on
    return f"{d.year}年{d.month}月{d.day}日"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdf_spaces_its_parts_and_ends_with_issuer_and_date(qapp, report, tmp_path):
    pdf = printing.save(county_report.document(report), tmp_path / "county.pdf")
    if folder := os.environ.get("FENGQIAO_SCREENSHOT_DIR"):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), f"{folder}/county_pdf"]
        )
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[-1].split() == ["县综治中心", _today(report)], lines[-3:]
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    words = [
        (float(top), float(bottom), word)
        for top, bottom, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', boxes)
    ]
    table_end = max(bottom for top, bottom, word in words if word == "全县合计")
    part_two = min(top for top, bottom, word in words if word.startswith("二、"))
    assert part_two - table_end >= 12, (table_end, part_two)  # a line's space, not touching (review 76)
