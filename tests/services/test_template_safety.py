"""The township's document templates are data: only their named placeholders are filled, nothing in braces is
evaluated, a template naming anything else is refused where it is saved (naming it) and, when it arrives in
the synced configuration, replaced by the default wording with a notice, and a stray brace never stops
printing."""

from __future__ import annotations

import pytest

from desktop.services import documents
from desktop.services.context import set_config
from desktop.services.documents.templates import fill, unknown_names
from desktop.services.errors import ValidationFailed
from tests.services.test_documents import closed_matter

HOSTILE = {
    "header": "{township.__class__.__mro__}",
    "dispatch_notice": "{x[0]}请办结{nope}",
    "agreement_intro": "经{committee.__init__.__globals__}主持",
}


def test_a_template_fills_its_names_and_evaluates_nothing():
    values = {"township": "向城镇", "village": "东村"}
    assert fill("{township}{village}人民调解委员会", values) == "向城镇东村人民调解委员会"
    assert fill("{township.__class__}{x[0]}{nope}", values) == "{township.__class__}{x[0]}{nope}"
    assert fill("一式{份，{{copies}}}", values) == "一式{份，{copies}}"  # stray and doubled braces as text
    assert unknown_names("header", "{copies}{township}{ village }") == ["copies", " village "]
    assert unknown_names("agreement_copies", "一式{copies}份") == []
    assert unknown_names("committee", "{committee}") == ["committee"]  # a committee is not made of itself


@pytest.mark.parametrize(
    ("key", "text", "named"), [(k, v, v[v.index("{") + 1 : v.index("}")]) for k, v in HOSTILE.items()]
)
def test_saving_a_template_that_names_anything_else_is_refused_by_name(township, key, text, named):
    admin = township.login("platform")
    with pytest.raises(ValidationFailed) as refused:
        documents.save_templates(admin, {**documents.default_templates(), key: text})
    reasons = [str(i.reason) for i in refused.value.issues]
    assert any(f"“{{{named}}}”" in r and "花括号" in r for r in reasons), reasons
    assert documents.read_templates(admin)[key] == documents.default_templates()[key]  # nothing saved


def test_copies_belong_to_the_copies_line_only(township):
    admin = township.login("platform")
    with pytest.raises(ValidationFailed) as refused:
        documents.save_templates(admin, {**documents.default_templates(), "header": "共{copies}份"})
    assert "“{copies}”" in str(refused.value.issues[0].reason)
    documents.save_templates(admin, {**documents.default_templates(), "header": "{township}{{综治}}中心{"})
    m = closed_matter(township)
    assert documents.make(admin, m, "dispatch").header == "向城镇{综治}中心{"  # braces as written


def test_a_synced_template_naming_anything_else_falls_back_to_the_default_and_says_so(township):
    m = closed_matter(township)
    platform = township.login("platform")
    received = {**HOSTILE, "agreement_copies": "本协议一式{copies}份，{copies.real}"}
    with platform.tx("config.set", "document_templates") as tx:  # as a pull from the township stores it
        set_config(tx.session, "document_templates", received)
    defaults = documents.default_templates()
    assert documents.read_templates(platform) == defaults
    for kind in ("dispatch", "agreement", "record", "followup", "supervision", "dossier"):
        paper = documents.make(platform, m, kind)
        text = paper.text()
        assert "__class__" not in text and "__globals__" not in text and "{x[0]}" not in text
        assert "class '" not in text and "<" not in text
        assert len(paper.notices) == 4
        assert any("“{township.__class__.__mro__}”" in n for n in paper.notices)
    agreement = documents.make(platform, m, "agreement")
    assert "本协议一式3份" in agreement.text() and agreement.header == "东村人民调解委员会"
    assert defaults["agreement_intro"].replace("{committee}", "东村人民调解委员会") in agreement.text()


def test_a_synced_template_that_is_not_text_is_ignored(township):
    m = closed_matter(township)
    platform = township.login("platform")
    with platform.tx("config.set", "document_templates") as tx:
        set_config(tx.session, "document_templates", {"header": ["{township}"], "nope": "{x}"})
    assert documents.make(platform, m, "dispatch").header == "向城镇"
