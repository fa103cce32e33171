"""三调联动 against a real server (SQLite and PostgreSQL): the referral and its result are steps the server
takes only in order, from the roles the rules name; the court's or police's number and the result are written
onto the matter only by those steps, exactly as they say; each refusal stands alone and the honest laptops
keep syncing, with the same referral on every end."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import steps, syncing

from .servers import RawDevice
from .test_authority import everyone_keeps_syncing, record_on_server
from .test_history_authority import event, handling, reasons, same_everywhere

ANSWERED = ("referral_result", "referral_reply", "referral_result_on")
CASE = "（2026）鲁1324民诉前调345号"
COURT = "郯城县人民法院"


@pytest.fixture
def device(laptops):
    return RawDevice(laptops.server.url, "grid1")


def test_the_referral_and_its_result_in_order_with_their_numbers_on_every_end(laptops, device):
    m = handling(laptops)
    today = date.today()
    answered = {"result": "success", "on": today.isoformat(), "reply": "和解", "n": 40}
    received = {"kind": "court_pre", "number": CASE, "body": COURT, "received_on": today.isoformat()}
    early = device.op("events", fields=event(laptops, m, "referral_answered", data=answered))
    r = reasons(device.push(early))
    assert "事项当前为" in r[0]  # still being handled: nothing to send back yet
    r = reasons(
        device.push(
            device.op("events", fields=event(laptops, m, "referral_received", data={**received, "n": 41}))
        )
    )
    assert "的角色不能办理“登记联动移送”" in r[0]  # a grid worker does not record the court's referral
    held = record_on_server(laptops.server, m)
    r = reasons(device.push(device.op("matters", m, "update", {"referral_no": CASE}, {"referral_no": 0})))
    assert "只能由办理步骤写入" in r[0], r
    assert record_on_server(laptops.server, m).data == held.data

    steps.receive_referral(laptops.a, m, "court_pre", CASE, COURT, today, today + timedelta(days=30))
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    steps.close(laptops.b, m, "resolved", note="和解")
    steps.answer_referral(laptops.b, m, "success", today, reply="双方和解，撤回起诉")
    syncing.sync_now(laptops.b)
    everyone_keeps_syncing(laptops)
    server = same_everywhere(laptops, m)
    referral = (server["referral_kind"], server["referral_no"], server["referral_body"])
    assert referral == ("court_pre", CASE, COURT)
    assert (server["referral_result"], server["referral_reply"]) == ("success", "双方和解，撤回起诉")

    # answered once: a second result is refused, from the state the server holds
    again = {**answered, "result": "failure", "n": 90}
    r = reasons(device.push(device.op("events", fields=event(laptops, m, "referral_answered", data=again))))
    assert "已反馈结果" in r[0]
    everyone_keeps_syncing(laptops)


def test_a_result_the_step_does_not_say_is_refused(laptops, device):
    m = handling(laptops)
    today = date.today()
    steps.receive_referral(laptops.a, m, "police", "JJ-2026-0042", "向城派出所", today)
    syncing.sync_now(laptops.a)
    syncing.sync_now(laptops.b)
    steps.close(laptops.b, m, "unresolved", legal_channels="可向法院起诉")
    syncing.sync_now(laptops.b)
    # "success" for a matter closed unresolved: refused by the rule, the step itself
    bad = {"result": "success", "on": today.isoformat(), "n": 60}
    r = reasons(device.push(device.op("events", fields=event(laptops, m, "referral_answered", data=bad))))
    assert "不能反馈调解成功" in r[0], r
    # a true step, and the matter written with a reply the step does not carry
    good = {"result": "failure", "on": today.isoformat(), "reply": "调解不成", "n": 61}
    held = record_on_server(laptops.server, m)
    results = device.push(
        device.op("events", fields=event(laptops, m, "referral_answered", data=good)),
        device.op(
            "matters",
            m,
            "update",
            {"referral_result": "failure", "referral_reply": "调解成功了", "referral_result_on": good["on"]},
            {f: held.field_seq.get(f, 0) for f in ANSWERED},
        ),
    )
    assert results[0]["status"] == "applied"
    assert results[1]["status"] == "rejected" and "referral_reply" in results[1]["reason"], results[1]
    assert record_on_server(laptops.server, m).data.get("referral_reply") in (None, "")
