"""Read a Word (.docx) disclosure into a RawDocument.

The body is walked in document order, paragraphs and tables interleaved, because a
table's title, label and unit line are paragraphs just above it. A paragraph is a
prose line; a table row is a grid row with one cell per grid column of the table, so
that position means column even across merged cells: a merged cell's text sits in
its first (top-left) grid position and every other position it covers reads "".
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from yujuesuan.ingest.ooxml import WORD, check_package, damaged, read_bytes
from yujuesuan.ingest.raw import RawCell, RawDocument, RawLine, grid_row, prose
from yujuesuan.model.disclosure import SourceFile
from yujuesuan.model.provenance import Provenance

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
# Text under these is not the paragraph's own text: deleted revisions, text boxes floating
# on it (not read: the disclosures keep their content in the body) and the duplicate
# fallback copy of a drawing.
_SKIP_UNDER = frozenset(
    {
        qn("w:del"),
        qn("w:txbxContent"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)


def read_docx(path: Path, display_name: str) -> RawDocument:
    """Read ``path``; provenance names the file ``display_name``. Raises InputError."""
    data = read_bytes(path, display_name, WORD)
    document = _open(data, display_name)
    source = SourceFile(name=display_name, format="docx", sha256=hashlib.sha256(data).hexdigest(), pages=None)
    raw = RawDocument(source=source)
    table_index = 0
    for block_index, element in enumerate(_blocks(document.element.body), start=1):
        if isinstance(element, CT_P):
            text = _paragraph_text(element)
            if text:
                raw.lines.append(prose(text, Provenance(file=display_name, line=block_index)))
        elif isinstance(element, CT_Tbl):
            table_index += 1
            raw.lines.extend(_table_lines(element, table_index, block_index, display_name))
    return raw


def _open(data: bytes, name: str) -> DocxDocument:
    """Parse the package, turning every way it can fail into one line for a user."""
    check_package(data, name, WORD)
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # python-docx, zipfile and lxml raise many unrelated types
        raise damaged(name, WORD, exc) from None


def _blocks(container: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """Top-level paragraphs and tables in order; content controls (w:sdt) are opened,
    since templates often wrap cover pages and tables in them."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p: CT_P) -> str:
    """The paragraph's visible text on one line.

    python-docx's ``Paragraph.text`` skips runs inside tracked insertions, simple fields
    and smart tags, so the runs' ``w:t`` are collected directly. Line breaks join with
    "" (a wrapped Chinese header "上缴/上级/支出" reads "上缴上级支出"); a tab becomes a space.
    """
    parts: list[str] = []
    for element in p.iter(_T, _TAB, _BR, _CR):
        if _skipped(element, p):
            continue
        if element.tag == _T:
            parts.append(element.text or "")
        elif element.tag == _TAB:
            parts.append(" ")
    return "".join(parts).strip()


def _skipped(element: BaseOxmlElement, root: CT_P) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag in _SKIP_UNDER:
            return True
        parent = parent.getparent()
    return False


def _cell_text(tc: CT_Tc) -> str:
    """A cell's paragraphs joined with "": a long label wrapped into two paragraphs
    is still one label."""
    return "".join(_paragraph_text(p) for p in tc.p_lst).strip()


def _table_lines(tbl: CT_Tbl, table_index: int, block_index: int, name: str) -> list[RawLine]:
    """One line per non-empty row: a grid row, or prose for a title merged across the row."""
    width = _grid_width(tbl)
    lines: list[RawLine] = []
    for row_index, tr in enumerate(tbl.tr_lst, start=1):
        texts, spans_whole_row = _row_texts(tr, width)
        if not any(texts):
            continue
        row_prov = Provenance(file=name, line=block_index, cell=f"t{table_index}.r{row_index}")
        filled = [t for t in texts if t]
        if spans_whole_row and len(filled) == 1:
            lines.append(prose(filled[0], row_prov))
            continue
        cells = [
            RawCell(
                text,
                Provenance(file=name, line=block_index, cell=f"t{table_index}.r{row_index}.c{col}"),
            )
            for col, text in enumerate(texts, start=1)
        ]
        lines.append(grid_row(cells, row_prov))
    return lines


def _grid_width(tbl: CT_Tbl) -> int:
    """Columns of the table: its declared grid, widened if a row spans more (files
    written by other software do not always keep ``w:tblGrid`` in step)."""
    declared = len(tbl.tblGrid.gridCol_lst) if tbl.find(qn("w:tblGrid")) is not None else 0
    spanned = (tr.grid_before + sum(max(tc.grid_span, 1) for tc in tr.tc_lst) for tr in tbl.tr_lst)
    return max(declared, *spanned, 0)


def _row_texts(tr: CT_Row, width: int) -> tuple[list[str], bool]:
    """The row's text per grid column, and whether one cell covers the whole row.

    Reading ``w:tc`` directly (not ``row.cells``) shows what each grid position is: the
    first of a horizontal span, a later one (""), or a continuation of a vertical merge
    (""; the text was given on the merge's first row). Positions the row leaves out
    (``gridBefore``/``gridAfter``, or a short row) read "".
    """
    texts = [""] * tr.grid_before
    for tc in tr.tc_lst:
        span = max(tc.grid_span, 1)
        first = "" if tc.vMerge == "continue" else _cell_text(tc)
        texts.extend([first] + [""] * (span - 1))
    texts.extend([""] * max(width - len(texts), 0))
    only = tr.tc_lst[0] if len(tr.tc_lst) == 1 else None
    covers_row = (
        width > 1
        and only is not None
        and tr.grid_before == 0
        and only.grid_span >= width
        and only.vMerge != "continue"
    )
    return texts, covers_row
