"""`fengqiao print`: one paper of one matter (agreement, record, follow-up, dispatch, supervision, dossier) as
PDF or Word, or every dossier of a period as one zip (desktop.services.documents; the PDF is laid out by Qt,
desktop.ui.printing). Also the PDF set-up the assessment report shares."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_REJECTED, Progress, Subcommands, UsageError, error, login

PAPER_SUFFIXES = (".pdf", ".docx", ".xlsx")


def documents_kinds() -> tuple[str, ...]:
    from desktop.services.documents import KINDS

    return KINDS


def add_print(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "print", parents=[common], help="打印文书：调解协议书、笔录、回访记录、交办单、督办单、卷宗"
    )
    p.add_argument("serial", nargs="?", help="事项编号，如 向城-2026-00001")
    p.add_argument("--doc", required=True, choices=documents_kinds())
    p.add_argument(
        "--period", help="与 --doc dossier 一起：把 2026-10、2026-Q4 或 2026 办结事项的卷宗打包为 .zip"
    )
    p.add_argument("--index", type=int, default=1, help="第几次调解的笔录（--doc record），默认第 1 次")
    p.add_argument("--out", required=True, help="输出的 .pdf 或 .docx（打包卷宗时为 .zip）")
    p.set_defaults(run=run_print)


def qt_for_paper() -> None:
    """Qt lays out and writes the PDF; from the command line it needs an application but no screen."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if sys.platform != "win32" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qt_for_paper.app = QApplication(["fengqiao"])  # kept alive for the rest of the command


def paper_suffix(out: str) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in PAPER_SUFFIXES:
        raise UsageError(f"--out 应为 .pdf、.docx 或 .xlsx 文件，而不是“{out}”")
    return suffix


def run_print(args: argparse.Namespace) -> int:
    """One paper of one matter, found by its serial (exit 3 naming what its records still lack), or with
    --period every dossier of the matters closed in it, as one zip."""
    from desktop.services import documents, matters

    if args.period:
        return print_dossiers(args)
    if not args.serial:
        raise UsageError("请给出事项编号，或用 --period 打包某期的全部卷宗")
    if paper_suffix(args.out) == ".xlsx":
        raise UsageError("文书只能保存为 .pdf 或 .docx")
    ws = login(args)
    try:
        matter_id = matters.id_by_serial(ws, args.serial)
        try:
            paper = documents.make(ws, matter_id, args.doc, args.index - 1)
        except documents.MissingItems as exc:
            error(exc)
            return EXIT_REJECTED
    finally:
        ws.close()
    if args.out.lower().endswith(".pdf"):
        qt_for_paper()
        from desktop.ui import printing

        printing.save_pdf(paper, args.out)
    else:
        paper.save_docx(args.out)
    print(f"已生成{paper.title}（{paper.number}）：{args.out}")
    return EXIT_OK


def print_dossiers(args: argparse.Namespace) -> int:
    if args.doc != "dossier" or not args.out.lower().endswith(".zip"):
        raise UsageError("按期间打包只适用于卷宗：--doc dossier --out 文件.zip")
    ws = login(args)
    try:
        qt_for_paper()
        from desktop.ui import printing

        count = printing.save_dossiers(ws, args.period, args.out, Progress().stage("卷宗"))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        ws.close()
    print(f"已把 {args.period} 办结的 {count} 件事项的卷宗打包到 {args.out}")
    return EXIT_OK
