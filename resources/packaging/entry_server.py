"""Entry point of the frozen township server (fengqiao-server.exe): the `fengqiao-server` command."""

import sys

from sync.server.cli import main

if __name__ == "__main__":
    sys.exit(main())
