"""The matter ledger (台账) as a platform office keeps it, exported to Excel: exactly the matters filtered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from desktop.store import queries
from desktop.store.models import Division, Party
from desktop.store.queries import MatterFilter
from sync.core.domain import linkage
from sync.core.domain.deadlines import COLOUR_LABELS, Colour
from sync.core.domain.lifecycle import (
    DONE_STATUSES,
    LEVEL_LABELS,
    OUTCOME_LABELS,
    STATUS_LABELS,
)
from sync.core.domain.masking import mask_id, mask_phone
from sync.core.domain.risk import RISK_LABELS
from sync.core.domain.roles import Permission

from . import county_stats, lists, sheets
from .context import Workspace

COLUMNS = [
    ("编号", 18),
    ("类型", 8),
    ("来源", 10),
    ("类别", 10),
    ("标题", 30),
    ("当事人", 40),
    ("涉及人数", 8),
    ("涉及金额(元)", 12),
    ("村/社区", 10),
    ("网格", 12),
    ("星级", 6),
    ("风险等级", 8),
    ("层级", 6),
    ("承办", 16),
    ("上报时间", 17),
    ("立案时间", 17),
    ("办理期限", 11),
    ("期限状态", 8),
    ("状态", 8),
    ("办结时间", 17),
    ("办结结果", 10),
    ("满意度", 8),
    ("外部工单号", 16),
    ("督办次数", 8),
    ("包案领导", 10),
    ("销号回复", 30),
    ("卷宗归档", 8),
    ("三调联动", 10),
    ("法院案号/接警编号", 26),
    ("联动反馈", 10),
]
FILLS = {
    Colour.YELLOW: PatternFill("solid", fgColor="FFF2B3"),
    Colour.RED: PatternFill("solid", fgColor="FFC7C7"),
}


HEADER_ROW = 2  # below the title


def _period(f: MatterFilter | None) -> str:
    if f is None or not (f.date_from or f.date_to):
        return "全部"
    return f"上报于 {f.date_from or '…'} 至 {f.date_to or '…'}"


def _party_text(party: Party, unmasked: bool) -> str:
    id_number = party.id_number if unmasked else mask_id(party.id_number)
    phone = party.phone if unmasked else mask_phone(party.phone)
    extra = "，".join(filter(None, [id_number, phone]))
    return f"{party.role}：{party.name}" + (f"（{extra}）" if extra else "")


def export_ledger(
    ws: Workspace,
    path: Path,
    f: MatterFilter | None = None,
    *,
    unmasked: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the ledger; returns how many matters it holds. Unmasked numbers only for entitled roles."""
    ws.require(Permission.EXPORT_LEDGER)
    if unmasked:
        ws.require(Permission.EXPORT_UNMASKED)
    page = lists.matters(ws, f or MatterFilter(), limit=None, order="reported_at", descending=False)
    with ws.read() as s:
        parties = queries.parties_of(s, [r.id for r in page.rows])
    # a county's matters come from many townships: which one, last (as on its ledger page)
    townships = county_stats.record_townships(ws, "matters") if county_stats.is_county(ws) else None
    columns = COLUMNS if townships is None else [*COLUMNS, ("乡镇", 12)]
    with ws.read() as s:
        township = s.execute(select(Division.name).where(Division.level == "township")).scalar() or ""
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("矛盾纠纷台账")
    for i, (_, width) in enumerate(columns):
        sheet.column_dimensions[get_column_letter(i + 1)].width = width
    sheets.for_print_and_filter(sheet, len(columns), HEADER_ROW, page.total)
    sheets.title_and_header(
        sheet,
        f"{'县级' if townships is not None else township}矛盾纠纷台账"
        f"（{_period(f)}，导出于 {ws.now():%Y-%m-%d %H:%M}）",
        [n for n, _ in columns],
    )
    for done, r in enumerate(page.rows, 1):
        colour = Colour(r.colour)
        values = [
            r.serial,
            "信访" if r.kind == "petition" else "纠纷",
            r.source,
            r.category,
            r.title,
            "；".join(_party_text(p, unmasked) for p in parties.get(r.id, [])),
            r.people_count,
            r.amount,
            r.village,
            r.grid,
            "★" * (r.grade or 0),
            RISK_LABELS.get(r.risk, r.risk),
            LEVEL_LABELS.get(r.level, r.level),
            r.handler_name,
            r.reported_at,
            r.registered_at,
            r.due_on,
            COLOUR_LABELS[colour],
            STATUS_LABELS.get(r.status, r.status),
            r.closed_at if r.status in DONE_STATUSES else None,
            OUTCOME_LABELS.get(r.outcome, r.outcome),
            r.satisfaction,
            r.external_no,
            r.supervised,
            r.leader_name,
            r.closing_reply,
            "已归档" if r.archived else "",
            linkage.KIND_LABELS.get(r.referral_kind, ""),
            r.referral_no,
            linkage.RESULT_LABELS.get(r.referral_result, "待反馈" if r.referral_kind else ""),
        ]
        if townships is not None:
            values.append(townships.get(r.id, ""))
        cells = sheets.row(sheet, values)
        if colour in FILLS:
            cells[17].fill = FILLS[colour]
        sheet.append(cells)
        if progress and done % 500 == 0 and progress(done, page.total) is False:
            return 0
    with ws.tx("ledger.export", Path(path).name, count=page.total, unmasked=unmasked):
        pass
    wb.save(path)
    return page.total
