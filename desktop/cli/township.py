"""`fengqiao init`: a new encrypted database with its township and the admin account
(desktop.services.setup.create_township)."""

from __future__ import annotations

import argparse

from desktop.cli.common import EXIT_OK, Subcommands, database, password


def add_init(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="新建加密数据库、乡镇和 admin 账号")
    p.add_argument("--township", required=True, help="乡镇（街道）名称")
    p.add_argument("--division-code", help="12位统计用区划代码")
    p.add_argument("--short-name", help="编号前缀，如“向城”")
    p.set_defaults(run=run_init)


def run_init(args: argparse.Namespace) -> int:
    from desktop.services import setup

    admin_password = password("新数据库管理员（admin）的密码：", confirm=True)
    ws = setup.create_township(
        database(args),
        args.township,
        admin_password,
        division_code=args.division_code,
        short_name=args.short_name,
    )
    ws.close()
    print(f"已创建 {database(args)}：{args.township}，管理员账号 admin")
    return EXIT_OK
