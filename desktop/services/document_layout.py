"""A printed document as plain blocks (title, number, paragraphs, fields, tables, signature lines), and its
two renderings that need no window: HTML for Qt's text document (preview, print, PDF) and an editable Word
file.

The standard office layout of a township's papers: a centred title in a heavier face, the number on the right
under it, the body in 宋体, signature and seal lines at the foot. Both renderings read the same blocks, so a
paper printed and the same paper finished in WPS say the same thing."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sync.core.domain.text import xml_safe

BODY_FONT = "SimSun"  # 宋体 on Windows; Qt falls back to the machine's CJK font elsewhere
TITLE_FONT = "SimHei"  # 黑体
FALLBACK_FONTS = "'SimSun', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"


def zh(template: str, *values: object) -> str:
    """The papers' own words: Chinese official documents whatever the window's language (not `msg`, which the
    window translates)."""
    return template.format(*values) if values else template


@dataclass(frozen=True)
class Heading:
    text: str
    mark: str = ""  # a part of a page-numbered paper begins here: its contents row gives this part's pages


@dataclass(frozen=True)
class Contents:
    """卷内目录: one row per part (序号, 题名, 日期, 页号); the pages are the laid-out paper's own,
    filled in by whoever lays it out (`Document.pages`), left empty where nobody does (a Word file
    numbers its own)."""

    rows: tuple[tuple[str, str, str], ...]  # (the part's mark, its title, its date)


@dataclass(frozen=True)
class PageTotal:
    """A line that says how many numbered pages the paper has: "{0}" is the count once it is laid out."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Para:
    text: str
    label: str = ""  # a bold lead-in: "协议内容："
    indent: bool = True  # the first line indented two characters, as Chinese papers are


@dataclass(frozen=True)
class Fields:
    """Label and value pairs in a ruled two-column table."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signatures:
    """Lines to sign or seal, each with its label, and the date line under them."""

    lines: tuple[str, ...]
    dated: bool = True


@dataclass(frozen=True)
class Picture:
    path: str  # a name for the picture in the page (attachments: their hash path; never read as a file then)
    caption: str
    data: bytes = b""  # the image's bytes, decrypted in memory; when empty the path is read


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Fields | Table | Signatures | Picture | PageBreak | Contents | PageTotal


@dataclass
class Document:
    kind: str  # agreement / oral / record / dispatch / supervision / followup / dossier
    title: str
    number: str = ""
    header: str = ""  # the issuing body, above the title
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False  # wide tables (the assessment report)
    notices: list[str] = field(default_factory=list)  # said beside the paper, not printed on it
    # A page-numbered paper (the dossier): pages are numbered from the part marked `numbered_from` up to, not
    # including, the part marked `numbered_until` (the cover, the contents and the 备考表 carry no number, as
    # archives number them). `pages` (mark → "3" or "3-5") and `page_count` are filled in once laid out.
    numbered_from: str = ""
    numbered_until: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    page_count: int = 0

    def contents_rows(self, b: Contents) -> list[tuple[str, ...]]:
        return [
            (str(i), title, on, self.pages.get(mark, "")) for i, (mark, title, on) in enumerate(b.rows, 1)
        ]

    def total(self, b: PageTotal) -> str:
        return b.text.format(self.page_count or "____")

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def text(self) -> str:
        """Every word of the document, in order: what a test or a search reads."""
        parts = [self.header, self.title, self.number]
        for b in self.blocks:
            if isinstance(b, Heading):
                parts.append(b.text)
            elif isinstance(b, Contents):
                parts += ["　".join(r) for r in self.contents_rows(b)]
            elif isinstance(b, PageTotal):
                parts.append(b.label + self.total(b))
            elif isinstance(b, Para):
                parts.append(b.label + b.text)
            elif isinstance(b, Fields):
                parts += [f"{k}：{v}" for k, v in b.rows]
            elif isinstance(b, Table):
                parts += ["　".join(b.headers)] + ["　".join(r) for r in b.rows]
            elif isinstance(b, Signatures):
                parts += list(b.lines)
            elif isinstance(b, Picture):
                parts.append(b.caption)
        return "\n".join(p for p in parts if p)

    def _fixed(self, b: Block) -> Block:
        """The contents and the page total as the blocks they print as, with the pages known now."""
        if isinstance(b, Contents):
            return Table(CONTENTS_HEADERS, tuple(self.contents_rows(b)))
        if isinstance(b, PageTotal):
            return Para(self.total(b), label=b.label, indent=False)
        return b

    # ------------------------------------------------------------------------------------------- HTML

    def html(self, picture_width: int = 420) -> str:
        """For QTextDocument: the subset of HTML and CSS it lays out (tables, alignment, page breaks).
        Pictures are `picture_width` layout pixels wide (a page's pixel width differs on screen and paper)."""
        e = html.escape
        out = [
            f"<html><head><meta charset='utf-8'></head><body style=\"font-family: {FALLBACK_FONTS};"
            ' font-size: 12pt">'
        ]
        if self.header:
            out.append(f"<p align='center' style='font-size: 13pt'>{e(self.header)}</p>")
        out.append(
            f"<p align='center' style=\"font-family: '{TITLE_FONT}', {FALLBACK_FONTS}; font-size: 20pt;"
            f' font-weight: bold">{e(self.title)}</p>'
        )
        if self.number:
            out.append(f"<p align='right'>{e(self.number)}</p>")
        for b in self.blocks:
            out.append(_html_block(self._fixed(b), picture_width))
        out.append("</body></html>")
        return "".join(out)

    # ------------------------------------------------------------------------------------------- Word

    def save_docx(self, path: str | Path) -> Path:
        """An editable Word file (opened by WPS and Word) with the same blocks, fonts set for Chinese."""
        from docx import Document as WordDocument
        from docx.enum.section import WD_ORIENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        word = WordDocument()
        section = word.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE if self.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Cm(29.7), Cm(21)) if self.landscape else (Cm(21), Cm(29.7))
        section.left_margin = section.right_margin = Cm(2.6)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        _font(word.styles["Normal"].font, BODY_FONT, Pt(12))

        def centred(text: str, size: int, font: str = BODY_FONT, bold: bool = False) -> None:
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(xml_safe(text)).font, font, Pt(size), bold)

        if self.header:
            centred(self.header, 13)
        centred(self.title, 20, TITLE_FONT, bold=True)
        if self.number:
            word.add_paragraph(xml_safe(self.number)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for b in self.blocks:
            _docx_block(word, self._fixed(b))
        path = Path(path)
        word.save(str(path))
        return path


CONTENTS_HEADERS = ("序号", "题名", "日期", "页号")


def _html_block(b: Block, picture_width: int) -> str:
    e = html.escape
    if isinstance(b, Heading):
        # the mark is an anchor the layout finds again, to say on which page the part begins
        text = f"<a name='{e(b.mark)}'>{e(b.text)}</a>" if b.mark else e(b.text)
        return f"<p style='font-weight: bold; font-size: 13pt; margin-top: 10px'>{text}</p>"
    if isinstance(b, Para):
        lead = f"<b>{e(b.label)}</b>" if b.label else ""
        body = "<br>".join(e(line) for line in b.text.splitlines()) or "&nbsp;"
        indent = " text-indent: 24pt;" if b.indent and not b.label else ""
        return f"<p style='line-height: 150%;{indent}'>{lead}{body}</p>"
    if isinstance(b, Fields):
        rows = "".join(
            f"<tr><td width='22%' style='padding: 4px'><b>{e(k)}</b></td><td style='padding: 4px'>"
            + "<br>".join(e(line) for line in str(v).splitlines())
            + "</td></tr>"
            for k, v in b.rows
        )
        return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{rows}</table><p></p>"
    if isinstance(b, Table):
        head = "".join(f"<th style='padding: 4px'>{e(h)}</th>" for h in b.headers)
        rows = "".join(
            "<tr>" + "".join(f"<td style='padding: 4px'>{e(c)}</td>" for c in r) + "</tr>" for r in b.rows
        )
        table = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        return f"{table}<tr>{head}</tr>{rows}</table><p></p>"
    if isinstance(b, Signatures):
        lines = "".join(
            f"<p style='margin-top: 18px'>{e(line)}：____________________</p>" for line in b.lines
        )
        dated = "<p align='right' style='margin-top: 18px'>年　　月　　日</p>" if b.dated else ""
        return f"<div style='margin-top: 24px'>{lines}{dated}</div>"
    if isinstance(b, Picture):
        return f"<p align='center'><img src='{e(b.path)}' width='{picture_width}'><br>{e(b.caption)}</p>"
    if isinstance(b, PageBreak):
        return "<p style='page-break-after: always'></p>"
    raise TypeError(b)


def _font(font: Any, name: str, size: Any, bold: bool = False) -> None:
    from docx.oxml.ns import qn

    font.name, font.size, font.bold = name, size, bold
    fonts = font.element.rPr.rFonts if font.element.rPr is not None else None
    if fonts is None:
        fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)  # without it Word shows Chinese in its own default face


def _docx_block(word: Any, b: Block) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if isinstance(b, Heading):
        _font(word.add_paragraph().add_run(xml_safe(b.text)).font, BODY_FONT, Pt(13), bold=True)
    elif isinstance(b, Para):
        paragraph = word.add_paragraph()
        if b.label:
            paragraph.add_run(xml_safe(b.label)).bold = True
        elif b.indent:
            paragraph.paragraph_format.first_line_indent = Pt(24)
        paragraph.add_run(xml_safe(b.text))
        paragraph.paragraph_format.line_spacing = 1.5
    elif isinstance(b, Fields | Table):
        headers, rows = ((), b.rows) if isinstance(b, Fields) else (b.headers, b.rows)
        table = word.add_table(rows=0, cols=len(headers or rows[0]) if (headers or rows) else 1)
        table.style = "Table Grid"
        for row_no, values in enumerate(([headers] if headers else []) + list(rows)):
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=False):
                cell.text = xml_safe(str(value))
                if row_no == 0 and headers or (isinstance(b, Fields) and cell is cells[0]):
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        word.add_paragraph()
    elif isinstance(b, Signatures):
        for line in b.lines:
            word.add_paragraph(xml_safe(f"{line}：____________________")).paragraph_format.space_before = Pt(
                12
            )
        if b.dated:
            word.add_paragraph("年　　月　　日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif isinstance(b, Picture):
        if b.data:  # an attachment, decrypted in memory: never written out in plain
            word.add_picture(io.BytesIO(b.data), width=Cm(12))
        elif Path(b.path).is_file():
            word.add_picture(b.path, width=Cm(12))
        word.add_paragraph(b.caption).alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif isinstance(b, PageBreak):
        word.add_page_break()
    else:
        raise TypeError(b)
