"""Where things live: the user's data folder for databases, and the shipped resources folder."""

from __future__ import annotations

import importlib.resources
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP = "Fengqiao"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_database() -> Path:
    return data_dir() / "fengqiao.db"


@cache
def resources_dir() -> Path:
    """The shipped resources: the package `fengqiao_resources` (an installed wheel, or `resources/` of an
    editable checkout, through importlib.resources), or `resources/` inside a frozen build's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    try:
        return Path(str(importlib.resources.files("fengqiao_resources")))
    except ModuleNotFoundError:  # a checkout run without installing it
        return Path(__file__).resolve().parent.parent / "resources"


def reference(name: str) -> Path:
    return resources_dir() / "reference" / name
