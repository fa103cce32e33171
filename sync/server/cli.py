"""`fengqiao-server`: run the township server and administer it (accounts, devices, backups, offline bundles).

The embedded default is SQLite in the data folder, so `fengqiao-server serve` works with no setup; give
`--database-url postgresql://…` for PostgreSQL. TLS: `--certfile/--keyfile`, or run behind a reverse proxy
(then `--trusted-proxy` names it, so the callers' addresses it forwards are believed).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import getpass
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

import platformdirs
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from sync.core import bundle, cli_zh
from sync.core import protocol as p

from . import account_admin, accounts, backup, county_rank, townships
from .app import apply_push, caller_for, create_app, open_server, read_pull
from .hashing import HASHING_AT_ONCE, HASHING_QUEUE, HashGate
from .models import Account, Device
from .peers import LOOPBACK_HOSTS, TrustedProxies
from .state import MAX_DEVICES_PER_ACCOUNT, MAX_PAGE_BYTES

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


WILDCARDS = ("0.0.0.0", "::", "")


def allowed_hosts(args) -> frozenset[str] | None:
    """The Host names `serve` answers: this machine's loopback names always, then `--allowed-host` (`*`:
    any), or else the address it listens on; listening on every address, the machine's own names and
    addresses."""
    given = [name.strip() for name in args.allowed_host or [] if name.strip()]
    if "*" in given:
        return None
    names = set(LOOPBACK_HOSTS) | set(given)
    if not given and args.host not in WILDCARDS:
        names.add(args.host)
    elif not given:
        hostname = socket.gethostname()
        names |= {hostname, socket.getfqdn()}
        with contextlib.suppress(OSError):  # a machine whose own name does not resolve: its names serve
            names |= {str(info[4][0]) for info in socket.getaddrinfo(hostname, None)}
    return frozenset(names)


def server_settings(args) -> dict:
    """The edge settings of `serve` (other commands take the defaults: they answer no requests)."""
    if args.command != "serve":
        return {}
    return {
        "trusted_proxies": TrustedProxies(args.trusted_proxy or []),
        "allowed_hosts": allowed_hosts(args),
        "hashing": HashGate(args.hashing_at_once, args.hashing_queue),
        "max_devices": args.max_devices,
        "max_page_bytes": args.max_page_kib * 1024,
    }


def serve(args, server) -> int:
    import uvicorn

    tls = {"ssl_certfile": args.certfile, "ssl_keyfile": args.keyfile} if args.certfile else {}
    print(f"枫桥乡镇服务器：{_shown_url(server.db.url)}，http{'s' if tls else ''}://{args.host}:{args.port}")
    hosts = "任意" if server.allowed_hosts is None else "、".join(sorted(server.allowed_hosts))
    print(f"接受的主机名（Host）：{hosts}", flush=True)
    # proxy_headers off: whose X-Forwarded-For to believe is `--trusted-proxy`'s to say (peers.py).
    uvicorn.run(
        create_app(server),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        proxy_headers=False,
        **tls,
    )
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
            # Named, or the only one (a new server makes its placeholder): the account is added within it.
            county = args.scope == "county"  # the county's own account: no township of its own (review)
            home = None if county else townships.for_new_account(s, args.township, now)
            who = dataclasses.replace(who, township_id=home.id if home else None)
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
            if home is None:
                print(f"已添加县级账号 {made.username}（县级，角色 {','.join(made.roles)}；不属于任何乡镇）")
            else:
                print(
                    f"已在{home.name}添加账号 {made.username}"
                    f"（范围 {made.scope_kind} {','.join(made.scope_names)}）"
                )
            if home is not None and townships.Row(home, 0, 0, 0).placeholder:
                print("提示：本服务器的乡镇还没有名称和区划代码，请用 fengqiao-server township set 补上")
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


def township(args, server) -> int:
    """The townships this server holds: add, list (with what each holds), set/rename; audited."""
    now = datetime.now()
    who = account_admin.SERVER_CLI
    with server.db.writing() as s:
        if args.action == "add":
            if not args.name:
                raise accounts.AdminError("请给出乡镇名称：township add 名称 --code 12位区划代码")
            if not args.code:
                raise accounts.AdminError("区划代码（--code）：新乡镇必须给出 12 位统计用区划代码")
            made = townships.add(s, args.name, args.code, args.short_name or "", now=now)
            detail = {"name": made.name, "code": made.code, "short_name": made.short_name}
            account_admin.audit(s, who, "township.add", made.name, detail, now, made.id)
            print(f"已添加乡镇 {made.name}（{made.code}）")
        elif args.action in ("set", "rename"):
            found = townships.named(s, args.name)
            new_name = args.new_name if args.action == "rename" else args.rename
            if args.action == "rename" and not new_name:
                raise accounts.AdminError("请给出新名称：township rename 原名称 新名称")
            was = found.name
            changed = townships.change(s, found, name=new_name, code=args.code, short_name=args.short_name)
            if changed:
                account_admin.audit(s, who, "township.change", was, changed, now, found.id)
            print(f"已修改乡镇 {found.name}（{found.code or '代码未设'}）" if changed else "没有改动")
        else:
            print("乡镇\t简称\t区划代码\t账号\t设备\t记录")
            for row in townships.listing(s):
                t = row.township
                note = "\t（待命名：请用 township set 设置名称和区划代码）" if row.placeholder else ""
                print(
                    f"{t.name}\t{t.short_name}\t{t.code or '未设'}\t{row.accounts}\t{row.devices}\t"
                    f"{row.records}{note}"
                )
    return 0


def assessment(args, server) -> int:
    """The county's ranking of its townships for a closed month or quarter, from their published figures."""
    with server.db.reading() as s:
        found = county_rank.ranking(s, args.period, args.by)
    for line in county_rank.lines(found):
        print(line)
    if args.xlsx:
        county_rank.write_xlsx(found, Path(args.xlsx))
        print(f"已写出 {args.xlsx}")
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


REPLY_RECORDS = 10_000  # records a reply's pull carries at most (fewer when they would pass the caps)


def import_bundle(args, server) -> int:
    """Apply a laptop's offline bundle and write the reply it takes back: the same push and pull as online."""
    blob = bundle.read(args.file)  # its size checked before it is read
    device_id = bundle.device_of(blob)
    with server.db.reading() as s:
        dev = s.get(Device, device_id)
        if dev is None:
            raise accounts.AuthError(f"设备 {device_id} 未登记，同步包未导入")
        if dev.revoked_at is not None:
            raise accounts.AuthError(f"设备 {device_id} 已被乡镇平台停用，同步包未导入")
        account = s.get(Account, dev.account_id)
        if account is None or account.disabled:
            # As online (accounts.authenticate): a disabled account's laptop writes nothing more.
            raise accounts.AuthError(f"设备 {device_id} 所属账号已停用，同步包未导入")
        who = caller_for(s, dev, account)
        key = dev.bundle_key
    request = p.Bundle.model_validate_json(bundle.unseal(blob, key, "push"))
    pushed = apply_push(server, who, request.push)
    sealed, page = sealed_reply(server, who, request, pushed, key)
    Path(args.reply).write_bytes(sealed)
    applied = sum(r.status == "applied" for r in pushed.results)
    print(
        f"已导入 {len(pushed.results)} 条修改（{applied} 条生效），"
        f"回执含 {len(page.changes)} 条更新：{args.reply}"
    )
    return 0


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"端口必须是 1–65535 之间的整数，而不是“{text}”")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"必须是正整数，而不是“{text}”")
    return int(text)


def _not_negative(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"必须是 0 或正整数，而不是“{text}”")
    return int(text)


def _shown_url(url) -> str:
    """A database address as it may be printed: never its password."""
    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return "（无法解析的地址）"


class Parser(argparse.ArgumentParser):
    """A mistake on the command line is one line on stderr (and exit 2), not the whole usage."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}：{message}（{self.prog} -h 查看用法）\n")


def sealed_reply(
    server, who, request: p.Bundle, pushed: p.PushResponse, key: bytes
) -> tuple[bytes, p.PullPage]:
    """The reply, its pull cut short where the whole would pass a bundle's caps: the pull is a cursor, so the
    laptop's next bundle takes up where this one stopped."""
    limit = REPLY_RECORDS
    while True:
        page = read_pull(server, who, request.cursor, request.epoch, limit, None, request.protocol)
        reply = p.BundleReply(device_id=who.device_id, push=pushed, pull=page)
        try:
            return bundle.seal(who.device_id, key, "reply", reply.model_dump_json().encode()), page
        except bundle.BundleError:
            if len(page.changes) <= 1:
                raise
            limit = len(page.changes) // 2


def parser() -> argparse.ArgumentParser:
    cli_zh.install()
    ap = Parser(prog="fengqiao-server", description="枫桥乡镇同步服务器")
    ap.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录下的 fengqiao-server）")
    ap.add_argument(
        "--database-url", help="数据库地址，如 postgresql://user@host/fengqiao（默认：数据文件夹里的 SQLite）"
    )
    sub = ap.add_subparsers(dest="command", required=True)
    sv = sub.add_parser("serve", help="运行服务器")
    sv.add_argument("--host", default="127.0.0.1", help="监听的地址（默认只听本机；0.0.0.0 为所有网卡）")
    sv.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    sv.add_argument("--certfile", help="TLS 证书文件")
    sv.add_argument("--keyfile", help="TLS 私钥文件")
    sv.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    sv.add_argument(
        "--trusted-proxy",
        action="append",
        metavar="地址",
        help="前置代理的地址或网段，只有来自它的 X-Forwarded-For 等请求头才被采信"
        "（可重复；默认不信任任何代理）",
    )
    sv.add_argument(
        "--allowed-host",
        action="append",
        metavar="主机名",
        help="本服务器接受的 Host 主机名（可重复；* 为任意；本机名总是接受；默认：监听的地址，"
        "监听所有网卡时为本机的名称和地址）",
    )
    sv.add_argument(
        "--hashing-at-once",
        type=_positive,
        default=HASHING_AT_ONCE,
        metavar="N",
        help=f"同时核对密码的请求数（每个约占 64 MiB 内存；默认 {HASHING_AT_ONCE}）",
    )
    sv.add_argument(
        "--hashing-queue",
        type=_not_negative,
        default=HASHING_QUEUE,
        metavar="N",
        help=f"等待核对密码的请求数，再多的立即答 429（默认 {HASHING_QUEUE}）",
    )
    sv.add_argument(
        "--max-devices",
        type=_positive,
        default=MAX_DEVICES_PER_ACCOUNT,
        metavar="N",
        help=f"每个账号最多登记的在用设备数（已停用的不算；默认 {MAX_DEVICES_PER_ACCOUNT}）",
    )
    sv.add_argument(
        "--max-page-kib",
        type=_positive,
        default=MAX_PAGE_BYTES // 1024,
        metavar="KiB",
        help=f"一页拉取的最大字节数（KiB；默认 {MAX_PAGE_BYTES // 1024}）",
    )
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
    ac.add_argument(
        "--township", help="add：账号所属乡镇（名称、简称或区划代码；服务器只有一个乡镇时可省略）"
    )
    ac.set_defaults(run=account)
    tw = sub.add_parser("township", help="乡镇：add / list / set / rename（一台服务器可承载多个乡镇）")
    tw.add_argument("action", choices=["add", "list", "set", "rename"])
    tw.add_argument("name", nargs="?", help="乡镇名称（set / rename：名称、简称或区划代码）")
    tw.add_argument("new_name", nargs="?", help="rename：新名称")
    tw.add_argument("--code", help="12 位统计用区划代码，如 371324105000")
    tw.add_argument("--short-name", help="简称（编号前缀），如 向城")
    tw.add_argument("--rename", help="set：新名称")
    tw.set_defaults(run=township)

    am = sub.add_parser(
        "assessment",
        help="县级排名：各乡镇月结发布的数据，按得分排名（未月结的列在最后，不排名），附全县合计",
    )
    am.add_argument(
        "--period",
        required=True,
        help="月份 2026-11，或季度 2026-Q4（由该季三个已月结月份合成，三个月都月结的乡镇才排名）",
    )
    am.add_argument(
        "--by", default="township", choices=county_rank.BY, help="排名依据（默认 township：乡镇）"
    )
    am.add_argument("--xlsx", metavar="文件", help="同时写出 Excel 表格")
    am.set_defaults(run=assessment)

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
        url = database_url(args)
        try:
            server = open_server(url, data_dir(args), **server_settings(args))
        except SQLAlchemyError as exc:
            reason = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()
            print(f"错误：数据库打不开（{_shown_url(url)}）：{reason[0] if reason else exc}", file=sys.stderr)
            return 2
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
