"""`fengqiao screenshots`: each main screen of a demo township, offscreen, in a language
(desktop.screenshots.take)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_USAGE, Subcommands, error


def add_screenshots(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("screenshots", help="生成各主要界面的截图（演示数据，离屏）")
    p.add_argument("out_dir", help="输出目录")
    p.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"], help="界面语言")
    p.add_argument("--households", type=int, default=600, help="演示户数")
    p.set_defaults(run=run_screenshots)


def run_screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import MissingTranslation
    from desktop.screenshots import take

    try:
        shots = take(Path(args.out_dir), args.lang, args.households)
    except MissingTranslation as exc:
        error(exc)
        return EXIT_USAGE
    for path in shots:
        print(path)
    return EXIT_OK
