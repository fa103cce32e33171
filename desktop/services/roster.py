"""Importing a household roster from Excel (one row per person), and the template townships fill in.

Valid rows are imported, each invalid row is reported with its spreadsheet row number, field and reason and
written to an errors workbook in the same layout, so the user fixes it and imports it again. Persons are
matched by ID number and households by village and 户号, so a second import of the same file creates nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from sqlalchemy import select

from desktop.store.models import Division, Grid, Household, Person
from sync.core.domain.issues import Issue
from sync.core.domain.messages import msg
from sync.core.domain.residents import PersonFields, check_person
from sync.core.domain.roles import Permission
from sync.core.domain.text import squeeze

from . import sheets
from .context import Changed, Workspace
from .errors import Cancelled, ServiceError
from .workbook_bounds import ROSTER_LIMITS, RowCounter, WorkbookLimits, check_workbook

HEADERS = [
    "村/社区",
    "网格",
    "户号",
    "地址",
    "姓名",
    "与户主关系",
    "性别",
    "民族",
    "身份证号",
    "手机号",
    "备注",
]
SYNONYMS = {
    "村/社区": ["村/社区", "村（社区）", "村(社区)", "村社区", "村", "社区", "村居", "所属村"],
    "网格": ["网格", "所属网格", "网格名称"],
    "户号": ["户号", "户编号", "户籍号"],
    "地址": ["地址", "住址", "家庭住址", "现住址"],
    "姓名": ["姓名", "名字", "居民姓名"],
    "与户主关系": ["与户主关系", "关系", "户主关系"],
    "性别": ["性别"],
    "民族": ["民族"],
    "身份证号": ["身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码"],
    "手机号": ["手机号", "手机号码", "联系电话", "电话", "手机", "联系方式"],
    "备注": ["备注", "说明"],
}
REQUIRED = ("村/社区", "户号", "姓名")
SAMPLE = [
    "东村",
    "东村一网格",
    "001",
    "东村一组12号",
    "张三",
    "户主",
    "男",
    "汉族",
    "110105199003070025",
    "13800138000",
    "",
]


class RosterUnreadable(ServiceError):
    """The file is not a workbook we can read, or lacks the columns a roster needs."""


@dataclass
class Rejected:
    row: int
    field: str
    reason: str


@dataclass
class ImportReport:
    households_created: int = 0
    households_updated: int = 0
    persons_created: int = 0
    persons_updated: int = 0
    rows_imported: int = 0
    rows_rejected: int = 0
    villages_created: list[str] = field(default_factory=list)
    grids_created: list[str] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # Rejected, as a dict
    warnings: list[dict[str, Any]] = field(default_factory=list)  # Rejected, as a dict

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def changed(self) -> Changed:
        return Changed("households", (), "import", also=("persons", "divisions", "grids"))


def _canonical(header: object) -> str | None:
    text = squeeze(str(header or "")).replace("*", "")
    for name, words in SYNONYMS.items():
        if text in words:
            return name
    return None


def write_template(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "住户花名册"
    ws.append(HEADERS)
    ws.append(SAMPLE)
    _style(ws)
    wb.save(path)


def _style(sheet: Any) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJKL", (12, 14, 8, 24, 10, 10, 6, 8, 22, 14, 20, 40), strict=False):
        sheet.column_dimensions[col].width = width
    sheet.freeze_panes = "A2"


def read_rows(
    path: Path, limits: WorkbookLimits = ROSTER_LIMITS
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The roster's rows as (spreadsheet row number, {canonical header: text}), and the original headers.
    A workbook past `limits` is refused before it is opened, or as soon as its rows pass the limit."""
    path = Path(path)
    check_workbook(path, limits, RosterUnreadable)
    wb = sheets.open_workbook(path, RosterUnreadable)
    try:
        return _read_rows(path, wb, RowCounter(path, limits, RosterUnreadable))
    finally:
        wb.close()


def _read_rows(
    path: Path, wb: Any, counter: RowCounter
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    sheet = wb.worksheets[0]
    counter.check(sheet.max_row if isinstance(sheet.max_row, int) else 0)  # as the sheet declares itself
    rows = sheet.iter_rows(values_only=True)
    header_row = 0
    columns: dict[int, str] = {}  # column index → canonical header
    originals: list[str] = []
    for number, values in enumerate(rows, 1):
        found = {i: name for i, v in enumerate(values) if (name := _canonical(v))}
        if len(found) >= 3:
            header_row, columns, originals = number, found, [str(v or "") for v in values]
            break
        if number >= 10:
            break
    missing = [h for h in REQUIRED if h not in columns.values()]
    if not header_row or missing:
        raise RosterUnreadable(
            msg(
                "{0} 缺少必需的列：{1}（表头可以是 {2}）",
                path.name,
                "、".join(missing or REQUIRED),
                "、".join(HEADERS),
            )
        )
    data = []
    for number, values in enumerate(rows, header_row + 1):
        counter.check(number)
        record: dict[str, str] = {}
        for i, name in columns.items():
            value = values[i] if i < len(values) else None
            counter.cell(number, name, value)
            if isinstance(value, float) and value.is_integer():
                value = int(value)  # a number Excel stored as 1.0
            record[name] = "" if value is None else _one_line(str(value))
        if any(record.values()):
            data.append((number, record))
    return originals, data


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _one_line(text: str) -> str:
    """A cell's text as one line: a line break typed in the cell (Alt+Enter) or a pasted tab becomes a space,
    as the township server takes no control character in a one-line field."""
    return _CONTROL.sub(" ", text).strip()


def _person_fields(record: dict[str, str]) -> PersonFields:
    return PersonFields(
        name=record.get("姓名", ""),
        sex=record.get("性别", ""),
        ethnicity=record.get("民族", ""),
        id_number=record.get("身份证号", ""),
        mobile=record.get("手机号", ""),
        relation=record.get("与户主关系", ""),
        note=record.get("备注", ""),
    )


def _set(obj: object, changes: dict[str, Any]) -> bool:
    changed = False
    for name, value in changes.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def import_households(
    ws: Workspace,
    path: Path,
    *,
    errors_path: Path | None = None,
    progress: Callable[[int, int], bool] | None = None,
    limits: WorkbookLimits = ROSTER_LIMITS,
) -> ImportReport:
    """Import a roster in one transaction; progress(done, total) may return False to cancel (none kept).
    `limits` bound the workbook (size, parts, inflated size, rows): past one it is refused, nothing read."""
    ws.require(Permission.EDIT_RESIDENTS)
    path = Path(path)
    _, rows = read_rows(path, limits)
    report = ImportReport()
    rejected_rows: dict[int, dict[str, str]] = {}
    today = ws.now().date()

    def reject(number: int, record: dict[str, str], issues: list[Issue]) -> None:
        for issue in issues:
            report.rejected.append(asdict(Rejected(number, issue.field, issue.reason)))
        rejected_rows[number] = {**record, "错误原因": "；".join(str(i) for i in issues)}

    with ws.tx("roster.import", path.name) as tx:
        s = tx.session
        township = s.execute(select(Division).where(Division.level == "township")).scalar()
        villages = {
            d.name: d for d in s.execute(select(Division).where(Division.level == "village")).scalars()
        }
        grids = {(g.village_id, g.name): g for g in s.execute(select(Grid)).scalars()}
        households = {(h.village_id, h.number): h for h in s.execute(select(Household)).scalars()}
        by_id_number = {
            p.id_number: p for p in s.execute(select(Person).where(Person.id_number.is_not(None))).scalars()
        }
        seen_id_numbers: dict[str, int] = {}
        touched_households: set[str] = set()

        for done, (number, record) in enumerate(rows, 1):
            if progress and done % 200 == 0 and progress(done, len(rows)) is False:
                raise Cancelled(msg("导入已取消，未写入任何数据"))
            checked = check_person(_person_fields(record), today)
            issues = list(checked.errors)
            village_name, household_number = record.get("村/社区", ""), squeeze(record.get("户号", ""))
            if not village_name:
                issues.append(Issue(msg("村/社区"), msg("不能为空")))
            if not household_number:
                issues.append(Issue(msg("户号"), msg("不能为空")))
            f = checked.fields
            if f.id_number and not checked.errors:
                if f.id_number in seen_id_numbers:
                    issues.append(Issue(msg("身份证号"), msg("与第{0}行重复", seen_id_numbers[f.id_number])))
                else:
                    seen_id_numbers[f.id_number] = number
            if issues:
                reject(number, record, issues)
                continue
            village = villages.get(village_name)
            if village is None:
                village = Division(
                    name=village_name, level="village", parent_id=township.id if township else None
                )
                s.add(village)
                s.flush()
                villages[village_name] = village
                report.villages_created.append(village_name)
            grid = None
            if grid_name := record.get("网格", ""):
                grid = grids.get((village.id, grid_name))
                if grid is None:
                    grid = Grid(village_id=village.id, name=grid_name)
                    s.add(grid)
                    s.flush()
                    grids[(village.id, grid_name)] = grid
                    report.grids_created.append(f"{village_name}/{grid_name}")
            if not ws.actor.scope.covers(village.id, grid.id if grid else None):
                reject(number, record, [Issue(msg("网格"), msg("不在您负责的范围内"))])
                continue
            household = households.get((village.id, household_number))
            household_changes = {"grid_id": grid.id if grid else None}
            if record.get("地址"):
                household_changes["address"] = record["地址"]
            if household is None:
                household = Household(
                    village_id=village.id, number=household_number, address="", tags=[], note=""
                )
                _set(household, household_changes)
                s.add(household)
                s.flush()
                households[(village.id, household_number)] = household
                report.households_created += 1
                touched_households.add(household.id)
            elif household.id not in touched_households:
                touched_households.add(household.id)
                report.households_updated += _set(household, household_changes)
            else:
                _set(household, household_changes)

            person = by_id_number.get(f.id_number) if f.id_number else None
            if person is not None and person.household_id not in (None, household.id):
                # The same person already lives elsewhere: moved here, and said so, never silently.
                before = s.get(Household, person.household_id)
                report.warnings.append(
                    asdict(
                        Rejected(
                            number,
                            msg("身份证号"),
                            msg(
                                "{0} 已登记在户号 {1}（{2}），已移入本户",
                                person.name,
                                before.number if before else "?",
                                before.address if before else "",
                            ),
                        )
                    )
                )
            if person is None and not f.id_number:
                person = s.execute(
                    select(Person).where(Person.household_id == household.id, Person.name == f.name)
                ).scalar()
            changes = {
                "household_id": household.id,
                "name": f.name,
                "sex": f.sex or None,
                "ethnicity": f.ethnicity or None,
                "id_number": f.id_number or None,
                "mobile": f.mobile or None,
                "birth_date": checked.birth_date,
                "relation": f.relation or None,
                "note": f.note,
                "deleted": False,
            }
            if person is None:
                person = Person(tags=f.tags)
                _set(person, changes)
                s.add(person)
                s.flush()
                if f.id_number:
                    by_id_number[f.id_number] = person
                report.persons_created += 1
            elif _set(person, changes):
                report.persons_updated += 1
            if f.relation == "户主" and household.head_id != person.id:
                household.head_id = person.id
            report.rows_imported += 1
            report.warnings += [asdict(Rejected(number, w.field, w.reason)) for w in checked.warnings]
        report.rows_rejected = len(rejected_rows)
        tx.detail = {k: v for k, v in report.to_dict().items() if k not in ("rejected", "warnings")}
        if progress:
            progress(len(rows), len(rows))
    if errors_path and rejected_rows:
        write_errors(errors_path, rejected_rows)
    return report


def write_errors(path: Path, rejected_rows: dict[int, dict[str, str]]) -> None:
    """The rejected rows in the import layout plus 原行号 and 错误原因: fix them here and import this file."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = "未导入的行"
    sheet.append(HEADERS + ["原行号", "错误原因"])
    red = PatternFill("solid", fgColor="FFE0E0")
    for number, record in sorted(rejected_rows.items()):
        sheet.append(sheets.row(sheet, [record.get(h, "") for h in HEADERS] + [number, record["错误原因"]]))
        sheet.cell(sheet.max_row, len(HEADERS) + 2).fill = red
    _style(sheet)
    wb.save(path)


def export_households(
    ws: Workspace,
    path: Path,
    *,
    text: str = "",
    village_id: str | None = None,
    unmasked: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """The households in scope (as filtered on screen) in the roster layout, one row per person; numbers
    masked unless an entitled role asks otherwise (audited). Only an unmasked export can be imported again."""
    from sync.core.domain.masking import mask_id, mask_phone

    from .lists import households

    ws.require(Permission.VIEW_RESIDENTS)
    if unmasked:
        ws.require(Permission.EXPORT_UNMASKED)
    page = households(ws, text=text, village_id=village_id, limit=None)
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("住户花名册")
    sheet.append(HEADERS)
    people = 0
    with ws.read() as s:
        for done, h in enumerate(page.rows, 1):
            household = s.get(Household, h.id)
            address = household.address if household is not None else ""
            for p in s.execute(
                select(Person).where(Person.household_id == h.id, Person.deleted.is_(False))
            ).scalars():
                id_number = p.id_number if unmasked else mask_id(p.id_number)
                mobile = p.mobile if unmasked else mask_phone(p.mobile)
                sheet.append(
                    sheets.row(
                        sheet,
                        [
                            h.village,
                            h.grid,
                            h.number,
                            address,
                            p.name,
                            p.relation or "",
                            p.sex or "",
                            p.ethnicity or "",
                            id_number or "",
                            mobile or "",
                            p.note or "",
                        ],
                    )
                )
                people += 1
            if progress and done % 200 == 0 and progress(done, page.total) is False:
                raise Cancelled(msg("导出已取消"))
    with ws.tx(
        "households.export", Path(path).name, households=page.total, persons=people, unmasked=unmasked
    ):
        pass
    wb.save(path)
    return page.total
