"""An audit entry in an auditor's words: the action in Chinese (登记立案, 新增账号, 月结 …), who by the name
they go by, the record named the way a person knows it (a matter by its serial and title, a household by its
户号 and head, an account by its name), and what changed as "字段: 旧 → 新" lines with field labels. Read-only
lookups in the caller's session; an id nothing here knows is shown as it is."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Account,
    AuditEntry,
    Division,
    Grid,
    Household,
    Matter,
    Org,
    Party,
    Person,
    Visit,
)
from sync.core.domain import periods as period_rules
from sync.core.domain.lifecycle import ACTION_LABELS, STATUS_LABELS, Action, Status
from sync.core.domain.messages import msg
from sync.core.domain.roles import ROLE_LABELS, Role

ACTIONS = {
    "database.create": "建立本机数据库",
    "login": "登录",
    "logout": "退出",
    "village.add": "新增村（社区）",
    "village.rename": "村（社区）改名",
    "village.remove": "删除村（社区）",
    "grid.add": "新增网格",
    "grid.rename": "网格改名",
    "grid.remove": "删除网格",
    "org.add": "新增单位",
    "org.members": "设置单位成员",
    "account.add": "新增账号",
    "account.edit": "修改账号",
    "account.disable": "停用账号",
    "account.reset_password": "重置密码",
    "config.set": "修改配置",
    "calendar.set": "设置节假日",
    "household.add": "新增住户",
    "household.edit": "修改住户",
    "person.add": "新增人员",
    "person.edit": "修改人员",
    "person.open_for_edit": "打开人员信息（含完整证件号）",
    "person.reveal": "查看完整身份证号",
    "person.merge": "合并重复人员",
    "person.move": "人员迁户",
    "person.remove": "注销人员",
    "roster.import": "导入花名册",
    "visit.log": "记录走访",
    "matter.report": "上报事项",
    "matter.party": "修改当事人",
    "matter.party.open_for_edit": "打开当事人信息（含完整证件号）",
    "matter.link": "关联事项",
    "attachment.add": "添加附件",
    "assessment.mark": "考核记录（亮点、通报、约谈）",
    "period.close": "月结",
    "report.assessment": "导出考核报表",
    "ledger.export": "导出台账",
    "backup.make": "备份",
    "sync.run": "同步",
    "sync.set_server": "设置同步服务器",
    "sync.export_bundle": "导出离线同步包",
    "sync.import_bundle": "导入离线同步包",
    "sync.resolve_conflict": "处理同步冲突",
    "document.make": "制作文书",
    "key_person.plan": "制定稳控方案",
    "key_person.end": "解除重点人员列管",
    "key_person.contact": "记录重点人员走访",
    "org.committee": "设置调解委员会名称",
    "patrol.log": "记录巡查",
}

FIELDS = {
    "status": "状态",
    "roles": "角色",
    "display_name": "姓名",
    "scope_kind": "管辖范围",
    "scope_ids": "管辖地",
    "org_id": "所属单位",
    "disabled": "停用",
    "phone": "电话",
    "on_server": "在服务器上",
    "kind": "类别",
    "month": "月份",
    "points": "加分",
    "filename": "文件名",
    "sha256": "文件摘要",
    "years": "年份",
    "moved": "调整的期限",
    "dropped": "并入的人员",
    "name": "姓名",
    "household_id": "住户",
    "from": "原住户",
    "parties_moved": "转移的当事人记录",
    "warnings": "提示",
    "reason": "理由",
    "key": "配置项",
    "value": "值",
    "usernames": "成员",
    "pushed": "上传",
    "pulled": "下载",
    "choice": "选择",
    "other": "关联事项",
    "automatic": "自动月结",
}
SCOPES = {"township": "全镇", "village": "村（社区）", "grid": "网格", "household": "联户"}
IDS = {"household_id", "from", "other", "dropped", "org_id"}  # values that are another record's id


class Words:
    """Names looked up once per page of entries."""

    def __init__(self, s: Session):
        self.s = s
        self._accounts: dict[str, str] | None = None

    # ------------------------------------------------------------------------------------------ who

    def account(self, username: str) -> str:
        if self._accounts is None:
            self._accounts = dict(self.s.execute(select(Account.username, Account.display_name)).all())
        name = self._accounts.get(username)
        return f"{name}（{username}）" if name and name != username else username

    # ------------------------------------------------------------------------------------------ what

    @staticmethod
    def action(action: str) -> str:
        if action in ACTIONS:
            return msg(ACTIONS[action])
        kind, _, step = action.partition(".")
        if kind == "matter" and step in set(Action):
            return msg(ACTION_LABELS[Action(step)])
        return action

    # ------------------------------------------------------------------------------------------ on what

    def target(self, action: str, target: str) -> str:
        if not target:
            return ""
        kind = action.partition(".")[0]
        if action == "period.close":
            try:
                return period_rules.label(target)
            except ValueError:
                return target
        if kind == "account":
            return self.account(target)
        return self.record(target) or target

    def record(self, ident: str) -> str | None:
        """Whatever record the id is, named the way a person knows it; None for no record here."""
        ident = str(ident)
        for prefix in ("account:", "org:"):
            if ident.startswith(prefix):
                return self._account_or_org(prefix[:-1], ident[len(prefix) :])
        if len(ident) != 36:
            return None
        if matter := self.s.get(Matter, ident):
            return f"{matter.serial} {matter.title}"
        if household := self.s.get(Household, ident):
            return self._household(household)
        if person := self.s.get(Person, ident):
            return msg("{0}（人员）", person.name)
        if party := self.s.get(Party, ident):
            matter = self.s.get(Matter, party.matter_id)
            return msg("{0}（{1} 的当事人）", party.name, matter.serial if matter else party.matter_id)
        if visit := self.s.get(Visit, ident):
            household = self.s.get(Household, visit.household_id) if visit.household_id else None
            return msg("走访 {0}", self._household(household) if household else visit.household_id or "")
        for model in (Org, Division, Grid):
            if row := self.s.get(model, ident):
                return str(getattr(row, "name", ident))
        if account := self.s.get(Account, ident):
            return self.account(account.username)
        return None

    def _household(self, household: Household) -> str:
        head = self.s.get(Person, household.head_id) if household.head_id else None
        return msg("户号 {0}（户主 {1}）", household.number, head.name if head else msg("未填"))

    def _account_or_org(self, kind: str, ident: str) -> str:
        if kind == "org":
            org = self.s.get(Org, ident)
            return org.name if org else ident
        account = self.s.get(Account, ident)
        return self.account(account.username) if account else ident

    # ------------------------------------------------------------------------------------------ the change

    def statuses_before(self, entries: list[AuditEntry]) -> dict[int, str]:
        """For each step on a matter, the status the matter had before it: the status the previous entry
        about the same matter recorded (steps record the status they lead to)."""
        targets = {
            e.target for e in entries if e.action.startswith("matter.") and "status" in (e.detail or {})
        }
        if not targets:
            return {}
        earlier: dict[str, list[tuple[int, str]]] = {}
        for seq, target, detail in self.s.execute(
            select(AuditEntry.seq, AuditEntry.target, AuditEntry.detail)
            .where(AuditEntry.target.in_(targets), AuditEntry.action.like("matter.%"))
            .order_by(AuditEntry.seq)
        ):
            if isinstance(detail, dict) and "status" in detail:
                earlier.setdefault(target, []).append((seq, str(detail["status"])))
        before: dict[int, str] = {}
        for e in entries:
            previous = [status for seq, status in earlier.get(e.target, []) if seq < e.seq]
            if previous:
                before[e.seq] = previous[-1]
            elif e.action != "matter.report" and "status" in (e.detail or {}):
                before[e.seq] = Status.REPORTED.value if e.action == "matter.registered" else ""
        return before

    def changes(
        self, action: str, detail: dict[str, Any], status_before: str | None = None
    ) -> tuple[str, ...]:
        """The entry's detail as "字段: 旧 → 新" lines ("字段: 新" where the old value was not recorded)."""
        lines = []
        for key, value in detail.items():
            if key == "serial":
                continue  # the matter is named by it already
            label = msg(FIELDS[key]) if key in FIELDS else key
            new = self.value(key, value)
            old = None
            if key == "status" and status_before:
                old = self.value(key, status_before)
            if action == "person.move" and key == "from":
                continue  # shown as the old value of the household below
            if action == "person.move" and key == "household_id" and "from" in detail:
                old = self.value("from", detail["from"])
            lines.append(f"{label}: {old} → {new}" if old is not None else f"{label}: {new}")
        return tuple(lines)

    def value(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return msg("（空）")
        if isinstance(value, bool):
            return msg("是") if value else msg("否")
        if key == "status" and value in set(Status):
            return msg(STATUS_LABELS.get(Status(value), value))
        if key == "roles" and isinstance(value, list | tuple):
            return "、".join(msg(ROLE_LABELS[Role(r)]) if r in set(Role) else str(r) for r in value)
        if key == "scope_kind":
            return msg(SCOPES.get(str(value), str(value)))
        if key in IDS or key == "scope_ids":
            items = value if isinstance(value, list | tuple) else [value]
            return "、".join(self.record(str(i)) or str(i) for i in items)
        if isinstance(value, list | tuple):
            return "、".join(map(str, value))
        if isinstance(value, dict):
            return "，".join(f"{FIELDS.get(k, k)} {self.value(k, v)}" for k, v in value.items())
        return str(value)
