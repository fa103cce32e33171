"""`fengqiao import-households`: residents from an Excel roster, one person a row, or a blank template
(desktop.services.roster)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_REJECTED, Progress, Subcommands, UsageError, login


def add_import_households(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import-households", parents=[common], help="从 Excel 花名册导入住户")
    p.add_argument("file", nargs="?", help=".xlsx 花名册，每人一行")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.add_argument("--errors", help="把未导入的行写入这个 .xlsx")
    p.add_argument("--template", metavar="OUT.xlsx", help="生成空白花名册模板")
    p.set_defaults(run=run_import_households)


def run_import_households(args: argparse.Namespace) -> int:
    from desktop.services import roster

    if args.template:
        roster.write_template(Path(args.template))
        print(f"已生成模板 {args.template}")
        return EXIT_OK
    if not args.file:
        raise UsageError("请给出要导入的 .xlsx 文件，或用 --template 生成模板")
    if not Path(args.file).is_file():
        raise roster.RosterUnreadable(f"找不到文件 {args.file}")
    roster.read_rows(Path(args.file))  # an unreadable file is reported before asking for a password
    ws = login(args)
    try:
        progress = Progress()
        report = roster.import_households(
            ws,
            Path(args.file),
            errors_path=Path(args.errors) if args.errors else None,
            progress=progress.stage("导入"),
        )
    finally:
        ws.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_report(report, args.errors)
    return EXIT_REJECTED if report.rows_rejected else EXIT_OK


def print_report(report, errors_file: str | None) -> None:
    """What was made, what was updated, and each rejected row with its reason."""
    print(
        f"导入 {report.rows_imported} 行：新建 {report.households_created} 户、{report.persons_created} 人，"
        f"更新 {report.households_updated} 户、{report.persons_updated} 人；"
        f"未导入 {report.rows_rejected} 行"
    )
    for name in report.villages_created:
        print(f"  新建村（社区）：{name}")
    for name in report.grids_created:
        print(f"  新建网格：{name}")
    for r in report.rejected:
        print(f"  第{r['row']}行 {r['field']}：{r['reason']}")
    for w in report.warnings:
        print(f"  提示 第{w['row']}行 {w['field']}：{w['reason']}")
    if errors_file and report.rows_rejected:
        print(f"未导入的行已写入 {errors_file}，修改后可再次导入")
