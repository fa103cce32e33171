"""Markup in the data is shown as the characters it is: never bold, never a live link, never a loaded image.

A real township database holds a matter, a party, an address, a village and a household head whose text is
HTML; every screen that shows a record is opened on it offscreen. A label must hold the markup as its text and
be set to plain text; an HTML view must hold it escaped (its plain text shows the markup, it has no anchor or
image of its own).
"""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QTextBrowser

from desktop.services import matters, residents, setup
from desktop.services.matters import MatterInput, PartyInput
from desktop.services.residents import HouseholdInput
from desktop.ui import plain
from desktop.ui.visits import VisitDialog
from sync.core.domain.residents import PersonFields

MARKUP = '<b>粗</b><a href="file:///etc/passwd">链接</a><img src="file:///tmp/x.png">'
NAME = "<b>粗</b><a href='file:///etc/passwd'>链</a>"  # a name: at most 50 characters, no digits
UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


def _hostile_township(township):
    admin = township.admin
    village = setup.add_village(admin, NAME, "110105001003").id
    grid = setup.add_grid(admin, village, NAME + "网格").id
    g = township.login("platform")
    household = residents.save_household(g, HouseholdInput(village, "0001", MARKUP, grid)).id
    residents.save_person(g, household, PersonFields(NAME, relation="户主"))
    matter = matters.report(
        g,
        MatterInput(
            MARKUP,
            "网格排查",
            facts=MARKUP,
            place=MARKUP,
            grid_id=grid,
            household_id=household,
            parties=[PartyInput(NAME, address=MARKUP)],
        ),
    ).id
    return household, matter


def _is_plain(label: QLabel, text: str) -> bool:
    return text in label.text() and label.textFormat() == Qt.TextFormat.PlainText


def _html_is_inert(view: QTextBrowser | QTextDocument, *texts: str) -> None:
    document = view.document() if isinstance(view, QTextBrowser) else view
    source = document.toHtml()
    for text in texts:
        assert text in document.toPlainText()  # shown as the characters typed
    assert "&lt;b&gt;" in source and "<img" not in source and 'href="file:' not in source
    block = document.begin()
    while block.isValid():  # no fragment of the document is a link or an image that came from the data
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            assert not fragment.charFormat().anchorHref().startswith("file:")
            assert not fragment.charFormat().isImageFormat()
            it += 1
        block = block.next()


def _matter_view_is_inert(view) -> None:
    assert _is_plain(view.title, MARKUP)
    assert view.summary.textFormat() == Qt.TextFormat.RichText  # ours, with every value escaped
    assert f"{plain.escaped(NAME)} {plain.escaped(NAME + '网格')}" in view.summary.text()
    assert "<b>粗</b>" not in view.summary.text()
    _html_is_inert(view.facts, MARKUP, NAME)
    assert view.timeline.count() >= 1  # list items are plain text by construction


def test_the_ledger_and_the_matter_view_show_markup_as_text(township, window_for, settle):
    _household, matter = _hostile_township(township)
    window = window_for("platform")
    window.go("ledger")
    ledger = window.ledger
    ledger.refresh()
    settle()
    (row,) = [r for r in ledger.model.rows if r.id == matter]
    titles = [ledger.model.data(ledger.model.index(i, 1)) for i in range(ledger.model.rowCount())]
    assert MARKUP in titles  # a table cell: the delegate draws text
    ledger.table.selectRow(titles.index(MARKUP))
    settle()
    assert ledger.view.detail.id == matter
    _matter_view_is_inert(ledger.view)
    for tab in (ledger.view.mediation, ledger.view.follow_ups):
        assert "<img" not in tab.document().toHtml()


def test_the_mediation_page_shows_markup_as_text(township, window_for, settle):
    _household, matter = _hostile_township(township)
    window = window_for("mediator")
    window.mediation.view.show_matter(matter)
    settle()
    _matter_view_is_inert(window.mediation.view)


def test_the_household_list_and_card_show_markup_as_text(township, window_for, settle):
    household, _matter = _hostile_township(township)
    window = window_for("platform")
    window.go("households")
    page = window.households
    page.refresh()
    settle()
    addresses = [r.address for r in page.model.rows]
    assert MARKUP in addresses
    page.table.selectRow(addresses.index(MARKUP))
    settle()
    card = page.card
    assert card.detail.id == household
    assert _is_plain(card.title, NAME) and _is_plain(card.info, MARKUP)
    assert card.members.item(0, 0).text() == NAME


def test_the_desk_shows_markup_as_text(township, window_for, settle):
    _hostile_township(township)
    window = window_for("platform")
    desk = window.desk
    assert desk.greeting.textFormat() == Qt.TextFormat.PlainText
    villages = [desk.villages.item(r, 0).text() for r in range(desk.villages.rowCount())]
    assert NAME in villages
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in desk.findChildren(QLabel))


def test_the_visit_forms_household_search_shows_markup_as_text(qtbot, township, worker, settle):
    household, _matter = _hostile_township(township)
    dialog = VisitDialog(township.login("platform"), worker)
    qtbot.addWidget(dialog)
    dialog.search.setText("粗")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=5000)
    item = dialog.results.item(0)
    assert isinstance(dialog.results, QListWidget) and item.data(Qt.ItemDataRole.UserRole) == household
    assert NAME in item.text() and MARKUP in item.text()


def test_message_boxes_and_tooltips_show_markup_as_text():
    assert plain.as_text("已保存") == "已保存"  # plain text as it was: Qt would not guess otherwise
    shown = plain.as_text(f"已保存到 {MARKUP}")
    document = QTextDocument()
    document.setHtml(shown)
    assert document.toPlainText() == f"已保存到 {MARKUP}"
    _html_is_inert(document, MARKUP)


def test_every_label_of_the_interface_is_made_by_the_plain_text_helper():
    """The guard for screens written later: a QLabel made directly would guess rich text from data."""
    offenders = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "plain.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            made_directly = "QLabel(" in line
            static_box = any(f"QMessageBox.{k}(" in line for k in ("information", "warning", "question"))
            if made_directly or (static_box and path.name not in ("main_window.py", "failures.py")):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("typed", ["王\x00秀", "王\ud800秀", "\x00", "\ud800"])
def test_the_household_search_box_takes_a_nul_or_half_a_character(
    qtbot, township, worker, window_for, settle, no_popups, typed
):
    g = township.login("platform")
    household = residents.save_household(
        g, HouseholdInput(township.village, "0001", "东村1号", township.grid)
    ).id
    residents.save_person(g, household, PersonFields("王秀英", relation="户主"))
    window = window_for("platform")
    window.go("households")
    page = window.households
    page.search.setText(typed)
    page.refresh()  # what the pause after the last key does
    settle()
    assert no_popups == [] and [r.id for r in page.model.rows] == [household]
    visit = VisitDialog(g, worker)
    qtbot.addWidget(visit)
    visit.search.setText(typed)
    visit._find()
    settle()
    # Qt drops a lone surrogate itself; an empty box lists nothing, a NUL alone searches for everything
    assert no_popups == [] and visit.results.count() == (1 if visit.search.text() else 0)


def test_a_synced_template_that_names_code_is_not_used_and_the_screens_say_so(township, window_for, settle):
    """A township device pushed `{township.__class__}`: the paper uses the default wording and says why beside
    it (never a traceback), and the settings page says the same beside the templates."""
    from desktop.services.context import set_config
    from tests.services.test_documents import closed_matter

    m = closed_matter(township)
    platform = township.login("platform")
    with platform.tx("config.set", "document_templates") as tx:  # as a pull stores it
        set_config(tx.session, "document_templates", {"header": "{township.__class__}{copies}"})
    window = window_for("platform")
    window.ledger.view.show_matter(m)
    settle()
    dispatch = next(o for o in window.ledger.view.offers if o.kind == "dispatch")
    dialog = window.ledger.view.open_paper(dispatch)
    settle()
    assert dialog.document.header == "向城镇" and "__class__" not in dialog.page.toPlainText()
    assert dialog.missing.isVisibleTo(dialog) and "{township.__class__}" in dialog.missing.text()
    assert dialog.missing.textFormat() == Qt.TextFormat.PlainText
    dialog.close()
    window.go("settings")
    settings = window.stack.currentWidget()
    settle()
    assert not settings.template_notices.isHidden() and "默认措辞" in settings.template_notices.text()
