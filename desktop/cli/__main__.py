"""`python -m desktop.cli`: the `fengqiao` command, as the tests run it."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
