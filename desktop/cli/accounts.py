"""`fengqiao account`: list the laptop's accounts, add one, reset a password (desktop.services.accounts).
A new password comes from FENGQIAO_NEW_PASSWORD, or is asked for on the terminal."""

from __future__ import annotations

import argparse
import getpass
import os

from desktop.cli.common import EXIT_OK, Subcommands, login, password
from sync.core.domain.scope import SCOPE_KINDS


def add_account(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("account", parents=[common], help="账号：list / add / passwd")
    p.add_argument("action", choices=["list", "add", "passwd"])
    p.add_argument("username", nargs="?")
    p.add_argument("--name", help="姓名")
    p.add_argument("--roles", default="grid_worker", help="角色，逗号分隔")
    p.add_argument("--scope-kind", default="township", choices=list(SCOPE_KINDS))
    p.add_argument("--scope", nargs="*", help="网格或村的 id；联户长（household）用户号")
    p.set_defaults(run=run_account)


def run_account(args: argparse.Namespace) -> int:
    from desktop.services import accounts

    ws = login(args)
    try:
        if args.action == "add":
            new_password = os.environ.get("FENGQIAO_NEW_PASSWORD") or password(
                f"{args.username} 的密码：", confirm=True
            )
            accounts.add_account(
                ws,
                args.username,
                args.name or args.username,
                new_password,
                args.roles,
                scope_kind=args.scope_kind,
                scope_ids=args.scope or [],
            )
            print(f"已添加账号 {args.username}")
        elif args.action == "passwd":
            new_password = os.environ.get("FENGQIAO_NEW_PASSWORD") or getpass.getpass(
                f"{args.username} 的新密码："
            )
            accounts.reset_password(ws, args.username, new_password)
            print(f"已重置 {args.username} 的密码")
        else:
            for a in accounts.list_accounts(ws):
                disabled = "（停用）" if a.disabled else ""
                print(f"{a.username}\t{a.display_name}\t{a.roles}\t{a.scope_kind}{disabled}")
    finally:
        ws.close()
    return EXIT_OK
