"""The document as a Word file: A4, Chinese fonts named for East Asian text, real Word
tables (header rows repeated across pages), page breaks between parts and tables."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from yujuesuan.render.blocks import PLACEHOLDER_OPEN, Document, Grid, PageBreak, Paragraph, Style

FONT = "宋体"
SIZES = {
    Style.COVER: 22, Style.PART: 16, Style.HEADING: 12, Style.TABLE_TITLE: 14,
    Style.TABLE_META: 9.5, Style.BODY: 12, Style.NOTE: 9.5, Style.CONTENTS: 12, Style.PLAIN: 10.5,
}  # fmt: skip


def _font(run_or_style: object, size: float, bold: bool = False) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), FONT)


def to_docx(doc: Document) -> bytes:
    word = new_document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(18))
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    _font(word.styles["Normal"], 12)
    word.core_properties.title = doc.title
    pending_break = False
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            pending_break = True
            continue
        if isinstance(b, Paragraph):
            p = word.add_paragraph()
            if pending_break:
                p.paragraph_format.page_break_before = True
            _paragraph(p, b)
        elif isinstance(b, Grid):
            if pending_break:
                word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _table(word, b)
        pending_break = False
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _paragraph(p: object, b: Paragraph) -> None:
    fmt = p.paragraph_format  # type: ignore[attr-defined]
    fmt.space_after = Pt(3)
    if b.style in (Style.COVER, Style.PART, Style.TABLE_TITLE):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
    elif b.style is Style.TABLE_META:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # type: ignore[attr-defined]
    elif b.style is Style.BODY:
        fmt.first_line_indent = Pt(24)
    run = p.add_run(b.text)  # type: ignore[attr-defined]
    _font(run, SIZES[b.style], bold=b.style in (Style.COVER, Style.PART, Style.HEADING, Style.TABLE_TITLE))
    if PLACEHOLDER_OPEN in b.text:
        run.font.color.rgb = RGBColor(0xB0, 0x40, 0x00)


def _table(word: object, g: Grid) -> None:
    width = len(g.rows[0])
    table = word.add_table(rows=len(g.rows), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = 7 if g.wide else 8.5
    for i, row in enumerate(g.rows):
        tr = table.rows[i]
        if i < g.header:
            trpr = tr._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            trpr.append(repeat)
        for j, text in enumerate(row):
            cell = tr.cells[j]
            p = cell.paragraphs[0]
            if i < g.header:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif g.numeric_from and j >= g.numeric_from:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if text:
                _font(p.add_run(text), size)
