"""The build's one piece of code: `resources/` travels in the wheel as the package `fengqiao_resources`, with
its translations compiled (.ts → .qm) on the way, so an installed Fengqiao finds them through
importlib.resources exactly as a checkout does. Everything else is declared in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
RESOURCES = [
    "fengqiao_resources",
    "fengqiao_resources.i18n",
    "fengqiao_resources.icons",
    "fengqiao_resources.reference",
]


def lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")


class BuildWithTranslations(build_py):
    """Compile the committed .ts files into the build; without a compiler, take .qm files already built; with
    neither, build without them and say so.

    The compiler comes with Qt, which a township server's install (`pip install '.[server]'`, an isolated
    build with no Qt) does not have, and a server needs no translations. A laptop's English does: its wheel is
    built where Qt is (`.venv/bin/pip wheel --no-build-isolation .`, tests/packaging/test_wheel.py checks the
    .qm is in it), and an install without it says so when asked for English (the same test)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable checkout reads resources/ itself; .ci/setup builds its .qm files
        target = Path(self.build_lib) / "fengqiao_resources" / "i18n"
        target.mkdir(parents=True, exist_ok=True)
        tool = lrelease()
        for ts in sorted((HERE / "resources" / "i18n").glob("*.ts")):
            qm = target / ts.with_suffix(".qm").name
            if tool:
                subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
            elif ts.with_suffix(".qm").exists():
                shutil.copyfile(ts.with_suffix(".qm"), qm)
            else:
                self.announce(
                    f"warning: {qm.name} left out: no pyside6-lrelease in this build environment and no "
                    f"built .qm beside {ts.name}. A township server needs none; for a laptop, build with "
                    "`.venv/bin/pip wheel --no-build-isolation .` after `bash .ci/setup`",
                    level=3,
                )


setup(
    packages=find_packages(include=["desktop*", "sync*"]) + RESOURCES,
    package_dir={"fengqiao_resources": "resources"},
    package_data={
        "desktop.store": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
        "sync.server": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
        "fengqiao_resources.i18n": ["*.ts", "*.qm"],
        "fengqiao_resources.icons": ["fengqiao.png", "fengqiao.ico"],
        "fengqiao_resources.reference": ["*.json"],
    },
    cmdclass={"build_py": BuildWithTranslations},
)
