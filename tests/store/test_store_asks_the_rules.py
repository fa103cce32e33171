"""The store's lists ask the rules (sync.core.domain): a deadline colour, who sees a record and what is
masked are decided once. The store's SQL answers as the rule answers for each record, boundary moments
included, and a change to the rule changes what the store answers."""

from __future__ import annotations

import itertools
import math
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.store import queries
from desktop.store.database import Database
from desktop.store.models import Household, Matter, Person
from sync.core.domain import deadlines, masking
from sync.core.domain.deadlines import Colour, Deadline, DeadlineCalculator, DeadlinePolicy
from sync.core.domain.lifecycle import TIMED_STATUSES, Status
from sync.core.domain.scope import Scope, Viewer
from tests.conftest import FAST_KDF, PASSWORD

COLOURS = (Colour.GREEN, Colour.YELLOW, Colour.RED)


@pytest.fixture
def db(tmp_path):
    database = Database.create(tmp_path / "rules.db", "admin", PASSWORD, FAST_KDF)
    yield database
    database.close()


def add_matters(db: Database, specs: list[dict]) -> dict[str, dict]:
    """Matters written as a pull writes them (no foreign keys: their places need not exist here)."""
    made = {}
    with db.applying() as s:
        for n, spec in enumerate(specs):
            values = {
                "serial": f"M{n}",
                "source": "来访",
                "title": "纠纷",
                "status": "handling",
                "reported_at": datetime(2026, 1, 1),
                **spec,
            }
            matter = Matter(**values)
            s.add(matter)
            s.flush()
            made[matter.id] = values
    return made


def colours_in_store(db: Database, now: datetime, ratio: float) -> dict[str, str]:
    found = {}
    with db.reading() as s:
        for colour in COLOURS:
            clause = queries.colour_clause(colour, now, ratio)
            found.update((mid, str(colour)) for mid in s.execute(select(Matter.id).where(clause)).scalars())
    return found


def colours_by_rule(matters: dict[str, dict], now: datetime, ratio: float) -> dict[str, str]:
    calc = DeadlineCalculator(DeadlinePolicy.default())
    calc.policy.yellow_ratio = ratio
    found = {}
    for mid, m in matters.items():
        deadline = (
            Deadline(m["registered_at"], m["due_on"]) if m.get("registered_at") and m.get("due_on") else None
        )
        colour = calc.colour(deadline, now, closed=m["status"] not in TIMED_STATUSES)
        if colour != Colour.NONE:
            found[mid] = str(colour)
    return found


def test_the_store_colours_as_the_rule_does_at_every_boundary(db):
    starts = [
        datetime(2026, 11, 1, 0, 0),
        datetime(2026, 11, 1, 9, 30, 20, 250_000),
        datetime(2026, 11, 3, 23, 59, 59),
    ]
    specs = [
        {"registered_at": start, "due_on": start.date() + timedelta(days=days)}
        for start, days in itertools.product(starts, (0, 1, 5, 15))
    ]
    # a due day moved before the registration: no time allowed
    specs += [{"registered_at": starts[2], "due_on": date(2026, 11, 1)}]
    specs += [  # closed, not yet registered, no due day: no colour
        {"registered_at": starts[0], "due_on": date(2026, 11, 6), "status": str(Status.CLOSED)},
        {"due_on": date(2026, 11, 6)},
        {"registered_at": starts[0]},
    ]
    matters = add_matters(db, specs)
    for ratio in (0.8, 0.5, 0.37):
        moments = set()
        for m in specs[:-3]:  # a second either side of where each turns yellow and red, by the rule's seconds
            start, overdue = deadlines.seconds(m["registered_at"]), deadlines.seconds(m["due_on"]) + 86_400
            for boundary in (start + math.ceil(ratio * (overdue - start)), overdue):
                moments.update(boundary + step for step in (-1, 0, 1))
        for moment in sorted(moments):
            now = datetime(1970, 1, 1) + timedelta(seconds=moment)
            assert colours_in_store(db, now, ratio) == colours_by_rule(matters, now, ratio), (now, ratio)


def test_all_three_colours_and_none_are_met(db):
    """The boundary test above is not vacuous: at one moment, matters of every colour."""
    start = datetime(2026, 11, 1)
    matters = add_matters(db, [{"registered_at": start, "due_on": date(2026, 11, d)} for d in (1, 3, 20)])
    now = datetime(2026, 11, 3, 12)
    assert sorted(colours_in_store(db, now, 0.8).values()) == ["green", "red", "yellow"]
    assert colours_in_store(db, now, 0.8) == colours_by_rule(matters, now, 0.8)


def test_a_change_to_the_rules_numbers_changes_the_stores_answer(db, monkeypatch):
    [mid] = add_matters(db, [{"registered_at": datetime(2026, 11, 1), "due_on": date(2026, 11, 5)}])
    noon_of_due_day = datetime(2026, 11, 5, 12)
    assert colours_in_store(db, noon_of_due_day, 0.8) == {mid: "yellow"}
    assert colours_in_store(db, noon_of_due_day, 0.95) == {mid: "green"}  # the township's yellow threshold
    # A rule under which a matter is overdue at noon of its due day: the store has no number of its own.
    monkeypatch.setattr(deadlines, "DAY_SECONDS", 12 * 3600)
    assert colours_in_store(db, noon_of_due_day, 0.8) == {mid: "red"}


# ------------------------------------------------------------------------------------------ who sees what

PLACES = [  # (village, grid, household)
    ("v1", "g1", "h1"),
    ("v1", "g1", "h2"),
    ("v1", "g2", "h3"),
    ("v2", "g3", "h4"),
    ("v2", None, "h5"),
]
SCOPES = [
    Scope(),
    Scope("village", frozenset({"v1"})),
    Scope("village", frozenset({"v2", "v9"})),
    Scope("grid", frozenset({"g1", "g3"})),
    Scope("household", frozenset({"h2", "h5"})),
    Scope("grid", frozenset()),
]


def test_the_store_lists_the_households_the_scope_rule_covers(db):
    with db.applying() as s:
        for village, grid, household in PLACES:
            s.add(Household(id=household, village_id=village, grid_id=grid, number=household))
    for scope in SCOPES:
        with db.reading() as s:
            listed = set(
                s.execute(select(Household.id).where(queries.scope_clause(Household, scope))).scalars()
            )
        assert listed == {h for v, g, h in PLACES if scope.covers(v, g, h)}, scope
    assert len({frozenset(h for v, g, h in PLACES if scope.covers(v, g, h)) for scope in SCOPES}) == len(
        SCOPES
    )


def test_the_store_shows_the_matters_the_visibility_rule_lets_a_viewer_see(db):
    specs = [
        {
            "village_id": v,
            "grid_id": g,
            "household_id": h,
            "status": status,
            "reported_by": by,
            "handler": handler,
            "whistleblower": blower,
            "accused_org_id": accused,
        }
        for (v, g, h), status, by, handler, (blower, accused) in itertools.product(
            PLACES[::2],
            ("handling", str(Status.OPEN_FOR_CLAIM)),
            (None, "me"),
            (None, "org:team", "account:me"),
            ((False, None), (True, None), (True, "unit"), (True, "other"), (False, "unit")),
        )
    ]
    matters = add_matters(db, specs)
    viewers = [
        Viewer(scope, keys, account, org, mediator)
        for scope, keys, account, org, mediator in itertools.product(
            SCOPES,
            (frozenset(), frozenset({"org:team", "account:me"})),
            (None, "me"),
            (None, "unit"),
            (False, True),
        )
    ]
    seen_counts = set()
    for viewer in viewers:
        with db.reading() as s:
            shown = set(s.execute(select(Matter.id).where(queries.visible_clause(viewer))).scalars())
        assert shown == {mid for mid, m in matters.items() if viewer.sees(m)}, viewer
        seen_counts.add(len(shown))
    assert len(seen_counts) > 10  # the viewers see different things: the comparison is not of empty sets


# ------------------------------------------------------------------------------------------ masking


def test_the_store_masks_what_the_masking_rule_masks(db, monkeypatch):
    with db.applying() as s:
        s.add(Household(id="h1", village_id="v1", number="0001", phone="057188001234"))
        s.add(Person(household_id="h1", name="张三", id_number="110105199003070021", mobile="13812341234"))
    viewer = Viewer(Scope())

    def row():
        with db.reading() as s:
            return queries.list_persons(s, viewer).rows[0]

    assert (row().id_number, row().mobile) == ("110105********0021", "138****1234")
    monkeypatch.setitem(masking.MASKS, "mobile", lambda number: "（不显示）")
    monkeypatch.delitem(masking.MASKS, "id_number")
    assert (row().id_number, row().mobile) == ("110105199003070021", "（不显示）")
