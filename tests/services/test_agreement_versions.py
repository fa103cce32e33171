"""变更协议 on paper: a signed agreement changed by a new version stays printable, word for word as the
parties signed it, with a line saying it was superseded; the new one prints as the agreement in effect."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.services import documents, steps
from desktop.store.models import Agreement

from .test_documents import complete_parties
from .test_step_rules import handling

SUPERSEDED = "已变更：本协议为第1版，已变更，被第2版协议取代"


def _signed(terms: str, perform_by: date) -> steps.AgreementInput:
    return steps.AgreementInput(
        "written",
        "张三、李四",
        "围墙越界30厘米，李四负主要责任",
        terms,
        "自行履行",
        perform_by,
        signed_by_parties=True,
        signed_by_mediator=True,
        copies=3,
    )


def _amended(t) -> tuple[str, str]:
    """A handled matter whose signed agreement was changed: (its id, the paper's text before the change)."""
    m = handling(t)
    complete_parties(t, m)
    g = t.login("grid1")
    steps.record_agreement(g, m, _signed("李四拆除越界部分", date(2026, 12, 1)))
    before = documents.make(g, m, "agreement").text()
    with g.read() as s:
        (first,) = s.scalars(select(Agreement.id).where(Agreement.matter_id == m))
    steps.amend_agreement(g, m, first, _signed("李四赔偿2000元，不再拆除", date(2026, 12, 10)))
    return m, before


def test_both_versions_print_and_the_old_one_says_it_was_superseded(township):
    t = township
    m, before = _amended(t)
    g = t.login("grid1")
    assert "李四拆除越界部分" in before and "已变更" not in before

    offered = [(o.kind, o.title, o.index) for o in documents.offers(g, m) if o.kind == "agreement"]
    assert offered == [  # newest first, the replaced one marked
        ("agreement", "人民调解协议书（第2版，现行）", 0),
        ("agreement", "人民调解协议书（第1版，已变更，被第2版取代）", 1),
    ]

    current = documents.make(g, m, "agreement", 0).text()
    assert "李四赔偿2000元，不再拆除" in current and "李四拆除越界部分" not in current
    assert "已变更" not in current

    old = documents.make(g, m, "agreement", 1).text()
    lines = old.split("\n")
    superseded = [line for line in lines if line.startswith(SUPERSEDED)]
    assert len(superseded) == 1, lines
    # apart from that line, the old paper is exactly what it printed before the change
    assert "\n".join(line for line in lines if line not in superseded) == before
    # the dossier of the closed matter files the agreement in effect
    steps.close(g, m, "agreement", "调解成功")
    assert "李四赔偿2000元，不再拆除" in documents.make(t.login("platform"), m, "dossier").text()


def test_a_version_that_does_not_exist_is_refused_by_name(township):
    t = township
    m, _ = _amended(t)
    try:
        documents.make(t.login("grid1"), m, "agreement", 2)
    except documents.MissingItems as refused:
        assert refused.items == ["变更前的第2份协议"]
    else:
        raise AssertionError("a third version was printed from two")
