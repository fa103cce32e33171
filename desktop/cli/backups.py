"""`fengqiao backup` and `restore`: the laptop's data and attachments in one encrypted file, and back, on this
laptop or another (desktop.services.backups)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import EXIT_OK, Progress, Subcommands, database, login, password, user


def add_backup(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="把本机数据和附件备份到一个加密文件")
    p.add_argument("file", nargs="?", help="备份文件（.fqbak；默认在数据目录的 backups 文件夹中）")
    p.set_defaults(run=run_backup)


def add_restore(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "restore", parents=[common], help="从加密备份恢复（本机或另一台电脑）；原有数据先移到 backups"
    )
    p.add_argument("file", help="备份文件（.fqbak）")
    p.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from desktop.services import backups

    ws = login(args)
    try:
        if args.file:
            target = Path(args.file)
        else:
            target = backups.backups_folder(database(args)) / backups.suggested_name(ws)
        report = backups.make_backup(ws, target, progress=Progress().stage("备份"))
    finally:
        ws.close()
    counts = report.counts
    print(
        f"已备份到 {report.path}（{report.size / 1e6:.1f} MB，{report.seconds:.1f} 秒）："
        f"{counts['households']} 户、{counts['persons']} 人、{counts['visits']} 次走访、"
        f"{counts['matters']} 件事项、{counts['attachments']} 个附件；"
        f"其中尚未同步的修改 {counts['unsynced_edits']} 条。备份已加密，凭本机任一账号的密码才能恢复。"
    )
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from desktop.services import backups

    name = user()
    report = backups.restore_backup(Path(args.file), database(args), name, password(f"账号 {name} 的密码："))
    made = report.manifest
    print(
        f"已从 {args.file} 恢复 {made.get('township', '')} 的数据"
        f"（{made.get('made_by')} 于 {made.get('created')} 备份）到 {database(args)}"
    )
    if report.moved_aside:
        print(f"原来的数据库已移到 {report.moved_aside}，没有删除")
    return EXIT_OK
