"""The wording of the township's papers: `resources/reference/document_templates.json`, overridden item by
item by the synced configuration `document_templates`; read, checked and saved here."""

from __future__ import annotations

import json
import logging
import re

from sqlalchemy.orm import Session

from desktop import paths
from sync.core.domain.issues import Issue
from sync.core.domain.messages import Message, msg

from .. import setup
from ..context import Changed, Workspace, config_value
from ..errors import ValidationFailed

log = logging.getLogger(__name__)

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
    "retention_1": "卷宗保管期限：一星事项",
    "retention_2": "卷宗保管期限：二星事项",
    "retention_3": "卷宗保管期限：三星事项",
    "petition_office": "信访文书：出具机关",
    "petition_accepted_notice": "受理告知书：办理期限告知",
    "petition_not_accepted_notice": "不予受理告知书：告知语",
    "petition_forwarded_notice": "转送告知书：告知语",
    "petition_reply_notice": "书面答复意见书：复查告知",
    "petition_review_notice": "复查意见书：复核告知",
    "petition_recheck_notice": "复核意见书：终结告知",
}
# The names a template may use in braces, by template: a committee's name is made from the township's and the
# village's, and only the agreement's copies line has a number of copies. Anything else in braces, an
# attribute (`{township.__class__}`) or an index (`{x[0]}`) included, is refused where a template is saved and
# where one is read from the synced configuration: a template is data, never code, so it is filled by `fill`
# below and never by str.format.
NAMES = ("township", "village", "committee")
ALLOWED: dict[str, tuple[str, ...]] = {
    "committee": ("township", "village"),
    "township_committee": ("township", "village"),
    "agreement_copies": (*NAMES, "copies"),
}
LONGEST = 2000
# `{{` and `}}` are literal braces; `{name}` is a placeholder; a lone brace is just a character.
_BRACED = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def allowed(key: str) -> tuple[str, ...]:
    return ALLOWED.get(key, NAMES)


def unknown_names(key: str, text: str) -> list[str]:
    """What this template names in braces that it may not use, in the order written."""
    permitted = allowed(key)
    return [
        m.group(1) for m in _BRACED.finditer(text) if m.group(1) is not None and m.group(1) not in permitted
    ]


def fill(text: str, values: dict[str, object]) -> str:
    """The template with its placeholders replaced by the values named; nothing in it is evaluated, and a
    brace that is not a placeholder is printed as it stands."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return m.group(0)[0]  # {{ or }}
        name = m.group(1)
        return str(values[name]) if name in values else m.group(0)

    return _BRACED.sub(one, text)


def _refusal(key: str, name: str) -> Message:
    names = "、".join("{" + n + "}" for n in allowed(key))
    return msg("花括号中的“{{{0}}}”不能用：这一项只能用 {1}", name, names)


def default_templates() -> dict[str, str]:
    defaults = json.loads(paths.reference("document_templates.json").read_text("utf-8"))
    return {key: str(defaults[key]) for key in TEMPLATE_LABELS}


def templates(session: Session) -> dict[str, str]:
    return checked_templates(session)[0]


def checked_templates(session: Session) -> tuple[dict[str, str], list[Message]]:
    """The wording to print with, and what was wrong with the synced configuration's: a template that names
    what it may not use (pushed by another device, or saved before this check) is replaced by the default
    wording, and the reason is returned for the paper to show."""
    own = config_value(session, "document_templates") or {}
    wording, notices = default_templates(), []
    for key, text in own.items() if isinstance(own, dict) else ():
        if key not in TEMPLATE_LABELS or not isinstance(text, str):
            continue
        if bad := unknown_names(key, text):
            notices.append(
                msg("文书模板“{0}”已改用默认措辞（{1}）", msg(TEMPLATE_LABELS[key]), _refusal(key, bad[0]))
            )
            log.warning("document template %s refused: it names {%s}", key, bad[0])
            continue
        wording[key] = text
    return wording, notices


def read_templates(ws: Workspace) -> dict[str, str]:
    with ws.read() as s:
        return templates(s)


def template_notices(ws: Workspace) -> list[Message]:
    """Which of the synced templates are not used, and why (the settings page shows it beside them)."""
    with ws.read() as s:
        return checked_templates(s)[1]


def save_templates(ws: Workspace, values: dict[str, str]) -> Changed:
    """The township's own wording, kept in the synced configuration; each text is checked for the names it may
    use in braces (`allowed`), each one named in the refusal."""
    issues = []
    for key, text in values.items():
        if key not in TEMPLATE_LABELS or not isinstance(text, str):
            issues.append(Issue(msg("文书模板"), msg("未知的模板项“{0}”", key)))
            continue
        if len(text) > LONGEST:
            issues.append(Issue(msg(TEMPLATE_LABELS[key]), msg("最多2000个字符")))
        issues += [Issue(msg(TEMPLATE_LABELS[key]), _refusal(key, name)) for name in unknown_names(key, text)]
    if issues:
        raise ValidationFailed(issues)
    defaults = default_templates()
    return setup.configure(ws, "document_templates", {k: v for k, v in values.items() if v != defaults[k]})
