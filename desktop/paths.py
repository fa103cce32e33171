"""Where things live: the user's data folder for databases, and the shipped resources folder."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP = "Fengqiao"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_database() -> Path:
    return data_dir() / "fengqiao.db"


def resources_dir() -> Path:
    """`resources/` beside the packages in a checkout, or inside the bundle of a frozen build."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def reference(name: str) -> Path:
    return resources_dir() / "reference" / name
