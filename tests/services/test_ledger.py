"""The exported ledger: one row per filtered matter, masked numbers by default, unmasked only if entitled."""

import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.services import ledger
from desktop.services.errors import NotAllowed
from desktop.store.models import AuditEntry
from desktop.store.queries import MatterFilter
from tests.services.test_matters import APPLICANT, report


def cells(path):
    """The header and the matters' rows, below the title."""
    return list(load_workbook(path).active.iter_rows(values_only=True))[1:]


def test_ledger_rows_are_masked_and_follow_the_filter(township, tmp_path):
    t = township
    report(t)
    report(t, title="拖欠工资", category="劳动争议")
    p = t.login("platform")
    assert ledger.export_ledger(p, tmp_path / "all.xlsx") == 2
    rows = cells(tmp_path / "all.xlsx")
    assert rows[0][:5] == ("编号", "类型", "来源", "类别", "标题")
    text = " ".join(str(c) for row in rows for c in row if c)
    assert APPLICANT not in text and "110105********002X" in text and "138****8000" in text
    assert rows[1][0] == "向城-2026-00001" and rows[1][18] == "已上报"

    assert ledger.export_ledger(p, tmp_path / "one.xlsx", MatterFilter(categories=["劳动争议"])) == 1
    assert cells(tmp_path / "one.xlsx")[1][4] == "拖欠工资"


def test_unmasked_only_for_entitled_roles_and_audited(township, tmp_path):
    t = township
    report(t)
    with pytest.raises(NotAllowed, match="导出未脱敏数据"):
        ledger.export_ledger(t.login("supervisor"), tmp_path / "x.xlsx", unmasked=True)
    with pytest.raises(NotAllowed, match="导出台账"):
        ledger.export_ledger(t.login("grid1"), tmp_path / "x.xlsx")
    ledger.export_ledger(t.login("platform"), tmp_path / "u.xlsx", unmasked=True)
    assert APPLICANT in " ".join(str(c) for row in cells(tmp_path / "u.xlsx") for c in row if c)
    with t.admin.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "ledger.export")).scalar()
        assert entry.detail == {"count": 1, "unmasked": True} and entry.account == "platform"


def test_no_full_numbers_anywhere_in_a_masked_export(township, tmp_path):
    report(township)
    ledger.export_ledger(township.login("platform"), tmp_path / "m.xlsx")
    text = " ".join(str(c) for row in cells(tmp_path / "m.xlsx") for c in row if c)
    assert not re.search(r"\d{17}[\dX]", text) and not re.search(r"1[3-9]\d{9}", text)


def test_the_ledger_sheet_is_what_an_office_prints_and_filters(township, tmp_path):
    import subprocess
    from datetime import date, datetime

    from desktop.services import steps

    t = township
    m = report(t)
    steps.register(t.login("platform"), m, 1, category="邻里")
    out = tmp_path / "ledger.xlsx"
    ledger.export_ledger(t.login("platform"), out, MatterFilter(date_from=date(2026, 11, 1)))
    sheet = load_workbook(out).active
    assert sheet["A1"].value.startswith("向城镇矛盾纠纷台账（上报于 2026-11-01 至 …")
    assert (
        sheet.auto_filter.ref == "A2:AD3" and sheet.print_title_rows == "$2:$2" and sheet.freeze_panes == "A3"
    )
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    reported, registered, due = sheet["O3"], sheet["P3"], sheet["Q3"]
    assert isinstance(reported.value, datetime) and reported.number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(registered.value, datetime) and due.value == datetime(2026, 11, 28)
    assert due.number_format == "yyyy-mm-dd" and sheet["G3"].value == 2  # numbers as numbers
    # LibreOffice reads the dates as dates: formatted as the sheet says, not as text.
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    converted = subprocess.run(
        [
            "soffice",
            profile,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert converted.returncode == 0, converted.stderr
    csv = (tmp_path / "ledger.csv").read_text("utf-8")
    assert "2026-11-28" in csv and "2026-11-23 09:30" in csv
