"""The county laptop knows each record's township (issue 29), on SQLite and PostgreSQL with a real server:
a county device's pull names the township of every record it carries and its handshake names the townships,
so the county laptop tells township A's matters and closed months from township B's and ranks them by the
same arithmetic as the server (sync.core.domain.county_ranking); a township laptop's pull carries no
township and its laptop stores none."""

from __future__ import annotations

import subprocess

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, func, select

from desktop.services import county_stats, ledger, setup, steps, syncing
from desktop.store.models import Matter, Period, RecordTownship, SyncState
from desktop.store.replica import Replica
from sync.core import protocol as p
from sync.server import county_rank
from tests.cli.test_cli import run
from tests.conftest import PASSWORD
from tests.services.test_matters import report

from .test_county import _to_county, add_county_account
from .test_county_rank import _ranked_november


def _escalated_in_b(county) -> str:
    """A matter of township B, taken in hand by B's platform and 提级 to the county."""
    b = county.b
    before = _matter_ids(b)
    county.b_matter(1)
    (matter_id,) = _matter_ids(b) - before
    with b.read() as s:
        if s.get(Matter, matter_id).level == "village":  # reported in B's grid: the township's first
            steps.dispatch(b, matter_id, f"account:{b.actor.account_id}")
            steps.accept(b, matter_id)
            steps.escalate(b, matter_id, "村级调解未成")
    steps.dispatch(b, matter_id, f"account:{b.actor.account_id}")
    steps.accept(b, matter_id)
    steps.escalate(b, matter_id, "镇级调解未成，报请县综治中心")
    return matter_id


@pytest.fixture
def two_and_county(laptops, clock, tmp_path):
    county = _ranked_november(laptops, clock, tmp_path)
    up_a = report(laptops.town, title="土地承包纠纷")
    _to_county(laptops.town, up_a)
    up_b = _escalated_in_b(county)
    assert syncing.sync_now(laptops.a).rejected == 0
    assert syncing.sync_now(county.b).rejected == 0, syncing.rejected_edits(county.b)
    with county.b.read() as s:
        assert s.get(Matter, up_b).level == "county"
    add_county_account(laptops.server)
    c = laptops.join(tmp_path / "county" / "fengqiao.db", "county1")
    c.clock = clock
    return county, c, up_a, up_b


def _matter_ids(ws) -> set[str]:
    with ws.read() as s:
        return set(s.scalars(select(Matter.id)))


def test_the_county_laptop_knows_whose_each_matter_and_closed_month_is(laptops, two_and_county):
    county, c, up_a, up_b = two_and_county
    names = county_stats.township_names(c)
    assert sorted(names.values()) == ["向城镇", "城关镇", "马厂湖镇"]
    a_id, b_id = county.two.a_id, county.two.b_id
    assert names[a_id] == "向城镇" and names[b_id] == "马厂湖镇"
    assert _matter_ids(c) == {up_a, up_b}
    assert county_stats.record_townships(c, "matters") == {up_a: "向城镇", up_b: "马厂湖镇"}
    with c.read() as s:
        tagged = s.execute(
            select(Period.month, RecordTownship.township_id).join(
                RecordTownship, RecordTownship.record_id == Period.id
            )
        ).all()
    assert sorted(tagged) == sorted([("2026-11", a_id), ("2026-11", b_id)])


def test_the_county_laptop_ranks_the_townships_as_the_server_does(laptops, two_and_county):
    county, c, up_a, up_b = two_and_county
    mine = county_stats.by_township(c, "2026-11")
    with laptops.server.server.db.reading() as s:
        theirs = county_rank.ranking(s, "2026-11")
    assert [(r.township, r.code, r.place) for r in mine.rows] == [
        ("向城镇", "371324105000", 1),
        ("马厂湖镇", "371324106000", 2),
        ("城关镇", "371324100000", None),
    ]
    assert mine == theirs  # one arithmetic, the same published figures
    assert mine.rows[0].counts.registered == 1 and mine.rows[1].counts.registered == 2
    assert mine.rows[2].note == county_rank.UNCLOSED


def test_a_township_laptop_gets_no_township_key_and_cannot_rank_townships(laptops, two_and_county):
    county, c, up_a, up_b = two_and_county
    for ws in (laptops.a, county.b):
        syncing.sync_now(ws)
        with ws.read() as s:
            assert s.scalar(select(func.count()).select_from(RecordTownship)) == 0
        assert county_stats.townships(ws) == []
    with pytest.raises(county_stats.NotCounty, match="需要县级账号"):
        county_stats.by_township(county.b, "2026-11")


def test_the_county_counts_its_own_units_only(laptops, two_and_county):
    county, c, up_a, up_b = two_and_county
    court = setup.add_org(c, "unit", "县人民法院").id
    setup.add_org(c, "unit", "县公安局")
    for matter_id in (up_a, up_b):
        steps.dispatch(c, matter_id, f"org:{court}")
    assert syncing.sync_now(c).rejected == 0
    units = {u.name: u for u in county_stats.by_unit(c, "2026-12")}
    assert set(units) == {"县人民法院", "县公安局"}  # the townships' 司法所 are theirs to rank, not here
    court_row, police_row = units["县人民法院"], units["县公安局"]
    assert (court_row.counts.registered, police_row.counts.registered) == (2, 0)
    # nothing resolved yet at the court, nothing given to the police: rate 0 against no data, an equal score
    assert (court_row.measures.resolution_rate, police_row.measures.resolution_rate) == (0.0, None)
    assert court_row.score == police_row.score and (court_row.place, police_row.place) == (1, 1)


def test_fengqiao_assessment_by_township_on_the_county_laptop(laptops, two_and_county, tmp_path):
    county, c, up_a, up_b = two_and_county
    path = tmp_path / "county" / "fengqiao.db"
    c.close()
    ranked = run("assessment", "2026-11", "--by", "township", "--db", path, user="county1", password=PASSWORD)
    assert ranked.returncode == 0, ranked.stderr
    out = ranked.stdout.splitlines()
    assert out[0] == "2026年11月各乡镇矛盾纠纷排查化解工作排名"
    assert out[2].split("\t")[:3] == ["1", "向城镇", "371324105000"]
    assert out[3].split("\t")[:3] == ["2", "马厂湖镇", "371324106000"]
    assert out[4].split("\t")[1] == "城关镇" and out[4].endswith(county_rank.UNCLOSED)
    assert out[5].split("\t")[1] == "全县合计" and out[5].split("\t")[4] == "3"

    sheet, pdf = tmp_path / "county.xlsx", tmp_path / "county.pdf"
    written = run(
        "assessment",
        "2026-11",
        "--by",
        "township",
        "--xlsx",
        sheet,
        "--pdf",
        pdf,
        "--db",
        path,
        user="county1",
        password=PASSWORD,
    )
    assert written.returncode == 0, written.stderr
    rows = list(load_workbook(sheet)["乡镇排名"].iter_rows(values_only=True))
    assert rows[2][:3] == (1, "向城镇", "371324105000") and rows[3][4] == 2
    assert rows[4][1] == "城关镇" and rows[4][0] is None
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "马厂湖镇" in text and "未月结" in text

    township = run(
        "assessment",
        "2026-11",
        "--by",
        "township",
        "--db",
        laptops.town.path,
        user="platform",
        password=PASSWORD,
    )
    assert township.returncode == 2 and "需要县级账号" in township.stderr


def test_a_change_without_a_township_costs_no_byte():
    """The field a township laptop never gets is left out of the JSON, not sent as null on every record."""
    from sync.core import protocol as p

    bare = p.Change(table="matters", id="m1", server_seq=1)
    assert "township" not in bare.model_dump_json()
    tagged = p.Change(table="matters", id="m1", server_seq=1, township="t1")
    assert p.Change.model_validate_json(tagged.model_dump_json()).township == "t1"


def test_a_county_laptop_that_pulled_before_the_township_key_learns_it_on_its_next_sync(
    laptops, two_and_county
):
    """A county laptop upgraded from before the pull carried townships (its new table empty, no townships
    known, a cursor past everything) pulls its scope again once and knows whose each record is."""
    county, c, up_a, up_b = two_and_county
    with c.db.applying() as s:
        s.execute(delete(RecordTownship))
        s.execute(delete(SyncState).where(SyncState.key == "townships"))
    assert county_stats.record_townships(c, "matters") == {}
    assert syncing.sync_now(c).rejected == 0
    assert county_stats.record_townships(c, "matters") == {up_a: "向城镇", up_b: "马厂湖镇"}
    assert _matter_ids(c) == {up_a, up_b}


def test_the_county_ledger_sheet_names_each_matters_township(laptops, two_and_county, tmp_path):
    county, c, up_a, up_b = two_and_county
    path = tmp_path / "县级台账.xlsx"
    assert ledger.export_ledger(c, path) == 2
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    header = rows[ledger.HEADER_ROW - 1]
    assert header[-1] == "乡镇" and rows[0][0].startswith("县级矛盾纠纷台账")
    title = header.index("标题")
    assert {r[title]: r[-1] for r in rows[ledger.HEADER_ROW :]} == {
        "土地承包纠纷": "向城镇",
        "北村纠纷0": "马厂湖镇",
    }
    # a township's sheet is unchanged: no 乡镇 column
    town = tmp_path / "乡镇台账.xlsx"
    ledger.export_ledger(laptops.a, town)
    assert "乡镇" not in next(
        r for i, r in enumerate(load_workbook(town).active.iter_rows(values_only=True)) if i == 1
    )


def test_a_county_laptop_forgets_the_township_of_what_it_no_longer_holds(laptops, two_and_county):
    """Review 3: the record → township table kept rows of records removed from the laptop, of records it could
    not store, and across a server restore's re-pull."""
    county, c, up_a, up_b = two_and_county
    replica = Replica(c.db)
    seq = replica.get_state("cursor")
    replica.apply_page(
        [
            p.Change(table="matters", id=up_a, server_seq=seq + 1, removed=True),
            p.Change(
                table="matters", id="bad", server_seq=seq + 2, data={"title": 7}, township=county.two.a_id
            ),
        ],
        None,
    )
    assert county_stats.record_townships(c, "matters") == {up_b: "马厂湖镇"}
    replica.prepare_reset(replica.get_state("epoch"))
    with c.read() as s:
        assert s.scalar(select(func.count()).select_from(RecordTownship)) == 0
