"""Languages: Chinese is the source, English is complete, and the window really switches."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop import paths
from desktop.ui.common import tr
from desktop.ui.labels import all_labels

I18N = paths.resources_dir() / "i18n"
sys.path.insert(0, str(I18N))
import update as i18n  # noqa: E402


def translations(path: Path) -> dict[tuple[str, str], str | None]:
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished" and translation.text
            result[(context.findtext("name"), message.findtext("source"))] = (
                translation.text if done else None
            )
    return result


def test_every_string_of_the_ui_has_an_english_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (paths.resources_dir().parent / "desktop" / "ui").glob("*.py"))
    subprocess.run([i18n.tool("lupdate"), "-silent", *sources, "-ts", str(fresh)], check=True)
    english = translations(I18N / "fengqiao_en.ts")
    missing = [key for key in translations(fresh) if not english.get(key)]
    missing += [("labels", text) for text in all_labels() if not english.get(("labels", text))]
    assert missing == []


def test_the_chinese_file_repeats_every_source():
    chinese = translations(I18N / "fengqiao_zh_CN.ts")
    assert chinese and all(value == key[1] for key, value in chinese.items())


@pytest.fixture
def english(qapp):
    i18n.release()
    translator = QTranslator()
    assert translator.load(str(I18N / "fengqiao_en.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_window_in_english(english, window_for, settle):
    window = window_for("platform")
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Work desk", "Households", "Visits", "Ledger", "Mediation", "Statistics", "Settings",
    ]  # fmt: skip
    assert window.ledger.status.itemText(0) == "All statuses"
    assert window.sync_label.text().startswith("Working offline")
    assert "Platform office" in window.account_label.text()
    assert tr("取消") == "Cancel"  # strings of the shared helpers, outside any widget class


def test_shared_helpers_are_translated_too(english):
    assert (tr("暂无数据"), tr("无法完成")) == ("No data yet", "Cannot complete")
