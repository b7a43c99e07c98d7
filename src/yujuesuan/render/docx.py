"""The document as a Word file: A4, Chinese fonts named for East Asian text, real Word
tables (header rows repeated across pages), page breaks between parts and tables."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from yujuesuan.render.blocks import (
    PLACEHOLDER_OPEN,
    Document,
    Grid,
    Paragraph,
    Style,
    column_weights,
    is_figure,
    pages,
)

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
    _orient(word.sections[0], landscape=False)
    _font(word.styles["Normal"], 12)
    for name, size in (("表格文字", 8.5), ("宽表文字", 7)):  # table cells, empty ones included
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
        _font(style, size)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
    word.core_properties.title = doc.title
    for n, (landscape, blocks) in enumerate(pages(doc)):
        if n:
            if landscape != (word.sections[-1].orientation == WD_ORIENT.LANDSCAPE):
                _orient(word.add_section(WD_SECTION.NEW_PAGE), landscape)
            else:
                word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for b in blocks:
            if isinstance(b, Paragraph):
                _paragraph(word.add_paragraph(), b)
            elif isinstance(b, Grid):
                _table(word, b, landscape)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _orient(section: object, landscape: bool) -> None:
    """A4, portrait or landscape, with the margins of the printed disclosures."""
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    section.page_width, section.page_height = width, height  # type: ignore[attr-defined]
    section.left_margin = section.right_margin = Mm(18)  # type: ignore[attr-defined]
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)  # type: ignore[attr-defined]


def _widths(g: Grid, usable: int) -> list[int]:
    """Column widths in proportion to the longest text of each column, none too narrow."""
    weights = column_weights(g)
    total = sum(weights)
    return [usable * w // total for w in weights]


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


def _table(word: object, g: Grid, landscape: bool) -> None:
    width = len(g.rows[0])
    table = word.add_table(rows=len(g.rows), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(g, Mm(297 - 36) if landscape else Mm(210 - 36))
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w  # w:gridCol, which LibreOffice and WPS lay the table out by
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
            cell.width = widths[j]
            p = cell.paragraphs[0]
            p.style = "宽表文字" if g.wide else "表格文字"
            if i < g.header:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif (g.numeric_from and j >= g.numeric_from) or is_figure(text):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if text:
                _font(p.add_run(text), size)
        for first, n in g.spans(row):
            if n > 1:
                tr.cells[first].merge(tr.cells[first + n - 1])
