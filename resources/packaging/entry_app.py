"""Entry point of the frozen desktop program (fengqiao.exe and fengqiao-cli.exe): the `fengqiao` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
