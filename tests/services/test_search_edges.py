"""What a search box may hold: a NUL or half a character (a lone surrogate) is dropped, never a database or
encoding error, and the rest of what was typed still finds what it names."""

from __future__ import annotations

import pytest

from desktop.services import lists, residents, roster
from desktop.services.lists import searchable
from desktop.services.residents import HouseholdInput
from desktop.store.queries import MatterFilter
from sync.core.domain.residents import PersonFields
from tests.services.test_matters import report

EDGES = ["\x00", "\ud800", "\udfff王", "王\x00秀", "王\ud800秀", "\x00\ud800\x1b", "王\t秀"]


def test_searchable_drops_what_no_database_can_hold():
    assert searchable("王\x00秀\ud800英") == "王秀英"
    assert searchable("\x00") == "" and searchable(None) == ""
    assert searchable("王\t秀\n英 ") == "王 秀 英"  # other control characters: spaces
    assert searchable("𠀋") == "𠀋"  # a character outside the BMP, typed whole, is kept


@pytest.mark.parametrize("typed", EDGES)
def test_a_search_with_a_nul_or_half_a_character_answers(township, tmp_path, typed):
    p = township.login("platform")
    h = residents.save_household(p, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    residents.save_person(p, h, PersonFields("王秀英", relation="户主"))
    report(township, title="王秀英家宅基地纠纷")
    households = lists.households(p, text=typed)
    persons = lists.persons(p, text=typed)
    matters = lists.matters(p, MatterFilter(text=typed))
    if searchable(typed) in ("", "王", "王秀"):
        assert [r.id for r in households.rows] == [h] and len(persons.rows) == 1 and matters.total == 1
    roster.export_households(p, tmp_path / "roster.xlsx", text=typed)  # the export of what the list shows
