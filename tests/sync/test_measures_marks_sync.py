"""Assessment marks (亮点工作赋分, 通报, 约谈) against a real server (uvicorn on 127.0.0.1, SQLite and
PostgreSQL): the 督考办's marks made on the township's shared PC reach every laptop; a mark from an account
without the right, in another's name, malformed, or an edit of one is refused alone with the reason, and
everyone keeps syncing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.services import assessment_marks, syncing
from desktop.store.models import AssessmentMark
from sync.server import accounts as server_accounts
from tests.conftest import PASSWORD

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, reasons, record_on_server


def test_the_supervisors_marks_reach_every_laptop_and_no_one_else_may_write_one(laptops, clock):
    t = laptops.town
    with laptops.server.server.db.writing() as s:  # the accounts the township's PC carries, on the server
        for username, name in (("supervisor", "孙督考"), ("platform", "钱平台")):
            server_accounts.add_account(
                s, username, PASSWORD, "township", [], display_name=name, roles=[username]
            )
    sup = t.login("supervisor")  # signing in on the township's own PC
    changed = assessment_marks.record(
        sup, "highlight", "village", t.village, "调解经验被县里推广", date(2026, 11, 20), 3
    )
    assert syncing.sync_now(laptops.a).rejected == 0
    (mark_id,) = changed.ids
    stored = record_on_server(laptops.server, mark_id)
    assert (
        stored is not None and stored.data["points"] == 3 and stored.data["by_id"] == t.accounts["supervisor"]
    )
    syncing.sync_now(laptops.b)
    with laptops.b.read() as s:
        (row,) = s.scalars(select(AssessmentMark)).all()
    assert (row.kind, row.unit_name, row.reason, row.by_name) == (
        "highlight",
        "东村",
        "调解经验被县里推广",
        "孙督考",
    )

    fields = {
        "kind": "notice",
        "month": "2026-11",
        "on": "2026-11-21",
        "unit_by": "village",
        "unit_key": t.village,
        "unit_name": "东村",
        "points": 0,
        "reason": "通报",
        "by_name": "孙督考",
    }
    grid = RawDevice(laptops.server.url, "grid1")
    own, borrowed = reasons(
        grid.push(
            grid.op("assessment_marks", fields=fields),
            grid.op("assessment_marks", fields={**fields, "by_id": t.accounts["supervisor"]}),
        )
    )
    assert "无权" in own and "本账号的名义" in borrowed
    office = RawDevice(laptops.server.url, "admin")
    as_supervisor = {**fields, "by_id": t.accounts["supervisor"]}
    results = reasons(
        office.push(
            office.op("assessment_marks", fields={**fields, "by_id": t.accounts["platform"]}),
            office.op("assessment_marks", fields={**as_supervisor, "points": 5}),
            office.op("assessment_marks", fields={**as_supervisor, "kind": "highlight", "points": 99}),
            office.op("assessment_marks", fields={**as_supervisor, "reason": " "}),
            office.op("assessment_marks", fields={**as_supervisor, "month": "2026-10"}),
            office.op(
                "assessment_marks", mark_id, op="update", fields={"points": 20}, base_seqs={"points": 1}
            ),
        )
    )
    assert "无权" in results[0]
    assert results[1].startswith("加分") and results[2].startswith("加分")
    assert results[3].startswith("事由") and results[4].startswith("month")
    assert "只能新增" in results[5]
    # Review: a mark signed with a name the account does not have, or for a month not begun
    forged, future = reasons(
        office.push(
            office.op("assessment_marks", fields={**as_supervisor, "by_name": "县委书记"}),
            office.op("assessment_marks", fields={**as_supervisor, "month": "2099-05", "on": "2099-05-01"}),
        )
    )
    assert forged.startswith("by_name") and "孙督考" in forged and future.startswith("month")
    assert record_on_server(laptops.server, mark_id).data == stored.data
    everyone_keeps_syncing(laptops)
