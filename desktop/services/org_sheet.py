"""A township's units (司法所, 派出所 …) and teams (律师, 老干部 …) imported from a sheet: 名称, 类型, 成员.

Each row is its own change: a bad row is refused alone, with its row number and reason, and the others are
kept. A row naming a unit that already exists adds its members to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.store.models import Org
from sync.core.domain.messages import msg
from sync.core.domain.roles import Permission

from . import setup, sheets
from .context import Workspace
from .errors import ServiceError, ValidationFailed
from .roster import Rejected
from .workbook_bounds import ROSTER_LIMITS, RowCounter, WorkbookLimits, check_workbook

KINDS = {
    "单位": "unit",
    "职能部门": "unit",
    "unit": "unit",
    "队伍": "team",
    "调解队伍": "team",
    "team": "team",
}
HEADERS = {
    "名称": "name",
    "单位名称": "name",
    "name": "name",
    "类型": "kind",
    "kind": "kind",
    "成员": "members",
    "成员账号": "members",
    "members": "members",
}


class OrgSheetUnreadable(ServiceError):
    """Not a workbook, or no 名称 column."""


@dataclass
class OrgImportReport:
    created: list[str] = field(default_factory=list)  # names
    joined: int = 0  # members added
    rejected: list[Rejected] = field(default_factory=list)


def _rows(path: Path, limits: WorkbookLimits = ROSTER_LIMITS) -> list[tuple[int, dict[str, Any]]]:
    check_workbook(path, limits, OrgSheetUnreadable)  # before openpyxl holds any of it
    counter = RowCounter(path, limits, OrgSheetUnreadable)
    book = sheets.open_workbook(path, OrgSheetUnreadable)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        columns: dict[int, str] = {}
        for number, values in enumerate(rows, 1):
            columns = {
                i: HEADERS[str(v).strip()] for i, v in enumerate(values) if str(v or "").strip() in HEADERS
            }
            if "name" in columns.values() or number >= 10:
                break
        if "name" not in columns.values():
            raise OrgSheetUnreadable(msg("{0} 缺少“名称”列（表头：名称、类型、成员）", path.name))
        found = []
        header_row = number
        for number, values in enumerate(rows, header_row + 1):
            counter.check(number)
            for i, key in columns.items():
                counter.cell(number, key, values[i] if i < len(values) else None)
            record = {
                key: str(values[i]).strip() if i < len(values) and values[i] is not None else ""
                for i, key in columns.items()
            }
            if any(record.values()):
                found.append((number, record))
        return found
    finally:
        book.close()


def import_orgs(ws: Workspace, path: Path) -> OrgImportReport:
    ws.require(Permission.CONFIGURE)
    report = OrgImportReport()
    for number, row in _rows(Path(path)):
        kind = KINDS.get(row.get("kind") or "单位")
        if kind is None:
            report.rejected.append(
                Rejected(number, "类型", str(msg("应为“单位”或“队伍”，不是“{0}”", row["kind"])))
            )
            continue
        members = [m for m in re.split(r"[,，、;；\s]+", row.get("members", "")) if m]
        with ws.read() as s:
            existing = s.execute(
                select(Org.id).where(Org.kind == kind, Org.name == row["name"], Org.deleted.is_(False))
            ).scalar()
        try:
            if existing and members:
                setup.add_members(ws, existing, members)
            elif not existing:
                setup.add_org(ws, kind, row["name"], members=members)
                report.created.append(row["name"])
            report.joined += len(members)
        except ValidationFailed as exc:
            report.rejected += [Rejected(number, issue.field, issue.reason) for issue in exc.issues]
        except ServiceError as exc:
            report.rejected.append(Rejected(number, "名称", str(exc)))
    return report
