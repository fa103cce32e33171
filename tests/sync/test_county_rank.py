"""The county's ranking from the server (issue 29): `fengqiao-server assessment --period 2026-11 --by township
--xlsx FILE` ranks the townships that closed the month by the score of their published total, lists one that
has not closed it last as 未月结, with the county's total; the sheet reads back the same. Two townships that
closed November with different figures, on SQLite and PostgreSQL, with a real server process."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

from openpyxl import load_workbook

from desktop.services import steps, syncing
from sync.core.domain import periods as rules
from sync.server import county_rank, townships
from tests.services.test_matters import report

from .test_cli import env
from .test_period_townships import County


def _ranked_november(laptops, clock, tmp_path) -> County:
    """A: one matter, mediated to an agreement in November; B: two matters, registered only; C (added on the
    server) has not closed November."""
    county = County(laptops, clock, tmp_path)
    with laptops.server.server.db.writing() as s:
        townships.add(s, "城关镇", "371324100000", "城关", now=datetime.now())
        first = townships.named(s, county.two.a_id)  # the server's first township learns its name
        townships.change(s, first, name="向城镇", code="371324105000", short_name=None)
    clock.now = datetime(2026, 11, 30, 23, 40)
    a = county.a
    m = report(laptops.town, who="platform")
    steps.register(a, m, 2, category="邻里")
    steps.dispatch(a, m, f"account:{laptops.town.accounts['platform']}")
    steps.accept(a, m)
    steps.record_session(a, m, steps.SessionInput(date(2026, 11, 30), "人民调解", "agreement", record="和解"))
    county.b_matter(2)
    clock.now = datetime(2026, 12, 1, 0, 1)
    assert syncing.sync_now(laptops.a).rejected == 0
    assert syncing.sync_now(county.b).rejected == 0
    county.close(county.a, "2026-11")
    county.close(county.b, "2026-11")
    return county


def _cli(laptops, tmp_path, *args) -> subprocess.CompletedProcess:
    url = laptops.server.server.db.engine.url.render_as_string(hide_password=False)
    return subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "--database-url", url, "--data-dir", str(tmp_path / "cli")]
        + [*map(str, args)],
        capture_output=True,
        text=True,
        env=env(),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_the_county_ranks_the_townships_that_closed_the_month(laptops, clock, tmp_path):
    _ranked_november(laptops, clock, tmp_path)
    with laptops.server.server.db.reading() as s:
        found = county_rank.ranking(s, "2026-11")
    names = [(r.township, r.place) for r in found.rows]
    assert names == [("向城镇", 1), ("马厂湖镇", 2), ("城关镇", None)]
    a, b, c = found.rows
    assert (a.counts.registered, a.counts.mediations_agreed, b.counts.registered) == (1, 1, 2)
    assert a.score > b.score and c.note == county_rank.UNCLOSED and c.closed == ()
    assert found.total.counts.registered == 3 and found.total.township == "全县合计"

    sheet_path = tmp_path / "rank.xlsx"
    done = _cli(
        laptops, tmp_path, "assessment", "--period", "2026-11", "--by", "township", "--xlsx", sheet_path
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0] == "2026年11月各乡镇矛盾纠纷排查化解工作排名"
    assert out[2].split("\t")[:5] == ["1", "向城镇", "371324105000", f"{a.score:.2f}", "1"]
    assert out[3].split("\t")[:5] == ["2", "马厂湖镇", "371324106000", f"{b.score:.2f}", "2"]
    assert out[4].split("\t")[1] == "城关镇" and out[4].endswith(county_rank.UNCLOSED)
    assert out[5].split("\t")[1] == "全县合计" and out[5].split("\t")[4] == "3"

    rows = list(load_workbook(sheet_path).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("名次", "乡镇")
    assert rows[2][:5] == (1, "向城镇", "371324105000", a.score, 1) and rows[2][7] == 0.0
    assert rows[3][:5] == (2, "马厂湖镇", "371324106000", b.score, 2)
    assert rows[4][1] == "城关镇" and rows[4][0] is None and rows[4][-1] == county_rank.UNCLOSED
    assert rows[5][1] == "全县合计" and rows[5][4] == 3


def test_a_quarter_ranks_only_townships_that_closed_its_three_months_and_bad_input_is_named(
    laptops, clock, tmp_path
):
    _ranked_november(laptops, clock, tmp_path)
    with laptops.server.server.db.reading() as s:
        quarter = county_rank.ranking(s, "2026-Q4")
    # nobody closed October and December: every township is listed, none ranked, the months it closed named
    assert [r.place for r in quarter.rows] == [None, None, None]
    assert {r.township: r.note for r in quarter.rows}[
        "向城镇"
    ] == f"{county_rank.UNCLOSED}（已月结：2026年11月）"
    assert quarter.months == ("2026-10", "2026-11", "2026-12")
    bad = _cli(laptops, tmp_path, "assessment", "--period", "2026-13")
    assert bad.returncode == 2 and "期间（--period）" in bad.stderr
    by = _cli(laptops, tmp_path, "assessment", "--period", "2026-11", "--by", "village")
    assert by.returncode == 2 and "--by" in by.stderr
    assert rules.chinese_name(quarter.period) == "2026年第4季度"
