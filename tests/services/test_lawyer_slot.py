"""The demo's 律师调解工作室 lawyer (冯律师) signs in with a key slot of their own and records that studio's
mediation, and nothing else: no resident, no other unit's matter, no report of their own."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services import accounts, demo, lists, matters, steps
from desktop.services.errors import NotAllowed, NotFound
from desktop.services.lists import MatterFilter
from desktop.services.matters import MatterInput
from desktop.services.steps import AgreementInput, SessionInput
from desktop.store.models import Grid, Matter, Org
from tests.conftest import FAST_KDF, PASSWORD

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    report = demo.build(path, PASSWORD, households=120, seed=3, now=NOW, kdf=FAST_KDF)
    assert "lawyer" in report.accounts_with_login
    return path


def test_the_lawyer_signs_in_and_records_the_studios_mediation_only(demo_db):
    lawyer = accounts.login(demo_db, "lawyer", PASSWORD, clock=lambda: NOW)  # their own key slot
    platform = accounts.login(demo_db, "platform", PASSWORD, clock=lambda: NOW)
    try:
        assert lawyer.actor.display_name == "冯律师" and lawyer.actor.roles == frozenset({"mediator"})
        with platform.read() as s:
            studio = s.execute(select(Org.id).where(Org.name == "律师调解工作室")).scalar_one()
            other_team = s.execute(select(Org.id).where(Org.name == "老娘舅调解队")).scalar_one()
            grid = s.execute(select(Grid)).scalars().first()
            grid_id, village_id = grid.id, grid.village_id
        # what the lawyer sees before anything is sent to the studio: matters open for claim, or theirs
        seen = lists.matters(lawyer, MatterFilter(), limit=None).rows
        with platform.read() as s:
            theirs = {
                m.id
                for m in s.scalars(select(Matter))
                if m.status == "open_for_claim"
                or m.handler in (f"org:{studio}", f"account:{lawyer.actor.account_id}")
            }
        assert {r.id for r in seen} == theirs
        assert lists.households(lawyer).total == 0  # no resident
        # the platform sends one matter to the studio and one to another team
        made = []
        for title in ("借贷纠纷", "邻里噪音"):
            m = matters.report(
                platform,
                MatterInput(title, "当事人申请", grid_id=grid_id, village_id=village_id, facts="事实"),
            ).ids[0]
            steps.register(platform, m, 1, category=_a_category(platform))
            made.append(m)
        to_studio, to_other = made
        steps.dispatch(platform, to_studio, f"org:{studio}")
        steps.dispatch(platform, to_other, f"org:{other_team}")
        visible = {r.id for r in lists.matters(lawyer, MatterFilter(), limit=None).rows}
        assert to_studio in visible and to_other not in visible
        with pytest.raises(NotFound):
            steps.accept(lawyer, to_other)
        # the studio's matter, recorded through to its close by the lawyer
        steps.accept(lawyer, to_studio)
        steps.record_session(
            lawyer,
            to_studio,
            SessionInput(date(2026, 11, 23), "人民调解", "agreement", record="双方同意分期还款"),
        )
        steps.record_agreement(
            lawyer,
            to_studio,
            AgreementInput(
                "written", "甲、乙", "借款两万元未还", "分四期还清", "转账", date(2026, 12, 31), True, True, 3
            ),
        )
        steps.close(lawyer, to_studio, "agreement", note="达成协议")
        with lawyer.read() as s:
            assert s.get(Matter, to_studio).status == "closed"
        # and nothing else: no report of their own, no household
        with pytest.raises(NotAllowed):
            matters.report(lawyer, MatterInput("自报", "当事人申请", grid_id=grid_id, village_id=village_id))
    finally:
        lawyer.close()
        platform.close()


def _a_category(ws) -> str:
    from desktop.services import choices

    return next(iter(choices.places(ws).categories))
