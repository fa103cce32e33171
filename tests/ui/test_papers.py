"""A closed matter's papers from the window: offered in the matter's print menu, shown, previewed for
printing, saved as PDF (Chinese in an embedded font, every item in the text) and as Word; what a paper lacks
is named and completed in place."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader
from PySide6.QtGui import QImage
from sqlalchemy import select

from desktop.store.models import Party
from tests.services.test_documents import APPLICANT, RESPONDENT, closed_matter

EXPECTED = {  # a few items each paper must hold, in the PDF's text and in the Word file
    "人民调解协议书": [
        "申请人",
        "张三",
        "76岁",
        "汉族",
        "农民",
        APPLICANT,
        "李四拆除越界部分并恢复原状",
        "一式3份",
    ],
    "人民调解笔录": ["东村调解室", "张三、李四、王网格", "达成协议"],
    "矛盾纠纷交办单": ["东村村委会", "请尽快组织调解", "2026年12月08日"],
    "矛盾纠纷督办单": ["第1次督办", "临近期限，请加快办理", "孙督考"],
    "矛盾纠纷回访记录": ["2026年11月23日", "满意", "已履行"],
    "矛盾纠纷调处卷宗": ["卷内目录", "流转记录", "人民调解协议书", "超期说明"],
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _embedded_fonts(reader: PdfReader) -> list[bool]:
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            ).get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found.append(any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    return found


def _matter_view(window_for, settle, matter_id):
    window = window_for("platform")
    window.ledger.view.show_matter(matter_id)
    settle(), settle()
    return window.ledger.view


def test_a_closed_matters_papers_from_the_window(township, window_for, settle, no_popups, tmp_path):
    view = _matter_view(window_for, settle, closed_matter(township))
    titles = [a.text() for a in view.papers.menu().actions()]
    assert [t.split("（")[0] for t in titles] == list(EXPECTED)
    for offer in view.offers:
        dialog = view.open_paper(offer)
        settle()
        assert dialog.document is not None and not dialog.missing.isVisible()
        assert dialog.print_button.isEnabled()
        preview = dialog.preview()
        assert preview.isVisible()
        preview.close()
        pdf = dialog.save_to(str(tmp_path / f"{offer.kind}.pdf"))
        word = dialog.save_to(str(tmp_path / f"{offer.kind}.docx"))
        assert pdf is not None and word is not None, no_popups
        reader = PdfReader(pdf)
        text = _flat("".join(page.extract_text() for page in reader.pages))
        opened = WordDocument(str(word))
        words = _flat(
            "".join(
                [p.text for p in opened.paragraphs]
                + [c.text for t in opened.tables for r in t.rows for c in r.cells]
            )
        )
        title = offer.title.split("（")[0]
        for item in [title, *EXPECTED[title]]:
            assert _flat(item) in text, (title, item)
            assert _flat(item) in words, (title, item)
        assert all(_embedded_fonts(reader)), title
        dialog.close()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils renders the page")
def test_the_first_page_renders_with_chinese_glyphs(township, window_for, settle, no_popups, tmp_path):
    """Looked at as a picture: the agreement's first page has ink in its title and body, not empty boxes."""
    view = _matter_view(window_for, settle, closed_matter(township))
    dialog = view.open_paper(view.offers[0])
    settle()
    pdf = dialog.save_to(str(tmp_path / "agreement.pdf"))
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    (png,) = tmp_path.glob("page*.png")
    image = QImage(str(png))
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 500


def test_what_a_paper_lacks_is_named_and_completed_in_place(township, window_for, settle, no_popups):
    t = township
    m = closed_matter(t, complete=False)
    view = _matter_view(window_for, settle, m)
    dialog = view.open_paper(view.offers[0])
    settle()
    assert dialog.document is None and not dialog.print_button.isEnabled()
    assert "被申请人李四的民族" in dialog.missing.text() and "补充信息" in dialog.missing.text()
    assert "party:" in view.facts.toHtml()
    with t.admin.read() as s:
        parties = {p.name: p.id for p in s.scalars(select(Party).where(Party.matter_id == m))}
    for name, (number, ethnicity, job, address) in {
        "张三": (APPLICANT, "汉族", "农民", "东村12号"),
        "李四": (RESPONDENT, "回族", "个体经营", "东村14号"),
    }.items():
        form = view.edit_party(parties[name])
        settle()
        assert form.name.text() == name
        form.id_number.setText(number)
        form.ethnicity.setText(ethnicity)
        form.occupation.setText(job)
        form.address.setText(address)
        form.save()
        settle()
        assert not form.isVisible(), no_popups
    dialog = view.open_paper(view.offers[0])
    settle()
    assert dialog.document is not None and "回族" in dialog.document.text()


def test_a_township_words_its_own_papers_in_settings(township, window_for, settle, no_popups):
    """文书模板: the township's own header and wording, kept in the synced configuration, used by every paper;
    a brace that names nothing is refused by name and nothing is saved."""
    from desktop.services import documents

    t = township
    m = closed_matter(t)
    admin = window_for("platform")
    admin.go("settings")
    page = admin.stack.currentWidget()
    settle()
    rows = {page.templates.item(r, 0).data(256): r for r in range(page.templates.rowCount())}
    page.templates.item(rows["header"], 1).setText("{township}社会治理综合服务中心")
    page.templates.item(rows["dispatch_notice"], 1).setText("请于{deadline}前办结")
    page.save_templates()
    settle()
    assert documents.read_templates(t.login("platform"))["header"] == ""  # nothing saved
    assert "花括号" in no_popups[-1] and "交办单" in no_popups[-1]
    page.templates.item(rows["dispatch_notice"], 1).setText("请于办理时限内办结，结果报综治中心。")
    page.save_templates()
    settle()
    paper = documents.make(t.login("platform"), m, "dispatch")
    assert paper.header == "向城镇社会治理综合服务中心" and "结果报综治中心" in paper.text()
    page.default_templates()
    page.save_templates()
    settle()
    assert documents.make(t.login("platform"), m, "dispatch").header == "向城镇"


def test_the_statistics_page_exports_the_report_and_packs_the_months_dossiers(
    township, window_for, settle, no_popups, tmp_path
):
    import zipfile

    from openpyxl import load_workbook

    closed_matter(township)
    window = window_for("platform")
    window.go("stats")
    page = window.stack.currentWidget()
    page.year.setValue(2026)
    page.period.setCurrentIndex(page.period.findData("-11"))
    settle()
    page.export_to(str(tmp_path / "report.pdf"))
    settle()
    text = _flat("".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages))
    assert (
        "向城镇矛盾纠纷排查化解工作考核（2026年11月）" in text
        and "东村" in text
        and "各村（社区）化解率" in text
    )
    page.export_to(str(tmp_path / "report.xlsx"))
    settle()
    assert load_workbook(tmp_path / "report.xlsx")["按村（社区）"]["B3"].value == "东村"
    page.pack_dossiers(str(tmp_path / "dossiers.zip"))
    settle()
    with zipfile.ZipFile(tmp_path / "dossiers.zip") as bundle:
        assert bundle.namelist() == ["向城-2026-00001 卷宗.pdf"]
    assert "1 件事项的卷宗" in no_popups[-1]


def test_a_closed_demo_matter_prints_its_papers_from_the_window(qtbot, worker, settle, no_popups, tmp_path):
    """The demo as a township would have it: a closed matter with a written agreement, a photo in its file,
    and the window saves its agreement, record, follow-up and dossier (the photo inside) as PDF."""
    from datetime import datetime

    from PySide6.QtGui import QColor, QImage

    from desktop.services import accounts, attachments, choices, demo, lists
    from desktop.ui.main_window import MainWindow
    from tests.conftest import FAST_KDF

    db = tmp_path / "demo.db"
    demo.build(db, "demo password 1", households=300, seed=3, now=datetime(2026, 11, 23, 10), kdf=FAST_KDF)
    ws = accounts.login(db, "platform", "demo password 1")
    closed = [r for r in lists.matters(ws, limit=None).rows if r.status == "evaluated"]
    photo = QImage(320, 200, QImage.Format.Format_RGB32)
    photo.fill(QColor("#3070B0"))
    photo.save(str(tmp_path / "现场照片.png"))
    window = MainWindow(ws, worker, choices.places(ws))
    qtbot.addWidget(window)
    window.show()
    for row in closed:
        window.ledger.view.show_matter(row.id)
        settle(), settle()
        kinds = [o.kind for o in window.ledger.view.offers]
        if {"agreement", "record", "followup", "dossier"} <= set(kinds):
            break
    view = window.ledger.view
    attachments.add_attachment(ws, "matter", view.detail.id, tmp_path / "现场照片.png")
    settle(), settle()
    saved = {}
    for offer in view.offers:
        if offer.kind in ("agreement", "record", "followup", "dossier") and offer.kind not in saved:
            dialog = view.open_paper(offer)
            settle()
            saved[offer.kind] = dialog.save_to(str(tmp_path / f"{offer.kind}.pdf"))
            dialog.close()
    assert set(saved) == {"agreement", "record", "followup", "dossier"} and all(saved.values()), no_popups
    dossier = PdfReader(saved["dossier"])
    assert any(page.images for page in dossier.pages)  # the photo is filed
    assert "现场照片.png" in _flat("".join(p.extract_text() for p in dossier.pages))
    window.close()
    ws.close()
