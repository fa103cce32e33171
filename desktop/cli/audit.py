"""`fengqiao audit [--from --to --who --what] [--verify] [--limit N] [--json]`: the audit trail for the
auditor (审计员), newest first, as an auditor reads it (time, who by name, the action in Chinese, the record
as a person knows it, then the change as "字段: 旧 → 新" lines); `--json` prints each entry as stored, one
JSON object a line; `--verify` checks the hash chain first and exits non-zero if it is broken
(desktop.services.audit_trail)."""

from __future__ import annotations

import argparse
import json
import sys

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
    p.add_argument("--json", action="store_true", help="按原样输出（每行一条 JSON：操作、对象、详情不翻译）")
    p.add_argument("--limit", type=int, default=1000, help="最多列出几条（默认 1000）")
    p.set_defaults(run=run_audit)


def raw(row) -> dict:
    detail = json.loads(row.detail) if row.detail else {}
    return {
        "seq": row.id,
        "at": row.at.isoformat(),
        "account": row.account,
        "device": row.device,
        "action": row.action,
        "target": row.target,
        "detail": detail,
    }


def run_audit(args: argparse.Namespace) -> int:
    from desktop.services import audit_trail

    ws = login(args)
    note = sys.stderr if args.json else sys.stdout  # with --json, stdout holds only the entries
    try:
        if args.verify:
            check = audit_trail.check_chain(ws)
            if not check.ok:
                where = f"第 {check.broken_at} 条记录起"
                print(f"哈希链校验失败：{where}的日志可能被改动（共 {check.entries} 条）", file=note)
                return EXIT_FAILED
            print(f"哈希链完好：共 {check.entries} 条记录", file=note)
        wanted = audit_trail.AuditFilter(args.start, args.end, args.who, args.what)
        page = audit_trail.read(ws, wanted, 0, max(1, args.limit))
        for row in page.rows:
            when = f"{row.at:%Y-%m-%d %H:%M:%S}"
            if args.json:  # the entry as stored, for a script
                print(json.dumps(raw(row), ensure_ascii=False))
                continue
            print(f"{row.id}\t{when}\t{row.who}\t{row.action_label}\t{row.target_label}")
            for line in row.changes:
                print(f"\t\t{line}")
        if page.total > len(page.rows):
            print(
                f"（共 {page.total} 条，只列出最新的 {len(page.rows)} 条；用 --from/--to 缩小范围）",
                file=note,
            )
    finally:
        ws.close()
    return EXIT_OK
