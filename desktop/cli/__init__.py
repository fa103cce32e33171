"""The `fengqiao` command line: set up a township, build a demo, import rosters, export the ledger, sync.

Each command lives beside the use case it drives, in a module of its own that declares its sub-parser and
runs it: `township` (init), `demo`, `roster` (import-households), `ledger` (export-ledger), `screenshots`,
`syncing` (sync, join), `backups` (backup, restore), `orgs` (org, team, import-orgs), `assessment`
(assessment, report), `papers` (print), `accounts` (account); `window` is the default (the desktop window)
and `server` hands `fengqiao server …` to the township server's own command line. `common` holds what they
share. This module assembles the parser and runs the command: `fengqiao = "desktop.cli:main"`.

Non-interactive use reads the password from FENGQIAO_PASSWORD and the account from FENGQIAO_USER (default
admin). A user's mistake ends with one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop import __version__
from desktop.cli import (
    accounts,
    assessment,
    audit,
    backups,
    demo,
    ledger,
    orgs,
    papers,
    period,
    roster,
    screenshots,
    server,
    syncing,
    township,
    window,
)
from desktop.cli.common import EXIT_FAILED, EXIT_USAGE, UsageError, error
from sync.core import cli_zh

# Each command's sub-parser, in the order `fengqiao --help` lists them.
COMMANDS = (
    township.add_init,
    demo.add_demo,
    roster.add_import_households,
    ledger.add_export_ledger,
    screenshots.add_screenshots,
    syncing.add_sync,
    syncing.add_join,
    backups.add_backup,
    backups.add_restore,
    orgs.add_org_and_team,
    orgs.add_import_orgs,
    assessment.add_assessment,
    papers.add_print,
    assessment.add_report,
    assessment.add_mark,
    period.add_period,
    accounts.add_account,
    audit.add_audit,  # the audit trail, for the auditor
)


def build_parser() -> argparse.ArgumentParser:
    cli_zh.install()  # argparse's own words (usage, options, -h) in Chinese
    # --db is accepted before the command and after it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录中）")
    parser = argparse.ArgumentParser(
        prog="fengqiao", description="枫桥：网格员和调解员的矛盾纠纷工作台", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"fengqiao {__version__}")
    window.add_window_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for add in COMMANDS:
        add(sub, common)
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
        return server.run_server(argv[1:])
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    run = getattr(args, "run", None) or window.run_window  # no command: the desktop window
    from desktop.services.errors import explained
    from desktop.services.roster import RosterUnreadable

    try:
        return run(args)
    except (UsageError, RosterUnreadable) as exc:
        error(exc)
        return EXIT_USAGE
    except explained() as exc:
        error(exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return EXIT_FAILED
