"""The arrows of docs/architecture.md, read from the source: no import circle; a core both ends share that
imports neither Qt nor the laptop nor the server; a server that imports nothing of the laptop; no Qt below the
window, no SQLAlchemy in the window, no window module reaching for the composition root.

Each rule is a (importer, forbidden import) pair checked over the whole tree, and
`test_each_rule_fails_on_the_arrow_it_forbids` feeds every rule an arrow it must refuse, so a rule that could
never fail is itself a failure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop", "sync")

QT = ("PySide6", "shiboken6")
LAPTOP = ("desktop", "sync.client", "sync.transport")
# The laptop embeds a township server (no network, or the demo): only its composition root starts one.
EMBEDS_THE_SERVER = ("desktop.local_server", "desktop.cli")

# (who, what it must not import, why). `who` and `what` are module-name prefixes; `except_` lists
# importers the rule leaves alone.
RULES: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = [
    (
        ("sync.core",),
        (*QT, *LAPTOP, "sync.server", "sqlalchemy", "requests", "fastapi", "uvicorn"),
        (),
        "the core imports neither Qt, nor the laptop, nor the server, nor a database or web library",
    ),
    (("sync.server",), (*QT, *LAPTOP), (), "the server imports nothing of the laptop"),
    (
        ("sync.client", "sync.transport"),
        (*QT, "desktop", "sync.server"),
        (),
        "the sync client is the laptop's end of the wire: no window, no store, no server",
    ),
    (("desktop",), ("sync.server",), EMBEDS_THE_SERVER, "only the laptop's composition root embeds a server"),
    (("desktop.services", "desktop.store"), QT, (), "no Qt below the window"),
    (
        ("desktop.store",),
        ("desktop.services", "desktop.ui", "desktop.app"),
        (),
        "the store knows no use case",
    ),
    (("desktop.services",), ("desktop.ui", "desktop.app", "desktop.cli"), (), "use cases know no window"),
    (
        ("desktop.ui",),
        ("sqlalchemy", "desktop.store", "desktop.app", "desktop.cli"),
        (),
        "the window talks to use cases only and gets the rest through its constructors",
    ),
]


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


def source_files() -> list[Path]:
    return [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "migrations" not in p.parts]


def all_imports() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in source_files()}


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def broken_arrows(imports: dict[str, set[str]]) -> list[str]:
    """Every (module → import) that a rule forbids, with the rule's reason."""
    broken = []
    for who, forbidden, except_, why in RULES:
        for module, deps in imports.items():
            if under(module, who) and not under(module, except_):
                broken += [f"{module} → {dep}: {why}" for dep in sorted(deps) if under(dep, forbidden)]
    return broken


def test_no_forbidden_arrow_in_the_tree():
    assert broken_arrows(all_imports()) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule[3])
def test_each_rule_fails_on_the_arrow_it_forbids(rule):
    who, forbidden, _except, _why = rule
    for importer in who:
        for target in forbidden:
            assert broken_arrows({f"{importer}.probe": {f"{target}.thing"}}), (importer, target)


def test_the_server_of_the_old_tree_would_fail():
    """The arrow this layout removed (the server importing the laptop's rules) is refused by name."""
    assert broken_arrows({"sync.server.authority": {"desktop.domain.lifecycle"}})


def test_no_import_circle():
    modules = {module_name(p) for p in source_files()}
    edges = {name: {m for m in deps if m in modules and m != name} for name, deps in all_imports().items()}
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
