"""交办 offers the matter's own village committee first, and groups who else can take it: committees, units,
teams, then people; with no committee for the village nothing is preselected and a choice is asked for."""

from __future__ import annotations

from desktop.services import matters, steps
from desktop.services.matters import MatterInput
from sync.core.domain.lifecycle import Action


def _open_dispatch(window, matter_id, settle):
    window.go("ledger")
    window.ledger.view.show_matter(matter_id)
    settle()
    return window.ledger.view.open_action(Action.DISPATCH)


def test_dispatch_offers_the_villages_committee_first_and_groups_the_rest(township, window_for, settle):
    t = township
    east = matters.report(t.login("grid1"), MatterInput("宅基地争议", "网格排查", grid_id=t.grid)).id
    steps.register(t.login("platform"), east, 2, category="邻里")
    west = matters.report(t.login("grid2"), MatterInput("噪音扰民", "网格排查", grid_id=t.grid2)).id
    steps.register(t.login("platform"), west, 1, category="邻里")
    window = window_for("platform")

    form = _open_dispatch(window, east, settle)
    combo = form.widgets["handler"][1]
    assert combo.currentData() == f"org:{t.committee}"  # 东村's own committee, preselected
    texts = [combo.itemText(i).strip() for i in range(combo.count())]
    headings = [x for x in texts if x.startswith("——")]
    assert headings == ["—— 村（居）委会 ——", "—— 职能部门 ——", "—— 调解队伍 ——", "—— 个人 ——"]
    order = [texts.index(name) for name in ("东村村委会", "司法所", "老娘舅调解队", "王网格")]
    assert order == sorted(order)
    heading = texts.index("—— 职能部门 ——")
    assert not combo.model().item(heading).isEnabled()  # a heading cannot be chosen
    form.discard()

    form = _open_dispatch(window, west, settle)  # 西村 has no committee: nothing chosen, a choice asked for
    assert form.widgets["handler"][1].currentData() is None
    form.submit()
    settle()
    assert form.isVisible() and steps_status(window, west) == "registered"
    form.set_value("handler", f"org:{t.unit}")
    form.submit()
    settle()
    assert not form.isVisible() and steps_status(window, west) == "dispatched"


def steps_status(window, matter_id) -> str:
    from desktop.services import matter_detail

    return matter_detail.matter_detail(window.ws, matter_id).status
