"""The matter's print menu offers every version of a changed agreement, newest first; the replaced one opens
in the papers window with its own terms and the line saying it was superseded, and saves as PDF."""

from __future__ import annotations

import re

from pypdf import PdfReader

from tests.services.test_agreement_versions import SUPERSEDED, _amended


def test_a_replaced_agreement_prints_from_the_window(township, window_for, settle, no_popups, tmp_path):
    m, before = _amended(township)
    window = window_for("platform")
    view = window.ledger.view
    view.show_matter(m)
    settle(), settle()
    titles = [a.text() for a in view.papers.menu().actions()]
    assert titles[:2] == ["人民调解协议书（第2版，现行）", "人民调解协议书（第1版，已变更，被第2版取代）"]

    old_offer = next(o for o in view.offers if o.kind == "agreement" and o.index == 1)
    old = view.open_paper(old_offer)
    settle()
    assert old.windowTitle() == old_offer.title and old.document is not None
    shown = old.page.toPlainText()
    assert SUPERSEDED in shown and "李四拆除越界部分" in shown and "李四赔偿2000元" not in shown
    pdf = old.save_to(str(tmp_path / "old.pdf"))
    assert pdf is not None, no_popups
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert re.sub(r"\s+", "", SUPERSEDED) in text and "李四拆除越界部分" in text
    old.close()

    current = view.open_paper(next(o for o in view.offers if o.kind == "agreement" and o.index == 0))
    settle()
    shown = current.page.toPlainText()
    assert "李四赔偿2000元，不再拆除" in shown and "已变更" not in shown
    current.close()
