"""Lifecycle steps are bound by name: each step's form has exactly the fields its use case takes."""

from desktop.services import steps
from desktop.ui.actions import fields_for
from sync.core.domain.lifecycle import NOT_OFFERED, Action


class Places:
    categories = {"邻里": ["噪音"]}
    orgs = people = villages = grids = ()


def test_every_step_the_screen_offers_has_a_use_case():
    assert set(steps.STEPS) == {a for a in Action if a != Action.REPORT and a not in NOT_OFFERED}


def test_every_step_form_has_the_names_its_use_case_takes():
    for action in steps.STEPS:
        keys = {f.key for f in fields_for(action, Places)}
        required, names = steps.parameters(action)
        assert required <= keys <= names, (action, required - keys, keys - names)


def test_a_step_taken_with_its_forms_values_by_name(township):
    from desktop.services import matters
    from desktop.services.matters import MatterInput

    t = township
    p = t.login("platform")
    m = matters.report(p, MatterInput("邻里噪音", "网格排查", village_id=t.village, grid_id=t.grid)).id
    values = {"grade": 2, "category": "邻里", "risk": "watch", "note": "已核实", "risk_reason": ""}
    assert {f.key for f in fields_for(Action.REGISTER, Places)} == set(values)
    steps.take(p, m, Action.REGISTER, dict(reversed(values.items())))  # any order: the names carry them
    with p.read() as s:
        matter = matters.load(p, s, m)
        assert (matter.grade, matter.category, matter.risk, matter.status) == (
            2,
            "邻里",
            "watch",
            "registered",
        )
