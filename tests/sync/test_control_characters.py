"""Control characters and lone surrogates are refused on arrival at the township server, field by field and
record by record (issue 26): none in a one-line string, none but tab, line feed and carriage return in
multi-line text, and the field is named. Against a real server, SQLite and PostgreSQL. (A NUL or a lone
surrogate typed in a laptop's search box: tests/services/test_search_edges.py.)"""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from sync.core import protocol as p
from sync.core import records
from sync.server.models import Record
from tests.sync.test_authority import everyone_keeps_syncing, record_on_server

from .servers import RawDevice


def a_household(town, number: str, **fields) -> dict:
    return {"village_id": town.village, "grid_id": town.grid, "number": number, "address": "东村", **fields}


def test_each_record_with_a_control_character_is_refused_alone_naming_its_field(laptops):
    device = RawDevice(laptops.server.url, "grid1")
    town = laptops.town
    cases = [
        (a_household(town, "C1", address="东村\x1b[2J1号"), "address：含有控制字符 U+001B（第 3 个字符）"),
        (a_household(town, "C2", note="响铃\x07"), "note：含有控制字符 U+0007"),
        (a_household(town, "C3", address="东村\ud800"), "address：含有无法保存的字符"),
        (a_household(town, "C4", address="东村\t1号"), "address：含有控制字符 U+0009"),  # one line: no tab
        (a_household(town, "C5\r"), "number：含有控制字符 U+000D"),
        (a_household(town, "C6", note="第一行\n第二行\t备注\r\n"), None),  # multi-line text keeps these
        (a_household(town, "C7", address="东村7号"), None),
        (a_household(town, "C8", address="东村\x9b2J"), "address：含有控制字符 U+009B"),  # C1 escape
        (a_household(town, "C9", address="张\u202e三"), "address：含有控制字符 U+202E"),  # reads backwards
        (a_household(town, "C10", note="一段\u2028另一段"), "note：含有控制字符 U+2028"),
    ]
    ops = [device.op("households", str(uuid.uuid4()), fields=fields) for fields, _ in cases]
    matter = device.op(
        "matters", fields={"serial": "M-1", "title": "纠纷\x0b调解", "village_id": town.village}
    )
    results = device.push(*ops, matter)

    for op, (_, reason), result in zip(ops, cases, results, strict=False):
        if reason is None:
            assert result["status"] == "applied", result
            assert record_on_server(laptops.server, op["record_id"]) is not None
        else:
            assert result["status"] == "rejected" and reason in result["reason"], (reason, result)
            assert record_on_server(laptops.server, op["record_id"]) is None
    assert results[-1]["status"] == "rejected" and "title：含有控制字符 U+000B" in results[-1]["reason"]
    with laptops.server.server.db.reading() as s:
        kept = s.get(Record, ops[5]["record_id"]).data["note"]
    assert kept == "第一行\n第二行\t备注\r\n"

    # An edit is checked like an insert; the record stays as it was.
    edit = device.op("households", ops[6]["record_id"], op="update", fields={"address": "东\x00村"})
    (result,) = device.push(edit)
    assert result["status"] == "rejected" and result["reason"].startswith("address"), result
    with laptops.server.server.db.reading() as s:
        assert s.get(Record, ops[6]["record_id"]).data["address"] == "东村7号"
    everyone_keeps_syncing(laptops)


def test_a_record_already_held_with_a_control_character_still_reads_everywhere():
    """The check is on arrival only: what a laptop pulls is judged as before, so nothing stored is lost."""
    households = records.BY_TABLE["households"]
    held = {"village_id": "v", "number": "1", "address": "东村\t1号"}
    assert records.problems(households, held, whole=False) == []
    assert records.problems(households, held, whole=False, arriving=True) == [
        "address：含有控制字符 U+0009（第 3 个字符）"
    ]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("密码\tabc\r\n", True),
        ("密码\x1b", False),
        ("\x7f", False),
        ("a\ud800", False),
        ("\x00", False),
        ("\x85", False),
        ("a\u202eb", False),
    ],
)
def test_the_text_type_refuses_control_characters_but_tab_and_line_ends(value, ok):
    register = {"username": "grid1", "password": value, "device_id": "d1"}
    if ok:
        assert p.Register.model_validate(register).password == value
    else:
        with pytest.raises(ValidationError, match="password"):
            p.Register.model_validate(register)
    with pytest.raises(ValidationError, match="username"):
        p.Register.model_validate({**register, "password": "x", "username": "grid\t1"})
