"""What the About box says: version, build, database schema, where the data and the log are, and the licences
of the libraries the app ships with (Qt's LGPL among them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop import __version__, logs, paths

# (library, licence, where its source and licence text are)
LIBRARIES = [
    ("Qt 6 / PySide6", "LGPL-3.0", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("SQLCipher (sqlcipher3)", "BSD-3-Clause / zlib", "https://github.com/sqlcipher/sqlcipher"),
    ("SQLAlchemy", "MIT", "https://www.sqlalchemy.org"),
    ("Alembic", "MIT", "https://alembic.sqlalchemy.org"),
    ("argon2-cffi", "MIT", "https://github.com/hynek/argon2-cffi"),
    ("cryptography", "Apache-2.0 / BSD-3-Clause", "https://cryptography.io"),
    ("openpyxl", "MIT", "https://openpyxl.readthedocs.io"),
    ("requests", "Apache-2.0", "https://requests.readthedocs.io"),
    ("pydantic", "MIT", "https://docs.pydantic.dev"),
    ("FastAPI / Starlette", "MIT / BSD-3-Clause", "https://fastapi.tiangolo.com"),
    ("uvicorn", "BSD-3-Clause", "https://www.uvicorn.org"),
    ("psycopg 3", "LGPL-3.0", "https://www.psycopg.org"),
    ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("WenQuanYi Micro Hei (Linux only, from the system)", "Apache-2.0 / GPL-3.0", "http://wenq.org"),
]


@dataclass(frozen=True)
class AboutFacts:
    version: str
    build: str
    schema_version: str
    database: Path
    data_folder: Path
    log_folder: Path
    libraries: list


def build_id() -> str:
    """Written by build.spec into the bundle (module fengqiao_build); a checkout says so."""
    try:
        from fengqiao_build import BUILD  # type: ignore[import-not-found]
    except ImportError:
        return "development checkout"
    return BUILD


def facts(schema_version: str, database: Path) -> AboutFacts:
    return AboutFacts(
        __version__,
        build_id(),
        schema_version,
        Path(database),
        paths.data_dir(),
        logs.log_folder(),
        LIBRARIES,
    )
