"""File names made from data stay where they are put: a serial `../../evil` from another laptop names a member
inside the period's dossier zip and touches nothing outside the folder it is made in; an attachment that
declares a path for its hash never names a file outside the attachments' folder."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from desktop.services import attachments
from desktop.services.file_names import inside, safe_file_name, unique
from desktop.store.models import Attachment, Matter
from tests.services.test_documents import closed_matter


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("../../evil", "_.._evil"),
        ("..", "未命名"),
        ('a\\b:c*?"<>|d', "a_b_c______d"),
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("行\x00尾\n", "行_尾_"),
        ("\ud800坏", "_坏"),
        ("  卷宗. ", "卷宗"),
        ("XC-2026-0001 卷宗.pdf", "XC-2026-0001 卷宗.pdf"),
    ],
)
def test_a_name_from_data_is_one_harmless_path_component(text, safe):
    name = safe_file_name(text)
    assert name == safe
    assert PurePosixPath(name).name == name == PureWindowsPath(name).name and name not in (".", "..")
    assert len(safe_file_name("长" * 500).encode()) <= 200


def test_inside_refuses_a_name_that_leaves_its_folder(tmp_path):
    assert inside(tmp_path, "a.pdf") == tmp_path / "a.pdf"
    for bad in ("../a.pdf", "sub/a.pdf", "..", "/etc/passwd"):
        with pytest.raises(ValueError):
            inside(tmp_path, bad)
    taken: set[str] = set()
    assert [unique("a.pdf", taken) for _ in range(3)] == ["a.pdf", "a(2).pdf", "a(3).pdf"]


def test_a_serial_with_dot_dots_stays_inside_the_dossier_zip(qapp, township, tmp_path, monkeypatch):
    from desktop.ui import printing

    m = closed_matter(township)
    platform = township.login("platform")
    with platform.tx("test.serial", m) as tx:  # as a pull stores a record from a misbehaving laptop
        tx.session.get(Matter, m).serial = "../../evil"
    work = tmp_path / "tmp"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))  # the export's scratch folder: tmp_path/tmp/<random>
    bystander = tmp_path / "evil.pdf"  # where `scratch / "../../evil.pdf"` lands
    bystander.write_text("keep me", encoding="utf-8")
    target = tmp_path / "out" / "dossiers.zip"
    target.parent.mkdir()
    with platform.read() as s:
        closed_at = s.get(Matter, m).closed_at
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert printing.save_dossiers(platform, f"{closed_at:%Y-%m}", target) == 1
    assert bystander.read_text(encoding="utf-8") == "keep me"  # neither overwritten nor deleted
    assert {p for p in tmp_path.rglob("*") if p.is_file()} == before | {target}  # nothing else made or gone
    with zipfile.ZipFile(target) as bundle:
        (member,) = bundle.namelist()
        assert member == "_.._evil 卷宗.pdf" and "/" not in member and "\\" not in member
        unpacked = tmp_path / "unpacked"
        bundle.extractall(unpacked)
        assert [p.relative_to(unpacked) for p in unpacked.rglob("*")] == [Path(member)]
        assert bundle.read(member).startswith(b"%PDF")


def test_an_attachment_that_declares_a_path_for_its_hash_names_nothing_outside(township, tmp_path):
    platform = township.login("platform")
    stored = attachments.folder(platform)
    for declared in ("../../../fengqiao.db", "/etc/passwd", "..", "ab"):
        path = attachments.stored_path(platform, declared)
        assert path.resolve().is_relative_to(stored.resolve()) and not path.exists()
    good = "0" * 64
    assert attachments.stored_path(platform, good) == stored / "00" / good
    picture = tmp_path / "a:b.png"
    picture.write_bytes(b"\x89PNG")
    m = closed_matter(township)
    attachments.add_attachment(platform, "matter", m, picture)
    with platform.read() as s:
        assert s.query(Attachment).filter_by(owner_id=m).one().filename == "a_b.png"
