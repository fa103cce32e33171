"""The `fengqiao` command line: set up a township, build a demo, import rosters, export the ledger, sync.

Non-interactive use reads the password from FENGQIAO_PASSWORD and the account from FENGQIAO_USER (default
admin). A user's mistake ends with one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

from desktop import __version__, paths
from sync.core.domain.scope import SCOPE_KINDS

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


class UsageError(Exception):
    pass


class Progress:
    """One line on stderr, rewritten in place on a terminal and printed every 10 % elsewhere."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.tty = stream.isatty()
        self.last: tuple[str, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> bool:
        percent = int(100 * done / total) if total else 100
        if self.tty:
            self.stream.write(f"\r{stage} {done}/{total} ({percent}%)   ")
            if done >= total:
                self.stream.write("\n")
        elif self.last is None or self.last[0] != stage or percent // 10 > self.last[1] // 10:
            self.stream.write(f"{stage} {done}/{total} ({percent}%)\n")
        self.last = (stage, percent)
        self.stream.flush()
        return True

    def stage(self, name: str):
        """For work that reports (done, total) without naming its stage."""
        return lambda done, total: self(name, done, total)


def _password(prompt: str, *, confirm: bool = False) -> str:
    if os.environ.get("FENGQIAO_PASSWORD"):
        return os.environ["FENGQIAO_PASSWORD"]
    if not sys.stdin.isatty():
        raise UsageError("没有可用的密码：请设置环境变量 FENGQIAO_PASSWORD，或在终端中运行以输入密码")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != first:
        raise UsageError("两次输入的密码不一致")
    return first


def _db(args) -> Path:
    return Path(args.db) if args.db else paths.default_database()


def _login(args):
    from desktop.services import accounts

    user = os.environ.get("FENGQIAO_USER", "admin")
    return accounts.login(_db(args), user, _password(f"账号 {user} 的密码："))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 YYYY-MM-DD") from None


# ------------------------------------------------------------------------------------------ commands


def cmd_init(args) -> int:
    from desktop.services import setup

    password = _password("新数据库管理员（admin）的密码：", confirm=True)
    ws = setup.create_township(_db(args), args.township, password, division_code=args.division_code,
                               short_name=args.short_name)  # fmt: skip
    ws.close()
    print(f"已创建 {_db(args)}：{args.township}，管理员账号 admin")
    return EXIT_OK


def cmd_demo(args) -> int:
    from desktop.services import demo

    if args.households < 1:
        raise UsageError("--households 应为正整数")
    password = _password("演示数据库各账号的密码：", confirm=True)
    started = time.perf_counter()
    report = demo.build(_db(args), password, args.households, seed=args.seed, progress=Progress())
    print(
        f"演示乡镇已建好（{time.perf_counter() - started:.1f} 秒）：{report.villages} 个村、{report.grids} 个网格、"
        f"{report.households} 户 {report.persons} 人、{report.visits} 次走访、{report.matters} 件事项\n"
        f"可登录账号（密码相同）：{'、'.join(report.accounts_with_login)}"
    )
    return EXIT_OK


def cmd_import(args) -> int:
    from desktop.services import roster

    if args.template:
        roster.write_template(Path(args.template))
        print(f"已生成模板 {args.template}")
        return EXIT_OK
    if not args.file:
        raise UsageError("请给出要导入的 .xlsx 文件，或用 --template 生成模板")
    if not Path(args.file).is_file():
        raise roster.RosterUnreadable(f"找不到文件 {args.file}")
    roster.read_rows(Path(args.file))  # an unreadable file is reported before asking for a password
    ws = _login(args)
    try:
        progress = Progress()
        report = roster.import_households(
            ws, Path(args.file), errors_path=Path(args.errors) if args.errors else None,
            progress=lambda done, total: progress("导入", done, total),
        )  # fmt: skip
    finally:
        ws.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(
            f"导入 {report.rows_imported} 行：新建 {report.households_created} 户、{report.persons_created} 人，"
            f"更新 {report.households_updated} 户、{report.persons_updated} 人；未导入 {report.rows_rejected} 行"
        )
        for name in report.villages_created:
            print(f"  新建村（社区）：{name}")
        for name in report.grids_created:
            print(f"  新建网格：{name}")
        for r in report.rejected:
            print(f"  第{r['row']}行 {r['field']}：{r['reason']}")
        for w in report.warnings:
            print(f"  提示 第{w['row']}行 {w['field']}：{w['reason']}")
        if args.errors and report.rows_rejected:
            print(f"未导入的行已写入 {args.errors}，修改后可再次导入")
    return EXIT_REJECTED if report.rows_rejected else EXIT_OK


def cmd_export(args) -> int:
    from desktop.services import ledger
    from desktop.services.lists import MatterFilter

    ws = _login(args)
    try:
        progress = Progress()
        count = ledger.export_ledger(
            ws, Path(args.file), MatterFilter(date_from=args.date_from, date_to=args.date_to),
            unmasked=args.unmasked, progress=lambda done, total: progress("导出", done, total),
        )  # fmt: skip
    finally:
        ws.close()
    print(f"已导出 {count} 件事项到 {args.file}" + ("（未脱敏，已记入审计日志）" if args.unmasked else ""))
    return EXIT_OK


def cmd_assessment(args) -> int:
    """The month's (quarter's, year's) assessment, as the 统计 page shows it, with the raw counts behind it."""
    from dataclasses import asdict

    from desktop.services import assessment_report, stats

    ws = _login(args)
    try:
        report = assessment_report.make(ws, args.period, (args.by,))
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        ws.close()
    units, no_data = report.sections[args.by], report.no_data
    rows = [{"place": u.place, "name": u.name, "score": u.score, **asdict(u.measures), **asdict(u.counts)}
            for u in units]  # fmt: skip
    if args.xlsx:
        assessment_report.save_xlsx(report, args.xlsx)
    if args.json:
        print(json.dumps({"period": args.period, "by": args.by, "no_data": no_data, "units": rows},
                         ensure_ascii=False, indent=1))  # fmt: skip
        return EXIT_OK
    print(f"{args.period} 考核（按{stats.BY_LABELS[args.by]}；{report.rule}）")
    print(
        "名次\t单位\t得分\t立案\t化解\t办结\t按期\t超期未结\t督办\t包案\t归档\t化解率\t办结率\t按期办结率\t卷宗归档率"
    )
    for u in units:
        c, m = u.counts, u.measures
        print("\t".join(str(v) for v in (
            u.place, u.name, u.score, c.registered, c.resolved, c.closed, c.closed_on_time, c.open_overdue,
            c.supervised, c.in_charge, c.archived, _percent(m.resolution_rate), _percent(m.completion_rate),
            _percent(m.on_time_rate), _percent(m.archive_rate),
        )))  # fmt: skip
    return EXIT_OK


def _percent(value) -> str:
    return "无数据" if value is None else f"{value * 100:.2f}%"


def cmd_org(args) -> int:
    """Units (职能部门) and mediation teams (调解队伍): what work is dispatched to, and who is in them."""
    from desktop.services import setup

    kind = args.kind or ("team" if args.command == "team" else "unit")
    ws = _login(args)
    try:
        if args.action == "add":
            if not args.name:
                print("错误：请给出名称", file=sys.stderr)
                return 2
            members = [m for m in (args.members or "").split(",") if m]
            setup.add_org(ws, kind, args.name, level=args.level, members=members)
            print(
                f"已添加{setup.ORG_KINDS[kind]}“{args.name}”"
                + (f"，成员 {'、'.join(members)}" if members else "")
            )
        else:
            for org in setup.list_orgs(ws, None if args.command == "org" and not args.kind else kind):
                print(
                    f"{setup.ORG_KINDS.get(org.kind, org.kind)}\t{org.name}\t{org.level}\t{','.join(org.members)}"
                )
    finally:
        ws.close()
    return EXIT_OK


def cmd_import_orgs(args) -> int:
    """Units and teams with their members from a sheet (名称, 类型, 成员): each row on its own."""
    from desktop.services import org_sheet

    ws = _login(args)
    try:
        report = org_sheet.import_orgs(ws, Path(args.file))
    finally:
        ws.close()
    print(
        f"新建 {len(report.created)} 个单位或队伍，加入成员 {report.joined} 人，拒绝 {len(report.rejected)} 行"
    )
    for r in report.rejected:
        print(f"第 {r.row} 行 {r.field}：{r.reason}", file=sys.stderr)
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_account(args) -> int:
    from desktop.services import accounts

    ws = _login(args)
    try:
        if args.action == "add":
            new_password = os.environ.get("FENGQIAO_NEW_PASSWORD") or _password(
                f"{args.username} 的密码：", confirm=True
            )
            accounts.add_account(ws, args.username, args.name or args.username, new_password, args.roles,
                                 scope_kind=args.scope_kind, scope_ids=args.scope or [])  # fmt: skip
            print(f"已添加账号 {args.username}")
        elif args.action == "passwd":
            new_password = os.environ.get("FENGQIAO_NEW_PASSWORD") or getpass.getpass(
                f"{args.username} 的新密码："
            )
            accounts.reset_password(ws, args.username, new_password)
            print(f"已重置 {args.username} 的密码")
        else:
            for a in accounts.list_accounts(ws):
                print(
                    f"{a.username}\t{a.display_name}\t{a.roles}\t{a.scope_kind}{'（停用）' if a.disabled else ''}"
                )
    finally:
        ws.close()
    return EXIT_OK


def _qt_for_paper():
    """Qt lays out and writes the PDF; from the command line it needs an application but no screen."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if sys.platform != "win32" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _qt_for_paper.app = QApplication(["fengqiao"])


def _paper_suffix(out: str) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in (".pdf", ".docx", ".xlsx"):
        raise UsageError(f"--out 应为 .pdf、.docx 或 .xlsx 文件，而不是“{out}”")
    return suffix


def cmd_print(args) -> int:
    """One paper of one matter, found by its serial (exit 3 naming what its records still lack), or with
    --period every dossier of the matters closed in it, as one zip."""
    from desktop.services import documents, matters

    if args.period:
        return _print_dossiers(args)
    if not args.serial:
        raise UsageError("请给出事项编号，或用 --period 打包某期的全部卷宗")
    if _paper_suffix(args.out) == ".xlsx":
        raise UsageError("文书只能保存为 .pdf 或 .docx")
    ws = _login(args)
    try:
        matter_id = matters.id_by_serial(ws, args.serial)
        try:
            paper = documents.make(ws, matter_id, args.doc, args.index - 1)
        except documents.MissingItems as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_REJECTED
    finally:
        ws.close()
    if args.out.lower().endswith(".pdf"):
        _qt_for_paper()
        from desktop.ui import printing

        printing.save_pdf(paper, args.out)
    else:
        paper.save_docx(args.out)
    print(f"已生成{paper.title}（{paper.number}）：{args.out}")
    return EXIT_OK


def _print_dossiers(args) -> int:
    if args.doc != "dossier" or not args.out.lower().endswith(".zip"):
        raise UsageError("按期间打包只适用于卷宗：--doc dossier --out 文件.zip")
    ws = _login(args)
    try:
        _qt_for_paper()
        from desktop.ui import printing

        progress = Progress()
        count = printing.save_dossiers(
            ws, args.period, args.out, lambda done, total: progress("卷宗", done, total)
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        ws.close()
    print(f"已把 {args.period} 办结的 {count} 件事项的卷宗打包到 {args.out}")
    return EXIT_OK


def cmd_report(args) -> int:
    """The assessment report of a month, quarter or year, by village, grid, unit and team."""
    from desktop.services import assessment_report

    if _paper_suffix(args.out) == ".docx":
        raise UsageError("考核报表只能保存为 .pdf 或 .xlsx")
    ws = _login(args)
    try:
        report = assessment_report.make(ws, args.period)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        ws.close()
    if args.out.lower().endswith(".pdf"):
        _qt_for_paper()
        from desktop.ui import printing

        printing.save_report(report, args.out)
    else:
        assessment_report.save_xlsx(report, args.out)
    print(f"已生成{report.title}：{args.out}")
    return EXIT_OK


def cmd_screenshots(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import MissingTranslation
    from desktop.screenshots import take

    try:
        shots = take(Path(args.out_dir), args.lang, args.households)
    except MissingTranslation as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    for path in shots:
        print(path)
    return EXIT_OK


def cmd_sync(args) -> int:
    from desktop.services import syncing

    user = os.environ.get("FENGQIAO_USER", "admin")
    password = _password(f"账号 {user} 的密码：")
    from desktop.services import accounts

    ws = accounts.login(_db(args), user, password)
    try:
        if args.export_bundle:
            count = syncing.export_bundle(ws, Path(args.export_bundle))
            print(
                f"已写出离线同步包 {args.export_bundle}：{count} 条待同步的修改。请交乡镇平台导入，再导入其回执。"
            )
            return EXIT_OK
        if args.import_bundle:
            report = syncing.import_bundle(ws, Path(args.import_bundle))
        else:
            report = syncing.sync_now(ws, password=password, server_url=args.server, progress=Progress())
    finally:
        ws.close()
    print(
        f"同步完成：上传 {report.pushed} 条（生效 {report.applied}，冲突 {report.conflicts}，被拒 {report.rejected}），"
        f"下载 {report.pulled} 条，移出 {report.removed} 条，附件上传 {report.uploaded} 个、下载 {report.downloaded} 个"
        + ("；服务器曾从备份恢复，已重新核对" if report.reset else "")
    )
    if report.clock_warning:
        print(
            f"注意：本机时钟与乡镇服务器相差 {report.clock_offset_seconds / 60:+.0f} 分钟，请校准",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_join(args) -> int:
    from desktop.services import syncing

    password = _password(f"账号 {args.username} 的密码：")
    ws = syncing.join_township(_db(args), args.server, args.username, password, progress=Progress())
    ws.close()
    print(f"已加入：{_db(args)} 已从 {args.server} 取得账号 {args.username} 范围内的数据")
    return EXIT_OK


def cmd_backup(args) -> int:
    from desktop.services import backups

    ws = _login(args)
    try:
        target = (
            Path(args.file) if args.file else backups.backups_folder(_db(args)) / backups.suggested_name(ws)
        )
        report = backups.make_backup(ws, target, progress=Progress().stage("备份"))
    finally:
        ws.close()
    counts = report.counts
    print(
        f"已备份到 {report.path}（{report.size / 1e6:.1f} MB，{report.seconds:.1f} 秒）：{counts['households']} 户、"
        f"{counts['persons']} 人、{counts['visits']} 次走访、{counts['matters']} 件事项、{counts['attachments']} 个附件；"
        f"其中尚未同步的修改 {counts['unsynced_edits']} 条。备份已加密，凭本机任一账号的密码才能恢复。"
    )
    return EXIT_OK


def cmd_restore(args) -> int:
    from desktop.services import backups

    user = os.environ.get("FENGQIAO_USER", "admin")
    report = backups.restore_backup(Path(args.file), _db(args), user, _password(f"账号 {user} 的密码："))
    made = report.manifest
    print(
        f"已从 {args.file} 恢复 {made.get('township', '')} 的数据（{made.get('made_by')} 于 {made.get('created')} 备份）到 {_db(args)}"
    )
    if report.moved_aside:
        print(f"原来的数据库已移到 {report.moved_aside}，没有删除")
    return EXIT_OK


def cmd_gui(args) -> int:
    from desktop.app import run_gui, smoke

    if args.smoke:
        return smoke()
    return run_gui(_db(args) if args.db else None, open_file=Path(args.open) if args.open else None)


# ------------------------------------------------------------------------------------------ parser


def documents_kinds() -> tuple[str, ...]:
    from desktop.services.documents import KINDS

    return KINDS


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录中）")
    parser = argparse.ArgumentParser(
        prog="fengqiao", description="枫桥：网格员和调解员的矛盾纠纷工作台", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"fengqiao {__version__}")
    parser.add_argument(
        "--smoke", action="store_true", help="自检：新建加密数据库、迁移、离屏构建主窗口，然后退出"
    )
    parser.add_argument(
        "--open", metavar="FILE", help="打开窗口并导入这个离线同步包（.fqb；双击同步包时使用）"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("init", parents=[common], help="新建加密数据库、乡镇和 admin 账号")
    p.add_argument("--township", required=True, help="乡镇（街道）名称")
    p.add_argument("--division-code", help="12位统计用区划代码")
    p.add_argument("--short-name", help="编号前缀，如“向城”")
    p.set_defaults(run=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="生成演示乡镇")
    p.add_argument("--households", type=int, default=2000, help="户数（默认2000）")
    p.add_argument("--seed", type=int, default=7, help="随机种子")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("import-households", parents=[common], help="从 Excel 花名册导入住户")
    p.add_argument("file", nargs="?", help=".xlsx 花名册，每人一行")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.add_argument("--errors", help="把未导入的行写入这个 .xlsx")
    p.add_argument("--template", metavar="OUT.xlsx", help="生成空白花名册模板")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export-ledger", parents=[common], help="导出矛盾纠纷台账（Excel）")
    p.add_argument("file", help="输出的 .xlsx")
    p.add_argument("--from", dest="date_from", type=_date, help="上报日期起（YYYY-MM-DD）")
    p.add_argument("--to", dest="date_to", type=_date, help="上报日期止（YYYY-MM-DD）")
    p.add_argument("--unmasked", action="store_true", help="不脱敏（仅限有权限的角色，记入审计）")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("screenshots", help="生成各主要界面的截图（演示数据，离屏）")
    p.add_argument("out_dir", help="输出目录")
    p.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"], help="界面语言")
    p.add_argument("--households", type=int, default=600, help="演示户数")
    p.set_defaults(run=cmd_screenshots)

    p = sub.add_parser("sync", parents=[common], help="与乡镇服务器同步（或导出/导入离线同步包）")
    p.add_argument("--server", help="乡镇服务器地址（默认：上次用过的，或 http://127.0.0.1:8765）")
    bundle = p.add_mutually_exclusive_group()
    bundle.add_argument("--export-bundle", metavar="FILE", help="把待同步的修改写入离线同步包")
    bundle.add_argument("--import-bundle", metavar="FILE", help="导入乡镇平台给出的回执")
    p.set_defaults(run=cmd_sync)

    p = sub.add_parser("join", parents=[common], help="新电脑：从乡镇服务器取得本账号范围内的数据")
    p.add_argument("--server", required=True, help="乡镇服务器地址")
    p.add_argument("--username", required=True, help="账号")
    p.set_defaults(run=cmd_join)

    p = sub.add_parser("backup", parents=[common], help="把本机数据和附件备份到一个加密文件")
    p.add_argument("file", nargs="?", help="备份文件（.fqbak；默认在数据目录的 backups 文件夹中）")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser(
        "restore", parents=[common], help="从加密备份恢复（本机或另一台电脑）；原有数据先移到 backups"
    )
    p.add_argument("file", help="备份文件（.fqbak）")
    p.set_defaults(run=cmd_restore)

    for name, what in (("org", "职能部门等承办单位"), ("team", "调解队伍")):
        p = sub.add_parser(name, parents=[common], help=f"{what}：add / list")
        p.add_argument("action", choices=["add", "list"])
        p.add_argument("name", nargs="?")
        p.add_argument("--kind", choices=["unit", "team", "village_committee"], help="类型（org 默认 unit）")
        p.add_argument("--level", default="township", choices=["village", "township", "county"])
        p.add_argument("--members", help="成员账号，逗号分隔")
        p.set_defaults(run=cmd_org)

    p = sub.add_parser("import-orgs", parents=[common], help="从 Excel 导入单位和队伍（名称、类型、成员）")
    p.add_argument("file", help=".xlsx 工作簿")
    p.set_defaults(run=cmd_import_orgs)

    p = sub.add_parser("assessment", parents=[common], help="考核：某月、某季度或某年的指标和排名")
    p.add_argument("--period", required=True, help="2026-10、2026-Q4 或 2026")
    p.add_argument("--by", default="village", choices=["village", "grid", "unit", "team", "handler"])
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含各项原始计数）")
    p.add_argument("--xlsx", help="另存为 Excel 工作簿")
    p.set_defaults(run=cmd_assessment)

    p = sub.add_parser(
        "print", parents=[common], help="打印文书：调解协议书、笔录、回访记录、交办单、督办单、卷宗"
    )
    p.add_argument("serial", nargs="?", help="事项编号，如 向城-2026-00001")
    p.add_argument("--doc", required=True, choices=documents_kinds())
    p.add_argument(
        "--period", help="与 --doc dossier 一起：把 2026-10、2026-Q4 或 2026 办结事项的卷宗打包为 .zip"
    )
    p.add_argument("--index", type=int, default=1, help="第几次调解的笔录（--doc record），默认第 1 次")
    p.add_argument("--out", required=True, help="输出的 .pdf 或 .docx（打包卷宗时为 .zip）")
    p.set_defaults(run=cmd_print)

    p = sub.add_parser("report", parents=[common], help="考核报表：按村、网格、单位和队伍（PDF 或 Excel）")
    p.add_argument("--period", required=True, help="2026-10、2026-Q4 或 2026")
    p.add_argument("--out", required=True, help="输出的 .pdf 或 .xlsx")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("account", parents=[common], help="账号：list / add / passwd")
    p.add_argument("action", choices=["list", "add", "passwd"])
    p.add_argument("username", nargs="?")
    p.add_argument("--name", help="姓名")
    p.add_argument("--roles", default="grid_worker", help="角色，逗号分隔")
    p.add_argument("--scope-kind", default="township", choices=list(SCOPE_KINDS))
    p.add_argument("--scope", nargs="*", help="网格或村的 id；联户长（household）用户号")
    p.set_defaults(run=cmd_account)
    return parser


def main(argv: list[str] | None = None) -> int:
    # The windowed Windows program has no console: what it would print goes nowhere rather than failing.
    sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stderr = sys.stderr or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    # Everything this laptop writes (the database and its WAL, the key file, backups, logs, attachments,
    # exports) holds personal data: readable by the user only. (Windows keeps %LOCALAPPDATA% per user.)
    os.umask(0o077)
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["server"]:  # one program for the window, the command line and the township server
        from sync.server.cli import main as server_main

        return server_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    if not getattr(args, "run", None):
        args.run = cmd_gui  # no subcommand: the desktop application
    from desktop.services.errors import explained
    from desktop.services.roster import RosterUnreadable

    try:
        return args.run(args)
    except (UsageError, RosterUnreadable) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except explained() as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
