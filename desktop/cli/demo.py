"""`fengqiao demo`: a demonstration township of any size, every account with one password
(desktop.services.demo.build)."""

from __future__ import annotations

import argparse
import time

from desktop.cli.common import EXIT_OK, Progress, Subcommands, UsageError, database, password


def add_demo(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="生成演示乡镇")
    p.add_argument("--households", type=int, default=2000, help="户数（默认2000）")
    p.add_argument("--seed", type=int, default=7, help="随机种子")
    p.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from desktop.services import demo

    if args.households < 1:
        raise UsageError("--households 应为正整数")
    shared_password = password("演示数据库各账号的密码：", confirm=True)
    started = time.perf_counter()
    report = demo.build(database(args), shared_password, args.households, seed=args.seed, progress=Progress())
    print(
        f"演示乡镇已建好（{time.perf_counter() - started:.1f} 秒）：{report.villages} 个村、"
        f"{report.grids} 个网格、{report.households} 户 {report.persons} 人、{report.visits} 次走访、"
        f"{report.matters} 件事项\n"
        f"可登录账号（密码相同）：{'、'.join(report.accounts_with_login)}"
    )
    return EXIT_OK
