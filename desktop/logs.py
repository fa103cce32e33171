"""The log: a rotating file in the user's log folder (never the install folder), and what happens to an error
nobody expected — it is written there in full, and the person at the screen is told what happened and where
the log is, while their data stays as the last finished transaction left it."""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

LOG_NAME = "fengqiao.log"
MAX_BYTES = 2 * 1024 * 1024
KEEP = 5


def log_folder() -> Path:
    return Path(os.environ.get("FENGQIAO_LOG_DIR") or platformdirs.user_log_dir("Fengqiao", appauthor=False))


def setup(folder: Path | None = None) -> Path:
    """Send the app's log to a rotating file; returns its path. Safe to call twice."""
    folder = Path(folder or log_folder())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def install_excepthook(show, log_path: Path) -> None:
    """Unexpected errors: logged with their traceback, then shown by `show(message, log_path)`."""
    previous = sys.excepthook

    def hook(kind, error, tb):
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        logging.getLogger("fengqiao").error("unexpected error", exc_info=(kind, error, tb))
        try:
            show(f"{kind.__name__}: {error}", log_path)
        except Exception:  # the dialog itself failed: the log still has it
            logging.getLogger("fengqiao").exception("could not show the error dialog")

    sys.excepthook = hook
