"""Setting up a township: the database itself, villages, grids, units and teams, and configuration."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import paths
from desktop.store.database import Database
from desktop.store.keyslots import KdfParams, keyfile_for
from desktop.store.models import Account, Division, Grid, Household, Matter, Org, SyncState
from sync.core.domain.deadlines import DeadlinePolicy
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission, Role
from sync.core.domain.scope import Scope
from sync.core.domain.text import check_place_name

from . import audit
from .context import Actor, Changed, Workspace, config_value, set_config
from .errors import Issue, NotFound, ServiceError, ValidationFailed

ADMIN = "admin"


def check_division_code(code: str | None, level: str) -> str | None:
    """12 digits: 1–6 county, 7–9 township, 10–12 village. None and '' mean "not known yet"."""
    if not code:
        return None
    if not re.fullmatch(r"\d{12}", code):
        raise ServiceError(msg("区划代码“{0}”应为12位数字", code))
    if level == "township" and code[9:] != "000":
        raise ServiceError(msg("乡镇的区划代码“{0}”末三位应为000", code))
    if level == "village" and code[9:] == "000":
        raise ServiceError(msg("村（社区）的区划代码“{0}”末三位不应为000", code))
    return code


def create_township(
    path: Path,
    township: str,
    admin_password: str,
    *,
    division_code: str | None = None,
    short_name: str | None = None,
    kdf: KdfParams | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> Workspace:
    """A new encrypted database holding one township and its `admin` account (admin and platform office)."""
    township = (township or "").strip()
    if problems := check_place_name(township, "乡镇名称"):
        raise ValidationFailed(problems)
    if len(admin_password or "") < 8:
        raise ServiceError(msg("管理员密码至少8个字符"))
    code = check_division_code(division_code, "township")
    db = Database.create(path, ADMIN, admin_password, kdf)
    device_id = str(uuid.uuid4())
    now = clock().replace(microsecond=0)
    admin = Account(
        username=ADMIN, display_name="管理员", roles=f"{Role.ADMIN},{Role.PLATFORM}", created_at=now
    )
    with db.writing(device_id=device_id, now=now) as s:
        s.add(SyncState(key="device_id", value=device_id))
        s.add(admin)
        s.flush()
        s.info["actor_id"] = admin.id
        short = short_name or re.sub(r"(镇|乡|街道|办事处)$", "", township)[:4] or township[:2]
        s.add(Division(name=township, level="township", code=code, short_name=short))
        set_config(s, "deadline_policy", DeadlinePolicy.default().to_config())
        set_config(
            s, "categories", json.loads(paths.reference("categories.json").read_text("utf-8"))["categories"]
        )
        set_config(s, "channels", json.loads(paths.reference("channels.json").read_text("utf-8"))["channels"])
        audit.record(s, account=ADMIN, device=device_id, action="database.create", target=township, at=now)
    actor = Actor(admin.id, ADMIN, admin.display_name, frozenset({Role.ADMIN, Role.PLATFORM}), Scope())
    key = db.keyfile.unlock(ADMIN, admin_password)
    return Workspace(db, actor, key, device_id, clock=clock)


def remove_database(path: Path) -> None:
    """Delete a database this run created and gave up on, with its journal files and key slots."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"), keyfile_for(path)):
        file.unlink(missing_ok=True)


def township(ws: Workspace) -> Division:
    with ws.read() as s:
        found = s.execute(
            select(Division).where(Division.level == "township", Division.deleted.is_(False))
        ).scalar()
    if found is None:
        raise NotFound(msg("数据库中没有乡镇"))
    return found


def add_village(ws: Workspace, name: str, division_code: str | None = None) -> Changed:
    ws.require(Permission.CONFIGURE)
    if problems := check_place_name(name, "村（社区）名称"):
        raise ValidationFailed(problems)
    parent = township(ws)
    code = check_division_code(division_code, "village")
    with ws.tx("village.add", name.strip()) as tx:
        if tx.session.execute(
            select(Division).where(Division.name == name.strip(), Division.level == "village")
        ).first():
            raise ServiceError(msg("村（社区）“{0}”已存在", name))
        village = Division(name=name.strip(), level="village", code=code, parent_id=parent.id)
        tx.session.add(village)
        tx.session.flush()
    return Changed("divisions", (village.id,), "add")


def add_village_with_committee(
    ws: Workspace, name: str, division_code: str | None = None, committee: str = ""
) -> Changed:
    """A village (社区) and its people's mediation committee, which the village's matters are sent to first
    and whose name its papers carry: both, or neither. The committee is named after the village if not
    given."""
    ws.require(Permission.CONFIGURE)
    problems = check_place_name(name, msg("村（社区）名称"))
    committee = committee.strip() or f"{(name or '').strip()}人民调解委员会"
    problems += check_place_name(committee, msg("调解委员会名称"))
    if problems:
        raise ValidationFailed(problems)
    parent = township(ws)
    code = check_division_code(division_code, "village")
    with ws.tx("village.add", name.strip()) as tx:
        if tx.session.execute(
            select(Division).where(
                Division.name == name.strip(), Division.level == "village", Division.deleted.is_(False)
            )
        ).first():
            raise ValidationFailed([Issue(msg("村（社区）名称"), msg("村（社区）“{0}”已存在", name.strip()))])
        village = Division(name=name.strip(), level="village", code=code, parent_id=parent.id)
        tx.session.add(village)
        tx.session.flush()
        org = Org(kind="village_committee", name=committee, level="village", village_id=village.id)
        tx.session.add(org)
        tx.session.flush()
    return Changed("divisions", (village.id,), "add", also=("orgs",))


def add_grid(ws: Workspace, village_id: str, name: str, worker_id: str | None = None) -> Changed:
    ws.require(Permission.CONFIGURE)
    if problems := check_place_name(name, "网格名称"):
        raise ValidationFailed(problems)
    with ws.tx("grid.add", name.strip()) as tx:
        if tx.session.get(Division, village_id) is None:
            raise NotFound(msg("找不到该村（社区）"))
        grid = Grid(village_id=village_id, name=name.strip(), worker_id=worker_id)
        tx.session.add(grid)
        tx.session.flush()
    return Changed("grids", (grid.id,), "add")


ORG_KINDS = {"village_committee": "村（居）委会", "unit": "职能部门", "team": "调解队伍"}


def add_org(
    ws: Workspace,
    kind: str,
    name: str,
    *,
    level: str = "township",
    village_id: str | None = None,
    members: list[str] | tuple[str, ...] = (),
) -> Changed:
    """A unit or team, with its members (accounts) if given: all of it, or nothing."""
    ws.require(Permission.CONFIGURE)
    if members:
        ws.require(Permission.MANAGE_ACCOUNTS)
    if kind not in ORG_KINDS:
        raise ServiceError(msg("单位类型应为 {0} 之一", ", ".join(ORG_KINDS)))
    if ws.actor.scope.kind == "county":  # the county's own units (法院, 公安局, 信访局 …): of the county
        level, village_id = "county", None
    if problems := check_place_name(name, "单位名称"):
        raise ValidationFailed(problems)
    with ws.tx("org.add", name.strip()) as tx:
        twin = select(Org.id).where(Org.kind == kind, Org.name == name.strip(), Org.deleted.is_(False))
        if tx.session.execute(twin).first():
            raise ValidationFailed(
                [Issue(msg("单位名称"), msg("已有名为“{0}”的{1}", name.strip(), ORG_KINDS[kind]))]
            )
        org = Org(kind=kind, name=name.strip(), level=level, village_id=village_id)
        tx.session.add(org)
        tx.session.flush()
        _join(tx.session, org, list(members))
    return Changed("orgs", (org.id,), "add", also=("accounts",) if members else ())


@dataclass(frozen=True)
class OrgLine:
    id: str
    kind: str
    name: str
    level: str
    members: tuple[str, ...]  # usernames
    village_id: str | None = None  # a village committee's village
    member_names: tuple[str, ...] = ()  # the members' names (display names), as the window lists them


def list_orgs(ws: Workspace, kind: str | None = None) -> list[OrgLine]:
    """Units and teams that receive dispatched work, with their members."""
    with ws.read() as s:
        query = select(Org).where(Org.deleted.is_(False)).order_by(Org.kind, Org.name)
        orgs = s.scalars(query.where(Org.kind == kind) if kind else query).all()
        members: dict[str, list[tuple[str, str]]] = {}
        for username, name, org_id in s.execute(
            select(Account.username, Account.display_name, Account.org_id).where(
                Account.deleted.is_(False), Account.org_id.is_not(None)
            )
        ):
            members.setdefault(org_id, []).append((username, name or username))
        return [
            OrgLine(
                o.id,
                o.kind,
                o.name,
                o.level,
                tuple(sorted(u for u, _ in members.get(o.id, []))),
                o.village_id,
                tuple(n for _, n in sorted(members.get(o.id, []))),
            )
            for o in orgs
        ]


def add_members(ws: Workspace, org_id: str, usernames: list[str]) -> Changed:
    """Accounts join a unit or team: work dispatched to it is theirs to accept, their claims count for it.
    The county's platform staffs the county's own units with the county's accounts (the server's rule:
    sync.server.county); a township's are its administrator's to staff."""
    county = ws.actor.scope.kind == "county"
    ws.require(Permission.CONFIGURE if county else Permission.MANAGE_ACCOUNTS)
    with ws.tx("org.members", org_id, usernames=usernames) as tx:
        org = tx.session.get(Org, org_id)
        if org is None or org.deleted:
            raise NotFound(msg("找不到该单位"))
        if county:
            _county_members(tx.session, org, usernames)
        joined = _join(tx.session, org, usernames)
    return Changed("accounts", joined, "join", also=("orgs",))


def _county_members(session: Session, org: Org, usernames: list[str]) -> None:
    if org.level != "county":
        wrong = msg("县级只能给县级单位添加成员，“{0}”是乡镇的", org.name)
        raise ValidationFailed([Issue(msg("单位"), wrong)])
    township = session.scalars(
        select(Account.username).where(Account.username.in_(usernames), Account.scope_kind != "county")
    ).all()
    if township:
        raise ValidationFailed(
            [Issue(msg("成员"), msg("只能添加县级账号，这些是乡镇的：{0}", "、".join(sorted(township))))]
        )


def _join(session: Session, org: Org, usernames: list[str]) -> tuple[str, ...]:
    found = {a.username: a for a in session.scalars(select(Account).where(Account.username.in_(usernames)))}
    if missing := [u for u in usernames if u not in found]:
        # an account made on the server (fengqiao-server account add) reaches this laptop with the next sync
        unknown = msg(
            "没有账号：{0}（在服务器上新建的账号，本机要先同步才有，请先点“同步”再添加）", "、".join(missing)
        )
        raise ValidationFailed([Issue(msg("成员"), unknown)])
    for account in found.values():
        account.org_id = org.id
    return tuple(a.id for a in found.values())


def configure(ws: Workspace, key: str, value: Any) -> Changed:
    """Change one configuration entry (grade table, categories, channels …). Checked before it is stored."""
    ws.require(Permission.CONFIGURE)
    if key == "deadline_policy":
        try:
            DeadlinePolicy.from_config(value)
        except (KeyError, TypeError, ValueError) as exc:
            raise ServiceError(msg("期限配置无效：{0}", exc)) from exc
    with ws.tx("config.set", key, value=value) as tx:
        set_config(tx.session, key, value)
    return Changed("config", (key,), "set")


def read_config(ws: Workspace, key: str, default: Any = None) -> Any:
    with ws.read() as s:
        return config_value(s, key, default)


# ---------------------------------------------------------------- renaming and removing villages and grids


def rename_village(ws: Workspace, village_id: str, name: str) -> Changed:
    """A new name for a village (社区); its households, grids and matters keep pointing at it."""
    ws.require(Permission.CONFIGURE)
    if problems := check_place_name(name, msg("村（社区）名称")):
        raise ValidationFailed(problems)
    with ws.tx("village.rename", name.strip()) as tx:
        village = _live(tx.session, Division, village_id, msg("找不到该村（社区）"))
        taken = tx.session.execute(
            select(Division.id).where(
                Division.name == name.strip(),
                Division.level == "village",
                Division.deleted.is_(False),
                Division.id != village_id,
            )
        ).first()
        if taken:
            raise ValidationFailed([Issue(msg("村（社区）名称"), msg("村（社区）“{0}”已存在", name.strip()))])
        village.name = name.strip()
    return Changed("divisions", (village_id,), "update")


def rename_grid(ws: Workspace, grid_id: str, name: str) -> Changed:
    ws.require(Permission.CONFIGURE)
    if problems := check_place_name(name, msg("网格名称")):
        raise ValidationFailed(problems)
    with ws.tx("grid.rename", name.strip()) as tx:
        grid = _live(tx.session, Grid, grid_id, msg("找不到该网格"))
        taken = tx.session.execute(
            select(Grid.id).where(
                Grid.village_id == grid.village_id,
                Grid.name == name.strip(),
                Grid.deleted.is_(False),
                Grid.id != grid_id,
            )
        ).first()
        if taken:
            raise ValidationFailed([Issue(msg("网格名称"), msg("本村（社区）已有网格“{0}”", name.strip()))])
        grid.name = name.strip()
    return Changed("grids", (grid_id,), "update")


def remove_village(ws: Workspace, village_id: str) -> Changed:
    """Refused, with what still uses it, while households, matters, grids or accounts do; else removed with
    its mediation committee."""
    ws.require(Permission.CONFIGURE)
    with ws.tx("village.remove", village_id) as tx:
        s = tx.session
        village = _live(s, Division, village_id, msg("找不到该村（社区）"))
        households, matters = _uses(s, "village_id", village_id)
        grids = _count(s, Grid, Grid.village_id == village_id)
        accounts = _scoped_accounts(s, "village", village_id)
        if households or matters or grids or accounts:
            raise ServiceError(
                msg(
                    "村（社区）“{0}”还在使用（住户{1}户、事项{2}件、网格{3}个、以它为范围的账号{4}个），不能删除",
                    village.name,
                    households,
                    matters,
                    grids,
                    accounts,
                )
            )
        village.deleted = True
        for org in s.scalars(select(Org).where(Org.village_id == village_id, Org.deleted.is_(False))):
            org.deleted = True
    return Changed("divisions", (village_id,), "delete", also=("orgs",))


def remove_grid(ws: Workspace, grid_id: str) -> Changed:
    """Refused, with what still uses it, while households, matters or accounts do."""
    ws.require(Permission.CONFIGURE)
    with ws.tx("grid.remove", grid_id) as tx:
        s = tx.session
        grid = _live(s, Grid, grid_id, msg("找不到该网格"))
        households, matters = _uses(s, "grid_id", grid_id)
        accounts = _scoped_accounts(s, "grid", grid_id)
        if households or matters or accounts:
            raise ServiceError(
                msg(
                    "网格“{0}”还在使用（住户{1}户、事项{2}件、以它为范围的账号{3}个），不能删除",
                    grid.name,
                    households,
                    matters,
                    accounts,
                )
            )
        grid.deleted = True
    return Changed("grids", (grid_id,), "delete")


def _live(s: Session, model: Any, record_id: str, missing: Any) -> Any:
    found = s.get(model, record_id)
    if found is None or found.deleted:
        raise NotFound(missing)
    return found


def _count(s: Session, model: Any, *where: Any) -> int:
    return (
        s.execute(select(func.count()).select_from(model).where(model.deleted.is_(False), *where)).scalar()
        or 0
    )


def _uses(s: Session, column: str, record_id: str) -> tuple[int, int]:
    """How many households and matters name this village or grid: each a reason not to remove it."""
    households = _count(s, Household, getattr(Household, column) == record_id)
    return households, _count(s, Matter, getattr(Matter, column) == record_id)


def _scoped_accounts(s: Session, kind: str, record_id: str) -> int:
    """Accounts whose scope is this village or grid (scope_ids is a JSON list: read, then matched here)."""
    accounts = s.scalars(select(Account).where(Account.deleted.is_(False), Account.scope_kind == kind))
    return sum(1 for a in accounts if record_id in (a.scope_ids or []))
