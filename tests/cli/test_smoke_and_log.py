"""The self-check a frozen build runs, and the log an unexpected error leaves behind."""

import logging
import os
import subprocess
import sys

from desktop import logs


def test_smoke_builds_the_main_window_offscreen_and_exits_0(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--smoke"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "smoke ok" in result.stdout and "pages" in result.stdout


def test_an_unexpected_error_is_logged_and_shown_with_where_the_log_is(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    path = logs.setup(tmp_path)
    shown = []
    logs.install_excepthook(lambda message, where: shown.append((message, where)), path)
    try:
        raise ValueError("坏数据")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert shown == [("ValueError: 坏数据", path)]
    text = path.read_text("utf-8")
    assert "unexpected error" in text and "Traceback" in text and "坏数据" in text
    logging.getLogger().handlers = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") != str(path)
    ]
