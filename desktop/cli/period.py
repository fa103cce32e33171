"""`fengqiao period close 2026-11` and `period list`: closing a month (月结) publishes its figures once
(desktop.services.periods); `list` shows every closed month, who closed it, when, and its digest."""

from __future__ import annotations

import argparse

from desktop.cli.common import EXIT_OK, EXIT_REJECTED, Subcommands, UsageError, error, login


def add_period(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "period", parents=[common], help="月结：close 2026-11 发布当月考核数据；list 列出已月结的月份"
    )
    p.add_argument("action", choices=["close", "list"])
    p.add_argument("month", nargs="?", help="要月结的月份，如 2026-11")
    p.set_defaults(run=run_period)


def run_period(args: argparse.Namespace) -> int:
    from desktop.services import periods
    from sync.core.domain.periods import parse_month

    if args.action == "close":
        if not args.month:
            raise UsageError("请给出要月结的月份，如：fengqiao period close 2026-11")
        try:
            parse_month(args.month)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    ws = login(args)
    try:
        if args.action == "close":
            try:
                periods.close(ws, args.month)
            except periods.PeriodRefused as exc:
                error(exc)
                return EXIT_REJECTED
            (row,) = (p for m, p in periods.closed(ws).items() if m == args.month.strip())
            print(
                f"已月结 {row.month}：{row.closed_by_name} {row.closed_at:%Y-%m-%d %H:%M}，"
                f"摘要 sha256:{row.digest}"
            )
            return EXIT_OK
        print("月份\t月结人\t月结时间\t方式\t摘要（sha256）\t核对")
        for row in periods.closed(ws).values():
            how = "自动" if row.automatic else "手动"
            intact = "一致" if row.intact else "不一致"
            print(
                f"{row.month}\t{row.closed_by_name}\t{row.closed_at:%Y-%m-%d %H:%M}\t{how}\t"
                f"{row.digest}\t{intact}"
            )
    finally:
        ws.close()
    return EXIT_OK
