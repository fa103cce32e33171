"""`fengqiao assessment` and `report`: a month's (quarter's, year's) assessment as the 统计 page shows
it, with the raw counts behind it, and the same as a report paper (desktop.services.assessment_report)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from desktop.cli.common import EXIT_OK, EXIT_USAGE, Subcommands, UsageError, error, login
from desktop.cli.papers import paper_suffix, qt_for_paper
from sync.core.domain import periods as period_rules
from sync.core.domain.measures import MARK_KINDS, MARK_UNITS

BY = ["village", "grid", "unit", "team", "handler", "source", "category", "township"]
# The tab-separated table's columns after place, name and score: the raw counts, then the rates they make.
COUNTS = {
    "立案": "registered",
    "化解": "resolved",
    "办结": "closed",
    "按期": "closed_on_time",
    "超期未结": "open_overdue",
    "督办": "supervised",
    "包案": "in_charge",
    "归档": "archived",
    "应回访件": "follow_up_due",
    "已回访件": "followed_up",
    "防止民转刑": "criminal_prevented",
    "信访受理决定": "petitions_decided",
    "信访书面答复": "petitions_replied",
}
RATES = {
    "化解率": "resolution_rate",
    "办结率": "completion_rate",
    "按期办结率": "on_time_rate",
    "卷宗归档率": "archive_rate",
    "回访率": "follow_up_rate",
    "信访及时受理率": "timely_acceptance_rate",
    "信访按期办结率": "on_time_reply_rate",
    "信访群众满意率": "petition_satisfaction_rate",
}
HEADER = ["名次", "单位", "公式分", "亮点分", "总分", *COUNTS, *RATES]


def add_assessment(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "assessment", parents=[common], help="考核：某月、某季度或某年的指标和排名（也可按来源、类别计数）"
    )
    # the county's ranking is made of closed months: a month or a quarter, never a whole year (review 12)
    county_periods = "县级账号 --by township|unit：只能按月 2026-10 或季度 2026-Q4"
    p.add_argument("month", nargs="?", help=f"2026-10、2026-Q4 或 2026（同 --period；{county_periods}）")
    p.add_argument("--period", help=f"2026-10、2026-Q4 或 2026（{county_periods}）")
    p.add_argument(
        "--by",
        default="village",
        choices=BY,
        help="乡镇账号：village、grid、unit、team、handler、source、category；县级账号：township 或 unit",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出（含各项原始计数）")
    p.add_argument("--xlsx", help="另存为 Excel 工作簿")
    p.add_argument("--pdf", help="县级账号：另存为 PDF 通报（乡镇排名和县直单位）")
    p.set_defaults(run=run_assessment)


def add_report(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[common], help="考核报表：按村、网格、单位和队伍（PDF 或 Excel）")
    p.add_argument("--period", required=True, help="2026-10、2026-Q4 或 2026")
    p.add_argument("--out", required=True, help="输出的 .pdf 或 .xlsx")
    p.set_defaults(run=run_report)


def run_assessment(args: argparse.Namespace) -> int:
    """The assessment by one kind of unit: a tab-separated table, or JSON with the raw counts."""
    from desktop.services import assessment_report, stats

    args.period = args.period or args.month
    if not args.period:
        raise UsageError("请给出考核期间，如：fengqiao assessment 2026-11")
    ws = login(args)
    if county_view(ws, args):
        return run_county(ws, args)
    if args.pdf:
        ws.close()
        raise UsageError("--pdf：乡镇的考核报表请用 fengqiao report --period … --out 文件.pdf")
    try:
        report = assessment_report.make(ws, args.period, (args.by,))
    except ValueError as exc:
        error(exc)
        return EXIT_USAGE
    finally:
        ws.close()
    units, no_data = report.sections[args.by], report.no_data
    if args.xlsx:
        assessment_report.save_xlsx(report, args.xlsx)
    if args.json:
        rows = [
            {
                "place": u.place,
                "name": u.name,
                "score": u.score,
                "highlight": u.highlight,
                "total_score": u.total_score,
                **asdict(u.measures),
                **asdict(u.counts),
            }
            for u in units
        ]
        answer = {"period": args.period, "by": args.by, "no_data": no_data, "units": rows}
        if (total := report.total()) is not None and args.by in stats.PARTITIONS:
            answer["total"] = {"score": total.score, **asdict(total.measures), **asdict(total.counts)}
        if report.published is not None:
            p = report.published
            answer["published"] = {
                "closed_by": p.closed_by_name,
                "closed_at": p.closed_at.isoformat(),
                "digest": p.digest,
                "automatic": p.automatic,
            }
        answer["marks"] = [asdict(m) | {"on": m.on.isoformat()} for m in report.marks]
        answer["adjustments"] = [
            {"month": month, "unit": a.name, **{k: v for k, v in asdict(a.counts).items() if v}}
            for month, sections in sorted(report.adjustments.items())
            for a in sections.get(args.by, [])
        ]
        print(json.dumps(answer, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{period_rules.chinese_name(args.period)} 考核（按{stats.BY_LABELS[args.by]}；{report.rule}）")
    if report.stamp:
        print(report.stamp)
    print("\t".join(HEADER))
    for u in units:
        print("\t".join(str(v) for v in row_values(u)))
    if units and (total := report.total()) is not None and args.by in stats.PARTITIONS:
        print("\t".join(str(v) for v in ["", *row_values(total)[1:]]))
    for month, unit, change in report.adjustment_lines(args.by):
        print(f"{month}\t{unit}\t{change}")
    for mark in report.marks:
        print("\t".join(assessment_report.mark_row(mark)))
    return EXIT_OK


def county_view(ws, args: argparse.Namespace) -> bool:
    """Whether this is the county's assessment: by township (a county account's only), or a county account's
    by unit (its own units). A township account asking by township is told it needs a county account."""
    from desktop.services import county_stats

    if county_stats.is_county(ws):
        if args.by not in county_stats.BY:
            ws.close()
            raise UsageError(f"--by：县级账号按乡镇（township）或县直单位（unit）统计，不能按“{args.by}”")
        return True
    if args.by == "township":
        ws.close()
        raise UsageError("--by township：按乡镇排名需要县级账号（县综治中心），本机登录的是乡镇的账号")
    return False


def run_county(ws, args: argparse.Namespace) -> int:
    """The county's assessment: its townships ranked (as the server's `fengqiao-server assessment` ranks
    them) or its own units counted; --xlsx and --pdf write the county report with both sections."""
    from desktop.services import county_report
    from sync.core.domain import county_ranking

    try:
        report = county_report.make(ws, args.period)
    except ValueError as exc:
        error(exc)
        return EXIT_USAGE
    finally:
        ws.close()
    if args.xlsx:
        county_report.save_xlsx(report, args.xlsx)
    if args.pdf:
        qt_for_paper()
        from desktop.ui import printing

        printing.save(county_report.document(report), args.pdf)
    if args.by == "township":
        if args.json:
            rows = [
                {
                    "place": r.place,
                    "township": r.township,
                    "code": r.code,
                    "score": r.score,
                    "note": r.note,
                    **asdict(r.measures),
                    **asdict(r.counts),
                }
                for r in [*report.ranking.rows, report.ranking.total]
            ]
            print(
                json.dumps(
                    {"period": report.period, "by": "township", "townships": rows},
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            print("\n".join(county_ranking.lines(report.ranking)))
        return EXIT_OK
    if args.json:
        rows = [
            {"place": u.place, "name": u.name, "score": u.score, **asdict(u.measures), **asdict(u.counts)}
            for u in report.units
        ]
        print(
            json.dumps({"period": report.period, "by": "unit", "units": rows}, ensure_ascii=False, indent=1)
        )
        return EXIT_OK
    # the page's and the PDF's columns, — where there is no data (review 12)
    print(report.units_title)
    print("\t".join(name for name, _, _ in county_report.UNIT_COLUMNS[:13]))
    for u in report.units:
        print("\t".join(county_report.unit_cells(u)))
    return EXIT_OK


def row_values(u) -> list:
    """One unit's line of the table, in HEADER's order."""
    counts = [getattr(u.counts, name) for name in COUNTS.values()]
    rates = [percent(getattr(u.measures, name)) for name in RATES.values()]
    return [u.place, u.name, u.score, u.highlight, u.total_score, *counts, *rates]


def percent(value) -> str:
    return "无数据" if value is None else f"{value * 100:.2f}%"


def add_mark(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("mark", parents=[common], help="督考办：亮点工作赋分，或记录通报、约谈")
    p.add_argument("kind", choices=list(MARK_KINDS), help="highlight 亮点工作 / notice 通报 / interview 约谈")
    p.add_argument("unit", help="被考核的单位名称，如 东村")
    p.add_argument("--by", default="village", choices=list(MARK_UNITS))
    p.add_argument("--reason", required=True, help="事由")
    p.add_argument("--points", type=float, default=0, help="亮点工作加分")
    p.add_argument("--on", help="日期（默认今天），如 2026-11-20")
    p.set_defaults(run=run_mark)


def run_mark(args: argparse.Namespace) -> int:
    """Records one 亮点工作 (with its points), 通报 or 约谈 against a unit, by the name the page shows."""
    from datetime import date

    from desktop.services import assessment_marks, stats

    try:
        on = date.fromisoformat(args.on) if args.on else None
    except ValueError:
        raise UsageError(f"--on：日期“{args.on}”应写作 2026-11-20") from None
    ws = login(args)
    try:
        keys = [key for key, name in stats.unit_names(ws, args.by).items() if name == args.unit]
        if len(keys) != 1:
            what = "没有" if not keys else "有多个"
            raise UsageError(f"unit：{what}名为“{args.unit}”的{stats.BY_LABELS[args.by]}")
        assessment_marks.record(
            ws, args.kind, args.by, keys[0], args.reason, on or ws.now().date(), points=args.points
        )
    finally:
        ws.close()
    print(f"已记录{MARK_KINDS[args.kind]}：{args.unit}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    """The assessment report of a month, quarter or year, by village, grid, unit and team."""
    from desktop.services import assessment_report

    if paper_suffix(args.out) == ".docx":
        raise UsageError("考核报表只能保存为 .pdf 或 .xlsx")
    ws = login(args)
    try:
        report = assessment_report.make(ws, args.period)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        ws.close()
    if args.out.lower().endswith(".pdf"):
        qt_for_paper()
        from desktop.ui import printing

        printing.save_report(report, args.out)
    else:
        assessment_report.save_xlsx(report, args.out)
    print(f"已生成{report.title}：{args.out}")
    return EXIT_OK
