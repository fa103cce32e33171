"""The calendar is the township's synced configuration: a year entered on the township's laptop reaches the
grid worker's, and the due dates it moved arrive with it (the server accepts both)."""

from __future__ import annotations

from datetime import date, datetime

from desktop.services import calendar, matter_detail, setup, steps, syncing
from desktop.services.matters import MatterInput, report
from sync.core.domain.calendar import Day

NOTE = "2027年节假日未录入，期限按周一至周五计算"


def test_an_entered_year_and_the_dates_it_moved_reach_the_other_laptop(laptops, clock):
    town, a, b = laptops.town, laptops.a, laptops.b
    setup.configure(a, "deadline_policy", {**setup.read_config(a, "deadline_policy"), "working_days": True})
    clock.now = datetime(2026, 12, 31, 10, 0)
    # The server's clock too: a step counts no later than the server received it (timing.counted_time).
    object.__setattr__(laptops.server.server, "clock", clock)
    m = report(a, MatterInput("宅基地边界争议", "网格排查", grid_id=town.grid)).id
    steps.register(a, m, 1, category="邻里")
    syncing.sync_now(a)
    syncing.sync_now(b)
    assert matter_detail.matter_detail(b, m).calendar_note == NOTE

    calendar.save_year(a, 2027, [Day(date(2027, 1, 1), "休", "元旦")])
    pushed = syncing.sync_now(a)
    assert pushed.rejected == 0 and pushed.conflicts == 0
    syncing.sync_now(b)
    there = matter_detail.matter_detail(b, m)
    assert (there.due_on, there.calendar_note) == (date(2027, 1, 8), "")
    assert [d.name for d in next(y for y in calendar.years(b) if y.year == 2027).days] == ["元旦"]
