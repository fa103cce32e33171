"""`fengqiao-server`: run the township server and administer it (accounts, devices, backups, offline bundles).

The embedded default is SQLite in the data folder, so `fengqiao-server serve` works with no setup; give
`--database-url postgresql://…` for PostgreSQL. TLS: `--certfile/--keyfile`, or run behind a reverse proxy.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path

import platformdirs
from pydantic import ValidationError
from sqlalchemy import select

from sync.core import bundle
from sync.core import protocol as p

from . import account_admin, accounts, backup
from .app import apply_push, caller_for, create_app, open_server, read_pull
from .models import Account, Device

DEFAULT_PORT = 8765


def data_dir(args) -> Path:
    folder = Path(
        args.data_dir
        or os.environ.get("FENGQIAO_SERVER_DATA")
        or platformdirs.user_data_dir("fengqiao-server", appauthor=False)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url(args) -> str:
    return (
        args.database_url
        or os.environ.get("FENGQIAO_DATABASE_URL")
        or f"sqlite:///{data_dir(args) / 'server.db'}"
    )


def _password(args) -> str:
    return args.password or os.environ.get("FENGQIAO_SERVER_PASSWORD") or getpass.getpass("密码: ")


def serve(args, server) -> int:
    import uvicorn

    tls = {"ssl_certfile": args.certfile, "ssl_keyfile": args.keyfile} if args.certfile else {}
    print(f"枫桥乡镇服务器：{server.db.url}，http{'s' if tls else ''}://{args.host}:{args.port}", flush=True)
    uvicorn.run(create_app(server), host=args.host, port=args.port, log_level=args.log_level, **tls)
    return 0


def _places(text: str | None) -> list[str] | None:
    return None if text is None else [x.strip() for x in text.replace("，", ",").split(",") if x.strip()]


def _roles(text: str | None) -> list[str] | None:
    return None if text is None else [r.strip() for r in text.split(",") if r.strip()]


def account(args, server) -> int:
    """Every change goes through `account_admin`, as the admin API's do: audited, and copied to the synced
    account record that laptops receive."""
    now = datetime.now()
    who = account_admin.SERVER_CLI
    with server.db.writing() as s:
        if args.action == "add":
            request = _request(
                p.NewAccount,
                username=args.username,
                password=_password(args),
                display_name=args.name or "",
                roles=_roles(args.roles) or [],
                scope_kind=args.scope or "grid",
                places=_places(args.places) or [],
                org_id=args.org,
            )
            made = account_admin.create(s, who, request, now)
            print(f"已添加账号 {made.username}（范围 {made.scope_kind} {','.join(made.scope_names)}）")
        elif args.action == "edit":
            edit = _request(
                p.AccountEdit,
                display_name=args.name,
                roles=_roles(args.roles),
                scope_kind=args.scope,
                places=_places(args.places),
                org_id=args.org,
            )
            made = account_admin.edit(s, who, args.username, edit, now)
            print(
                f"已修改账号 {made.username}：{','.join(made.roles)}，"
                f"范围 {made.scope_kind} {','.join(made.scope_names)}"
            )
        elif args.action == "passwd":
            account_admin.reset_password(s, who, args.username, _password(args), now)
            print(f"已重设 {args.username} 的密码")
        elif args.action in ("disable", "enable"):
            account_admin.set_disabled(s, who, args.username, args.action == "disable", now)
            print(f"已{'停用' if args.action == 'disable' else '启用'} {args.username}")
        else:
            for a in account_admin.list_accounts(s).accounts:
                state = "停用" if a.disabled else "正常"
                print(
                    f"{a.username}\t{a.display_name}\t{','.join(a.roles)}\t{a.scope_kind}\t"
                    f"{','.join(a.scope_names)}\t{state}"
                )
    return 0


def _request(model, **values):
    """A command line's values checked as the admin API checks them: a bad one is named (name: too long)."""
    try:
        return model(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        problems = "；".join(
            f"{'.'.join(map(str, e.get('loc', ())))}：{_reason(e)}" for e in exc.errors()[:5]
        )
        raise accounts.AdminError(problems) from None


def _reason(error: dict) -> str:
    ctx = error.get("ctx") or {}
    if error.get("type") == "string_too_long":
        return f"最多 {ctx.get('max_length')} 个字"
    if error.get("type") == "string_too_short":
        return f"至少 {ctx.get('min_length')} 位" if ctx.get("min_length", 0) > 1 else "不能为空"
    return str(error.get("msg", ""))


def device(args, server) -> int:
    with server.db.writing() as s:
        if args.action == "revoke":
            account_admin.revoke_device(s, account_admin.SERVER_CLI, args.device_id, datetime.now())
            print(f"已停用设备 {args.device_id}")
            return 0
        for d in s.scalars(select(Device).order_by(Device.registered_at)):
            owner = s.get(Account, d.account_id)
            state = f"已停用 {d.revoked_at:%Y-%m-%d}" if d.revoked_at else "正常"
            seen = f"{d.last_seen:%Y-%m-%d %H:%M}" if d.last_seen else "-"
            offset = f"{d.clock_offset_seconds:+.0f}s" if d.clock_offset_seconds is not None else "-"
            print(f"{d.id}\t{owner.username if owner else '?'}\t{d.name}\t{seen}\t{offset}\t{state}")
    return 0


def do_backup(args, server) -> int:
    counts = backup.backup(server.db, server.blobs, Path(args.file), backup.backup_key(data_dir(args)))
    print(f"已备份到 {args.file}：{counts.get('records', 0)} 条记录")
    return 0


def do_restore(args, server) -> int:
    key = bytes.fromhex(Path(args.key).read_text().strip()) if args.key else backup.backup_key(data_dir(args))
    epoch = backup.restore(server.db, server.blobs, Path(args.file), key)
    print(f"已从 {args.file} 恢复；新纪元 {epoch}，各笔记本下次同步时会重新核对")
    return 0


def import_bundle(args, server) -> int:
    """Apply a laptop's offline bundle and write the reply it takes back: the same push and pull as online."""
    blob = Path(args.file).read_bytes()
    device_id = bundle.device_of(blob)
    with server.db.reading() as s:
        dev = s.get(Device, device_id)
        if dev is None or dev.revoked_at is not None:
            raise accounts.AuthError(f"设备 {device_id} 未登记或已停用")
        who = caller_for(s, dev, s.get(Account, dev.account_id))
        key = dev.bundle_key
    request = p.Bundle.model_validate_json(bundle.unseal(blob, key, "push"))
    pushed = apply_push(server, who, request.push)
    page = read_pull(server, who, request.cursor, request.epoch, 10**9, None, request.protocol)
    reply = p.BundleReply(device_id=device_id, push=pushed, pull=page)
    Path(args.reply).write_bytes(bundle.seal(device_id, key, "reply", reply.model_dump_json().encode()))
    applied = sum(r.status == "applied" for r in pushed.results)
    print(
        f"已导入 {len(pushed.results)} 条修改（{applied} 条生效），"
        f"回执含 {len(page.changes)} 条更新：{args.reply}"
    )
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="fengqiao-server", description="枫桥乡镇同步服务器")
    ap.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录下的 fengqiao-server）")
    ap.add_argument(
        "--database-url", help="数据库地址，如 postgresql://user@host/fengqiao（默认：数据文件夹里的 SQLite）"
    )
    sub = ap.add_subparsers(dest="command", required=True)
    sv = sub.add_parser("serve", help="运行服务器")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=DEFAULT_PORT)
    sv.add_argument("--certfile")
    sv.add_argument("--keyfile")
    sv.add_argument("--log-level", default="info")
    sv.set_defaults(run=serve)
    ac = sub.add_parser("account", help="账号：add / edit / passwd / disable / enable / list")
    ac.add_argument("action", choices=["add", "edit", "passwd", "disable", "enable", "list"])
    ac.add_argument("username", nargs="?")
    ac.add_argument("--scope", choices=accounts.SCOPE_KINDS, help="范围（新账号默认 grid）")
    ac.add_argument(
        "--places",
        help="范围内的村、网格或住户：名称（如 新街村第1网格、新街村/第1网格，住户用户号）或编号，逗号分隔",
    )
    ac.add_argument("--name", help="姓名")
    ac.add_argument("--roles", help="角色，逗号分隔")
    ac.add_argument("--org", help="所属单位的编号（空字符串：清除）")
    ac.add_argument("--password")
    ac.set_defaults(run=account)
    dv = sub.add_parser("device", help="设备：list / revoke")
    dv.add_argument("action", choices=["list", "revoke"])
    dv.add_argument("device_id", nargs="?")
    dv.set_defaults(run=device)
    bk = sub.add_parser("backup", help="备份到一个文件")
    bk.add_argument("file")
    bk.set_defaults(run=do_backup)
    rs = sub.add_parser("restore", help="从备份恢复（之后各笔记本会重置同步）")
    rs.add_argument("file")
    rs.add_argument("--key", help="备份密钥文件（默认：数据文件夹里的 backup.key）")
    rs.set_defaults(run=do_restore)
    ib = sub.add_parser("import-bundle", help="导入笔记本的离线同步包，写出回执")
    ib.add_argument("file")
    ib.add_argument("--reply", required=True)
    ib.set_defaults(run=import_bundle)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if (
        args.command in ("account", "device")
        and args.action != "list"
        and not (args.username if args.command == "account" else args.device_id)
    ):
        print("请给出账号名或设备编号", file=sys.stderr)
        return 2
    try:
        server = open_server(database_url(args), data_dir(args))
        return args.run(args, server)
    except (
        accounts.AdminError,
        accounts.AuthError,
        bundle.BundleError,
        backup.BackupRefused,
        ValueError,
        OSError,
    ) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
