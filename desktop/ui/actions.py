"""One dialog per lifecycle step, built from a short description of its fields, each calling its use case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.services import steps
from desktop.services.errors import Issue
from desktop.services.matters import SIGNALS
from sync.core.domain import confirmation, linkage, mediation, supervision
from sync.core.domain.deadlines import GRADE_LABELS
from sync.core.domain.lifecycle import (
    LEVEL_CENTRES,
    LEVEL_LABELS,
    OUTCOME_LABELS,
    PETITION_OUTCOME_LABELS,
    SESSION_OUTCOME_LABELS,
    Action,
    action_label,
)
from sync.core.domain.risk import RISK_LABELS

from .forms import FormDialog
from .labels import label
from .plain import plain_label


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text / long / int / date / bool / choice
    choices: tuple = ()  # (value, label) pairs; for choice
    default: object = None
    also: tuple = ()  # other names a refusal may give the field (linkage's per-kind words)


def _text(k, label, long=False):
    return Field(k, label, "long" if long else "text")


def _choice(k, label, pairs):
    return Field(k, label, "choice", tuple(pairs))


RISKS = tuple(RISK_LABELS.items())
SESSION_KINDS = tuple((k, k) for k in mediation.SESSION_KINDS)


def fields_for(action: Action, places, kind: str | None = None) -> list[Field]:
    """The fields of a step's form: their keys are the names the step's use case takes (steps.STEPS); `kind`
    is the matter's (a petition closes with a petition's outcomes)."""
    outcomes = PETITION_OUTCOME_LABELS if kind == "petition" else OUTCOME_LABELS
    categories = [(c, c) for c in places.categories]
    grades = getattr(places, "grades", ()) or tuple(GRADE_LABELS.items())  # the township's own grade names
    handlers = handler_groups(places)
    return {
        Action.REGISTER: [
            Field("grade", "星级", "choice", grades),
            _choice("category", "类别", categories),
            _choice("risk", "风险等级", RISKS),
            _text("risk_reason", "降低风险等级的理由（低于信号所示时必填）", True),
            _text("note", "核实意见", True),
        ],
        Action.REJECT: [_text("reason", "不予立案的理由", True)],
        Action.MARK_REPEAT: [_text("primary_serial", "主工单编号"), _text("note", "说明")],
        Action.DISPATCH: [
            Field("handler", "承办单位或承办人", "grouped", handlers),
            _text("note", "交办意见", True),
        ],
        Action.PUBLISH: [_text("note", "说明")],
        Action.CLAIM: [_text("note", "说明")],
        Action.ACCEPT: [
            _text("note", "签收意见"),
            _text("received_by", "交办单回执签收人（收回回执时填写）"),
        ],
        Action.RETURN: [_text("reason", "回流理由", True)],
        Action.RECORD_SESSION: [
            Field("held_on", "调解日期", "date"),
            _choice("kind", "调解类型", SESSION_KINDS),
            _choice("outcome", "调解结果", SESSION_OUTCOME_LABELS.items()),
            _text("place", "地点"),
            _text("mediators", "调解人员"),
            _text("attendees", "参加人员"),
            _text("record", "调解记录", True),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.INVESTIGATE: [
            Field("held_on", "调查日期", "date"),
            _text("investigators", "调查人（单位、姓名）"),
            _text("place", "调查地点"),
            _text("subject", "调查事项"),
            _text("present", "被调查人或在场人"),
            _text("findings", "调查结果", True),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.RECORD_AGREEMENT: [
            _choice("form", "协议形式", [("written", "书面协议"), ("oral", "口头协议")]),
            _text("parties", "当事人", True),
            _text("facts", "主要事实、争议事项及各方责任", True),
            _text("terms", "达成的协议内容", True),
            _text("performance", "履行方式"),
            Field("perform_by", "履行期限", "date"),
            Field("signed_by_parties", "各方当事人已签名、盖章或按指印", "bool"),
            Field("signed_by_mediator", "调解员已签名", "bool"),
            Field("copies", "份数", "int", default=3),
        ],
        Action.ESCALATE: [_text("reason", "提级理由", True)],
        Action.REFER_DOWN: [
            _text("decision", "上级处理意见", True),
            Field("days", "落实期限（天）", "int", default=15),
        ],
        Action.ARCHIVE: [_text("note", "归档说明（卷宗号、存放位置）")],
        Action.REQUEST_EXTENSION: [
            Field("days", "延期天数", "int", default=5),
            _text("reason", "延期理由", True),
        ],
        Action.DECIDE_EXTENSION: [
            Field("approved", "同意延期", "bool", default=True),
            _text("note", "审批意见"),
            Field("told_petitioner", "已告知信访人延期理由（信访事项须告知）", "bool"),
        ],
        Action.SUPERVISE: [
            _text("note", "督办意见", True),
            _choice("level", "督办级别", [("", "按超期天数"), *((x, x) for x in supervision.LEVELS)]),
            Field("reply_days", "反馈时限（工作日，0为默认3个）", "int", default=3),
        ],
        Action.EXPLAIN_OVERDUE: [_text("note", "超期说明", True)],
        Action.REGRADE: [Field("grade", "星级", "choice", grades), _text("reason", "调整理由", True)],
        Action.TAKE_CHARGE: [_text("note", "包案说明")],
        Action.CLOSE: [
            _choice("outcome", "办结结果", outcomes.items()),
            _text("note", "办结情况", True),
            _text("legal_channels", "已告知的法律途径（未化解时必填）", True),
            _text("reply", "销号回复 / 信访书面答复意见（来自12345等工单或信访事项时必填）", True),
        ],
        Action.CHECK: [
            Field("passed", "核查通过，予以销号", "bool", default=True),
            _text("note", "核查意见", True),
        ],
        Action.FOLLOW_UP: [
            Field("on", "回访日期", "date"),
            _choice("satisfaction", "满意度", [(s, s) for s in mediation.SATISFACTION]),
            Field("performed", "协议已履行", "bool", default=True),
            Field("relapse", "发现反弹迹象", "bool"),
            _text("next_step", "下一步", True),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.REOPEN: [_text("reason", "恢复办理的理由", True)],
        Action.CONFIRM_RISK: [_text("note", "确认意见", True)],
        Action.FORWARD: [_text("organ", "转送机关"), _text("note", "转送说明", True)],
        Action.REQUEST_REVIEW: [
            Field("on", "复查申请日期", "date"),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.DECIDE_REVIEW: [
            Field("on", "复查意见日期", "date"),
            _text("opinion", "复查意见", True),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.REQUEST_RECHECK: [
            Field("on", "复核申请日期", "date"),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.DECIDE_RECHECK: [
            Field("on", "复核意见日期", "date"),
            _text("opinion", "复核意见", True),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.CONCLUDE: [_text("note", "终结说明", True)],
        Action.APPLY_CONFIRMATION: [
            _text("court", "受理的人民法院"),
            Field("on", "申请日期", "date"),
            _text("note", "说明"),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.DECIDE_CONFIRMATION: [
            _choice("result", "裁定结果", confirmation.RESULTS.items()),
            _text("court", "作出裁定的人民法院"),
            _text("document_no", "文书号（如（2026）鲁1324民特12号）"),
            Field("on", "裁定日期", "date"),
            _text("note", "说明"),
            _text("late_reason", "补录理由（日期早于3个工作日前时必填）", True),
        ],
        Action.CORRECT_FACTS: [
            Field("people_count", "涉及人数", "int"),
            Field("amount", "涉及金额（元）", "float"),
            Field("signals", "风险信号", "checks", tuple(SIGNALS.items())),
            _text("reason", "更正理由", True),
        ],
        Action.CHANGE_PLACE: [
            _choice("village_id", "村（社区）", [(v.id, v.name) for v in getattr(places, "villages", ())]),
            _choice(
                "grid_id",
                "网格",
                [(None, "（不指定）"), *((g.id, g.name) for g in getattr(places, "grids", ()))],
            ),
            _text("reason", "变更理由", True),
        ],
        Action.RECEIVE_REFERRAL: [
            _choice("kind", "联动类型", linkage.KIND_LABELS.items()),
            Field("number", "法院案号或接警编号", also=("法院案号", "接警编号")),
            Field("body", "移送法院或派出所", also=("移送法院", "委派法院", "移送派出所")),
            Field("received_on", "收到日期", "date"),
            # 诉前调解 runs 30 days unless the court says otherwise: the form starts there
            Field("due_on", "法院期限或反馈期限", "date", default=30, also=("法院期限", "反馈期限")),
            _text("note", "说明", True),
        ],
        Action.ANSWER_REFERRAL: [
            _choice("result", "调解结果", linkage.RESULT_LABELS.items()),
            Field("on", "反馈日期", "date"),
            _text("reply", "反馈意见（回复函、反馈单的正文）", True),
        ],
    }[action]


HANDLER_GROUPS = ("village_committee", "unit", "team", "person")  # 交办's groups, in the order offered


def handler_groups(places) -> tuple:
    """Who work can be sent to, grouped: village committees, units, teams, then people by name."""
    people = [("person", p.id, p.name) for p in places.people]
    orgs = [(p.parent_id, p.id, p.name) for p in places.orgs]
    return tuple(item for kind in HANDLER_GROUPS for item in orgs + people if item[0] == kind)


def starting_values(action: Action, detail, places=None) -> dict:
    """What a step's form starts from: what the matter already says (the risk and category its report was
    assessed with; for 交办, its own village's committee), never the form's own defaults."""
    if action == Action.DISPATCH and places is not None:
        village = next((v.id for v in places.villages if v.name == detail.village), None)
        committees = [o for o in places.orgs if o.parent_id == "village_committee"]
        committee = next((o.id for o in committees if o.village_id == village), None)
        return {"handler": committee} if village and committee else {}
    if action == Action.CORRECT_FACTS:  # the facts as they stand: the user changes what was wrong
        return {"people_count": detail.people_count, "amount": detail.amount, "signals": list(detail.signals)}
    if action == Action.DECIDE_CONFIRMATION:  # the court applied to
        return {"court": next((a.court for a in detail.agreements if a.court), "")}
    if action == Action.CLOSE and getattr(detail, "kind", None) == "petition":
        # a petition closes with its written reply: 调解成功 needs an agreement it seldom has (review)
        return {"outcome": "resolved"}
    if action in (Action.REGISTER, Action.REGRADE):
        known = {"risk": detail.risk, "category": detail.category, "grade": detail.grade}
        return {k: v for k, v in known.items() if v is not None}
    return {}


class ActionDialog(FormDialog):
    def __init__(
        self,
        ws,
        worker,
        matter_id: str,
        action: Action,
        places,
        parent=None,
        start=None,
        kind=None,
        escalate_to: str = "",
        refer_to: str = "",
    ):
        super().__init__(parent)
        self.ws, self.worker, self.matter_id, self.action = ws, worker, matter_id, action
        self.setWindowTitle(label(action_label(action, kind)))
        self.failure_title = self.tr("无法办理")
        self.widgets = {}
        for f in fields_for(action, places, kind):
            self.widgets[f.key] = (f, self.form.add(label(f.label), self._widget(f)))
            self.form.also_named(label(f.label), *(label(name) for name in f.also))
        self.lay_out(self.submit, label(action_label(action, kind)))
        # where 提级 and 交下级落实 send it and what this tier keeps; 交办 with nobody to send it to: where
        # to set them up (review, review 3)
        if action == Action.ESCALATE and escalate_to:
            self._note(self.escalation_note(escalate_to), "escalateNote")
        elif action == Action.REFER_DOWN and refer_to:
            self._note(self.referral_note(refer_to), "referNote")
        elif action == Action.DISPATCH and (hint := self.dispatch_hint(places)):
            self._note(hint, "dispatchHint", "#a33")
        for key, value in (start or {}).items():
            if key in self.widgets:
                self.set_value(key, value)
        self.resize(480, self.sizeHint().height())

    def _note(self, words: str, name: str, colour: str = "#444") -> None:
        """A line above the form saying what the step does or what it lacks."""
        note = plain_label(words)
        note.setObjectName(name)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {colour}")
        self.layout().insertWidget(0, note)

    def escalation_note(self, level: str) -> str:
        """提级's destination in words: the level and who receives it there, and what stays here."""
        where = label(LEVEL_LABELS.get(level, level))
        centre = label(LEVEL_CENTRES.get(level, ""))
        return self.tr(
            "提级后，事项报送{0}（{1}），由{1}办理。本级仍可查看此事项（只读），{0}的办理步骤会显示在流转记录中。"
        ).format(where, centre or where)

    def referral_note(self, level: str) -> str:
        """交下级落实's destination in words, and what the deadline given here means."""
        where = label(LEVEL_LABELS.get(level, level))
        return self.tr(
            "交下级落实后，事项交{0}办理，须在下面的落实期限内办结；本级仍可查看此事项，超期可以督办。"
        ).format(where)

    def dispatch_hint(self, places) -> str:
        """What to do when 交办 has no one to offer: the county before it set up its units (县直单位), or a
        township before its units, teams and people."""
        if self.ws.actor.scope.kind == "county" and not places.orgs:
            return self.tr(
                "县级还没有县直单位，无法交办。请先在“设置 → 单位与队伍”中添加县直单位"
                "（如县法院、县公安局、县信访局、县人社局），并把县级账号加为成员。"
            )
        if not handler_groups(places):
            return self.tr(
                "还没有可交办的单位、队伍或人员。请先在“设置 → 单位与队伍”中添加单位或队伍，"
                "或在“设置 → 账号”中添加人员。"
            )
        return ""

    def _widget(self, f: Field):
        if f.kind == "long":
            w = QPlainTextEdit()
            w.setFixedHeight(70)
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(0, 100000)
            w.setValue(f.default or 0)
        elif f.kind == "date":
            start = self.ws.now().date() + timedelta(days=f.default if isinstance(f.default, int) else 0)
            w = QDateEdit(QDate.fromString(start.isoformat(), "yyyy-MM-dd"))
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        elif f.kind == "bool":
            w = QCheckBox()
            w.setChecked(bool(f.default))
        elif f.kind == "float":
            w = QDoubleSpinBox()
            w.setRange(0, 1e12)
            w.setDecimals(2)
        elif f.kind == "checks":  # several may be ticked: a row of check boxes, their keys as data
            w = QWidget()
            row = QHBoxLayout(w)
            row.setContentsMargins(0, 0, 0, 0)
            w.boxes = {}
            for value, text in f.choices:
                w.boxes[value] = QCheckBox(label(text))
                row.addWidget(w.boxes[value])
        elif f.kind == "choice":
            w = QComboBox()
            for value, text in f.choices:
                w.addItem(label(text) if isinstance(text, str) else str(text), value)
        elif f.kind == "grouped":  # a heading per group, not choosable; nothing chosen until one is picked
            w = QComboBox()
            w.addItem(self.tr("（请选择）"), None)
            headings = {
                "village_committee": self.tr("村（居）委会"),
                "unit": self.tr("职能部门"),
                "team": self.tr("调解队伍"),
                "person": self.tr("个人"),
            }
            for group in dict.fromkeys(g for g, _, _ in f.choices):
                w.addItem(f"—— {headings.get(group, group)} ——", None)
                w.model().item(w.count() - 1).setEnabled(False)
                for g, value, text in f.choices:
                    if g == group:
                        w.addItem(f"    {text}", value)
        else:
            w = QLineEdit()
        return w

    def values(self) -> dict:
        result = {}
        for key, (f, w) in self.widgets.items():
            if f.kind == "long":
                result[key] = w.toPlainText().strip()
            elif f.kind == "int":
                result[key] = w.value()
            elif f.kind == "date":
                result[key] = date.fromisoformat(w.date().toString("yyyy-MM-dd"))
            elif f.kind == "bool":
                result[key] = w.isChecked()
            elif f.kind == "float":
                result[key] = w.value()
            elif f.kind == "checks":
                result[key] = [k for k, box in w.boxes.items() if box.isChecked()]
            elif f.kind in ("choice", "grouped"):
                result[key] = w.currentData()
            else:
                result[key] = w.text().strip()
        return result

    def set_value(self, key: str, value) -> None:
        """For tests and pre-filling: set a field the way a user would."""
        f, w = self.widgets[key]
        if f.kind in ("choice", "grouped"):
            if (
                index := w.findData(value)
            ) >= 0:  # a value the form does not offer leaves the choice as it was
                w.setCurrentIndex(index)
        elif f.kind == "bool":
            w.setChecked(bool(value))
        elif f.kind == "checks":
            for k, box in w.boxes.items():
                box.setChecked(k in value)
        elif f.kind == "float":
            w.setValue(float(value))
        elif f.kind == "int":
            w.setValue(int(value))
        elif f.kind == "long":
            w.setPlainText(str(value))
        elif f.kind == "date":
            w.setDate(QDate.fromString(value.isoformat(), "yyyy-MM-dd"))
        else:
            w.setText(str(value))

    def submit(self) -> None:
        v = self.values()
        unchosen = [f for f, _ in self.widgets.values() if f.kind == "grouped" and v[f.key] is None]
        if unchosen:  # nothing is preselected there but the matter's own committee: a choice is asked for
            self.form.show_issues([Issue(label(f.label), self.tr("请选择")) for f in unchosen])
            return
        self.worker.submit(
            lambda: steps.take(self.ws, self.matter_id, self.action, v),
            lambda _: self.accept(),
            self.show_failure,
        )


def amendment_start(agreement) -> dict:
    """变更协议 starts from the signed terms (an AgreementLine); the signatures start empty: the parties
    and the mediator sign the changed agreement anew."""
    return {
        "form": agreement.form,
        "parties": agreement.parties,
        "facts": agreement.facts,
        "terms": agreement.terms,
        "performance": agreement.performance,
        **({"perform_by": agreement.perform_by} if agreement.perform_by else {}),
        "copies": agreement.copies or 3,
        "signed_by_parties": False,
        "signed_by_mediator": False,
    }


class AmendAgreementDialog(ActionDialog):
    """变更协议: the fields of 记录协议, filled with the signed agreement's terms; saved as a new agreement
    that replaces it (`steps.amend_agreement`), the old one kept as signed. A refusal keeps what was typed."""

    def __init__(self, ws, worker, matter_id: str, agreement, places, parent=None):
        super().__init__(
            ws, worker, matter_id, Action.RECORD_AGREEMENT, places, parent, start=amendment_start(agreement)
        )
        self.replaces_id = agreement.id
        self.setWindowTitle(self.tr("变更协议"))
        self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("变更协议")
        )

    def submit(self) -> None:
        data = steps.AgreementInput(**self.values())
        self.worker.submit(
            lambda: steps.amend_agreement(self.ws, self.matter_id, self.replaces_id, data),
            lambda _: self.accept(),
            self.show_failure,
        )
