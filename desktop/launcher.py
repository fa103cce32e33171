"""The installed `fengqiao` command: before the laptop's command line loads, check that the laptop's part is
installed. One distribution carries both ends, so a township server's install
(`pip install 'fengqiao[server]'`) has this command too but not Qt, SQLCipher or the office libraries; there
it says so in one line instead of a traceback from deep inside the store. `fengqiao server …` needs only the
server's part and always runs."""

from __future__ import annotations

import importlib.util
import sys

# What the laptop's extra brings that a server install lacks (import names; pyproject.toml's `laptop` extra).
LAPTOP_MODULES = ("PySide6", "sqlcipher3", "openpyxl", "docx", "requests")
EXIT_NOT_INSTALLED = 2


def missing_laptop_modules() -> list[str]:
    return [name for name in LAPTOP_MODULES if importlib.util.find_spec(name) is None]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    missing = [] if argv[:1] == ["server"] else missing_laptop_modules()
    if missing:
        print(
            f"错误：这里只装了乡镇服务器，没有装笔记本部分（缺少 {', '.join(missing)}）。"
            "服务器请用 fengqiao-server；笔记本请安装 pip install 'fengqiao[laptop]'。\n"
            "The laptop part of Fengqiao is not installed here (a township server install); "
            "use fengqiao-server, or install 'fengqiao[laptop]'.",
            file=sys.stderr,
        )
        return EXIT_NOT_INSTALLED
    from desktop.cli import main as laptop_main

    return laptop_main(argv)


if __name__ == "__main__":
    sys.exit(main())
