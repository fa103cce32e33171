"""巡查 log: a grid worker records a patrol of a place that is no household, adds a photo (sealed at rest like
every attachment), and reports a matter from it as a visit would; bad input refused naming the field; scope
kept."""

from datetime import datetime, timedelta

import pytest

from desktop.services import attachments, matter_detail, matters, patrols
from desktop.services.errors import NotAllowed, NotFound, ValidationFailed
from desktop.services.patrols import PatrolInput
from desktop.store.models import Attachment
from tests.services.test_matters import matter

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_patrol_with_a_photo_becomes_a_matter(township, tmp_path):
    t = township
    g = t.login("grid1")
    at = datetime(2026, 11, 23, 8, 0)
    entry = PatrolInput(
        t.village, "东村河堤北段", "河道堤岸", "堤坝有人私自取土，两户为此争吵", t.grid, at, True
    )
    patrol = patrols.log_patrol(g, entry).ids[0]
    photo = tmp_path / "堤坝.png"
    photo.write_bytes(PNG)
    attachments.add_attachment(g, "patrol", patrol, photo)
    with t.admin.read() as s:
        sha = s.query(Attachment).filter_by(owner_id=patrol).one().sha256
    assert not attachments.stored_path(g, sha).read_bytes().startswith(b"\x89PNG")  # sealed at rest
    assert attachments.read_bytes(g, sha) == PNG
    (row,) = patrols.patrols(g)
    assert (row.place, row.place_kind, row.patroller, row.grid, row.photos, row.matters) == (
        "东村河堤北段",
        "河道堤岸",
        "王网格",
        "东村一网格",
        1,
        (),
    )
    form = patrols.matter_from_patrol(g, patrol)
    assert (form.place, form.facts, form.occurred_at, form.grid_id, form.patrol_id) == (
        "东村河堤北段",
        "堤坝有人私自取土，两户为此争吵",
        at,
        t.grid,
        patrol,
    )
    form.title = "河堤取土纠纷"
    m = matters.report(g, form).ids[0]
    assert matter(t, m).patrol_id == patrol
    assert patrols.patrols(g)[0].matters == (matter(t, m).serial,)
    assert matter_detail.matter_detail(g, m).place == "东村河堤北段"


def test_a_patrol_refused_names_the_field_and_keeps_to_scope(township):
    t = township
    g = t.login("grid1")
    later = datetime(2026, 11, 23, 9, 30) + timedelta(hours=2)
    with pytest.raises(ValidationFailed) as bad:
        patrols.log_patrol(g, PatrolInput(t.village, " ", "菜地", "", t.grid, later))
    assert {i.field for i in bad.value.issues} == {"巡查地点", "地点类型", "发现情况", "巡查时间"}
    with pytest.raises(ValidationFailed, match="网格不属于所选的村"):
        patrols.log_patrol(g, PatrolInput(t.village, "村道", "道路", "路灯坏了", t.grid2))
    with pytest.raises(NotAllowed, match="不在您负责的范围内"):
        patrols.log_patrol(g, PatrolInput(t.village2, "西村村道", "道路", "路面塌陷", t.grid2))
    mine = patrols.log_patrol(g, PatrolInput(t.village, "村道", "道路", "路灯坏了", t.grid)).ids[0]
    assert patrols.patrols(t.login("grid2")) == []  # another grid's worker does not see it
    with pytest.raises(NotFound):
        patrols.matter_from_patrol(t.login("grid2"), mine)
    assert [r.id for r in patrols.patrols(t.login("platform"))] == [mine]  # the township sees every grid
