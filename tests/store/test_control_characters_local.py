"""A control character a person pasted (a tab in an address, Alt+Enter in a one-line cell) never reaches the
outbox: the server refuses such values on arrival (sync.core.records.control_problem), so the store writes
what the server would take, and an honest record is never refused for what nobody can see."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import residents
from desktop.services.residents import HouseholdInput
from desktop.store.models import Household, OutboxEntry
from sync.core import records

HOUSEHOLDS = records.BY_TABLE["households"]


def test_a_pasted_tab_or_line_break_is_a_space_in_the_store_and_the_outbox(township):
    g = township.login("grid1")
    pasted = HouseholdInput(township.village, "0001", "新街村\t3组\x1b", township.grid)
    hid = residents.save_household(g, pasted).id
    with g.db.writing() as s:
        s.get(Household, hid).note = "第一行\n第二行\x07"
    with g.db.reading() as s:
        stored = s.get(Household, hid)
        assert stored.address == "新街村 3组 "
        assert stored.note == "第一行\n第二行 "  # a multi-line text keeps its line breaks
        entries = s.execute(select(OutboxEntry).where(OutboxEntry.record_id == hid)).scalars().all()
    assert [e.op for e in entries] == ["insert", "update"]
    for entry in entries:
        assert records.problems(HOUSEHOLDS, entry.fields, whole=False, arriving=True) == []
