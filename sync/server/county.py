"""The county on the township server: which records a county device reads and writes.

A county account (`account add USER --scope county --roles platform|leader|supervisor|auditor`:
县综治中心, 领导, 督考, 审计) works on the matters that are or were at county level (提级 to the
county, or sent down by it: 交下级落实) with everything under them, on the county's own units (orgs
of level county: 法院, 公安局, 信访局, 人社局 …), and reads the township's shared data (its published
months among them). It never reads households, residents, visits or a matter that never reached the
county.

Which matters those are is kept on the record itself (`Record.county`), set when a matter's level first
becomes county and copied to its children the way its village and grid are (`scope.Place`). It stays
set when the county sends the matter down: the county follows it and may 督办 it. A matter that
reaches the county after its children were written has them sent again (`entered`), so a county
device receives it whole.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sync.core import records
from sync.core.domain.lifecycle import STATE_FIELDS, STEP_SET_FIELDS, Level
from sync.core.domain.roles import Role

from .authority import Refused
from .models import Record

# The roles a county account may hold: the 县综治中心 (platform), its leaders, the 督考办 and the auditor.
COUNTY_ROLES = frozenset({Role.PLATFORM, Role.LEADER, Role.SUPERVISOR, Role.AUDITOR})
# A matter's fields a step writes along with its event (the state, and what the step sets, with the handler's
# name): checked against the steps by the server (sync.server.history)
STEP_WRITTEN = frozenset(STATE_FIELDS) | frozenset(STEP_SET_FIELDS) | {"handler_name"}
# Shared records a county device may write: its own units, of level county.
COUNTY_SHARED = frozenset({"orgs"})
# What a county device writes in an account record of the county's own: the unit it belongs to.
COUNTY_ACCOUNT_FIELDS = frozenset({"org_id"})


def reaches(table: str, data: dict[str, Any]) -> bool:
    """A matter at county level now (once there, `Record.county` keeps it so)."""
    return table == "matters" and data.get("level") == Level.COUNTY.value


def roles_problem(kind: str, roles: list[str]) -> str | None:
    """A county account holds county roles only (a grid worker of the county is no such thing)."""
    if kind != "county":
        return None
    wrong = [r for r in roles if r not in {role.value for role in COUNTY_ROLES}]
    if wrong:
        allowed = ", ".join(sorted(r.value for r in COUNTY_ROLES))
        return f"角色（roles）：县级账号只能是 {allowed}，而不是 {', '.join(wrong)}"
    return None


def tier_problem(table: str, fields: dict[str, Any], matter, county_device: bool) -> str | None:
    """Whose tier a matter's records are, beyond its steps (events, which the lifecycle rules check): while it
    is at county level the county's alone, below it the township's — the county then only 督办s (review: the
    rule held for steps only, and each side could still edit or delete the other's matter)."""
    if matter is None or table == "events":
        return None
    if table == "matters" and set(fields) <= STEP_WRITTEN:
        return None  # what a step sets, sent with it: checked against the steps (sync.server.history)
    at_county = matter.data.get("level") == Level.COUNTY.value
    if at_county and not county_device:
        return "事项已提级到县级，由县级办理，本级只能查看"
    if county_device and not at_county:
        return "事项已交下级落实，由乡镇办理；县级只能督办"
    return None


def matter_of(table: str, data: dict[str, Any], record, lookup):
    """The matter a record is, or hangs under (through its parents), as the push sees it; None for others."""
    if table == "matters":
        return record
    rule, seen = records.SCOPE_RULES.get(table), 0
    while isinstance(rule, records.Parent) and seen < 6:
        parent_id = data.get(rule.id_field)
        parent = lookup(parent_id) if parent_id else None
        if parent is None:
            return None
        if parent.table_name == "matters":
            return parent
        data, rule, seen = parent.data, records.SCOPE_RULES.get(parent.table_name), seen + 1
    return None


def crossing_problem(fields: dict[str, Any], matter, lookup) -> str | None:
    """A county device names places and units of the matter's own township only (or the county's own units):
    the county sees every township's, and one township's matter moved into another's village or sent to its
    unit would leave both (review). `lookup` finds a record by id as the push sees it."""
    if matter is None or getattr(matter, "township_id", None) is None:
        return None
    values = list(fields.values())
    values += [v for d in values if isinstance(d, dict) for v in d.values()]  # a step's data (an event's)
    for value in values:
        if not isinstance(value, str):
            continue
        ident = value.partition(":")[2] if value.startswith(("org:", "account:")) else value
        if len(ident) != 36:
            continue
        named = lookup(ident)
        if named is not None and named.township_id not in (None, matter.township_id):
            return "县级账号不能把一个乡镇的事项移到或交给另一个乡镇的村、网格或单位"
    return None


def township_org_problem(table: str, fields: dict[str, Any], record: Record | None) -> str | None:
    """A township makes no county unit: those are the county's own, which it edits (review)."""
    if table != "orgs":
        return None
    level = {**(record.data if record is not None else {}), **fields}.get("level")
    if level == Level.COUNTY.value:
        return "县级单位（level 为 county）由县级账号建立"
    return None


def check_write(table: str, fields: dict[str, Any], record: Record | None) -> None:
    """What a county device may write beyond its matters' records (their place is checked as any device's):
    its own units, and no matter of its own making (a township reports; the county receives by 提级)."""
    if table == "matters" and record is None:
        raise Refused("县级账号不在乡镇上报事项：事项由乡镇提级到县级")
    if table in COUNTY_SHARED:
        if record is not None and record.township_id is not None:  # a township's, whatever its level says
            raise Refused(f"县级账号不能修改乡镇的“{table}”记录")
        was = record.data.get("level") if record is not None else Level.COUNTY.value
        level = {**(record.data if record is not None else {}), **fields}.get("level")
        if was != Level.COUNTY.value or level != Level.COUNTY.value:
            raise Refused("县级账号只能新增和修改县级单位（单位的 level 为 county）")
        return
    if table == "accounts" and record is not None and own_account(record):
        # the county staffs its own units: an account of the county joins one (org_id); its roles, scope and
        # state stay the server's (authority.check_account_record)
        if set(fields) - COUNTY_ACCOUNT_FIELDS:
            raise Refused("县级账号只能把县级账号加入县级单位（org_id）")
        return
    shared = record.shared if record is not None else records.SCOPE_RULES.get(table) == records.SHARED
    if shared and record is None:  # (review 3: a new record was refused as if it were a township's)
        raise Refused(f"县级账号不能新增“{table}”记录：县级账号由服务器建立，乡镇的设置由乡镇维护")
    if shared:
        raise Refused(f"县级账号不能修改乡镇的“{table}”记录")


def own_account(record: Record) -> bool:
    """An account of the county itself (no township's), as the server published it."""
    return record.township_id is None and record.data.get("scope_kind") == "county"


def unit_problem(table: str, fields: dict[str, Any], lookup) -> str | None:
    """A county account joins a county unit only (a township's unit is the township's to staff)."""
    org_id = fields.get("org_id") if table == "accounts" else None
    if not org_id:
        return None
    org = lookup(org_id)
    if org is None or org.table_name != "orgs" or org.data.get("level") != Level.COUNTY.value:
        return "县级账号只能加入县级单位"
    return None


def entered(pusher, record: Record) -> None:
    """The matter `record` has just reached the county: it and everything under it become county-visible,
    and what was written before is numbered again, so county devices pull it (as `changes.Pusher._exit` does
    for a record leaving a scope)."""
    record.county = True
    # (by the township-leading parent index: children live in their matter's township)
    children = select(Record).where(Record.township_id == record.township_id, Record.parent_id == record.id)
    for child in pusher.session.scalars(children):
        if child.county:
            continue
        child.server_seq = pusher.seq.next()
        child.updated_device = None  # sent again by the server, not by a device: every device pulls it
        entered(pusher, child)
