"""The arrows of docs/architecture.md, read from the source: no import circle, no Qt below the window, no
SQLAlchemy in the window, sync free of desktop, and no window module reaching for the composition root."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop", "sync")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function, resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def graph() -> dict[str, set[str]]:
    files = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "migrations" not in p.parts]
    modules = {module_name(p): p for p in files}
    return {
        name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()
    }


def test_no_import_circle():
    edges = graph()
    # A package's __init__ importing its own modules is how Python packages work, not a circle of ours.
    edges = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in edges.items()}
    circles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for dep in sorted(edges[node]):
            if state.get(dep) == "open":
                circles.append([*trail[trail.index(dep) :], dep] if dep in trail else [node, dep])
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[node] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert circles == []


def imported_by(prefix: str) -> dict[str, set[str]]:
    files = [p for p in (ROOT / prefix.replace(".", "/")).rglob("*.py") if "migrations" not in p.parts]
    return {module_name(p): imports_of(p) for p in files}


def test_no_qt_below_the_window():
    for prefix in ("sync", "desktop.domain", "desktop.services", "desktop.store"):
        for module, deps in imported_by(prefix).items():
            assert not any(d.startswith(("PySide6", "shiboken6")) for d in deps), module


def test_the_window_talks_to_services_only():
    for module, deps in imported_by("desktop.ui").items():
        assert not any(d.startswith(("sqlalchemy", "desktop.store")) for d in deps), module
        assert "desktop.app" not in deps and "desktop.cli" not in deps, module


def test_sync_imports_nothing_of_desktop_but_the_server_its_pure_rules():
    for module, deps in imported_by("sync").items():
        allowed = ("desktop.domain",) if module.startswith("sync.server") else ()
        assert not any(d.startswith("desktop") and not d.startswith(allowed) for d in deps), module


def test_the_rules_are_pure():
    for module, deps in imported_by("desktop.domain").items():
        assert not any(
            d.startswith(("sqlalchemy", "desktop.store", "desktop.services", "requests")) for d in deps
        ), module
