"""Declared types cover meaning, not only length: a hash is a hash, a name that becomes part of a file's name
holds no separator. Both ends check a record with the same declaration (`records.problems`)."""

from __future__ import annotations

import pytest

from sync.core import records

ATTACHMENTS = records.BY_TABLE["attachments"]
MATTERS = records.BY_TABLE["matters"]


@pytest.mark.parametrize(
    "sha",
    ["z" * 64, "A" * 64, "../../fengqiao.db".ljust(64, "a"), "a" * 63, "a" * 64 + "\n", "aa/" + "a" * 61],
)
def test_a_hash_that_is_not_64_lowercase_hex_is_refused(sha):
    found = records.problems(ATTACHMENTS, {"sha256": sha}, whole=False)
    assert found and found[0].startswith("sha256："), found


def test_a_real_hash_passes():
    assert records.problems(ATTACHMENTS, {"sha256": "0123456789abcdef" * 4}, whole=False) == []


@pytest.mark.parametrize("name", ["../x.pdf", "a/b.pdf", "a\\b.pdf", "x\x01.pdf", "x\x7f"])
def test_a_file_name_with_a_separator_or_control_character_is_refused(name):
    assert records.problems(ATTACHMENTS, {"filename": name}, whole=False)


@pytest.mark.parametrize("serial", ["../../evil", "东村/2026", "C:\\evil"])
def test_a_serial_that_would_leave_its_folder_is_refused(serial):
    found = records.problems(MATTERS, {"serial": serial}, whole=False)
    assert found and found[0].startswith("serial："), found


def test_ordinary_names_and_serials_pass():
    assert records.problems(ATTACHMENTS, {"filename": "调解协议书 (1).pdf"}, whole=False) == []
    assert records.problems(MATTERS, {"serial": "东村-2026-00001"}, whole=False) == []
