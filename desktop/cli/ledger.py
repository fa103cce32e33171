"""`fengqiao export-ledger`: the dispute ledger (矛盾纠纷台账) as an Excel sheet, masked unless the role may
see it whole (desktop.services.ledger.export_ledger)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_OK, Progress, Subcommands, iso_date, login


def add_export_ledger(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export-ledger", parents=[common], help="导出矛盾纠纷台账（Excel）")
    p.add_argument("file", help="输出的 .xlsx")
    p.add_argument("--from", dest="date_from", type=iso_date, help="上报日期起（YYYY-MM-DD）")
    p.add_argument("--to", dest="date_to", type=iso_date, help="上报日期止（YYYY-MM-DD）")
    p.add_argument("--unmasked", action="store_true", help="不脱敏（仅限有权限的角色，记入审计）")
    p.set_defaults(run=run_export_ledger)


def run_export_ledger(args: argparse.Namespace) -> int:
    from desktop.services import ledger
    from desktop.services.lists import MatterFilter

    ws = login(args)
    try:
        count = ledger.export_ledger(
            ws,
            Path(args.file),
            MatterFilter(date_from=args.date_from, date_to=args.date_to),
            unmasked=args.unmasked,
            progress=Progress().stage("导出"),
        )
    finally:
        ws.close()
    unmasked = "（未脱敏，已记入审计日志）" if args.unmasked else ""
    print(f"已导出 {count} 件事项到 {args.file}{unmasked}")
    return EXIT_OK
