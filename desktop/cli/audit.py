"""`fengqiao audit [--from --to --who --what] [--verify] [--limit N]`: the audit trail for the auditor
(审计员), newest first, as tab-separated lines; `--verify` checks the hash chain first and exits
non-zero if it is broken (desktop.services.audit_trail)."""

from __future__ import annotations

import argparse

from desktop.cli.common import EXIT_FAILED, EXIT_OK, Subcommands, iso_date, login


def add_audit(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "audit", parents=[common], help="审计日志（审计员）：按日期、操作人、操作筛选，校验哈希链"
    )
    p.add_argument("--from", dest="start", type=iso_date, help="从这一天起（YYYY-MM-DD）")
    p.add_argument("--to", dest="end", type=iso_date, help="到这一天止（含）")
    p.add_argument("--who", default="", help="操作人账号（包含即可）")
    p.add_argument("--what", default="", help="操作或对象（如 login、account.disable）")
    p.add_argument("--verify", action="store_true", help="先校验整条哈希链")
    p.add_argument("--limit", type=int, default=1000, help="最多列出几条（默认 1000）")
    p.set_defaults(run=run_audit)


def run_audit(args: argparse.Namespace) -> int:
    from desktop.services import audit_trail

    ws = login(args)
    try:
        if args.verify:
            check = audit_trail.check_chain(ws)
            if not check.ok:
                where = f"第 {check.broken_at} 条记录起"
                print(f"哈希链校验失败：{where}的日志可能被改动（共 {check.entries} 条）")
                return EXIT_FAILED
            print(f"哈希链完好：共 {check.entries} 条记录")
        wanted = audit_trail.AuditFilter(args.start, args.end, args.who, args.what)
        page = audit_trail.read(ws, wanted, 0, max(1, args.limit))
        for row in page.rows:
            when = f"{row.at:%Y-%m-%d %H:%M:%S}"
            print(f"{row.id}\t{when}\t{row.account}\t{row.action}\t{row.target}\t{row.detail}")
        if page.total > len(page.rows):
            print(f"（共 {page.total} 条，只列出最新的 {len(page.rows)} 条；用 --from/--to 缩小范围）")
    finally:
        ws.close()
    return EXIT_OK
