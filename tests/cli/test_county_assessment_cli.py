"""`fengqiao assessment` on a county account (issue 29, review 12; the real command as a process on a real
SQLCipher laptop): --help says a county ranking is a month or a quarter, and a year is refused in words;
--by unit prints the page's and the PDF's columns, with — where there is no data."""

from __future__ import annotations

from desktop.services import steps
from tests.cli.test_cli import run
from tests.conftest import PASSWORD
from tests.services.test_county_counting import _county_unit, _session
from tests.services.test_county_counting import escalated as _escalated

escalated = _escalated  # the fixture: a village matter 提级 to the county

PAGE_COLUMNS = [
    "名次",
    "单位",
    "公式分",
    "亮点分",
    "总分",
    "立案",
    "办结",
    "化解率",
    "办结率",
    "按期办结率",
    "调解成功率",
    "满意率",
    "卷宗归档率",
]  # the county 统计 page's 按县直单位 (review 73)


def test_assessment_help_offers_the_county_no_whole_year():
    shown = run("assessment", "--help", password=None)
    assert shown.returncode == 0, shown.stderr
    assert "只能按月 2026-10 或季度 2026-Q4" in " ".join(shown.stdout.split())


def test_the_county_units_on_the_command_line_as_on_the_page(township, escalated, clock):
    t, m = township, escalated
    justice = _county_unit(t, "县司法局", "sfj", "县司法局王科长")
    _county_unit(t, "县公安局", "ga", "县公安局赵警官")
    xian, sfj = t.login("xian"), t.login("sfj")
    steps.dispatch(xian, m, f"org:{justice}")
    steps.accept(sfj, m)
    _session(sfj, m, "adjourned", clock.now.date())
    for ws in list(t._sessions.values()):
        ws.close()
    out = run("assessment", "2026-11", "--by", "unit", "--db", t.path, user="xian", password=PASSWORD)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "2026年11月县直单位矛盾纠纷化解工作情况"
    assert lines[1].split("\t") == PAGE_COLUMNS
    rows = {line.split("\t")[1]: dict(zip(PAGE_COLUMNS, line.split("\t"), strict=True)) for line in lines[2:]}
    assert set(rows) == {"县司法局", "县公安局"}
    assert rows["县司法局"]["调解成功率"] == "0.0%" and rows["县司法局"]["满意率"] == "—"
    assert rows["县公安局"]["调解成功率"] == "—"
    assert "无数据" not in out.stdout

    year = run("assessment", "2026", "--by", "unit", "--db", t.path, user="xian", password=PASSWORD)
    assert year.returncode == 2 and "期间（--period）" in year.stderr and "2026-Q4" in year.stderr, (
        year.stderr
    )
