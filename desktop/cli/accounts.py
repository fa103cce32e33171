"""`fengqiao account list|add|edit|disable|enable|reset-password`: the township's accounts, changed on
the township server through its admin API (desktop.services.server_accounts). Offline, each says that the
server is needed and changes nothing. A laptop that has no township server yet (a township being set up,
never synced) keeps its accounts itself until its first sync (desktop.services.accounts).

A place is given by name or id: `--scope grid --places 新街村第1网格` (or 新街村/第1网格); a name that
names no place or several is refused with the choices. A new password comes from FENGQIAO_NEW_PASSWORD, or
is asked for on the terminal."""

from __future__ import annotations

import argparse
import getpass
import os

from desktop.cli.common import EXIT_OK, Subcommands, UsageError, login, password
from sync.core.domain.scope import SCOPE_KINDS

ACTIONS = ["list", "add", "edit", "disable", "enable", "reset-password", "passwd"]


def add_account(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "account",
        parents=[common],
        help="账号（在乡镇服务器上）：list / add / edit / disable / enable / reset-password",
    )
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("username", nargs="?")
    p.add_argument("--name", help="姓名")
    p.add_argument("--roles", help="角色，逗号分隔（新账号默认 grid_worker）")
    p.add_argument("--scope", "--scope-kind", dest="scope", choices=list(SCOPE_KINDS), help="范围的种类")
    p.add_argument(
        "--places",
        nargs="*",
        help="范围内的村、网格或住户：名称（新街村第1网格、新街村/第1网格、户号）或编号",
    )
    p.add_argument("--org", help="所属单位的编号（空字符串：清除）")
    p.set_defaults(run=run_account)


def _new_password(username: str, *, confirm: bool) -> str:
    given = os.environ.get("FENGQIAO_NEW_PASSWORD")
    if given:
        return given
    if confirm:
        return password(f"{username} 的密码：", confirm=True)
    return getpass.getpass(f"{username} 的新密码：")


def run_account(args: argparse.Namespace) -> int:
    from desktop.services import server_accounts

    if args.action != "list" and not args.username:
        raise UsageError("请给出账号名")
    ws = login(args)
    try:
        if not server_accounts.has_server(ws):
            return _set_up(ws, args)
        if args.action == "add":
            made = server_accounts.create_on_server(
                ws,
                args.username,
                args.name or args.username,
                _new_password(args.username, confirm=True),
                args.roles or "grid_worker",
                scope_kind=args.scope or "grid",
                places=args.places or [],
                org_id=args.org,
            )
            print(
                f"已在乡镇服务器添加账号 {made.username}（{made.scope_kind} {'、'.join(made.scope_names)}）"
            )
        elif args.action == "edit":
            made = server_accounts.edit_on_server(
                ws,
                args.username,
                display_name=args.name,
                roles=args.roles,
                scope_kind=args.scope,
                places=args.places,
                org_id=args.org,
            )
            places = "、".join(made.scope_names)
            print(f"已修改 {made.username}：{','.join(made.roles)}，范围 {made.scope_kind} {places}")
        elif args.action in ("disable", "enable"):
            server_accounts.disable_on_server(ws, args.username, args.action == "disable")
            print(f"已{'停用' if args.action == 'disable' else '启用'} {args.username}（乡镇服务器）")
        elif args.action in ("reset-password", "passwd"):
            server_accounts.reset_password_on_server(
                ws, args.username, _new_password(args.username, confirm=False)
            )
            print(f"已重置 {args.username} 的密码（乡镇服务器）")
        else:
            for a in server_accounts.server_accounts(ws):
                disabled = "（停用）" if a.disabled else ""
                places = "、".join(a.scope_names)
                print(
                    f"{a.username}\t{a.display_name}\t{','.join(a.roles)}\t{a.scope_kind}\t{places}{disabled}"
                )
    finally:
        ws.close()
    return EXIT_OK


def _set_up(ws, args: argparse.Namespace) -> int:
    """A township still being set up, with no server yet: its accounts are made here and sync up later."""
    from desktop.services import accounts

    if args.action == "add":
        accounts.add_account(
            ws,
            args.username,
            args.name or args.username,
            _new_password(args.username, confirm=True),
            args.roles or "grid_worker",
            scope_kind=args.scope or "township",
            scope_ids=args.places or [],
        )
        print(f"已添加账号 {args.username}（本机，尚未连接乡镇服务器）")
    elif args.action in ("reset-password", "passwd"):
        accounts.reset_password(ws, args.username, _new_password(args.username, confirm=False))
        print(f"已重置 {args.username} 的密码")
    elif args.action == "list":
        for a in accounts.list_accounts(ws):
            disabled = "（停用）" if a.disabled else ""
            print(f"{a.username}\t{a.display_name}\t{a.roles}\t{a.scope_kind}{disabled}")
    else:
        raise UsageError("账号由乡镇服务器管理：这台电脑还没有连接乡镇服务器，请先同步一次；本机什么都没有改")
    return EXIT_OK
