"""File names made from data (a matter's serial, a paper's title, an attachment's name) are made safe here.

A serial like `../../evil` or `a\\b:c` came from someone else's laptop; used as it is in a path it would write
outside the folder meant for it (or, in a zip, outside the folder the zip is unpacked to), or fail on Windows.
Every export, zip member and attachment name that holds data goes through `safe_file_name`, and a file written
in a folder of ours is placed there with `inside`, which refuses any name that would leave it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Separators, the characters Windows forbids, and control characters: each becomes an underscore.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
# Names Windows keeps for devices, with or without a suffix ("CON", "nul.pdf").
_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)
LONGEST_BYTES = 200  # of UTF-8: most file systems allow 255, and a suffix or "(2)" may be added after


def safe_file_name(text: object, fallback: str = "未命名") -> str:
    """One path component that stays where it is put: no separator, no `..`, nothing Windows refuses, not
    too long; what it was is still readable ("../../evil" becomes "_.._evil")."""
    name = unicodedata.normalize("NFC", "" if text is None else str(text))
    name = "".join(ch if ch.isprintable() or ch == " " else "_" for ch in name)
    name = _UNSAFE.sub("_", name).strip(" .")  # Windows drops trailing dots and spaces; "." and ".." vanish
    if _DEVICES.fullmatch(name):
        name = "_" + name
    while len(name.encode("utf-8")) > LONGEST_BYTES:
        name = name[:-1]
    return name.rstrip(" .") or fallback


def inside(folder: Path, name: str) -> Path:
    """`folder / name` for a name made by `safe_file_name`; refuses (ValueError) anything that would leave the
    folder, so a mistake elsewhere never writes or deletes outside it."""
    path = Path(folder) / name
    if Path(name).name != name or path.resolve().parent != Path(folder).resolve():
        raise ValueError(f"file name leaves its folder: {name!r}")
    return path


def unique(name: str, taken: set[str]) -> str:
    """The name, or "name(2).pdf" and so on when that one is taken (two serials made alike by cleaning)."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}({n}){dot}{suffix}"
    taken.add(candidate.casefold())
    return candidate
