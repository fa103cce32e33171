"""A closed month (月结) tells the reader who closed it and when, in plain words; its digest is kept for the
auditor: the printed report's last line and the workbook's notes, never the notice itself."""

from __future__ import annotations

from datetime import datetime

from openpyxl import load_workbook

from desktop.services import assessment_report, periods
from tests.services.test_periods import _late_closure


def test_the_month_notice_says_who_and_when_and_the_digest_is_where_an_auditor_looks(
    township, clock, tmp_path
):
    t = township
    _late_closure(t, clock)
    clock.now = datetime(2026, 12, 1, 9, 0)
    p = t.login("platform")
    periods.close(p, "2026-11")
    report = assessment_report.view(p, "2026-11")
    digest = report.published.digest
    assert report.stamp == "本期已月结：钱平台于2026年12月1日 09:00发布，以下为发布时的数据。"
    assert "sha256" not in report.stamp and digest[:8] not in report.stamp
    assert report.seal == f"月结数据摘要（供审计核对）：sha256:{digest}"
    printed = assessment_report.document(report).text()
    assert printed.rstrip().endswith(report.seal) and report.stamp in printed
    book = load_workbook(assessment_report.save_xlsx(report, tmp_path / "report.xlsx"))
    notes = [row[0] for row in book["月结与调整"].iter_rows(values_only=True)]
    assert notes[:2] == [report.stamp, report.seal]
    # an open month has neither
    december = assessment_report.view(p, "2026-12")
    assert december.seal == "" and "sha256" not in december.stamp
