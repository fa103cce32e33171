"""A cell whose text begins like a formula (= + - @) is written as text with the quote prefix, so Excel or WPS
neither evaluates it on opening nor turns it into a formula when someone edits it. Read back with openpyxl
and, where LibreOffice is installed, converted by it to CSV: the text is what was typed."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from desktop.services import ledger, residents, roster
from desktop.services.residents import HouseholdInput
from sync.core.domain.residents import PersonFields
from tests.services.test_matters import report

TITLE = '=HYPERLINK("http://example.com/x","点我")'
ORDER = "-12345"
PARTY = "@某某"
ADDRESS = "-东村甲号"


def _quoted_cells(path):
    book = load_workbook(path)
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    found[cell.value] = cell
    return found


def test_the_ledger_keeps_formula_like_text_as_quoted_text(township, tmp_path):
    report(township, title=TITLE, external_no=ORDER)
    path = tmp_path / "ledger.xlsx"
    assert ledger.export_ledger(township.login("platform"), path) == 1
    cells = _quoted_cells(path)
    assert {TITLE, ORDER} <= set(cells)
    for cell in cells.values():
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    plain = load_workbook(path)["矛盾纠纷台账"]
    assert not plain["A3"].quotePrefix  # an ordinary serial is left as it was


def test_the_roster_keeps_formula_like_text_as_quoted_text(township, tmp_path):
    g = township.login("platform")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", ADDRESS, township.grid)).id
    residents.save_person(g, h, PersonFields(PARTY, relation="户主"))
    path = tmp_path / "roster.xlsx"
    roster.export_households(g, path)
    cells = _quoted_cells(path)
    assert {ADDRESS, PARTY} <= set(cells)
    assert all(c.data_type == "s" and c.quotePrefix for c in cells.values())


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_quoted_cells_as_the_text_typed(township, tmp_path):
    report(township, title=TITLE)
    path = tmp_path / "ledger.xlsx"
    ledger.export_ledger(township.login("platform"), path)
    profile = tmp_path / "lo-profile"  # its own profile: no clash with another LibreOffice running
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with open(tmp_path / "ledger.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[2][4] == TITLE  # the formula's text, not "点我" (its value) and not an error


CONTROL = "噪音\x01\x0b纠纷\x1b[31m"  # a vertical tab is Word's manual line break, pasted


def test_a_title_with_control_characters_does_not_stop_the_ledger_or_a_paper(township, tmp_path):
    """XML cannot hold most control characters: one such title used to stop every ledger export and every
    Word paper of its matter. They become spaces; the rest of the text is kept."""
    from docx import Document as WordFile

    from desktop.services.document_layout import Document, Fields, Heading, Para

    report(township, title=CONTROL)
    path = tmp_path / "ledger.xlsx"
    assert ledger.export_ledger(township.login("platform"), path) == 1
    titles = [c.value for row in load_workbook(path).active.iter_rows() for c in row if c.value]
    assert "噪音  纠纷 [31m" in titles
    paper = Document("record", CONTROL, number=CONTROL, header=CONTROL)
    paper.add(Heading(CONTROL), Para(CONTROL, label=CONTROL), Fields([(CONTROL, CONTROL)]))
    paper.save_docx(tmp_path / "paper.docx")
    words = "\n".join(p.text for p in WordFile(str(tmp_path / "paper.docx")).paragraphs)
    assert "噪音  纠纷 [31m" in words
