"""The `fengqiao` command line, run as a real process: exit codes, JSON, clear one-line errors."""

import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from tests.services.roster_samples import BAD, GOOD, write_roster

PASSWORD = "demo password 1"
# A mediator's account, and the password `account add` gives it.
ADD_MEDIATOR = ("account", "add", "lao", "--name", "老周", "--roles", "mediator")
MEDIATOR_PASSWORD = {"FENGQIAO_NEW_PASSWORD": "mediator password 1"}


def run(*args, user=None, password=PASSWORD, extra_env=None):
    """`fengqiao ARGS` as a process, with only the FENGQIAO_ variables given here."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FENGQIAO_")} | (extra_env or {})
    if password is not None:
        env["FENGQIAO_PASSWORD"] = password
    if user:
        env["FENGQIAO_USER"] = user
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run("demo", "--db", db, "--households", 300, "--seed", 3)
    assert result.returncode == 0, result.stderr
    assert "300 户" in result.stdout
    return db


def test_init_then_refuse_to_overwrite(tmp_path):
    db = tmp_path / "t.db"
    first = run("init", "--db", db, "--township", "向城镇", "--division-code", "420606001000")
    assert first.returncode == 0, first.stderr
    again = run("init", "--db", db, "--township", "向城镇")
    assert again.returncode == 1 and again.stderr.startswith("错误：") and "已存在" in again.stderr


def test_bad_division_code_and_missing_password(tmp_path):
    bad = run("init", "--db", tmp_path / "a.db", "--township", "向城镇", "--division-code", "4206")
    assert bad.returncode == 1 and "12位数字" in bad.stderr
    none = run("init", "--db", tmp_path / "b.db", "--township", "向城镇", password=None)
    assert none.returncode == 2 and "FENGQIAO_PASSWORD" in none.stderr


def test_demo_database_cannot_be_read_without_the_password(demo_db):
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(demo_db).execute("SELECT count(*) FROM households").fetchall()
    wrong = run("export-ledger", "--db", demo_db, demo_db.parent / "x.xlsx", password="wrong password")
    assert wrong.returncode == 1 and "密码错误" in wrong.stderr and "Traceback" not in wrong.stderr


def test_import_reports_rows_as_json_and_a_second_import_creates_nothing(demo_db, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx")
    first = run("import-households", roster, "--db", demo_db, "--json", "--errors", tmp_path / "errors.xlsx")
    assert first.returncode == 3, first.stderr
    report = json.loads(first.stdout)
    assert report["rows_rejected"] == BAD and report["persons_created"] == GOOD
    assert {"households_created", "households_updated", "persons_updated", "rejected"} <= set(report)
    assert all({"row", "field", "reason"} == set(r) for r in report["rejected"])
    assert load_workbook(tmp_path / "errors.xlsx").active.max_row == BAD + 1
    second = json.loads(run("import-households", roster, "--db", demo_db, "--json").stdout)
    assert (second["households_created"], second["persons_created"], second["persons_updated"]) == (0, 0, 0)


def test_import_usage_errors(demo_db, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("hello")
    for args in (
        ["import-households", junk],
        ["import-households", tmp_path / "missing.xlsx"],
        ["import-households"],
    ):
        result = run(*args, "--db", demo_db)
        assert result.returncode == 2 and result.stderr.startswith("错误："), result.stderr
    template = run("import-households", "--template", tmp_path / "t.xlsx")
    assert template.returncode == 0 and (tmp_path / "t.xlsx").exists()


def test_export_ledger_is_masked_and_unmasked_is_refused_to_a_grid_worker(demo_db, tmp_path):
    out = tmp_path / "ledger.xlsx"
    result = run("export-ledger", out, "--db", demo_db, "--from", "2020-01-01")
    assert result.returncode == 0, result.stderr
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) > 10 and any("********" in str(c) for c in rows[2] if c)  # below the title and header
    refused = run("export-ledger", out, "--db", demo_db, "--unmasked", user="gw001")
    assert refused.returncode == 1 and "导出" in refused.stderr
    bad_date = run("export-ledger", out, "--db", demo_db, "--from", "2026-13-01")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr


def test_backup_then_restore_on_another_laptop(demo_db, tmp_path):
    made = run("backup", "--db", demo_db, tmp_path / "usb" / "laptop", user="gw001")
    assert made.returncode == 0, made.stderr
    backup = tmp_path / "usb" / "laptop.fqbak"
    assert backup.exists() and "已备份到" in made.stdout and re.search(r"\d{3} 户", made.stdout)

    other = tmp_path / "other" / "fengqiao.db"
    refused = run("restore", backup, "--db", other, user="supervisor")
    assert refused.returncode == 1 and "恢复备份的权限" in refused.stderr and not other.exists()
    restored = run("restore", backup, "--db", other, user="gw001")
    assert restored.returncode == 0, restored.stderr
    again = run("restore", backup, "--db", other, user="gw001")
    assert again.returncode == 0 and "原来的数据库已移到" in again.stdout
    exported = run("export-ledger", "--db", other, tmp_path / "ledger.xlsx", user="platform")
    assert exported.returncode == 0, exported.stderr

    backup.write_bytes(backup.read_bytes()[:-1000])
    broken = run("restore", backup, "--db", other, user="gw001")
    assert broken.returncode == 1 and "不完整" in broken.stderr and "Traceback" not in broken.stderr


def test_files_the_laptop_writes_are_readable_by_the_user_only(tmp_path):
    import stat

    db = tmp_path / "laptop" / "fengqiao.db"
    logs = {"FENGQIAO_LOG_DIR": str(tmp_path / "logs")}
    for args in (
        ["demo", "--db", db, "--households", 10],
        ["backup", tmp_path / "laptop" / "b.fqbak", "--db", db],
    ):
        done = run(*args, extra_env=logs)
        assert done.returncode == 0, done.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"fengqiao.db", "fengqiao.db.keys", "b.fqbak"}
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, (path, oct(path.stat().st_mode))


def test_assessment_for_a_month_a_quarter_and_a_year_with_the_counts_behind_it(demo_db, tmp_path):
    q4 = tmp_path / "q4.xlsx"
    quarter = run(
        "assessment", "--db", demo_db, "--period", "2026-Q4", "--json", "--xlsx", q4, user="platform"
    )
    assert quarter.returncode == 0, quarter.stderr
    report = json.loads(quarter.stdout)
    assert report["no_data"] == "rescale" and report["units"]
    for unit in report["units"]:  # every figure is its raw counts' ratio, over matters found
        found, resolved = unit["registered"], unit["resolved"]
        assert unit["resolution_rate"] == (resolved / found if found else None)
        late = unit["closed"] + unit["open_overdue"]
        assert unit["on_time_rate"] == (unit["closed_on_time"] / late if late else None)
    by_month = [
        run("assessment", "--db", demo_db, "--period", f"2026-{m}", "--json", user="platform")
        for m in (10, 11, 12)
    ]
    months = [json.loads(month.stdout) for month in by_month]
    found = {u["name"]: u["registered"] for u in report["units"]}
    for name in found:  # a quarter's found matters are its months' found matters
        assert found[name] == sum(u["registered"] for m in months for u in m["units"] if u["name"] == name)
    year = run("assessment", "--db", demo_db, "--period", "2026", user="platform")
    assert year.returncode == 0 and "考核" in year.stdout and "化解率" in year.stdout
    # title, header, the units, and the township total row (全镇合计) with every rate
    assert load_workbook(q4).active.max_row == len(report["units"]) + 3
    assert report["total"]["registered"] == sum(u["registered"] for u in report["units"])
    bad = run("assessment", "--db", demo_db, "--period", "2026-13", user="platform")
    assert bad.returncode == 2 and "2026-Q4" in bad.stderr


def test_a_fresh_township_sets_up_its_units_and_teams_from_the_command_line(tmp_path):
    db = tmp_path / "t.db"
    assert run("init", "--db", db, "--township", "向城镇").returncode == 0
    made = run(*ADD_MEDIATOR, "--db", db, extra_env=MEDIATOR_PASSWORD)
    assert made.returncode == 0, made.stderr
    assert run("org", "add", "司法所", "--db", db).returncode == 0
    assert run("org", "add", "派出所", "--db", db).returncode == 0
    team = run("team", "add", "老干部调解队", "--members", "lao", "--db", db)
    assert team.returncode == 0 and "lao" in team.stdout, team.stderr
    twin = run("org", "add", "司法所", "--db", db)
    assert twin.returncode != 0 and "已有" in twin.stderr
    units = run("org", "list", "--db", db).stdout.splitlines()
    assert {line.split("\t")[1] for line in units} == {"司法所", "派出所", "老干部调解队"}
    (team_line,) = run("team", "list", "--db", db).stdout.splitlines()
    assert team_line.split("\t")[1:] == ["老干部调解队", "township", "lao"]
    unknown = run("team", "add", "律师队", "--members", "nobody", "--db", db)
    assert unknown.returncode != 0 and "nobody" in unknown.stderr
    assert "律师队" not in run("team", "list", "--db", db).stdout  # all of it, or nothing


def test_units_and_teams_import_from_a_sheet_row_by_row(tmp_path):
    from openpyxl import Workbook

    db = tmp_path / "t.db"
    assert run("init", "--db", db, "--township", "向城镇").returncode == 0
    made = run(*ADD_MEDIATOR, "--db", db, extra_env=MEDIATOR_PASSWORD)
    assert made.returncode == 0, made.stderr
    book = Workbook()
    sheet = book.active
    sheet.append(["向城镇单位和队伍"])  # a title above the header, as offices write them
    sheet.append(["名称", "类型", "成员"])
    for row in (
        ["司法所", "单位", ""],
        ["老干部调解队", "队伍", "lao"],
        ["律师队", "队伍", "nobody"],
        ["城管中队", "乡镇", ""],
        ["派出所", "", ""],
    ):
        sheet.append(row)
    book.save(tmp_path / "orgs.xlsx")
    imported = run("import-orgs", tmp_path / "orgs.xlsx", "--db", db)
    assert imported.returncode == 3
    assert "新建 3 个单位或队伍" in imported.stdout, imported.stdout
    assert "第 5 行 成员：没有账号：nobody" in imported.stderr and "第 6 行 类型" in imported.stderr
    listed = {tuple(line.split("\t")[:2]) for line in run("org", "list", "--db", db).stdout.splitlines()}
    assert listed == {("职能部门", "司法所"), ("职能部门", "派出所"), ("调解队伍", "老干部调解队")}
    again = run("import-orgs", tmp_path / "orgs.xlsx", "--db", db)  # twins are not made twice
    assert "新建 0 个" in again.stdout
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    unreadable = run("import-orgs", broken, "--db", db)
    assert unreadable.returncode != 0 and "不是有效的 .xlsx" in unreadable.stderr


def _closed_demo_matters(demo_db):
    """Serials of closed demo matters, written and oral agreements apart."""
    from sqlalchemy import select

    from desktop.services import accounts
    from desktop.store.models import Agreement, Matter

    ws = accounts.login(demo_db, "platform", PASSWORD)
    try:
        with ws.read() as s:
            rows = s.execute(
                select(Matter.serial, Agreement.form)
                .join(Agreement, Agreement.matter_id == Matter.id)
                .where(Matter.status.in_(["closed", "checked", "evaluated"]), Matter.outcome == "agreement")
                .order_by(Matter.serial)
            ).all()
    finally:
        ws.close()
    return {form: serial for serial, form in reversed(rows)}


def test_print_papers_of_a_demo_matter_and_refuse_what_lacks_an_item(demo_db, tmp_path):
    from docx import Document as WordDocument
    from pypdf import PdfReader

    serials = _closed_demo_matters(demo_db)
    written = serials["written"]
    pdf = run(
        "print", written, "--db", demo_db, "--doc", "agreement", "--out", tmp_path / "a.pdf", user="mediator"
    )
    assert pdf.returncode == 0, pdf.stderr
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "a.pdf").pages)
    assert "人民调解协议书" in re.sub(r"\s+", "", text) and re.search(r"（2026）\S+调字第\d+号", text)
    word = run(
        "print", written, "--db", demo_db, "--doc", "dossier", "--out", tmp_path / "d.docx", user="platform"
    )
    assert word.returncode == 0, word.stderr
    assert "矛盾纠纷调处卷宗" in [p.text for p in WordDocument(str(tmp_path / "d.docx")).paragraphs][1]
    supervision = ("--doc", "supervision", "--out", tmp_path / "s.pdf")
    lacking = run("print", written, "--db", demo_db, *supervision, user="platform")
    assert lacking.returncode == 3 and "督办记录" in lacking.stderr and not (tmp_path / "s.pdf").exists()
    wrong = run(
        "print", written, "--db", demo_db, "--doc", "agreement", "--out", tmp_path / "a.txt", user="mediator"
    )
    assert wrong.returncode == 2 and ".pdf" in wrong.stderr


def test_the_assessment_report_as_pdf_and_excel(demo_db, tmp_path):
    from pypdf import PdfReader

    for suffix in ("pdf", "xlsx"):
        made = run(
            "report", "--db", demo_db, "--period", "2026-11", "--out", tmp_path / f"r.{suffix}", user="leader"
        )
        assert made.returncode == 0, made.stderr
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages))
    assert all(f"按{label}" in text for label in ("村（社区）", "网格", "单位", "队伍")) and "化解率" in text
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["按村（社区）", "按网格", "按单位", "按队伍", "按来源", "按类别"]
    village = book["按村（社区）"]
    assert [c.value for c in village[2]][:5] == ["名次", "单位", "公式分", "亮点分", "总分"]
    assert village.auto_filter.ref.startswith("A2")
    assert village["H3"].number_format == "0.0%"


def test_a_pdf_that_cannot_be_written_is_said_not_saved(demo_db, tmp_path):
    """Review 3: Qt's PDF writer says nothing when it cannot open the file; the command said it made it."""
    nowhere = run(
        "report",
        "--db",
        demo_db,
        "--period",
        "2026-11",
        "--out",
        tmp_path / "无此文件夹" / "r.pdf",
        user="leader",
    )
    assert nowhere.returncode != 0 and "不能写入" in nowhere.stderr and "已生成" not in nowhere.stdout
    (tmp_path / "a-folder.pdf").mkdir()  # a name that cannot be opened as a file
    taken = run(
        "report", "--db", demo_db, "--period", "2026-11", "--out", tmp_path / "a-folder.pdf", user="leader"
    )
    assert taken.returncode != 0 and "不能写入" in taken.stderr
