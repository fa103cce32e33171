"""The demo's 律师调解工作室 lawyer (冯律师) signs in with a key slot of their own and records the studio's
mediation from acceptance to close; the role takes no registration, dispatch, residents' records or
settings."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services import accounts, choices, demo, matters, residents, setup, steps
from desktop.services.errors import NotAllowed
from desktop.services.matters import MatterInput
from desktop.services.residents import HouseholdInput
from desktop.services.steps import AgreementInput, SessionInput
from desktop.store.models import Account, Grid, Matter, Org
from sync.core.domain.lifecycle import Refused
from tests.conftest import FAST_KDF, PASSWORD

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    report = demo.build(path, PASSWORD, households=120, seed=3, now=NOW, kdf=FAST_KDF)
    assert "lawyer" in report.accounts_with_login
    return path


def test_the_lawyer_signs_in_and_records_the_studios_mediation(demo_db):
    with pytest.raises(Exception, match="密码"):
        accounts.login(demo_db, "lawyer", "wrong-password", clock=lambda: NOW)
    lawyer = accounts.login(demo_db, "lawyer", PASSWORD, clock=lambda: NOW)  # their own key slot
    platform = accounts.login(demo_db, "platform", PASSWORD, clock=lambda: NOW)
    try:
        assert lawyer.actor.display_name == "冯律师" and lawyer.actor.roles == frozenset({"mediator"})
        with platform.read() as s:
            studio = s.execute(select(Org.id).where(Org.name == "律师调解工作室")).scalar_one()
            assert (
                s.execute(select(Account.org_id).where(Account.username == "lawyer")).scalar_one() == studio
            )
            grid = s.execute(select(Grid)).scalars().first()
            grid_id, village_id = grid.id, grid.village_id
        category = next(iter(choices.places(platform).categories))
        m = matters.report(
            platform,
            MatterInput("借贷纠纷", "当事人申请", grid_id=grid_id, village_id=village_id, facts="借款未还"),
        ).ids[0]
        # not the lawyer's to register or dispatch
        with pytest.raises(Refused, match="只有"):
            steps.register(lawyer, m, 1, category=category)
        steps.register(platform, m, 1, category=category)
        with pytest.raises(Refused, match="只有"):
            steps.dispatch(lawyer, m, f"org:{studio}")
        steps.dispatch(platform, m, f"org:{studio}")
        # the studio's matter, recorded through to its close by the lawyer
        steps.accept(lawyer, m)
        steps.record_session(
            lawyer, m, SessionInput(date(2026, 11, 23), "人民调解", "agreement", record="同意分期")
        )
        agreement = AgreementInput(
            "written", "甲、乙", "借款两万元未还", "分四期还清", "转账", None, True, True, 3
        )
        steps.record_agreement(lawyer, m, agreement)
        steps.close(lawyer, m, "agreement", note="达成协议")
        with lawyer.read() as s:
            assert s.get(Matter, m).status == "closed"
        with pytest.raises(Refused, match="只有"):
            steps.check_closure(lawyer, m)  # the platform's
        # and no residents' records or settings
        with pytest.raises(NotAllowed):
            residents.save_household(lawyer, HouseholdInput(village_id, "9999", "某地", grid_id))
        with pytest.raises(NotAllowed):
            setup.add_village(lawyer, "新村", "420606001099")
    finally:
        lawyer.close()
        platform.close()
