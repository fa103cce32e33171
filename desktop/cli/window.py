"""`fengqiao` with no command: the desktop window (desktop.app.run_gui), its self-check (--smoke) and the
offline bundle it opens when one is double-clicked (--open)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import database


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--smoke", action="store_true", help="自检：新建加密数据库、迁移、离屏构建主窗口，然后退出"
    )
    parser.add_argument(
        "--open", metavar="FILE", help="打开窗口并导入这个离线同步包（.fqb；双击同步包时使用）"
    )


def run_window(args: argparse.Namespace) -> int:
    from desktop.app import run_gui, smoke

    if args.smoke:
        return smoke()
    return run_gui(database(args) if args.db else None, open_file=Path(args.open) if args.open else None)
