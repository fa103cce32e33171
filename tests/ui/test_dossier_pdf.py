"""The closed matter's 卷宗 as archived, read back from the PDF (pdftotext): every part present in the archive
order, each material's page number printed at the top of its pages, and the 卷内目录's page numbers the real
pages those materials begin on; the 备考表 counts them."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from desktop.services import documents
from desktop.ui.printing import save_pdf
from tests.services.test_documents import closed_matter

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils reads the PDF")

ORDER = [
    "口头申请记录",
    "人民调解受理登记表",
    "调查记录（第1次）",
    "调解记录（第1次）",
    "人民调解协议书",
    "矛盾纠纷回访记录",
    "流转记录",
    "卷内备考表",
]


def _pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return text.stdout.split("\f")[:-1]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def _number_and_title(page: str) -> tuple[str, str]:
    """A page's printed number (its first line when it is a number) and the first line after it."""
    lines = _lines(page)
    if lines and lines[0].isdigit():
        return lines[0], _flat(lines[1]) if len(lines) > 1 else ""
    return "", _flat(lines[0]) if lines else ""


def test_the_dossier_pdf_has_every_part_in_order_and_true_page_numbers(township, qapp, tmp_path):
    t = township
    m = closed_matter(t, investigate=True)
    doc = documents.make(t.login("platform"), m, "dossier")
    pages = _pages(save_pdf(doc, tmp_path / "dossier.pdf"))
    flat = [_flat(p) for p in pages]
    # the cover first, with what an inspection looks for
    for item in ["矛盾纠纷调处卷宗", "调解员", "王网格", "立卷人", "立卷日期", "保管期限", "定期30年"]:
        assert item in flat[0], item
    assert _number_and_title(pages[1]) == ("", "卷内目录")
    # every part begins a page of its own, in the archive order
    starts = {}
    for title in ORDER:
        found = [i for i, p in enumerate(pages) if _number_and_title(p)[1].startswith(_flat(title))]
        assert len(found) == 1, (title, [_number_and_title(p) for p in pages])
        starts[title] = found[0]
    assert list(starts.values()) == sorted(starts.values()), starts
    assert "镇自然资源所赵测量" in flat[starts["调查记录（第1次）"]]
    # the numbered pages run from the first material (page 1) to the page before the 备考表, which has none
    first, remarks = starts[ORDER[0]], starts["卷内备考表"]
    for i, page in enumerate(pages):
        printed = _number_and_title(page)[0]
        assert printed == (str(i - first + 1) if first <= i < remarks else ""), (i, printed)
    # the contents: each row's 页号 begins with the page its part begins on, and ends where the next begins
    rows = [line.split() for line in _lines(pages[1]) if line.split()[0].isdigit()]
    assert len(rows) == len(ORDER) - 1
    for row, title in zip(rows, ORDER[:-1], strict=True):
        assert _flat(title)[:5] in _flat("".join(row[1:-1])), (row, title)
        first_page = int(row[-1].split("-")[0])
        assert first_page == starts[title] - first + 1, (title, row)
    assert f"本卷共有文件材料{remarks - first}页" in flat[remarks]
