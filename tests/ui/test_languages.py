"""Languages: Chinese is the source, English is complete, and the window really switches."""

import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop import paths
from desktop.ui.common import tr

I18N = paths.resources_dir() / "i18n"
# The translation tool is a script, not a package: load it from its file (sys.path stays as it was).
_spec = importlib.util.spec_from_file_location("fengqiao_i18n_update", I18N / "update.py")
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)


def translations(path: Path) -> dict[tuple[str, str], str | None]:
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            # a plural (numerus) message holds one form per plural of the language, every one filled in
            forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
            text = translation.text if not forms else (forms[0] if forms and all(forms) else None)
            done = translation is not None and translation.get("type") != "unfinished" and text
            result[(context.findtext("name"), message.findtext("source"))] = text if done else None
    return result


def test_every_string_of_the_ui_has_an_english_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([i18n.tool("lupdate"), "-silent", *i18n.sources(), "-ts", str(fresh)], check=True)
    english = translations(I18N / "fengqiao_en.ts")
    missing = [key for key in translations(fresh) if not english.get(key)]
    missing += [("labels", text) for text in i18n.all_labels() if not english.get(("labels", text))]
    missing += [("messages", text) for text in i18n.all_messages() if not english.get(("messages", text))]
    assert missing == []


def test_the_chinese_file_repeats_every_source():
    chinese = translations(I18N / "fengqiao_zh_CN.ts")
    assert chinese and all(value == key[1] for key, value in chinese.items())


@pytest.fixture
def english(qapp, tmp_path):
    i18n.release(tmp_path)  # built from the committed .ts into the test's folder, not the source tree
    translator = QTranslator()
    assert translator.load(str(tmp_path / "fengqiao_en.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_window_in_english(english, window_for, settle):
    window = window_for("platform")
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Work desk",
        "Households",
        "Visits",
        "Ledger",
        "Mediation",
        "Statistics",
        "Settings",
    ]
    assert window.ledger.status.itemText(0) == "All statuses"
    assert window.sync_label.text().startswith("This laptop only")
    assert window.ledger.count.text() == "0 matters"  # plurals through Qt's %n
    assert window.ledger.tr("共 %n 件", "", 1) == "1 matter"
    row = type("Row", (), {"source": "网格排查", "referral_kind": ""})()
    assert window.ledger.model.columns[6].value(row) == "Grid check"
    assert "Platform office" in window.account_label.text()
    assert tr("取消") == "Cancel"  # strings of the shared helpers, outside any widget class


def test_shared_helpers_are_translated_too(english):
    assert (tr("暂无数据"), tr("无法完成")) == ("No data yet", "Cannot complete")


def test_refusals_of_the_rules_and_use_cases_are_in_english_too(english, township):
    """The services refuse in Chinese (logs, command line); the English window says it in English."""
    from desktop.services import accounts, residents
    from desktop.services.errors import NotAllowed, ValidationFailed
    from desktop.services.residents import HouseholdInput
    from desktop.ui.common import user_message
    from sync.core.domain.lifecycle import Action
    from sync.core.domain.residents import PersonFields

    leader = township.login("leader")
    with pytest.raises(NotAllowed) as refused:
        accounts.add_account(leader, "x1", "张三", "long password", "grid_worker")
    assert "没有“管理账号”的权限" in str(refused.value)  # the Chinese stays where it was
    assert user_message(refused.value) == "Account “周领导” may not: manage accounts"

    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    with pytest.raises(ValidationFailed) as invalid:
        residents.save_person(g, h, PersonFields("张三", "未知", "汉族", "110105194912310021", "12345"))
    shown = user_message(invalid.value)
    assert (
        "check digit does not match (should be" in shown and "must be “男” (male) or “女” (female)" in shown
    )
    assert not any(
        "\u4e00" <= ch <= "\u9fff"
        for ch in shown.replace("男", "").replace("女", "").replace("未知", "").replace("张三", "")
    )

    from sync.core.domain import lifecycle

    with pytest.raises(lifecycle.Refused) as step:
        lifecycle.check(lifecycle.MatterState(status=None), Action.CLOSE, lifecycle.Actor(roles=frozenset()))
    assert user_message(step.value).startswith("Cannot ") and "the matter is now" in user_message(step.value)


def test_a_message_reads_as_chinese_and_keeps_its_template():
    from sync.core.domain.messages import msg

    m = msg("涉及金额{0:,.0f}元（≥10万元）", 123456.0)
    assert (
        m == "涉及金额123,456元（≥10万元）"
        and m.template.startswith("涉及金额{0")
        and m.values == (123456.0,)
    )
    assert isinstance(str(m), str) and {m: 1}["涉及金额123,456元（≥10万元）"] == 1


def test_an_english_window_stores_data_in_the_source_language(english, township, window_for, settle):
    from desktop.services import residents
    from desktop.services.residents import HouseholdInput
    from desktop.store.models import Visit
    from sync.core.domain.visits import PURPOSES

    t = township
    h = residents.save_household(t.login("grid1"), HouseholdInput(t.village, "0101", "东村101号", t.grid)).id
    window = window_for("grid1")
    dialog = window.new_visit(h)
    dialog.purpose.setCurrentIndex(1)
    assert dialog.purpose.currentText() != PURPOSES[1]  # shown in English
    dialog.save()
    settle()
    with t.login("grid1").read() as s:
        assert s.query(Visit).one().purpose == PURPOSES[1]
