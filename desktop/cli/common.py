"""What every `fengqiao` command shares: exit codes, the one-line usage error, progress on stderr, the
password (from FENGQIAO_PASSWORD or the terminal), the database path and signing in."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from desktop import paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3

# argparse's own type for what add_subparsers returns; each command module adds its parsers to it.
Subcommands = argparse._SubParsersAction


class UsageError(Exception):
    """A mistake in how the command was called: one line on stderr and exit 2."""


class Progress:
    """One line on stderr, rewritten in place on a terminal and printed every 10 % elsewhere."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr  # looked up now: main() may have replaced a missing stderr
        self.tty = self.stream.isatty()
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


def error(text: object) -> None:
    """The one line a failed command leaves on stderr."""
    print(f"错误：{text}", file=sys.stderr)


def password(prompt: str, *, confirm: bool = False) -> str:
    if os.environ.get("FENGQIAO_PASSWORD"):
        return os.environ["FENGQIAO_PASSWORD"]
    if not sys.stdin.isatty():
        raise UsageError("没有可用的密码：请设置环境变量 FENGQIAO_PASSWORD，或在终端中运行以输入密码")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != first:
        raise UsageError("两次输入的密码不一致")
    return first


def user() -> str:
    """The account a command signs in as."""
    return os.environ.get("FENGQIAO_USER", "admin")


def database(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else paths.default_database()


def login(args: argparse.Namespace):
    """Signs in to the database of --db as FENGQIAO_USER: the workspace every use case takes."""
    from desktop.services import accounts

    name = user()
    return accounts.login(database(args), name, password(f"账号 {name} 的密码："))


def iso_date(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 YYYY-MM-DD") from None
