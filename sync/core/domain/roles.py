"""Roles of the people who use Fengqiao, and the plain permissions that are not lifecycle steps."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from sync.core.domain.messages import msg


class Role(StrEnum):
    GRID_WORKER = "grid_worker"
    GRID_LEADER = "grid_leader"  # 网格长: over several grids and their grid workers
    HOUSEHOLD_HEAD = "household_head"  # 联户长: ten or so households, whose visits and reports are theirs
    MEDIATOR = "mediator"
    PLATFORM = "platform"
    SUPERVISOR = "supervisor"
    LEADER = "leader"
    ADMIN = "admin"
    AUDITOR = "auditor"


ROLE_LABELS = {
    Role.GRID_WORKER: "网格员",
    Role.GRID_LEADER: "网格长",
    Role.HOUSEHOLD_HEAD: "联户长",
    Role.MEDIATOR: "调解员",
    Role.PLATFORM: "平台办公室",
    Role.SUPERVISOR: "督考办",
    Role.LEADER: "领导",
    Role.ADMIN: "管理员",
    Role.AUDITOR: "审计员",
}


class Permission(StrEnum):
    MANAGE_ACCOUNTS = "manage_accounts"
    CONFIGURE = "configure"
    EDIT_RESIDENTS = "edit_residents"
    VIEW_RESIDENTS = "view_residents"
    LOG_VISIT = "log_visit"
    REVEAL_PERSONAL = "reveal_personal"  # show an unmasked ID number or phone; always audited
    EXPORT_UNMASKED = "export_unmasked"
    EXPORT_LEDGER = "export_ledger"
    READ_AUDIT = "read_audit"
    VIEW_MATTERS = "view_matters"
    CLOSE_PERIOD = "close_period"  # 月结: publish a month's figures, fixed from then on
    BACKUP = "backup"  # make an encrypted backup of this laptop, and restore one (on this or another laptop)
    MARK_ASSESSMENT = "mark_assessment"  # 督考办: 亮点工作赋分, 通报 and 约谈 recorded against a unit


_WORK_ROLES = {
    Role.HOUSEHOLD_HEAD,
    Role.GRID_WORKER,
    Role.GRID_LEADER,
    Role.MEDIATOR,
    Role.PLATFORM,
    Role.SUPERVISOR,
    Role.LEADER,
}
_GRID = {Role.GRID_WORKER, Role.GRID_LEADER}

GRANTS: dict[Permission, set[Role]] = {
    # The admin manages accounts and configuration but is not the auditor, and reads no residents' data.
    Permission.MANAGE_ACCOUNTS: {Role.ADMIN},
    Permission.CONFIGURE: {Role.ADMIN, Role.PLATFORM},
    Permission.EDIT_RESIDENTS: {*_GRID, Role.PLATFORM},
    Permission.VIEW_RESIDENTS: _WORK_ROLES,
    Permission.LOG_VISIT: {*_GRID, Role.HOUSEHOLD_HEAD, Role.MEDIATOR, Role.PLATFORM},
    Permission.REVEAL_PERSONAL: {*_GRID, Role.MEDIATOR, Role.PLATFORM, Role.LEADER},
    Permission.EXPORT_UNMASKED: {Role.PLATFORM, Role.LEADER},
    Permission.EXPORT_LEDGER: {Role.GRID_LEADER, Role.PLATFORM, Role.SUPERVISOR, Role.LEADER},
    Permission.READ_AUDIT: {Role.AUDITOR},
    Permission.VIEW_MATTERS: _WORK_ROLES,
    Permission.CLOSE_PERIOD: {Role.PLATFORM},
    # Those who keep records on a laptop; oversight roles read, and need no backups of their own.
    Permission.BACKUP: {*_GRID, Role.HOUSEHOLD_HEAD, Role.MEDIATOR, Role.PLATFORM, Role.ADMIN},
    # seed 004: the 督考办 scores 亮点工作 by hand beside the formula, and 通报 / 约谈 the units behind
    Permission.MARK_ASSESSMENT: {Role.SUPERVISOR},
}

PERMISSION_LABELS = {
    Permission.MANAGE_ACCOUNTS: "管理账号",
    Permission.CONFIGURE: "修改配置",
    Permission.EDIT_RESIDENTS: "登记和修改住户",
    Permission.VIEW_RESIDENTS: "查看住户",
    Permission.LOG_VISIT: "登记走访",
    Permission.REVEAL_PERSONAL: "查看完整身份证号和电话",
    Permission.EXPORT_UNMASKED: "导出未脱敏数据",
    Permission.EXPORT_LEDGER: "导出台账",
    Permission.READ_AUDIT: "查阅审计日志",
    Permission.VIEW_MATTERS: "查看矛盾纠纷",
    Permission.CLOSE_PERIOD: "月结（发布当月考核数据）",
    Permission.BACKUP: "备份和恢复本机数据",
    Permission.MARK_ASSESSMENT: "亮点工作赋分、通报和约谈",
}


def parse_roles(text: str) -> set[Role]:
    """'grid_worker,mediator' → {Role.GRID_WORKER, Role.MEDIATOR}; unknown names are a clear error."""
    roles = set()
    for name in filter(None, (part.strip() for part in (text or "").split(","))):
        try:
            roles.add(Role(name))
        except ValueError:
            raise ValueError(
                msg("未知角色“{0}”（可选：{1}）", name, ", ".join(r.value for r in Role))
            ) from None
    return roles


def may(roles: set[Role], permission: Permission) -> bool:
    return bool(roles & GRANTS[permission])


COUNTY_CENTRE = "县综治中心"


def shown_name(display_name: str | None, username: str, county: bool, roles: Iterable[Role]) -> str:
    """The name a step, a 督办 or a sender shows: the account's own name; a county account given none (its
    username stood in for it) shows as 县综治中心 with its roles, never as a login name (review)."""
    if display_name and not (county and display_name == username):
        return display_name
    if not county:
        return username
    held = set(roles)
    named = "、".join(ROLE_LABELS[r] for r in Role if r in held)
    return f"{COUNTY_CENTRE}（{named}）" if named else COUNTY_CENTRE
