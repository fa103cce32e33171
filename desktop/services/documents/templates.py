"""The wording of the township's papers: `resources/reference/document_templates.json`, overridden item by
item by the synced configuration `document_templates`; read, checked and saved here."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from desktop import paths
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg

from .. import setup
from ..context import Changed, Workspace, config_value
from ..errors import ValidationFailed

TEMPLATE_LABELS = {
    "header": "文书抬头（留空则用调解委员会或乡镇名称）",
    "committee": "村调解委员会名称（该村未设村委会组织时）",
    "township_committee": "乡镇调解委员会名称",
    "agreement_intro": "协议书：引言",
    "agreement_copies": "协议书：份数与生效",
    "agreement_notice": "协议书：效力与司法确认告知",
    "oral_notice": "口头协议登记：说明",
    "record_notice": "调解笔录：确认语",
    "dispatch_notice": "交办单：办理要求",
    "supervision_notice": "督办单：督办要求",
    "followup_notice": "回访记录：结语",
}
# The names a template may use in braces, with a sample value each: a text is checked by formatting it with
# them.
PLACEHOLDERS: dict[str, object] = {"township": "", "village": "", "committee": "", "copies": 0}
LONGEST = 2000


def default_templates() -> dict[str, str]:
    defaults = json.loads(paths.reference("document_templates.json").read_text("utf-8"))
    return {key: str(defaults[key]) for key in TEMPLATE_LABELS}


def templates(session: Session) -> dict[str, str]:
    own = config_value(session, "document_templates") or {}
    return {
        **default_templates(),
        **{k: v for k, v in own.items() if isinstance(v, str) and k in TEMPLATE_LABELS},
    }


def read_templates(ws: Workspace) -> dict[str, str]:
    with ws.read() as s:
        return templates(s)


def save_templates(ws: Workspace, values: dict[str, str]) -> Changed:
    """The township's own wording, kept in the synced configuration; each text is checked for the names it may
    use in braces ({township} {village} {committee} {copies})."""
    issues = []
    for key, text in values.items():
        if key not in TEMPLATE_LABELS or not isinstance(text, str):
            issues.append(Issue(msg("文书模板"), msg("未知的模板项“{0}”", key)))
            continue
        if len(text) > LONGEST:
            issues.append(Issue(msg(TEMPLATE_LABELS[key]), msg("最多2000个字符")))
        try:
            text.format(**PLACEHOLDERS)
        except (KeyError, IndexError, ValueError) as exc:
            wanted = msg("花括号中只能是 {{township}}、{{village}}、{{committee}} 或 {{copies}}（{0}）", exc)
            issues.append(Issue(msg(TEMPLATE_LABELS[key]), wanted))
    if issues:
        raise ValidationFailed(issues)
    defaults = default_templates()
    return setup.configure(ws, "document_templates", {k: v for k, v in values.items() if v != defaults[k]})
