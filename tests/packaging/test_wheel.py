"""A wheel that works outside the checkout: built from the source tree, installed into a fresh virtual
environment in another folder, and run from there — the self-check with its English translation, a demo
township, the township server and its health check. Resources come from the wheel (fengqiao_resources), never
from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import requests

from tests.sync.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_runs_outside_the_checkout(tmp_path):
    wheels = tmp_path / "wheels"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*pip_wheel, "-w", str(wheels), str(ROOT)], check=True, capture_output=True, timeout=600)
    (wheel,) = wheels.glob("fengqiao-*.whl")
    fresh = tmp_path / "elsewhere" / "venv"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(subprocess.check_output([python, "-c", purelib], text=True).strip())
    # Dependencies (PySide6, SQLAlchemy …) come from the test environment; our own code only from the wheel.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    work = tmp_path / "elsewhere" / "work"
    work.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FENGQIAO_PASSWORD": "correct horse 1",
        "HOME": str(work),
        "XDG_DATA_HOME": str(work / "data"),
        "PYTHONPATH": "",
    }

    def run(*args, **kwargs):
        return subprocess.run(
            [python, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300, **kwargs
        )

    where = run("-c", "import desktop, desktop.paths as p; print(desktop.__file__); print(p.resources_dir())")
    code, resources = where.stdout.split()
    assert str(ROOT) not in code and str(ROOT) not in resources and Path(resources).is_relative_to(site)
    assert (Path(resources) / "i18n" / "fengqiao_en.qm").exists()
    assert (Path(resources) / "reference" / "holidays.json").exists()

    # The installed `fengqiao` command (desktop.launcher): with the laptop's part here, it is the laptop's.
    smoke = run(fresh / "bin" / "fengqiao", "--smoke")
    assert smoke.returncode == 0 and "English translation loaded" in smoke.stdout, smoke.stdout + smoke.stderr
    demo = run("-m", "desktop.cli", "demo", "--db", str(work / "demo.db"), "--households", "20")
    assert demo.returncode == 0, demo.stderr
    port = free_port()
    server = subprocess.Popen(
        [fresh / "bin" / "fengqiao-server", "--data-dir", str(work / "server"), "serve", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(200):
            try:
                health = requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert health.json()["status"] == "ok"
    finally:
        server.terminate()
        server.wait(30)

    # An install without its English translation: asked for English by name, it says so and stops.
    (Path(resources) / "i18n" / "fengqiao_en.qm").unlink()
    shots = run("-m", "desktop.cli", "screenshots", str(work / "shots"), "--lang", "en", "--households", "10")
    assert shots.returncode == 2 and "en" in shots.stderr and not list((work / "shots").glob("*.png"))
