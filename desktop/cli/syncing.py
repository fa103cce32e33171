"""`fengqiao sync` and `join`: sync with the township server, offline bundles both ways, and a new laptop
taking its account's share of the township (desktop.services.syncing)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, Progress, Subcommands, UsageError, database, password, user


def add_sync(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sync", parents=[common], help="与乡镇服务器同步（或导出/导入离线同步包）")
    p.add_argument("--server", help="乡镇服务器地址（默认：上次用过的，或 http://127.0.0.1:8765）")
    bundle = p.add_mutually_exclusive_group()
    bundle.add_argument("--export-bundle", metavar="FILE", help="把待同步的修改写入离线同步包")
    bundle.add_argument("--import-bundle", metavar="FILE", help="导入乡镇平台给出的回执")
    p.set_defaults(run=run_sync)


def add_join(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("join", parents=[common], help="新电脑：从乡镇服务器取得本账号范围内的数据")
    p.add_argument("--server", required=True, help="乡镇服务器地址")
    p.add_argument("--username", required=True, help="账号")
    p.add_argument(
        "--fingerprint",
        help="https 服务器证书的 SHA-256 指纹（乡镇平台提供）；不填则显示指纹，核对后确认",
    )
    p.set_defaults(run=run_join)


def run_sync(args: argparse.Namespace) -> int:
    from desktop.services import accounts, syncing

    name = user()
    secret = password(f"账号 {name} 的密码：")  # signs in, and again to the server
    ws = accounts.login(database(args), name, secret)
    try:
        if args.export_bundle:
            count = syncing.export_bundle(ws, Path(args.export_bundle))
            print(
                f"已写出离线同步包 {args.export_bundle}：{count} 条待同步的修改。"
                "请交乡镇平台导入，再导入其回执。"
            )
            return EXIT_OK
        if args.import_bundle:
            report = syncing.import_bundle(ws, Path(args.import_bundle))
        else:
            report = syncing.sync_now(ws, password=secret, server_url=args.server, progress=Progress())
    finally:
        ws.close()
    print(
        f"同步完成：上传 {report.pushed} 条（生效 {report.applied}，冲突 {report.conflicts}，"
        f"被拒 {report.rejected}），下载 {report.pulled} 条，移出 {report.removed} 条，"
        f"附件上传 {report.uploaded} 个、下载 {report.downloaded} 个"
        + ("；服务器曾从备份恢复，已重新核对" if report.reset else "")
    )
    if report.clock_warning:
        print(
            f"注意：本机时钟与乡镇服务器相差 {report.clock_offset_seconds / 60:+.0f} 分钟，请校准",
            file=sys.stderr,
        )
    return EXIT_OK


def trusted_fingerprint(url: str, given: str | None) -> str | None:
    """The same trust as the window's: an https:// server's certificate is shown by its fingerprint and
    trusted once the person says it matches the one the township gave them (or it is given on the line)."""
    from desktop.services import syncing
    from sync.pinning import normalise, shown

    found = syncing.certificate_of(url)
    if found is None:
        return None
    if given:
        if normalise(given) != found:
            raise UsageError(f"服务器证书的指纹是 {shown(found)}，与 --fingerprint 给出的不一致：没有加入")
        return found
    print(f"乡镇服务器 {url} 的证书指纹（SHA-256）：\n  {shown(found)}")
    answer = input("与乡镇平台给出的指纹一致吗？一致请输入 y 信任此证书：").strip().lower()
    if answer not in ("y", "yes", "是"):
        raise UsageError("没有信任服务器证书：没有加入")
    return found


def run_join(args: argparse.Namespace) -> int:
    from desktop.services import syncing

    url = syncing.server_address(args.server)
    fingerprint = trusted_fingerprint(url, args.fingerprint)
    secret = password(f"账号 {args.username} 的密码：")
    ws = syncing.join_township(
        database(args), url, args.username, secret, progress=Progress(), fingerprint=fingerprint
    )
    ws.close()
    print(f"已加入：{database(args)} 已从 {args.server} 取得账号 {args.username} 范围内的数据")
    return EXIT_OK
