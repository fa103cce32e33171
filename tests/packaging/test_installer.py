"""The Windows installer, run: Debian's Wine in a throwaway prefix runs the NSIS installer silently, as IT
staff would, and the test reads what it left behind (files, the registry, shortcuts).

The bundle inside is a stub (a few files named as the real bundle's): what is under test is the installer's
logic — where it installs, what it registers, how it upgrades and uninstalls — not the app, whose frozen
bundle tests/packaging/test_frozen_bundle.py builds and runs. The installer is 64-bit
(`Target amd64-unicode`), as the app is x64 only; Debian's `wine64` runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINE = shutil.which("wine64") or next((p for p in ("/usr/lib/wine/wine64",) if Path(p).exists()), None)
WINESERVER = shutil.which("wineserver") or next(
    (p for p in ("/usr/lib/wine/wineserver64", "/usr/lib/wine/wineserver") if Path(p).exists()), None
)
pytestmark = pytest.mark.skipif(
    not (WINE and WINESERVER and shutil.which("makensis")),
    reason="needs Debian's wine64 and nsis (.ci/setup)",
)
UNINSTALL = r"software\microsoft\windows\currentversion\uninstall\fengqiao"


def registry(path: Path) -> dict[str, dict[str, str]]:
    """A Wine registry file (user.reg, system.reg) as {key: {value name: value}}, keys in lower case."""
    keys: dict[str, dict[str, str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("["):
            current = keys.setdefault(line[1 : line.rindex("]")].replace("\\\\", "\\").lower(), {})
        elif current is not None and (found := re.match(r'^(@|"(?:[^"\\]|\\.)*")=(.*)$', line)):
            name = "" if found.group(1) == "@" else _unquote(found.group(1))
            value = found.group(2)
            current[name] = _unquote(value) if value.startswith('"') else value
    return keys


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


class Wine:
    """A fresh Wine prefix with its own home folder. Where Wine puts the Windows desktop depends on the
    machine (the home folder, ~/Desktop, an XDG user dir, or a plain folder in the prefix), so shortcuts are
    looked for through the prefix's own Desktop folder, whatever it points at."""

    def __init__(self, folder: Path):
        self.prefix, self.home = folder / "prefix", folder / "home"
        self.home.mkdir(parents=True)
        outside = {name: value for name, value in os.environ.items() if not name.startswith("XDG_")}
        self.env = {
            **outside,
            "WINEPREFIX": str(self.prefix),
            "HOME": str(self.home),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
            "DISPLAY": "",
        }
        self.run("wineboot", "--init")

    def run(self, *args: str) -> None:
        subprocess.run([WINE, *args], env=self.env, check=True, capture_output=True, timeout=300)
        self.settle()

    def settle(self) -> None:
        """Wait for every process of the prefix to end (the uninstaller runs a copy of itself from %TEMP%) and
        the registry to be written out."""
        subprocess.run([WINESERVER, "-w"], env=self.env, check=True, timeout=300)

    def windows_path(self, path: Path) -> str:
        return "C:\\" + str(path.relative_to(self.prefix / "drive_c")).replace("/", "\\")

    @property
    def user(self) -> Path:
        return self.prefix / "drive_c" / "users" / os.environ.get("USER", "root")

    @property
    def desktop(self) -> Path:
        return self.user / "Desktop"

    def keys(self, hive: str) -> dict[str, dict[str, str]]:
        return registry(self.prefix / ("user.reg" if hive == "HKCU" else "system.reg"))


def stub_bundle(folder: Path, version: str, internal: str) -> Path:
    folder.mkdir(parents=True)
    for program in ("fengqiao.exe", "fengqiao-cli.exe", "fengqiao-server.exe"):
        (folder / program).write_bytes(f"stub {program} {version}".encode())
    (folder / "_internal").mkdir()
    (folder / "_internal" / internal).write_text(version)
    return folder


def build_installer(tmp: Path, version: str, internal: str) -> Path:
    bundle = stub_bundle(tmp / f"bundle-{version}", version, internal)
    out = tmp / f"Fengqiao-{version}-setup.exe"
    defines = ["-DQUICK", f"-DVERSION={version}", f"-DBUNDLE_DIR={bundle}", f"-DOUT_FILE={out}"]
    subprocess.run(
        ["makensis", "-V2", *defines, str(ROOT / "resources" / "packaging" / "fengqiao.nsi")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def test_install_upgrade_and_uninstall_for_one_user(tmp_path):
    wine = Wine(tmp_path / "wine")
    first = build_installer(tmp_path, "0.1.0", "old-only.txt")
    wine.run(str(first), "/S")

    program = wine.user / "AppData" / "Local" / "Programs" / "Fengqiao"
    assert (program / "fengqiao.exe").read_text() == "stub fengqiao.exe 0.1.0"
    assert (program / "uninstall.exe").exists() and (program / "_internal" / "old-only.txt").exists()
    keys = wine.keys("HKCU")
    entry = keys[UNINSTALL]
    assert entry["DisplayVersion"] == "0.1.0" and entry["DisplayName"]
    assert entry["EstimatedSize"].startswith("dword:") and int(entry["EstimatedSize"][6:], 16) > 0
    assert entry["UninstallString"] == f'"{wine.windows_path(program / "uninstall.exe")}"'
    exe = wine.windows_path(program / "fengqiao.exe")
    assert keys[r"software\classes\.fqb"][""] == "Fengqiao.SyncBundle"
    assert keys[r"software\classes\fengqiao.syncbundle\shell\open\command"][""] == f'"{exe}" --open "%1"'
    start_menu = wine.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert {p.name for p in (start_menu / "Fengqiao").glob("*.lnk")} >= {"Uninstall.lnk"}
    assert len(list((start_menu / "Fengqiao").glob("*.lnk"))) == 2
    assert len(list(wine.desktop.glob("*.lnk"))) == 1  # the desktop shortcut
    assert UNINSTALL not in wine.keys("HKLM")  # per user: nothing machine-wide

    # The user works for weeks; then a newer version is installed over the old one.
    data = wine.user / "AppData" / "Local" / "Fengqiao"
    data.mkdir(parents=True)
    (data / "fengqiao.db").write_bytes(b"weeks of offline work")
    (data / "attachments").mkdir()
    (data / "attachments" / "scan.png").write_bytes(b"scan")
    wine.run(str(build_installer(tmp_path, "0.2.0", "new-only.txt")), "/S")
    assert (program / "fengqiao.exe").read_text() == "stub fengqiao.exe 0.2.0"
    assert not (program / "_internal" / "old-only.txt").exists()  # the old program files are gone
    assert (program / "_internal" / "new-only.txt").exists()
    assert wine.keys("HKCU")[UNINSTALL]["DisplayVersion"] == "0.2.0"
    assert (data / "fengqiao.db").read_bytes() == b"weeks of offline work"

    # Uninstalled silently: the program, its keys and shortcuts go; the data stays.
    wine.run(str(program / "uninstall.exe"), "/S")
    assert not (program / "fengqiao.exe").exists() and not (program / "_internal").exists()
    keys = wine.keys("HKCU")
    assert UNINSTALL not in keys and r"software\classes\.fqb" not in keys
    assert not list(wine.desktop.glob("*.lnk")) and not (start_menu / "Fengqiao").exists()
    assert (data / "fengqiao.db").read_bytes() == b"weeks of offline work"
    assert (data / "attachments" / "scan.png").exists()

    # Installed again and uninstalled with the delete-data option: the data goes too.
    wine.run(str(first), "/S")
    wine.run(str(program / "uninstall.exe"), "/S", "/DELETEDATA")
    assert not data.exists() and not (program / "fengqiao.exe").exists()


def test_install_for_all_users_writes_program_files_and_the_machine_keys(tmp_path):
    wine = Wine(tmp_path / "wine")
    wine.run(str(build_installer(tmp_path, "0.1.0", "a.txt")), "/S", "/ALLUSERS")
    program = wine.prefix / "drive_c" / "Program Files" / "Fengqiao"
    assert (program / "fengqiao.exe").exists() and (program / "all-users").exists()
    machine = wine.keys("HKLM")
    entry = machine[UNINSTALL]
    assert entry["DisplayVersion"] == "0.1.0" and entry["InstallLocation"] == wine.windows_path(program)
    assert machine[r"software\classes\.fqb"][""] == "Fengqiao.SyncBundle"
    assert UNINSTALL not in wine.keys("HKCU")
    public_start = (
        wine.prefix / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    )
    assert len(list((public_start / "Fengqiao").glob("*.lnk"))) == 2
    wine.run(str(program / "uninstall.exe"), "/S")
    assert UNINSTALL not in wine.keys("HKLM") and not (program / "fengqiao.exe").exists()
