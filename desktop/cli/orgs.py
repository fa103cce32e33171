"""`fengqiao org`, `team` and `import-orgs`: units (职能部门) and mediation teams (调解队伍), what work is
dispatched to and who is in them (desktop.services.setup, desktop.services.org_sheet)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, Subcommands, error, login

# The two commands over the same records: `org` (default kind unit) and `team`.
ORG_COMMANDS = (("org", "职能部门等承办单位"), ("team", "调解队伍"))


def add_org_and_team(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    for name, what in ORG_COMMANDS:
        p = sub.add_parser(name, parents=[common], help=f"{what}：add / list")
        p.add_argument("action", choices=["add", "list"])
        p.add_argument("name", nargs="?")
        p.add_argument("--kind", choices=["unit", "team", "village_committee"], help="类型（org 默认 unit）")
        p.add_argument("--level", default="township", choices=["village", "township", "county"])
        p.add_argument("--members", help="成员账号，逗号分隔")
        p.set_defaults(run=run_org)


def add_import_orgs(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import-orgs", parents=[common], help="从 Excel 导入单位和队伍（名称、类型、成员）")
    p.add_argument("file", help=".xlsx 工作簿")
    p.set_defaults(run=run_import_orgs)


def run_org(args: argparse.Namespace) -> int:
    from desktop.services import setup

    kind = args.kind or ("team" if args.command == "team" else "unit")
    ws = login(args)
    try:
        if args.action == "add":
            if not args.name:
                error("请给出名称")
                return EXIT_USAGE
            members = [m for m in (args.members or "").split(",") if m]
            setup.add_org(ws, kind, args.name, level=args.level, members=members)
            print(
                f"已添加{setup.ORG_KINDS[kind]}“{args.name}”"
                + (f"，成员 {'、'.join(members)}" if members else "")
            )
        else:
            listed = None if args.command == "org" and not args.kind else kind
            for org in setup.list_orgs(ws, listed):
                kind_label = setup.ORG_KINDS.get(org.kind, org.kind)
                print(f"{kind_label}\t{org.name}\t{org.level}\t{','.join(org.members)}")
    finally:
        ws.close()
    return EXIT_OK


def run_import_orgs(args: argparse.Namespace) -> int:
    """Units and teams with their members from a sheet (名称, 类型, 成员): each row on its own."""
    from desktop.services import org_sheet

    ws = login(args)
    try:
        report = org_sheet.import_orgs(ws, Path(args.file))
    finally:
        ws.close()
    print(
        f"新建 {len(report.created)} 个单位或队伍，加入成员 {report.joined} 人，"
        f"拒绝 {len(report.rejected)} 行"
    )
    for r in report.rejected:
        print(f"第 {r.row} 行 {r.field}：{r.reason}", file=sys.stderr)
    return EXIT_REJECTED if report.rejected else EXIT_OK
