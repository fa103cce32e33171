"""The dossier's records on the township server (SQLite and PostgreSQL): a 调查记录 is written by its step and
never alone, one per step, as sessions and follow-ups are; an honest one syncs to the other laptop; a
调解文书号 once given is never changed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from desktop.services import steps, syncing
from desktop.services.steps import AgreementInput, InvestigationInput, SessionInput
from desktop.store.models import Agreement, Investigation

from .test_authority import everyone_keeps_syncing, record_on_server
from .test_history_authority import device, event, handling, reasons, synced_once  # noqa: F401


def test_an_investigation_is_written_by_its_step_and_only_once(laptops, device):  # noqa: F811
    m = handling(laptops)
    synced_once(laptops, device)
    today = datetime.now().date().isoformat()
    found = {
        "matter_id": m,
        "held_on": today,
        "investigators": "镇自然资源所 赵测量",
        "findings": "越界30厘米",
    }
    (alone,) = reasons(device.push(device.op("investigations", fields=found)))
    assert "办理步骤" in alone
    results = device.push(
        device.op("events", fields=event(laptops, m, "investigated", data={"on": today})),
        device.op("investigations", fields=found),
    )
    assert [x["status"] for x in results] == ["applied", "applied"]
    (again,) = reasons(device.push(device.op("investigations", fields=found)))
    assert "只写一条" in again
    # an honest laptop's investigation reaches the township's laptop and its dossier
    b = laptops.b
    steps.record_investigation(b, m, InvestigationInput(date.today(), "司法所 周所长", "现场查看，界桩完好"))
    syncing.sync_now(b)
    syncing.sync_now(laptops.a)
    with laptops.a.read() as s:
        names = {
            x.investigators for x in s.scalars(select(Investigation).where(Investigation.matter_id == m))
        }
    assert "司法所 周所长" in names
    everyone_keeps_syncing(laptops)


def test_a_given_mediation_number_is_never_changed(laptops, device):  # noqa: F811
    m = handling(laptops)
    b = laptops.b
    steps.record_session(b, m, SessionInput(b.now().date(), "人民调解", "agreement", record="双方同意"))
    terms = AgreementInput(
        "written",
        "张三、李四",
        "噪音",
        "晚十点后不施工",
        perform_by=b.now().date(),
        signed_by_parties=True,
        signed_by_mediator=True,
    )
    steps.record_agreement(b, m, terms)
    syncing.sync_now(b)
    with b.read() as s:
        (agreement,) = s.scalars(select(Agreement).where(Agreement.matter_id == m))
    held = record_on_server(laptops.server, agreement.id)
    assert held.data["doc_no"] == agreement.doc_no and "调字第1号" in agreement.doc_no
    (refused,) = reasons(
        device.push(
            device.op(
                "agreements",
                agreement.id,
                "update",
                {"doc_no": "（2026）假调字第9号"},
                {"doc_no": held.field_seq["doc_no"]},
            )
        )
    )
    assert "已编定" in refused
    everyone_keeps_syncing(laptops)
