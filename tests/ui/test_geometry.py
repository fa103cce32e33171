"""Every window fits the screen it really has: a township laptop's 1366×768 with a 40-px taskbar, at 100 %,
125 % and 150 % scaling. Each scale runs in its own process (QT_SCALE_FACTOR is read once, at start), which
opens every dialog the app can open (tests/ui/geometry_probe.py) and reports where each frame lies.

The offscreen platform has no taskbar, so it is given the screen the taskbar leaves: 1366×728 physical pixels
(its availableGeometry is then exactly the room a Windows taskbar leaves on 1366×768). Its window frames are
switched on, so the frame, not only the inside, must fit.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

import desktop.ui
from desktop.services import demo
from tests.conftest import FAST_KDF

from .geometry_probe import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TASKBAR = 40


@pytest.fixture(scope="module")
def demo_township(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geometry")
    db = folder / "demo.db"
    demo.build(db, PASSWORD, 150, seed=5, kdf=FAST_KDF)
    screen = folder / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768 - TASKBAR, "dpr": 1}
                ],
            }
        )
    )
    return db, screen


def our_dialog_classes() -> set[str]:
    """Every QDialog subclass in desktop.ui: each must be among those the probe opened."""
    for info in pkgutil.iter_modules(desktop.ui.__path__):
        importlib.import_module(f"desktop.ui.{info.name}")
    found, todo = set(), list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("desktop.ui"):
            found.add(cls.__name__)
    return found - {"FormDialog"}  # the base of the forms, never opened by itself


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_window_fits_the_available_screen(demo_township, tmp_path, scale):
    db, screen = demo_township
    out = tmp_path / "seen.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no window geometry remembered from elsewhere
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.geometry_probe", str(db), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(out.read_text())
    room = seen["MainWindow"]["room"]
    expected_room = [0, 0, round(1366 / float(scale)), round((768 - TASKBAR) / float(scale))]
    assert all(abs(a - b) <= 1 for a, b in zip(room, expected_room, strict=True)), room
    outside = {}
    for name, shown in seen.items():
        x, y, w, h = shown["frame"]
        rx, ry, rw, rh = shown["room"]
        # One logical pixel of rounding at a fractional scale: 1366 / 1.25 = 1092.8 is reported as 1093.
        slack = 0 if float(scale).is_integer() else 1
        inside = x >= rx - slack and y >= ry - slack
        if not (inside and x + w <= rx + rw + slack and y + h <= ry + rh + slack):
            outside[name] = shown["frame"]
    assert outside == {}, f"outside {room} at {scale}: {outside}"
    missing = our_dialog_classes() - {shown["class"] for shown in seen.values()}
    assert missing == set(), f"dialogs the probe does not open yet: {missing}"
    assert len([n for n in seen if n.startswith("ActionDialog:")]) >= 8  # the matter's steps, one each
